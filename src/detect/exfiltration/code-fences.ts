/**
 * Fenced code blocks. Markdown inside a fence is shown as code, so only bare URLs are read there; but treating
 * too much as code would hide an image a renderer shows, so only fences that are certainly closed count. Each
 * opener finds its closing line through an index of the closers instead of scanning ahead, so thousands of
 * unclosed or mismatched fences cannot make the scan quadratic.
 */

import { firstIndexAtOrAfter } from './ranges.ts';

const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * Closing lines of fenced code blocks. A fence counts only when it starts in column 0 and is closed: an
 * indented or unclosed fence may belong to a list item or quote that ends earlier, and code that is not really
 * code would hide a rendered image.
 */
export class FenceIndex {
  private readonly closers = new Map<string, { lines: number[]; lengths: number[]; nextLonger: number[] }>();
  private readonly lineTexts: readonly string[];

  constructor(lineTexts: readonly string[]) {
    this.lineTexts = lineTexts;
    lineTexts.forEach((line, index) => {
      const fence = FENCE_CLOSE.exec(line)?.[1];
      if (fence === undefined) return;
      const entry = this.closers.get(fence.charAt(0)) ?? { lines: [], lengths: [], nextLonger: [] };
      entry.lines.push(index);
      entry.lengths.push(fence.length);
      this.closers.set(fence.charAt(0), entry);
    });
    for (const entry of this.closers.values()) entry.nextLonger = nextLongerIndex(entry.lengths);
  }

  /** The line that closes a fence opened on line `index`, or -1. */
  closingLine(index: number): number {
    const open = FENCE_OPEN.exec(this.lineTexts[index] ?? '');
    const fence = open?.[1];
    if (open === null || fence === undefined) return -1;
    if (fence.startsWith('`') && open[2]?.includes('`')) return -1;
    const entry = this.closers.get(fence.charAt(0));
    if (entry === undefined) return -1;
    // Lines between two closers of the same or shorter length cannot close this fence: jump over them.
    let j = firstIndexAtOrAfter(entry.lines, index + 1);
    while (j >= 0 && j < entry.lines.length && (entry.lengths[j] ?? 0) < fence.length) j = entry.nextLonger[j] ?? -1;
    return j >= 0 && j < entry.lines.length ? (entry.lines[j] ?? -1) : -1;
  }
}

/** For each position, the next position holding a strictly greater value, or -1. */
function nextLongerIndex(lengths: readonly number[]): number[] {
  const next = new Array<number>(lengths.length).fill(-1);
  const stack: number[] = [];
  for (let i = lengths.length - 1; i >= 0; i--) {
    while (stack.length > 0 && (lengths[stack[stack.length - 1] ?? 0] ?? 0) <= (lengths[i] ?? 0)) stack.pop();
    next[i] = stack[stack.length - 1] ?? -1;
    stack.push(i);
  }
  return next;
}
