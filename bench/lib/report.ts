/**
 * The printed output of the proxy benchmark: one row per cell as soon as it is measured (a long run shows
 * progress), then the summary against the targets. "Added" is always target minus direct in the same cell, so
 * the backend's and the load generator's own costs cancel out. Nothing here judges by exit code: a benchmark on
 * a shared machine is evidence for a reader, not a test. Each gateway row is judged against the direct and
 * floor rows of its own prompt, with its own targets (GOALS).
 */
import type { LoadResult } from './load.ts';

export type Mode = 'json' | 'stream';
/** `plain`: the 4 KB prompt with nothing to find; `pii`: the 4 KB prompt with ten findings. */
export type Prompt = 'plain' | 'pii';
export type TargetName = 'direct' | 'floor' | 'airlock' | 'airlock+policy';
export type Gateway = Extract<TargetName, 'airlock' | 'airlock+policy'>;

export interface Cell {
  readonly mode: Mode;
  readonly conc: number;
  readonly prompt: Prompt;
  readonly target: TargetName;
  readonly result: LoadResult;
  /** CPU time of the target's process (the backend's for direct) per successful reply, or null without /proc. */
  readonly cpuUsPerReq: number | null;
  /** Share of the machine's CPU that processes other than the benchmark's used during the measured run. */
  readonly otherCpuShare: number | null;
}

/** Above this, something else ran on the machine during a cell enough to move its figures. */
const NOISE_SHARE = 0.1;

const COLUMNS: ReadonlyArray<readonly [string, number, 'l' | 'r']> = [
  ['mode', 6, 'l'],
  ['conc', 5, 'r'],
  ['prompt', 6, 'l'],
  ['target', 14, 'l'],
  ['p50 ms', 8, 'r'],
  ['p99 ms', 8, 'r'],
  ['req/s', 8, 'r'],
  ['added p50', 10, 'r'],
  ['added p99', 10, 'r'],
  ['cpu µs/req', 11, 'r'],
];

function row(values: readonly string[]): string {
  return COLUMNS.map(([, width, align], i) => {
    const v = values[i] ?? '';
    return align === 'l' ? v.padEnd(width) : v.padStart(width);
  })
    .join('  ')
    .trimEnd();
}

const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : '-');

export function tableHeader(): string {
  return row(COLUMNS.map(([name]) => name));
}

export function failures(r: LoadResult): string | null {
  if (r.non2xx === 0 && r.errors === 0 && r.timeouts === 0 && r.mismatches === 0 && r.ok > 0) return null;
  const codes = Object.entries(r.statusCodes)
    .filter(([code]) => code !== '200')
    .map(([code, n]) => `${n}×${code}`)
    .join(' ');
  return (
    `WARNING: ${r.non2xx} non-2xx${codes ? ` (${codes})` : ''}, ${r.errors} errors, ${r.timeouts} timeouts, ` +
    `${r.mismatches} wrong bodies; the figures above are from the ${r.ok} replies with status 200` +
    (r.mismatches > 0 ? ', wrong bodies included' : '')
  );
}

/** The cell's row (plus a warning row when any reply failed). */
export function cellRows(cell: Cell, direct: Cell | undefined): string[] {
  const r = cell.result;
  const added = (v: number, base: number | undefined) => (cell.target === 'direct' || base === undefined ? '-' : ms(v - base));
  const lines = [
    row([
      cell.mode,
      String(cell.conc),
      cell.prompt,
      cell.target,
      ms(r.p50),
      ms(r.p99),
      Number.isFinite(r.reqPerSec) ? r.reqPerSec.toFixed(0) : '-',
      added(r.p50, direct?.result.p50),
      added(r.p99, direct?.result.p99),
      cell.cpuUsPerReq === null || !Number.isFinite(cell.cpuUsPerReq) ? '-' : cell.cpuUsPerReq.toFixed(0),
    ]),
  ];
  const indent = ' '.repeat(6 + 2 + 5 + 2 + 6 + 2);
  const warning = failures(r);
  if (warning !== null) lines.push(`${indent}${cell.target}: ${warning}`);
  if (cell.otherCpuShare !== null && cell.otherCpuShare > NOISE_SHARE) {
    lines.push(`${indent}${cell.target}: note: other processes used ${(cell.otherCpuShare * 100).toFixed(0)}% of the machine's CPU during this run; its figures are disturbed`);
  }
  return lines;
}

function find(cells: readonly Cell[], mode: Mode, conc: number, prompt: Prompt, target: TargetName): Cell | undefined {
  return cells.find((c) => c.mode === mode && c.conc === conc && c.prompt === prompt && c.target === target);
}

const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');

interface Goal {
  readonly prompt: Prompt;
  readonly title: string;
  /** Most the gateway may add to p50 at concurrency 1, in ms. */
  readonly addedP50C1Ms: number;
  /** Most the gateway may add at concurrency 16, as a multiple of what the floor adds (p50 and p99). */
  readonly addedVsFloorC16: number;
  /** Least throughput at concurrency 16, as a share of the floor's. */
  readonly reqPerSecShareC16: number;
}

/** The gateway-core specification's targets for the plain gateway; the full-pipeline issue's for the other. */
export const GOALS: Readonly<Record<Gateway, Goal>> = {
  airlock: { prompt: 'plain', title: 'gateway-core targets, plain prompt', addedP50C1Ms: 0.5, addedVsFloorC16: 1.3, reqPerSecShareC16: 0.75 },
  'airlock+policy': { prompt: 'pii', title: 'full-pipeline targets, 10-finding prompt', addedP50C1Ms: 1, addedVsFloorC16: 2, reqPerSecShareC16: 0.5 },
};

function gatewayLines(cells: readonly Cell[], mode: Mode, gateway: Gateway): string[] {
  const goal = GOALS[gateway];
  const at = (conc: number, target: TargetName) => find(cells, mode, conc, goal.prompt, target);
  const [d1, a1, d16, f16, a16] = [at(1, 'direct'), at(1, gateway), at(16, 'direct'), at(16, 'floor'), at(16, gateway)];
  if (a1 === undefined && a16 === undefined) return [];
  const lines = [`  ${mode}, ${gateway} (${goal.title}):`];
  const flagged = [d1, a1, d16, f16, a16].filter((c) => c !== undefined && failures(c.result) !== null);
  if (flagged.length > 0) {
    lines.push(`    (cells with failed replies: ${flagged.map((c) => `${c?.target} c=${c?.conc}`).join(', ')}; see the warnings above)`);
  }
  if (d1 && a1) {
    const added = a1.result.p50 - d1.result.p50;
    lines.push(`    added p50 at c=1:                ${ms(added)} ms   (target ≤ ${goal.addedP50C1Ms} ms)  ${verdict(added <= goal.addedP50C1Ms)}`);
  }
  if (d16 && f16 && a16) {
    const ratio = (p: 'p50' | 'p99'): string => {
      const floorAdded = f16.result[p] - d16.result[p];
      const gatewayAdded = a16.result[p] - d16.result[p];
      if (!(floorAdded > 0)) return `${p} n/a (floor adds ${ms(floorAdded)} ms)`;
      const r = gatewayAdded / floorAdded;
      return `${p} ${r.toFixed(2)}× ${verdict(r <= goal.addedVsFloorC16)} (${ms(gatewayAdded)} vs ${ms(floorAdded)} ms)`;
    };
    lines.push(`    added latency at c=16 vs floor:  ${ratio('p50')}; ${ratio('p99')}   (target ≤ ${goal.addedVsFloorC16}×)`);
    const share = a16.result.reqPerSec / f16.result.reqPerSec;
    lines.push(
      `    req/s at c=16:                   ${(share * 100).toFixed(0)}% of the floor's (${a16.result.reqPerSec.toFixed(0)} vs ${f16.result.reqPerSec.toFixed(0)})` +
        `   (target ≥ ${(goal.reqPerSecShareC16 * 100).toFixed(0)}%)  ${verdict(share >= goal.reqPerSecShareC16)}`,
    );
  }
  return lines;
}

/** The summary block: each gateway row against its targets, per mode. */
export function summary(cells: readonly Cell[], modes: readonly Mode[]): string[] {
  const shares = cells.map((c) => c.otherCpuShare).filter((v): v is number => v !== null);
  const noise =
    shares.length === 0
      ? []
      : [
          '',
          `Other processes used ${((shares.reduce((a, b) => a + b, 0) / shares.length) * 100).toFixed(0)}% of the machine's CPU ` +
            `on average during the measured runs (max ${(Math.max(...shares) * 100).toFixed(0)}%).`,
        ];
  const lines = [...noise, '', "Summary (each gateway against the direct and floor rows of its own prompt; \"added\" = target − direct)"];
  for (const mode of modes) {
    for (const gateway of Object.keys(GOALS) as Gateway[]) lines.push(...gatewayLines(cells, mode, gateway));
  }
  return lines;
}
