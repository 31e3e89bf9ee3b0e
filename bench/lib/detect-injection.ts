/**
 * The prompt-injection part of `npm run bench:detect`: Airlock's `scoreInjection` against a naive regex and a
 * peer library, on three workloads of ~4 KB prompts that every engine gets identically (seeded builds):
 * `pii-dense` (the PII benchmark's prompts: commerce text dense with PII and business data, no attacks),
 * `benign` (benign texts of the injection corpus, many of them full of trigger words used innocently) and
 * `attacks` (benign texts with one attack inserted). Per engine and workload it times one call per prompt
 * (p50/p99 after a discarded warm-up), the throughput over the prompts cycled to a fixed volume, and the share
 * of prompts flagged. Like the rest of the benchmark it never fails on what it measures.
 *
 * Each engine runs in a worker thread of its own (a fresh V8 isolate), one call at a time while the main
 * thread waits: in a shared isolate, regex-heavy code whose expressions are first run after another engine has
 * run thousands of texts was measured up to ~2x slower (scoreInjection after openredaction, redact-pii after
 * scoreInjection), so the figures would depend on the order of the engines rather than on the engines.
 */
import { Worker } from 'node:worker_threads';
import { buildPrompts, buildVolume, utf8Bytes } from './detect-corpus.ts';
import { buildAttackPrompts, loadInjectionCorpus } from './detect-injection-corpus.ts';
import { createInjectionEngine, type InjectionEngine, type InjectionEngineName } from './detect-injection-engines.ts';
import { cpuSnapshot, otherCpuShare, percentile } from './detect-timing.ts';

export const INJECTION_WORKLOADS = ['pii-dense', 'benign', 'attacks'] as const;
export type InjectionWorkloadName = (typeof INJECTION_WORKLOADS)[number];

export interface InjectionWorkload {
  readonly name: InjectionWorkloadName;
  /** What the prompts are made of, for the report. */
  readonly what: string;
  /** Whether every prompt carries an attack (flagged = detected) or none does (flagged = false positive). */
  readonly attacks: boolean;
  readonly prompts: readonly string[];
  readonly warmup: readonly string[];
}

export interface InjectionOptions {
  readonly corpusPath: string;
  /** The PII benchmark's ~4 KB prompts, measured and warm-up. */
  readonly piiPrompts: readonly string[];
  readonly piiWarmup: readonly string[];
  readonly prompts: number;
  readonly warmupPrompts: number;
  readonly promptBytes: number;
  readonly promptSeed: number;
  readonly warmupSeed: number;
}

export interface InjectionMeasure {
  readonly workload: InjectionWorkloadName;
  readonly prompts: number;
  readonly meanPromptBytes: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly throughput: { readonly texts: number; readonly bytes: number; readonly seconds: number; readonly mbPerS: number };
  /** Measured prompts the engine flagged. */
  readonly flagged: number;
}

export interface InjectionEngineResult {
  readonly name: InjectionEngineName;
  readonly how: string;
  readonly workloads: readonly InjectionMeasure[];
  /** Share of the machine's CPU other processes used while this engine was timed (null without /proc). */
  readonly otherCpuShare: number | null;
}

export function buildInjectionWorkloads(o: InjectionOptions): InjectionWorkload[] {
  const corpus = loadInjectionCorpus(o.corpusPath);
  return [
    {
      name: 'pii-dense',
      what: 'the PII section\'s prompts from the detection corpus: commerce texts dense with PII and business data, no attacks',
      attacks: false,
      prompts: o.piiPrompts,
      warmup: o.piiWarmup,
    },
    {
      name: 'benign',
      what: `benign texts of the injection corpus (${corpus.benign.length}), joined by blank lines`,
      attacks: false,
      prompts: buildPrompts(corpus.benign, o.prompts, o.promptBytes, o.promptSeed),
      warmup: buildPrompts(corpus.benign, o.warmupPrompts, o.promptBytes, o.warmupSeed),
    },
    {
      name: 'attacks',
      what: `benign texts with one of the corpus's ${corpus.attacks.length} attack texts inserted at a seeded position`,
      attacks: true,
      prompts: buildAttackPrompts(corpus, o.prompts, o.promptBytes, o.promptSeed),
      warmup: buildAttackPrompts(corpus, o.warmupPrompts, o.promptBytes, o.warmupSeed),
    },
  ];
}

function measureWorkload(engine: InjectionEngine, work: InjectionWorkload, volumeBytes: number): InjectionMeasure {
  const volume = buildVolume(work.prompts, volumeBytes);
  let sink = 0;
  for (const prompt of work.warmup) if (engine.detect(prompt)) sink++;
  const durations: number[] = [];
  let flagged = 0;
  for (const prompt of work.prompts) {
    const t0 = process.hrtime.bigint();
    const hit = engine.detect(prompt);
    durations.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (hit) flagged++;
  }
  durations.sort((a, b) => a - b);
  const t0 = process.hrtime.bigint();
  for (const text of volume.texts) if (engine.detect(text)) sink++;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  // The flags are counted so no engine's call can be optimised away as unused.
  if (sink < 0) throw new Error('unreachable');
  const bytes = work.prompts.reduce((sum, p) => sum + utf8Bytes(p), 0);
  return {
    workload: work.name,
    prompts: work.prompts.length,
    meanPromptBytes: Math.round(bytes / work.prompts.length),
    p50Ms: percentile(durations, 0.5),
    p99Ms: percentile(durations, 0.99),
    maxMs: durations[durations.length - 1] ?? NaN,
    throughput: { texts: volume.texts.length, bytes: volume.bytes, seconds, mbPerS: volume.bytes / 1e6 / seconds },
    flagged,
  };
}

/** What a worker measuring one engine is given, and what it posts back. */
export interface InjectionWorkerInput {
  readonly engine: InjectionEngineName;
  readonly workloads: readonly InjectionWorkload[];
  readonly volumeBytes: number;
}
export type InjectionWorkerMessage = { readonly log: string } | { readonly result: InjectionEngineResult };

/** Measures one engine on every workload, in the calling thread (the worker's). */
export async function measureEngine(input: InjectionWorkerInput, log: (line: string) => void): Promise<InjectionEngineResult> {
  const engine = await createInjectionEngine(input.engine);
  const before = cpuSnapshot();
  const measures = input.workloads.map((work) => {
    log(`injection ${engine.name}: ${work.name}`);
    return measureWorkload(engine, work, input.volumeBytes);
  });
  return { name: engine.name, how: engine.how, workloads: measures, otherCpuShare: otherCpuShare(before, cpuSnapshot()) };
}

function inWorker(input: InjectionWorkerInput, log: (line: string) => void): Promise<InjectionEngineResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./detect-injection-worker.ts', import.meta.url), { workerData: input });
    let result: InjectionEngineResult | undefined;
    worker.on('message', (message: InjectionWorkerMessage) => {
      if ('log' in message) log(message.log);
      else result = message.result;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (result !== undefined) resolve(result);
      else reject(new Error(`the injection worker for ${input.engine} exited with code ${code} and no result`));
    });
  });
}

/** Measures the engines one after the other, each in a fresh worker thread. */
export async function measureInjection(
  names: readonly InjectionEngineName[],
  workloads: readonly InjectionWorkload[],
  volumeBytes: number,
  log: (line: string) => void,
): Promise<InjectionEngineResult[]> {
  const results: InjectionEngineResult[] = [];
  for (const engine of names) results.push(await inWorker({ engine, workloads, volumeBytes }, log));
  return results;
}
