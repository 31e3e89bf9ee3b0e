/**
 * `npm run bench:detect [-- --quick --only ENGINES --injection-only --json --corpus F --rules F --injection-corpus F]`:
 * Airlock's detection engine against two peer libraries (redact-pii, openredaction) in one run on one machine, on
 * the same inputs: latency per ~4 KB prompt (p50/p99 over hundreds of prompts built from the labelled corpus),
 * throughput over a ~10 MB repetition of the corpus, and span-level precision/recall/F1 plus the share of benign
 * texts altered on the labelled corpus. A second section does the same for the prompt-injection detector against
 * a naive regex and a peer library (naive-regex, vard) on three workloads (lib/detect-injection.ts); `--only`
 * picks engines of either section (airlock is in both; a section none of whose engines is picked is skipped) and
 * `--injection-only` skips the PII section. Everything runs in this process on its main thread, one call at a
 * time, so the figures are single-core and free of IPC. It prints tables (or JSON) and never fails on timings or
 * scores: on a shared machine they are evidence, not a verdict.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildPrompts, buildVolume, loadCorpus, loadRules, utf8Bytes, type CorpusText } from './lib/detect-corpus.ts';
import { createEngine, ENGINE_NAMES, type Engine, type EngineName } from './lib/detect-engines.ts';
import { newTally, rates, scoreText, type Tally } from './lib/detect-quality.ts';
import { notes, table, type EngineResult, type LatencyResult, type ThroughputResult } from './lib/detect-report.ts';
import { buildInjectionWorkloads, measureInjection, type InjectionEngineResult, type InjectionWorkload } from './lib/detect-injection.ts';
import { INJECTION_ENGINE_NAMES, type InjectionEngineName } from './lib/detect-injection-engines.ts';
import { injectionHeader, injectionNotes, injectionTable, INJECTION_P50_TARGET_MS, targetMet } from './lib/detect-injection-report.ts';
import { cpuSnapshot, otherCpuShare, percentile } from './lib/detect-timing.ts';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
const PROMPT_BYTES = 4096;
/** Fixed seeds: the measured and the warm-up prompts are the same strings on every run and machine. */
const PROMPT_SEED = 1;
const WARMUP_SEED = 2;

interface Settings {
  readonly quick: boolean;
  readonly json: boolean;
  readonly engines: readonly EngineName[];
  readonly injectionEngines: readonly InjectionEngineName[];
  readonly corpusPath: string;
  readonly injectionCorpusPath: string;
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
      'injection-only': { type: 'boolean', default: false },
      corpus: { type: 'string' },
      rules: { type: 'string' },
      'injection-corpus': { type: 'string' },
    },
    strict: true,
  });
  const known: readonly string[] = [...new Set<string>([...ENGINE_NAMES, ...INJECTION_ENGINE_NAMES])];
  const wanted = values.only?.split(',').map((s) => s.trim()) ?? known;
  const unknown = wanted.filter((w) => !known.includes(w));
  if (unknown.length > 0 || wanted.length === 0) {
    throw new Error(`--only expects ${known.join(', ')} (comma-separated), got ${values.only}`);
  }
  const quick = values.quick;
  const engines = values['injection-only'] ? [] : ENGINE_NAMES.filter((n) => wanted.includes(n));
  const injectionEngines = INJECTION_ENGINE_NAMES.filter((n) => wanted.includes(n));
  if (engines.length === 0 && injectionEngines.length === 0) {
    throw new Error(`--injection-only needs at least one of ${INJECTION_ENGINE_NAMES.join(', ')} in --only`);
  }
  return {
    quick,
    json: values.json,
    engines,
    injectionEngines,
    corpusPath: values.corpus ?? `${FIXTURES}detect-corpus.jsonl`,
    injectionCorpusPath: values['injection-corpus'] ?? `${FIXTURES}injection-corpus.jsonl`,
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
    ...(settings.engines.length === 0 ? [] : [`latency: ${work.warmup.length} warm-up + ${work.prompts.length} measured prompts of >= ${PROMPT_BYTES} bytes ` +
      `(mean ${meanPrompt}); throughput: ${(work.volume.bytes / 1e6).toFixed(1)} MB in ${work.volume.texts.length} texts` +
      (settings.quick ? '; --quick' : '')]),
  ];
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

interface InjectionRun {
  readonly workloads: readonly InjectionWorkload[];
  readonly results: readonly InjectionEngineResult[];
}

/** The injection workloads, built before anything is timed, or null when no injection engine was picked. */
function buildInjection(settings: Settings, work: Workload): InjectionWorkload[] | null {
  if (settings.injectionEngines.length === 0) return null;
  if (!existsSync(settings.injectionCorpusPath)) throw new Error(`${settings.injectionCorpusPath} does not exist (pass --injection-corpus)`);
  return buildInjectionWorkloads({
    corpusPath: settings.injectionCorpusPath,
    piiPrompts: work.prompts,
    piiWarmup: work.warmup,
    prompts: settings.prompts,
    warmupPrompts: settings.warmupPrompts,
    promptBytes: PROMPT_BYTES,
    promptSeed: PROMPT_SEED,
    warmupSeed: WARMUP_SEED,
  });
}

function injectionJson(run: InjectionRun, settings: Settings): unknown {
  return {
    targetP50Ms: INJECTION_P50_TARGET_MS,
    workloads: run.workloads.map((w) => ({
      name: w.name,
      what: w.what,
      attacks: w.attacks,
      prompts: w.prompts.length,
      warmupPrompts: w.warmup.length,
      meanPromptBytes: Math.round(w.prompts.reduce((n, p) => n + utf8Bytes(p), 0) / w.prompts.length),
      volumeBytes: settings.volumeBytes,
      airlockTargetMet: targetMet(run.results, w.name),
    })),
    engines: run.results,
  };
}

async function main(): Promise<void> {
  const settings = parseSettings();
  const work = buildWorkload(settings);
  const rules = loadRules(settings.rulesPath);
  const injectionWorkloads = buildInjection(settings, work);
  const facts = machineFacts();
  // Progress goes to stderr so --json output on stdout stays parseable.
  const log = (line: string) => process.stderr.write(`bench:detect: ${line}\n`);
  if (!settings.json) for (const line of [...header(settings, work, facts), '']) console.log(line);

  const results: EngineResult[] = [];
  for (const name of settings.engines) results.push(await measure(await createEngine(name, rules), work, log));
  // Each injection engine runs in a fresh worker thread, so what ran before cannot slow it (lib/detect-injection.ts).
  const injection: InjectionRun | null =
    injectionWorkloads === null
      ? null
      : { workloads: injectionWorkloads, results: await measureInjection(settings.injectionEngines, injectionWorkloads, settings.volumeBytes, log) };

  if (settings.json) {
    const engines = results.map((r) => ({ ...r, quality: { ...r.quality, allRates: rates(r.quality.all), sharedRates: rates(r.quality.shared) } }));
    const corpus = {
      texts: work.corpus.length,
      benign: work.corpus.filter((c) => c.benign).length,
      entities: work.corpus.reduce((n, c) => n + c.entities.length, 0),
      meanPromptBytes: results[0]?.latency.meanPromptBytes ?? null,
      volumeBytes: work.volume.bytes,
    };
    const injectionOut = injection === null ? null : injectionJson(injection, settings);
    console.log(JSON.stringify({ machine: facts, settings, corpus, engines, injection: injectionOut }, null, 2));
    return;
  }
  if (results.length > 0) for (const line of [...table(results), '', ...notes(results)]) console.log(line);
  if (injection !== null) {
    if (results.length > 0) console.log('');
    const lines = [
      ...injectionHeader(injection.workloads, settings.injectionCorpusPath, settings.volumeBytes),
      '',
      ...injectionTable(injection.workloads, injection.results),
      '',
      ...injectionNotes(injection.results),
    ];
    for (const line of lines) console.log(line);
  }
}

try {
  await main();
} catch (err) {
  console.error(`bench:detect: ${(err as Error).message}`);
  process.exitCode = 1;
}
