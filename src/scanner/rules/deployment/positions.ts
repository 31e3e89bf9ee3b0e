/**
 * Offsets to the 1-based line and column (UTF-16 code units) that findings carry, plus the small text helpers
 * every rule family of this package shares (the indentation context around a value). Lives with the deployment
 * helpers because that is the helper folder these rule modules own; the keys, artifact and Magento rules use it
 * too. A line index is built once per file, so many findings in one file cost one pass.
 */

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Maps offsets of one text to positions; binary search over the line starts. */
export type PositionOf = (offset: number) => Position;

export function lineIndex(text: string): PositionOf {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
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
