/**
 * The printed output of the detection benchmark: one table with a row per measurement and a column per engine,
 * so each figure is read across against the same figure for the peers, then the notes a reader needs to judge
 * it. The same results go out as JSON with --json. Nothing here passes or fails a run: the timings are
 * evidence about one machine on one day, not a verdict.
 */
import type { EngineName } from './detect-engines.ts';
import { rates, REPORTED_TYPES, type Counts, type Rates, type Tally } from './detect-quality.ts';

export interface LatencyResult {
  readonly prompts: number;
  readonly meanPromptBytes: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export interface ThroughputResult {
  readonly texts: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly mbPerS: number;
}

export interface EngineResult {
  readonly name: EngineName;
  readonly how: string;
  readonly latency: LatencyResult;
  readonly throughput: ThroughputResult;
  /** Share of the machine's CPU other processes used while this engine was timed (null without /proc). */
  readonly otherCpuShare: number | null;
  readonly quality: Tally;
}

const fixed = (digits: number) => (v: number): string => (Number.isFinite(v) ? v.toFixed(digits) : '-');
const ms = fixed(3);
const share = (v: number): string => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '-');
const ratio = (num: number, den: number): number => (den === 0 ? NaN : num / den);

type Row = readonly [label: string, value: (r: EngineResult) => string];

function rateRows(prefix: string, counts: (r: EngineResult) => Counts): Row[] {
  const pick = (r: EngineResult): Rates => rates(counts(r));
  return [
    [`${prefix} precision`, (r) => share(pick(r).precision)],
    [`${prefix} recall`, (r) => share(pick(r).recall)],
    [`${prefix} F1`, (r) => share(pick(r).f1)],
    [`${prefix} found / gold`, (r) => `${counts(r).found}/${counts(r).gold}`],
    [`${prefix} correct / predicted`, (r) => `${counts(r).correct}/${counts(r).predicted}`],
  ];
}

function rows(): Row[] {
  return [
    ['4 KB prompt p50 ms', (r) => ms(r.latency.p50Ms)],
    ['4 KB prompt p99 ms', (r) => ms(r.latency.p99Ms)],
    ['4 KB prompt max ms', (r) => ms(r.latency.maxMs)],
    ['throughput MB/s', (r) => fixed(2)(r.throughput.mbPerS)],
    ['other processes\' CPU while timed', (r) => share(r.otherCpuShare ?? NaN)],
    ...rateRows('all types', (r) => r.quality.all),
    ...rateRows('shared types', (r) => r.quality.shared),
    ...REPORTED_TYPES.map((t): Row => [`recall ${t}`, (r) => {
      const c = r.quality.byType[t];
      return c.gold === 0 ? '-' : `${share(c.found / c.gold)} (${c.found}/${c.gold})`;
    }]),
    ['benign texts altered', (r) => `${share(ratio(r.quality.benignAltered, r.quality.benignTexts))} (${r.quality.benignAltered}/${r.quality.benignTexts})`],
    ['texts unscored (no spans)', (r) => String(r.quality.unscored)],
  ];
}

/** Plain-text table: labels left-aligned, values right-aligned, columns as wide as their widest cell. */
export function table(results: readonly EngineResult[]): string[] {
  const header = ['', ...results.map((r) => r.name)];
  const body = rows().map(([label, value]) => [label, ...results.map(value)]);
  const widths = header.map((_, col) => Math.max(...[header, ...body].map((line) => (line[col] ?? '').length)));
  const format = (line: readonly string[]) =>
    line
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  return [format(header), rule, ...body.map(format)];
}

/** What each row means and how each engine was called, printed under the table. */
export function notes(results: readonly EngineResult[]): string[] {
  const lines = [
    'Rows: latency is one detect call per prompt, after a discarded warm-up; throughput is every text of the',
    'repeated corpus in one call each, total UTF-8 bytes / total time (MB = 10^6 bytes). Quality: a gold entity is',
    'found when a predicted span overlaps >= 50% of the shorter of the two; a prediction overlapping no gold entity',
    'that way is a false positive. "shared types" = email, phone, card, IP, SSN (both peers claim these; redact-pii',
    'has no IBAN rule), scoring only predictions the engine labels with one of them. "recall <type>" counts a gold',
    'entity found by a prediction of any type. "benign texts altered" = benign texts with at least one prediction.',
    '"other processes\' CPU" is the machine\'s CPU that other processes used during the timed phases: above ~10%,',
    'something competed for the cores and the timings of that column are disturbed.',
    '',
  ];
  for (const r of results) lines.push(`${r.name}: ${r.how}`);
  return lines;
}
