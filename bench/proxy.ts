/**
 * `npm run bench:proxy [-- --duration S --quick --mode json|stream --target airlock,airlock-full
 * --airlock-cpu-prof DIR]`: what Airlock adds to a call, against a direct call and against the least any Node.js
 * proxy adds (bench/floor-proxy.ts), in one run on one machine, so the figures compare like with like. A fake
 * backend, the floor and the real gateways (started as a user starts them, from airlock.yaml) run as child
 * processes; autocannon drives them from this process. For each mode (JSON, 200-chunk SSE), concurrency and
 * target: a discarded warm-up, then a measured run. It prints a table and a summary and never fails on timings:
 * on a shared 2-core machine they are evidence, not a verdict. --airlock-cpu-prof exists because when a target is
 * missed, the next question is always where the gateway's time went.
 *
 * Two gateways, two prompts, each with its own baselines. `airlock` (the default policy, one on-prem backend)
 * gets the plain 4 KB prompt, in which there is nothing to find: its figures are the gateway core's, judged
 * against the gateway-core targets. `airlock+policy` (bench/lib/configs.ts: a policy that pseudonymizes and
 * masks, classifies and restricts by level; two backends, one excluded by residency) gets a 4 KB CRM ticket with
 * ten findings (bench/lib/pii-prompt.ts), so every stage does real work on every request, and is judged against
 * the full-pipeline targets. The prompts are the same size, but direct and floor are measured again on the
 * second one rather than reused: each gateway's "added" is then against baselines that received exactly the
 * same bytes in the same run, at the cost of two more rows per cell (whose spread against the first two also
 * shows how noisy the machine is). Giving every target the 10-finding prompt instead would have turned the
 * plain `airlock` row into a second, weaker full-pipeline row and left nothing to hold the gateway core to its
 * own targets. Before any load each row's reply is verified, and the full pipeline's work is proven
 * (verifyFullPipeline); a misconfigured pipeline fails the run, since its figures would measure nothing.
 * --target picks gateways (`airlock`, `airlock-full`); each brings the direct and floor rows of its prompt.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateApiKey, hashApiKey } from '../src/auth/api-keys.ts';
import { forkService, freePort, killAllNow, spawnService, stopAll, type Service } from './lib/children.ts';
import { airlockConfig, fullConfig } from './lib/configs.ts';
import { machineBusySeconds, processCpuSeconds, totalCpuSeconds } from './lib/cpu.ts';
import { BACKEND_MODEL, PUBLIC_MODEL, requestBody } from './lib/fixtures.ts';
import { runLoad } from './lib/load.ts';
import { PII_PROMPT } from './lib/pii-prompt.ts';
import { cellRows, GOALS, summary, tableHeader, type Cell, type Gateway, type Mode, type Prompt, type TargetName } from './lib/report.ts';
import { verifyFullPipeline, verifyReply } from './lib/verify.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const MODES: readonly Mode[] = ['json', 'stream'];
/** --target names → the gateway each starts (its prompt, and so its direct and floor rows, is in GOALS). */
const GATEWAYS: Readonly<Record<string, Gateway>> = { airlock: 'airlock', 'airlock-full': 'airlock+policy' };
const PROMPT_TEXT: Readonly<Record<Prompt, string | undefined>> = { plain: undefined, pii: PII_PROMPT };
/** Temporary directories to remove even when a signal cuts the run short. */
const tmpDirs: string[] = [];

interface Settings {
  readonly durationS: number;
  readonly warmupS: number;
  readonly concurrencies: readonly number[];
  readonly modes: readonly Mode[];
  readonly gateways: readonly Gateway[];
  /** Where each gateway writes a V8 CPU profile (node --cpu-prof), or null. */
  readonly airlockCpuProfDir: string | null;
}

interface Row {
  readonly prompt: Prompt;
  readonly target: TargetName;
  readonly service: Service;
  readonly model: string;
}

function parseSettings(): Settings {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string' },
      quick: { type: 'boolean', default: false },
      mode: { type: 'string' },
      target: { type: 'string' },
      'airlock-cpu-prof': { type: 'string' },
    },
    strict: true,
  });
  const modes = values.mode === undefined ? MODES : MODES.filter((m) => m === values.mode);
  if (modes.length === 0) throw new Error(`--mode expects one of ${MODES.join(', ')}, got ${values.mode}`);
  const names = values.target === undefined ? Object.keys(GATEWAYS) : values.target.split(',').map((t) => t.trim());
  const unknown = names.filter((t) => !(t in GATEWAYS));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`--target expects a comma-separated list of ${Object.keys(GATEWAYS).join(', ')}, got ${values.target}`);
  }
  const quick = values.quick;
  const durationS = values.duration !== undefined ? Number(values.duration) : quick ? 1 : 4;
  if (!Number.isFinite(durationS) || durationS <= 0 || durationS > 600) {
    throw new Error(`--duration expects a number of seconds between 0 and 600, got ${values.duration}`);
  }
  return {
    durationS,
    warmupS: Math.min(1, durationS),
    concurrencies: quick ? [1, 16] : [1, 16, 64],
    modes,
    gateways: Object.entries(GATEWAYS).filter(([name]) => names.includes(name)).map(([, gateway]) => gateway),
    airlockCpuProfDir: values['airlock-cpu-prof'] ?? null,
  };
}

/** f(after - before), or null when either reading is missing. */
function diff(before: number | null, after: number | null, f: (delta: number) => number | null): number | null {
  return before === null || after === null ? null : f(after - before);
}

function machineFacts(settings: Settings): string[] {
  const cpu = cpus()[0];
  // Virtual machines often report a speed of 0.
  const speed = cpu !== undefined && cpu.speed > 0 ? ` @ ${cpu.speed} MHz` : '';
  const lines = [
    `node ${process.version} (${process.platform} ${process.arch}); CPU ${cpu?.model ?? 'unknown'}${speed}; ` +
      `${availableParallelism()} usable cores (${cpus().length} logical); ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM; ` +
      `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    `load: autocannon in this process; backend, floor and gateways are separate processes on the same cores. ` +
      `${settings.warmupS} s warm-up (discarded) + ${settings.durationS} s measured per cell; ` +
      `stream = 200 content chunks + finish + [DONE]. Latencies are per response at µs precision; ` +
      `cpu µs/req is the target process's CPU time (all threads; the backend's for direct) per 200 reply.`,
    `prompts (4096 bytes each): plain = shop-support text with nothing to find; pii = CRM ticket with 10 findings ` +
      `(3 e-mails, 2 phones, 2 names, IBAN, street address, business term).`,
  ];
  if (settings.gateways.includes('airlock')) lines.push('airlock = default policy, one on-prem backend.');
  if (settings.gateways.includes('airlock+policy')) {
    lines.push(
      'airlock+policy = custom policy: 9 values pseudonymized + IBAN masked, level confidential → EU only, ' +
        'so of the alias\'s two backends the preferred US one is excluded and DE serves every request.',
    );
  }
  if (settings.airlockCpuProfDir !== null) {
    lines.push(`gateways run under --cpu-prof (profiles in ${settings.airlockCpuProfDir}): their figures include profiler overhead.`);
  }
  return lines;
}

/** Starts one gateway from its own airlock.yaml in front of the fake backend. */
async function startGateway(name: Gateway, tmp: string, keyHash: string, backendPort: number, settings: Settings): Promise<Service> {
  const port = await freePort();
  const dataDir = join(tmp, `${name}-data`);
  const configPath = join(tmp, `${name}.yaml`);
  writeFileSync(
    configPath,
    name === 'airlock'
      ? airlockConfig({ port, dataDir, keyHash, backendPort })
      : // Bound and released at once: nothing listens there, so a request routed to it is refused.
        fullConfig({ port, dataDir, keyHash, backendPort, unusedPort: await freePort() }),
  );
  const profFlags = settings.airlockCpuProfDir === null ? [] : ['--cpu-prof', '--cpu-prof-dir', resolve(settings.airlockCpuProfDir)];
  const service = await spawnService(name, [...profFlags, 'src/cli/main.ts', 'serve', '--config', configPath], {
    cwd: REPO_ROOT,
    port,
    readyUrl: `http://127.0.0.1:${port}/healthz`,
  });
  if (settings.airlockCpuProfDir !== null) console.log(`${name}: pid ${service.proc.pid} (its profile is CPU.*.${service.proc.pid}.*.cpuprofile)`);
  return service;
}

async function main(): Promise<void> {
  const settings = parseSettings();
  for (const line of machineFacts(settings)) console.log(line);
  console.log('');

  const tmp = mkdtempSync(join(tmpdir(), 'airlock-bench-'));
  tmpDirs.push(tmp);
  try {
    const key = generateApiKey();
    const keyHash = hashApiKey(key);
    const backend = await forkService('fake backend', fileURLToPath(new URL('./fake-backend.ts', import.meta.url)), {
      BENCH_BACKEND_RECORD: settings.gateways.includes('airlock+policy') ? '1' : '0',
    });
    const backendOrigin = `http://127.0.0.1:${backend.port}`;
    const floor = await forkService('floor proxy', fileURLToPath(new URL('./floor-proxy.ts', import.meta.url)), {
      BENCH_FLOOR_KEY: key,
      BENCH_FLOOR_UPSTREAM: backendOrigin,
    });
    const rows: Row[] = [];
    for (const gateway of settings.gateways) {
      const service = await startGateway(gateway, tmp, keyHash, backend.port, settings);
      const { prompt } = GOALS[gateway];
      rows.push(
        { prompt, target: 'direct', service: backend, model: BACKEND_MODEL },
        { prompt, target: 'floor', service: floor, model: BACKEND_MODEL },
        { prompt, target: gateway, service, model: PUBLIC_MODEL },
      );
    }

    const urlOf = (row: Row) => `http://127.0.0.1:${row.service.port}/v1/chat/completions`;
    const bodyOf = (row: Row, mode: Mode) => requestBody(mode === 'stream', PROMPT_TEXT[row.prompt]);
    const expectedLength = new Map<string, number>();
    for (const mode of settings.modes) {
      for (const row of rows) {
        try {
          const reply = await verifyReply(urlOf(row), key, bodyOf(row, mode), mode === 'stream', row.model);
          if (row.target === 'airlock+policy') await verifyFullPipeline(reply.headers, backendOrigin);
          expectedLength.set(`${mode}/${row.prompt}/${row.target}`, reply.length);
        } catch (err) {
          throw new Error(`${row.target} (${row.prompt} prompt) gave a wrong ${mode} reply before any load: ${(err as Error).message}`, { cause: err });
        }
      }
    }

    console.log(tableHeader());
    const cells: Cell[] = [];
    const ours = [process.pid, ...new Set(rows.map((r) => r.service.proc.pid))];
    for (const mode of settings.modes) {
      for (const conc of settings.concurrencies) {
        for (const row of rows) {
          const options = {
            url: urlOf(row),
            key,
            body: bodyOf(row, mode),
            connections: conc,
            expectedBodyLength: expectedLength.get(`${mode}/${row.prompt}/${row.target}`) as number,
          };
          await runLoad({ ...options, durationS: settings.warmupS });
          const pid = row.service.proc.pid;
          const before = { target: processCpuSeconds(pid), ours: totalCpuSeconds(ours), machine: machineBusySeconds(), at: performance.now() };
          const result = await runLoad({ ...options, durationS: settings.durationS });
          const after = { target: processCpuSeconds(pid), ours: totalCpuSeconds(ours), machine: machineBusySeconds(), at: performance.now() };
          const cpuUsPerReq = diff(before.target, after.target, (d) => (d * 1e6) / result.ok);
          const wallS = (after.at - before.at) / 1000;
          const otherCpuShare = diff(before.machine, after.machine, (machine) =>
            diff(before.ours, after.ours, (own) => Math.max(0, machine - own) / (wallS * availableParallelism())),
          );
          const cell: Cell = { mode, conc, prompt: row.prompt, target: row.target, result, cpuUsPerReq, otherCpuShare };
          cells.push(cell);
          const direct = cells.find((c) => c.mode === mode && c.conc === conc && c.prompt === row.prompt && c.target === 'direct');
          for (const line of cellRows(cell, direct)) console.log(line);
        }
      }
    }
    for (const line of summary(cells, settings.modes)) console.log(line);
  } finally {
    await stopAll();
    rmSync(tmp, { recursive: true, force: true });
  }
}

process.on('exit', () => {
  killAllNow();
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopAll(1_000).finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (err) {
  console.error(`bench:proxy: ${(err as Error).message}`);
  process.exitCode = 1;
}
