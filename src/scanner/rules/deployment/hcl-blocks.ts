/**
 * Just enough HCL for the Terraform rule: the top-level `resource "type" "name" { … }` blocks of a `.tf` file
 * with their bodies and offsets. Braces are paired in one pass outside strings, comments and heredocs; a `${…}`
 * interpolation inside a string (which may quote strings of its own) is skipped within its line. An unbalanced
 * file yields the blocks that closed. Linear in the file size, whatever the input.
 */
import { lineEnd } from '../../position.ts';
import { blockCommentEnd } from '../egress/tokens.ts';

export interface HclBlock {
  readonly type: string;
  readonly name: string;
  /** Offset of the `resource` keyword. */
  readonly start: number;
  /** Offset of the body (after `{`) and the body text up to the matching `}`. */
  readonly bodyStart: number;
  readonly body: string;
}

const HEADER = /^[ \t]*resource[ \t]+"([^"]+)"[ \t]+"([^"]+)"[ \t]*\{/gm;

/** After a quoted string inside an interpolation (no further nesting followed), or at the line break. */
function innerStringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"' || text[j] === '\n') return text[j] === '"' ? j + 1 : j;
  }
  return text.length;
}

/** After the `}` closing the interpolation whose `{` is at `open`, or at the line break. */
function interpolationEnd(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    const c = text[j];
    if (c === '\n') return j;
    if (c === '"') j = innerStringEnd(text, j) - 1;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return j + 1;
  }
  return text.length;
}

/** End (exclusive) of the string whose opening quote is at `i`; a quoted string ends at its line break. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '"') return j + 1;
    else if (c === '\n') return j;
    else if (c === '$' && text[j + 1] === '{') j = interpolationEnd(text, j + 1) - 1;
  }
  return text.length;
}

/** After a heredoc opener at `i` (`<<EOF` / `<<-EOF`): the offset after its terminator line. */
function heredocEnd(text: string, i: number): number {
  const m = /^<<-?([A-Za-z_]\w*)/.exec(text.slice(i, i + 64));
  if (m === null) return i + 2;
  const terminator = new RegExp(`^[ \\t]*${m[1] ?? ''}[ \\t]*$`, 'gm');
  terminator.lastIndex = i + m[0].length;
  const found = terminator.exec(text);
  return found === null ? text.length : found.index + found[0].length;
}

/** Offset just past whatever non-brace token starts at `i` (string, comment, heredoc), or -1. */
function skipToken(text: string, i: number): number {
  const c = text[i];
  const next = text[i + 1];
  if (c === '#' || (c === '/' && next === '/')) return lineEnd(text, i);
  if (c === '/' && next === '*') return blockCommentEnd(text, i);
  if (c === '"') return stringEnd(text, i);
  if (c === '<' && next === '<') return heredocEnd(text, i);
  return -1;
}

/** Each `{` offset → its matching `}` offset, in one pass. */
export function bracePairs(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const skipped = skipToken(text, i);
    if (skipped !== -1) {
      i = Math.max(i, skipped - 1);
      continue;
    }
    if (text[i] === '{') open.push(i);
    else if (text[i] === '}' && open.length > 0) pairs.set(open.pop() as number, i);
  }
  return pairs;
}

export function resourceBlocks(text: string): HclBlock[] {
  const pairs = bracePairs(text);
  const blocks: HclBlock[] = [];
  HEADER.lastIndex = 0;
  for (let m = HEADER.exec(text); m !== null; m = HEADER.exec(text)) {
    const open = m.index + m[0].length - 1;
    const close = pairs.get(open);
    if (close === undefined) continue;
    const start = m.index + m[0].indexOf('resource');
    blocks.push({ type: m[1] ?? '', name: m[2] ?? '', start, bodyStart: open + 1, body: text.slice(open + 1, close) });
  }
  return blocks;
}
