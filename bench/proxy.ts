/**
 * `npm run bench:proxy [-- --duration S --quick --mode json|stream --airlock-cpu-prof DIR]`: what Airlock adds to
 * a call, against a direct call and against the least any Node.js proxy adds (bench/floor-proxy.ts), in one run on
 * one machine, so the figures compare like with like. A fake backend, the floor and the real gateway (started as a user starts it, from
 * airlock.yaml) run as child processes; autocannon drives them from this process. For each mode (JSON, 200-chunk
 * SSE), concurrency and target: a discarded warm-up, then a measured run. It prints a table and a summary and
 * never fails on timings: on a shared 2-core machine they are evidence, not a verdict. --airlock-cpu-prof exists
 * because when a target is missed, the next question is always where the gateway's time went.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateApiKey, hashApiKey } from '../src/auth/api-keys.ts';
import { forkService, freePort, killAllNow, spawnService, stopAll, type Service } from './lib/children.ts';
import { machineBusySeconds, processCpuSeconds, totalCpuSeconds } from './lib/cpu.ts';
import { BACKEND_MODEL, PUBLIC_MODEL, requestBody } from './lib/fixtures.ts';
import { runLoad } from './lib/load.ts';
import { cellRows, summary, tableHeader, type Cell, type Mode, type TargetName } from './lib/report.ts';
import { verifyReply } from './lib/verify.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const MODES: readonly Mode[] = ['json', 'stream'];
const TARGETS: readonly TargetName[] = ['direct', 'floor', 'airlock'];
/** Temporary directories to remove even when a signal cuts the run short. */
const tmpDirs: string[] = [];

interface Settings {
  readonly durationS: number;
  readonly warmupS: number;
  readonly concurrencies: readonly number[];
  readonly modes: readonly Mode[];
  /** Where airlock writes a V8 CPU profile (node --cpu-prof), or null. */
  readonly airlockCpuProfDir: string | null;
}

function parseSettings(): Settings {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string' },
      quick: { type: 'boolean', default: false },
      mode: { type: 'string' },
      'airlock-cpu-prof': { type: 'string' },
    },
    strict: true,
  });
  const modes = values.mode === undefined ? MODES : MODES.filter((m) => m === values.mode);
  if (modes.length === 0) throw new Error(`--mode expects one of ${MODES.join(', ')}, got ${values.mode}`);
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
    `load: autocannon in this process; backend, floor and airlock are separate processes on the same cores. ` +
      `${settings.warmupS} s warm-up (discarded) + ${settings.durationS} s measured per cell; 4096-byte prompt; ` +
      `stream = 200 content chunks + finish + [DONE]. Latencies are per response at µs precision; ` +
      `cpu µs/req is the target process's CPU time (all threads; the backend's for direct) per 200 reply.`,
  ];
  if (settings.airlockCpuProfDir !== null) {
    lines.push(`airlock runs under --cpu-prof (profile in ${settings.airlockCpuProfDir}): its figures include profiler overhead.`);
  }
  return lines;
}

function airlockConfig(port: number, backendPort: number, dataDir: string, keyHash: string): string {
  return [
    'server:',
    '  host: 127.0.0.1',
    `  port: ${port}`,
    'logging:',
    '  level: info',
    `dataDir: ${JSON.stringify(dataDir)}`,
    'backends:',
    '  - id: bench',
    '    kind: openai',
    `    url: http://127.0.0.1:${backendPort}/v1`,
    '    jurisdiction: on-prem',
    '    models:',
    `      ${PUBLIC_MODEL}: ${BACKEND_MODEL}`,
    '    pool:',
    '      connections: 128',
    'tenants:',
    '  - id: bench',
    '    keys:',
    `      - { id: bench, hash: ${JSON.stringify(keyHash)} }`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const settings = parseSettings();
  for (const line of machineFacts(settings)) console.log(line);
  console.log('');

  const tmp = mkdtempSync(join(tmpdir(), 'airlock-bench-'));
  tmpDirs.push(tmp);
  try {
    const key = generateApiKey();
    const backend = await forkService('fake backend', fileURLToPath(new URL('./fake-backend.ts', import.meta.url)));
    const backendOrigin = `http://127.0.0.1:${backend.port}`;
    const floor = await forkService('floor proxy', fileURLToPath(new URL('./floor-proxy.ts', import.meta.url)), {
      BENCH_FLOOR_KEY: key,
      BENCH_FLOOR_UPSTREAM: backendOrigin,
    });
    const airlockPort = await freePort();
    const configPath = join(tmp, 'airlock.yaml');
    writeFileSync(configPath, airlockConfig(airlockPort, backend.port, join(tmp, 'data'), hashApiKey(key)));
    const profFlags = settings.airlockCpuProfDir === null ? [] : ['--cpu-prof', '--cpu-prof-dir', resolve(settings.airlockCpuProfDir)];
    const airlock = await spawnService('airlock', [...profFlags, 'src/cli/main.ts', 'serve', '--config', configPath], {
      cwd: REPO_ROOT,
      port: airlockPort,
      readyUrl: `http://127.0.0.1:${airlockPort}/healthz`,
    });

    const services: Record<TargetName, Service> = { direct: backend, floor, airlock };
    const urlOf = (t: TargetName) => `http://127.0.0.1:${services[t].port}/v1/chat/completions`;
    const bodies: Record<Mode, string> = { json: requestBody(false), stream: requestBody(true) };

    const expectedLength = new Map<string, number>();
    for (const mode of settings.modes) {
      for (const target of TARGETS) {
        const model = target === 'airlock' ? PUBLIC_MODEL : BACKEND_MODEL;
        try {
          expectedLength.set(`${mode}/${target}`, await verifyReply(urlOf(target), key, bodies[mode], mode === 'stream', model));
        } catch (err) {
          throw new Error(`${target} gave a wrong ${mode} reply before any load: ${(err as Error).message}`, { cause: err });
        }
      }
    }

    console.log(tableHeader());
    const cells: Cell[] = [];
    for (const mode of settings.modes) {
      for (const conc of settings.concurrencies) {
        for (const target of TARGETS) {
          const options = {
            url: urlOf(target),
            key,
            body: bodies[mode],
            connections: conc,
            expectedBodyLength: expectedLength.get(`${mode}/${target}`) as number,
          };
          await runLoad({ ...options, durationS: settings.warmupS });
          const pid = services[target].proc.pid;
          const ours = [process.pid, backend.proc.pid, floor.proc.pid, airlock.proc.pid];
          const before = { target: processCpuSeconds(pid), ours: totalCpuSeconds(ours), machine: machineBusySeconds(), at: performance.now() };
          const result = await runLoad({ ...options, durationS: settings.durationS });
          const after = { target: processCpuSeconds(pid), ours: totalCpuSeconds(ours), machine: machineBusySeconds(), at: performance.now() };
          const cpuUsPerReq = diff(before.target, after.target, (d) => (d * 1e6) / result.ok);
          const wallS = (after.at - before.at) / 1000;
          const otherCpuShare = diff(before.machine, after.machine, (machine) =>
            diff(before.ours, after.ours, (own) => Math.max(0, machine - own) / (wallS * availableParallelism())),
          );
          const cell: Cell = { mode, conc, target, result, cpuUsPerReq, otherCpuShare };
          cells.push(cell);
          const direct = cells.find((c) => c.mode === mode && c.conc === conc && c.target === 'direct');
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
