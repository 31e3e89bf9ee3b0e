/**
 * The printed output of the proxy benchmark: one row per cell as soon as it is measured (a long run shows
 * progress), then the summary against the targets. "Added" is always target minus direct in the same cell, so
 * the backend's and the load generator's own costs cancel out. Nothing here judges by exit code: a benchmark on
 * a shared machine is evidence for a reader, not a test.
 */
import type { LoadResult } from './load.ts';

export type Mode = 'json' | 'stream';
export type TargetName = 'direct' | 'floor' | 'airlock';

export interface Cell {
  readonly mode: Mode;
  readonly conc: number;
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
  ['target', 8, 'l'],
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
      cell.target,
      ms(r.p50),
      ms(r.p99),
      Number.isFinite(r.reqPerSec) ? r.reqPerSec.toFixed(0) : '-',
      added(r.p50, direct?.result.p50),
      added(r.p99, direct?.result.p99),
      cell.cpuUsPerReq === null || !Number.isFinite(cell.cpuUsPerReq) ? '-' : cell.cpuUsPerReq.toFixed(0),
    ]),
  ];
  const indent = ' '.repeat(6 + 2 + 5 + 2);
  const warning = failures(r);
  if (warning !== null) lines.push(`${indent}${cell.target}: ${warning}`);
  if (cell.otherCpuShare !== null && cell.otherCpuShare > NOISE_SHARE) {
    lines.push(`${indent}${cell.target}: note: other processes used ${(cell.otherCpuShare * 100).toFixed(0)}% of the machine's CPU during this run; its figures are disturbed`);
  }
  return lines;
}

function find(cells: readonly Cell[], mode: Mode, conc: number, target: TargetName): Cell | undefined {
  return cells.find((c) => c.mode === mode && c.conc === conc && c.target === target);
}

const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');

/** The summary block: airlock against the three targets, per mode. */
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
  const lines = [...noise, '', 'Summary (targets: added p50 at c=1 ≤ 0.5 ms; added latency at c=16 ≤ 1.3× the floor\'s; req/s at c=16 ≥ 75% of the floor\'s)'];
  for (const mode of modes) {
    lines.push(`  ${mode}:`);
    const d1 = find(cells, mode, 1, 'direct');
    const a1 = find(cells, mode, 1, 'airlock');
    const d16 = find(cells, mode, 16, 'direct');
    const f16 = find(cells, mode, 16, 'floor');
    const a16 = find(cells, mode, 16, 'airlock');
    const flagged = [d1, a1, d16, f16, a16].filter((c) => c !== undefined && failures(c.result) !== null);
    if (flagged.length > 0) {
      lines.push(`    (cells with failed replies: ${flagged.map((c) => `${c?.target} c=${c?.conc}`).join(', ')}; see the warnings above)`);
    }
    if (d1 && a1) {
      const added = a1.result.p50 - d1.result.p50;
      lines.push(`    airlock added p50 at c=1:            ${ms(added)} ms            (target ≤ 0.5 ms)  ${verdict(added <= 0.5)}`);
    }
    if (d16 && f16 && a16) {
      const ratio = (p: 'p50' | 'p99'): string => {
        const floorAdded = f16.result[p] - d16.result[p];
        const airlockAdded = a16.result[p] - d16.result[p];
        if (!(floorAdded > 0)) return `${p} n/a (floor adds ${ms(floorAdded)} ms)`;
        const r = airlockAdded / floorAdded;
        return `${p} ${r.toFixed(2)}× ${verdict(r <= 1.3)} (${ms(airlockAdded)} vs ${ms(floorAdded)} ms)`;
      };
      lines.push(`    airlock/floor added latency at c=16: ${ratio('p50')}; ${ratio('p99')}   (target ≤ 1.3×)`);
      const share = (a16.result.reqPerSec / f16.result.reqPerSec) * 100;
      lines.push(
        `    airlock req/s at c=16:               ${share.toFixed(0)}% of the floor's (${a16.result.reqPerSec.toFixed(0)} vs ${f16.result.reqPerSec.toFixed(0)})` +
          `   (target ≥ 75%)  ${verdict(share >= 75)}`,
      );
    }
  }
  return lines;
}
