/**
 * `npm run bench:detect [-- --quick --only airlock|redact-pii|openredaction --json --corpus F --rules F]`: Airlock's
 * detection engine against two peer libraries (redact-pii, openredaction) in one run on one machine, on the same
 * inputs: latency per ~4 KB prompt (p50/p99 over hundreds of prompts built from the labelled corpus), throughput
 * over a ~10 MB repetition of the corpus, and span-level precision/recall/F1 plus the share of benign texts
 * altered on the labelled corpus. Everything runs in this process on its main thread, one call at a time, so the
 * figures are single-core and free of IPC. It prints a table (or JSON) and never fails on timings or scores:
 * on a shared machine they are evidence, not a verdict.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineBusySeconds, processCpuSeconds } from './lib/cpu.ts';
import { buildPrompts, buildVolume, loadCorpus, loadRules, utf8Bytes, type CorpusText } from './lib/detect-corpus.ts';
import { createEngine, ENGINE_NAMES, type Engine, type EngineName } from './lib/detect-engines.ts';
import { newTally, rates, scoreText, type Tally } from './lib/detect-quality.ts';
import { notes, table, type EngineResult, type LatencyResult, type ThroughputResult } from './lib/detect-report.ts';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
const PROMPT_BYTES = 4096;
/** Fixed seeds: the measured and the warm-up prompts are the same strings on every run and machine. */
const PROMPT_SEED = 1;
const WARMUP_SEED = 2;

interface Settings {
  readonly quick: boolean;
  readonly json: boolean;
  readonly engines: readonly EngineName[];
  readonly corpusPath: string;
  readonly rulesPath: string;
  readonly prompts: number;
  readonly warmupPrompts: number;
  readonly volumeBytes: number;
}

function parseSettings(): Settings {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
      corpus: { type: 'string' },
      rules: { type: 'string' },
    },
    strict: true,
  });
  const wanted = values.only?.split(',').map((s) => s.trim()) ?? ENGINE_NAMES;
  const unknown = wanted.filter((w) => !(ENGINE_NAMES as readonly string[]).includes(w));
  if (unknown.length > 0 || wanted.length === 0) {
    throw new Error(`--only expects ${ENGINE_NAMES.join(', ')} (comma-separated), got ${values.only}`);
  }
  const quick = values.quick;
  return {
    quick,
    json: values.json,
    engines: ENGINE_NAMES.filter((n) => wanted.includes(n)),
    corpusPath: values.corpus ?? `${FIXTURES}detect-corpus.jsonl`,
    rulesPath: values.rules ?? `${FIXTURES}detect-corpus.rules.json`,
    prompts: quick ? 100 : 1000,
    warmupPrompts: quick ? 20 : 100,
    volumeBytes: quick ? 1e6 : 10e6,
  };
}

function machineFacts(): Record<string, string | number> {
  const cpu = cpus()[0];
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpu?.model ?? 'unknown',
    // Virtual machines often report a speed of 0.
    cpuMHz: cpu?.speed ?? 0,
    usableCores: availableParallelism(),
    ramGiB: Number((totalmem() / 1024 ** 3).toFixed(1)),
    loadAverage: loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

/** Runs the engine once on `text`; awaits only when its API is asynchronous. */
async function runOnce(engine: Engine, text: string): Promise<void> {
  const pending = engine.run(text);
  if (pending !== undefined) await pending;
}

/** Nearest-rank percentile of ascending values. */
const percentile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;

async function measureLatency(engine: Engine, prompts: readonly string[], warmup: readonly string[]): Promise<LatencyResult> {
  for (const prompt of warmup) await runOnce(engine, prompt);
  const durations: number[] = [];
  for (const prompt of prompts) {
    const t0 = process.hrtime.bigint();
    const pending = engine.run(prompt);
    if (pending !== undefined) await pending;
    durations.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  durations.sort((a, b) => a - b);
  const bytes = prompts.reduce((sum, p) => sum + utf8Bytes(p), 0);
  return {
    prompts: prompts.length,
    meanPromptBytes: Math.round(bytes / prompts.length),
    p50Ms: percentile(durations, 0.5),
    p99Ms: percentile(durations, 0.99),
    maxMs: durations[durations.length - 1] ?? NaN,
  };
}

async function measureThroughput(engine: Engine, volume: { texts: readonly string[]; bytes: number }): Promise<ThroughputResult> {
  const t0 = process.hrtime.bigint();
  for (const text of volume.texts) {
    const pending = engine.run(text);
    if (pending !== undefined) await pending;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { texts: volume.texts.length, bytes: volume.bytes, seconds, mbPerS: volume.bytes / 1e6 / seconds };
}

async function measureQuality(engine: Engine, corpus: readonly CorpusText[]): Promise<Tally> {
  const tally = newTally();
  for (const item of corpus) scoreText(tally, item.entities, await engine.spans(item.text), item.benign);
  return tally;
}

interface Workload {
  readonly corpus: readonly CorpusText[];
  readonly prompts: readonly string[];
  readonly warmup: readonly string[];
  readonly volume: { texts: readonly string[]; bytes: number };
}

function buildWorkload(settings: Settings): Workload {
  for (const path of [settings.corpusPath, settings.rulesPath]) {
    if (!existsSync(path)) throw new Error(`${path} does not exist (generate the corpus first, or pass --corpus/--rules)`);
  }
  const corpus = loadCorpus(settings.corpusPath);
  const texts = corpus.map((c) => c.text);
  return {
    corpus,
    prompts: buildPrompts(texts, settings.prompts, PROMPT_BYTES, PROMPT_SEED),
    warmup: buildPrompts(texts, settings.warmupPrompts, PROMPT_BYTES, WARMUP_SEED),
    volume: buildVolume(texts, settings.volumeBytes),
  };
}

function header(settings: Settings, work: Workload, facts: Record<string, string | number>): string[] {
  const entities = work.corpus.reduce((n, c) => n + c.entities.length, 0);
  const benign = work.corpus.filter((c) => c.benign).length;
  const meanPrompt = Math.round(work.prompts.reduce((n, p) => n + utf8Bytes(p), 0) / work.prompts.length);
  const mhz = Number(facts.cpuMHz) > 0 ? ` @ ${facts.cpuMHz} MHz` : '';
  return [
    `node ${facts.node} (${facts.platform}); CPU ${facts.cpu}${mhz}; ${facts.usableCores} usable cores; ` +
      `${facts.ramGiB} GiB RAM; load average ${facts.loadAverage}`,
    `single-threaded, in-process: every engine runs on this process's main thread, one call at a time (one core).`,
    `corpus: ${work.corpus.length} texts (${benign} benign, ${entities} gold entities) from ${settings.corpusPath}`,
    `latency: ${work.warmup.length} warm-up + ${work.prompts.length} measured prompts of >= ${PROMPT_BYTES} bytes ` +
      `(mean ${meanPrompt}); throughput: ${(work.volume.bytes / 1e6).toFixed(1)} MB in ${work.volume.texts.length} texts` +
      (settings.quick ? '; --quick' : ''),
  ];
}

/** CPU readings around the timed phases, to tell a reader when other processes competed for the cores. */
function cpuSnapshot(): { own: number | null; machine: number | null; at: number } {
  return { own: processCpuSeconds(process.pid), machine: machineBusySeconds(), at: performance.now() };
}

/** Share of the machine's CPU used by other processes between two snapshots, or null without /proc. */
function otherCpuShare(before: ReturnType<typeof cpuSnapshot>, after: ReturnType<typeof cpuSnapshot>): number | null {
  if (before.own === null || after.own === null || before.machine === null || after.machine === null) return null;
  const others = after.machine - before.machine - (after.own - before.own);
  return Math.max(0, others) / (((after.at - before.at) / 1000) * availableParallelism());
}

async function measure(engine: Engine, work: Workload, log: (line: string) => void): Promise<EngineResult> {
  const before = cpuSnapshot();
  log(`${engine.name}: latency`);
  const latency = await measureLatency(engine, work.prompts, work.warmup);
  log(`${engine.name}: throughput`);
  const throughput = await measureThroughput(engine, work.volume);
  const otherCpu = otherCpuShare(before, cpuSnapshot());
  log(`${engine.name}: quality`);
  const quality = await measureQuality(engine, work.corpus);
  return { name: engine.name, how: engine.how, latency, throughput, otherCpuShare: otherCpu, quality };
}

async function main(): Promise<void> {
  const settings = parseSettings();
  const work = buildWorkload(settings);
  const rules = loadRules(settings.rulesPath);
  const facts = machineFacts();
  // Progress goes to stderr so --json output on stdout stays parseable.
  const log = (line: string) => process.stderr.write(`bench:detect: ${line}\n`);
  if (!settings.json) for (const line of [...header(settings, work, facts), '']) console.log(line);

  const results: EngineResult[] = [];
  for (const name of settings.engines) results.push(await measure(await createEngine(name, rules), work, log));

  if (settings.json) {
    const engines = results.map((r) => ({ ...r, quality: { ...r.quality, allRates: rates(r.quality.all), sharedRates: rates(r.quality.shared) } }));
    const corpus = {
      texts: work.corpus.length,
      benign: work.corpus.filter((c) => c.benign).length,
      entities: work.corpus.reduce((n, c) => n + c.entities.length, 0),
      meanPromptBytes: results[0]?.latency.meanPromptBytes ?? null,
      volumeBytes: work.volume.bytes,
    };
    console.log(JSON.stringify({ machine: facts, settings, corpus, engines }, null, 2));
    return;
  }
  for (const line of [...table(results), '', ...notes(results)]) console.log(line);
}

try {
  await main();
} catch (err) {
  console.error(`bench:detect: ${(err as Error).message}`);
  process.exitCode = 1;
}
