/**
 * The printed injection section of the detection benchmark: one table with a block of rows per workload and a
 * column per engine, the latency target for Airlock's detector (p50 <= 0.2 ms per ~4 KB prompt) printed
 * as met or missed next to each workload's p50, then the notes a reader needs. Nothing here fails a run: a
 * missed target on a shared machine is evidence to look at, not a verdict.
 */
import type { InjectionEngineResult, InjectionMeasure, InjectionWorkload } from './detect-injection.ts';

/** The target for Airlock's injection detector: p50 per ~4 KB prompt, in milliseconds. */
export const INJECTION_P50_TARGET_MS = 0.2;

const fixed = (digits: number) => (v: number): string => (Number.isFinite(v) ? v.toFixed(digits) : '-');
const ms = fixed(3);
const share = (v: number): string => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '-');

/** Whether Airlock's p50 on the workload met the target, or null when Airlock was not run. */
export function targetMet(results: readonly InjectionEngineResult[], workload: string): boolean | null {
  const m = results.find((r) => r.name === 'airlock')?.workloads.find((w) => w.workload === workload);
  return m === undefined ? null : m.p50Ms <= INJECTION_P50_TARGET_MS;
}

function targetCell(results: readonly InjectionEngineResult[], workload: string): string {
  const met = targetMet(results, workload);
  const target = `airlock p50 <= ${INJECTION_P50_TARGET_MS} ms:`;
  return met === null ? `${target} not run` : `${target} ${met ? 'met' : 'MISSED'}`;
}

type Row = readonly [label: string, value: (m: InjectionMeasure) => string, target?: string];

function rows(workloads: readonly InjectionWorkload[], results: readonly InjectionEngineResult[]): Row[] {
  return workloads.flatMap((w): Row[] => [
    [`${w.name} p50 ms`, (m) => ms(m.p50Ms), targetCell(results, w.name)],
    [`${w.name} p99 ms`, (m) => ms(m.p99Ms)],
    [`${w.name} max ms`, (m) => ms(m.maxMs)],
    [`${w.name} throughput MB/s`, (m) => fixed(2)(m.throughput.mbPerS)],
    [`${w.name} ${w.attacks ? 'detected' : 'flagged (false pos.)'}`, (m) => `${share(m.flagged / m.prompts)} (${m.flagged}/${m.prompts})`],
  ]);
}

/** Plain-text table: labels left-aligned, values right-aligned, the target column last and left-aligned. */
export function injectionTable(workloads: readonly InjectionWorkload[], results: readonly InjectionEngineResult[]): string[] {
  const header = ['injection, per ~4 KB prompt', ...results.map((r) => r.name), 'target'];
  const body = rows(workloads, results).map(([label, value, target]) => {
    const workload = workloads.find((w) => label.startsWith(`${w.name} `))?.name;
    const cells = results.map((r) => {
      const m = r.workloads.find((x) => x.workload === workload);
      return m === undefined ? '-' : value(m);
    });
    return [label, ...cells, target ?? ''];
  });
  body.push(['other processes\' CPU while timed', ...results.map((r) => share(r.otherCpuShare ?? NaN)), '']);
  const widths = header.map((_, col) => Math.max(...[header, ...body].map((line) => (line[col] ?? '').length)));
  const last = header.length - 1;
  const format = (line: readonly string[]) =>
    line
      .map((cell, col) => (col === 0 || col === last ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  return [format(header), rule, ...body.map(format)];
}

/** The workloads as built for this run, printed above the table. */
export function injectionHeader(workloads: readonly InjectionWorkload[], corpusPath: string, volumeBytes: number): string[] {
  const lines = [
    `prompt injection: workloads from ${corpusPath} (and the PII corpus for pii-dense), same prompts for every engine;`,
    '  each engine runs in a fresh worker thread of its own, one call at a time, while the main thread waits',
  ];
  for (const w of workloads) {
    const bytes = w.prompts.reduce((n, p) => n + Buffer.byteLength(p, 'utf8'), 0);
    lines.push(
      `  ${w.name}: ${w.warmup.length} warm-up + ${w.prompts.length} measured prompts (mean ${Math.round(bytes / w.prompts.length)} bytes), ` +
        `throughput over >= ${(volumeBytes / 1e6).toFixed(1)} MB; ${w.what}`,
    );
  }
  return lines;
}

export function injectionNotes(results: readonly InjectionEngineResult[]): string[] {
  const lines = [
    'Rows: latency is one call per prompt, after a discarded warm-up on other prompts of the same workload;',
    'throughput is the measured prompts cycled to the stated volume, one call each, total UTF-8 bytes / total time',
    '(MB = 10^6 bytes). "detected" = attack prompts the engine flagged; "flagged (false pos.)" = prompts without an',
    'attack it flagged. These shares are evidence about this corpus, not a test: the eval (npm run eval:injection)',
    'scores single texts, while here a dozen or more texts share one prompt and their weak signals add up.',
    `target: the issue's latency target for Airlock's detector, p50 <= ${INJECTION_P50_TARGET_MS} ms per ~4 KB prompt, per workload.`,
    '',
  ];
  for (const r of results) lines.push(`${r.name}: ${r.how}`);
  return lines;
}
