/**
 * Sorted positions and ranges of the reply. Several readers ask "which recorded position or range comes first
 * at or after here" (closing fences, backtick runs, closing tags, tags inside link text); a binary search keeps
 * each of those questions O(log n), so no input can make the finder quadratic.
 */

/** A half-open [start, end) stretch of the reply, in UTF-16 offsets. */
export type Range = readonly [number, number];

/** Index of the first value in `sorted` that is at least `value` (`sorted.length` when none is). */
export function firstIndexAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? Infinity) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Sorted, de-duplicated ranges with lookup of the first range starting at or after a position. */
export class RangeIndex {
  private readonly ranges: Range[];
  private readonly starts: number[];

  constructor(ranges: readonly Range[]) {
    this.ranges = [...new Map(ranges.map((r) => [r[0], r])).values()].sort((a, b) => a[0] - b[0]);
    this.starts = this.ranges.map((r) => r[0]);
  }

  firstAtOrAfter(pos: number): Range | undefined {
    return this.ranges[firstIndexAtOrAfter(this.starts, pos)];
  }
}

/** The stretches of [0, length) that no range covers, in order. */
export function gapsBetween(blocked: readonly Range[], length: number): Range[] {
  const gaps: Range[] = [];
  let cursor = 0;
  for (const [start, end] of [...blocked].sort((a, b) => a[0] - b[0])) {
    if (start > cursor) gaps.push([cursor, start]);
    cursor = Math.max(cursor, end);
  }
  if (cursor < length) gaps.push([cursor, length]);
  return gaps;
}
