/**
 * Lines and positions in a file's text, for the whole scanner: offsets to the 1-based line and column (UTF-16
 * code units) that findings carry, a line number back to its text (fingerprints), line ends and spans, and the
 * indentation context around a value (the names of the blocks enclosing it). A line index is built once per
 * file, so many findings in one file cost one pass.
 */

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Maps offsets of one text to positions. */
export type PositionOf = (offset: number) => Position;

/** The line starts of one text, found once: offsets to positions by binary search, line numbers to line text. */
export class LineIndex {
  private readonly text: string;
  private readonly starts: number[] = [0];

  constructor(text: string) {
    this.text = text;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  /** The text of a 1-based line without its line break (a CRLF's CR too); '' for a line the text does not have. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1).replace(/\r$/, '');
  }
}

/** The positions of one text as a function (a LineIndex's `position`, the index built on the first call). */
export function positionsIn(text: string): PositionOf {
  let index: LineIndex | undefined;
  return (offset) => (index ??= new LineIndex(text)).position(offset);
}

/** Index of the line break ending the line at `i` (or the text's end). */
export function lineEnd(text: string, i: number): number {
  const newline = text.indexOf('\n', i);
  return newline < 0 ? text.length : newline;
}

/** Each line's start and end offsets (the end before its `\n`; a CR before it is kept). */
export function lineSpans(text: string): [start: number, end: number][] {
  const spans: [number, number][] = [];
  for (let start = 0; ; ) {
    const end = lineEnd(text, start);
    spans.push([start, end]);
    if (end === text.length) return spans;
    start = end + 1;
  }
}

/**
 * Start of the line holding `offset` if it begins at most `reach` characters before it, else -1: reading back to
 * the start of a megabyte-long minified line for every finding would make a scan quadratic.
 */
export function nearLineStart(text: string, offset: number, reach: number): number {
  for (let i = offset - 1; i >= Math.max(0, offset - reach); i--) if (text.charCodeAt(i) === 10) return i + 1;
  return offset - reach <= 0 ? 0 : -1;
}

const LEADING_NAME = /^[ \t]*(?:-[ \t]+)?["'<[]?\/?([A-Za-z_$][\w$.:-]*)/;
const MAX_LOOKBACK_LINES = 80;

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)?.[0].length ?? 0;
}

/** Indentation of the line starting at `lineStart`, read in place (lines of minified files are megabytes). */
function indentAt(text: string, lineStart: number): number {
  let i = lineStart;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return i - lineStart;
}

/**
 * Names of the blocks enclosing `offset` by indentation, innermost first: the YAML parent keys, the XML parent
 * elements, the JSON or PHP array keys above a value in pretty-printed files (`cohere:` → `api_key: …`). Works
 * without a parser for any indented format; a flat or minified file has no enclosing names.
 */
export function enclosingNames(text: string, offset: number, depth = 3): string[] {
  const names: string[] = [];
  const lineStart = nearLineStart(text, offset, 400);
  if (lineStart === -1) return names;
  let end = lineStart - 1;
  let indent = indentAt(text, end + 1);
  for (let seen = 0; end > 0 && seen < MAX_LOOKBACK_LINES && indent > 0 && names.length < depth; seen++) {
    const start = nearLineStart(text, end, 400);
    if (start === -1) break;
    const line = text.slice(start, Math.min(end, start + 400));
    end = start - 1;
    if (line.trim() === '' || indentOf(line) >= indent) continue;
    indent = indentOf(line);
    const name = LEADING_NAME.exec(line)?.[1];
    if (name !== undefined) names.push(name);
  }
  return names;
}
