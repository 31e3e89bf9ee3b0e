/**
 * Timing helpers shared by the PII and the injection parts of the detection benchmark: the nearest-rank
 * percentile of a sorted sample, and CPU readings around a timed phase that tell a reader when other processes
 * competed for the cores (the figures of that phase are then disturbed).
 */
import { availableParallelism } from 'node:os';
import { machineBusySeconds, processCpuSeconds } from './cpu.ts';

/** Nearest-rank percentile of ascending values. */
export const percentile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;

export interface CpuSnapshot {
  readonly own: number | null;
  readonly machine: number | null;
  readonly at: number;
}

export function cpuSnapshot(): CpuSnapshot {
  return { own: processCpuSeconds(process.pid), machine: machineBusySeconds(), at: performance.now() };
}

/** Share of the machine's CPU used by other processes between two snapshots, or null without /proc. */
export function otherCpuShare(before: CpuSnapshot, after: CpuSnapshot): number | null {
  if (before.own === null || after.own === null || before.machine === null || after.machine === null) return null;
  const others = after.machine - before.machine - (after.own - before.own);
  return Math.max(0, others) / (((after.at - before.at) / 1000) * availableParallelism());
}
