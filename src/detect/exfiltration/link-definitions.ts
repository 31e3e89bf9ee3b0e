/**
 * Reference definitions, `[label]: destination "title"`. Each is reported as a span of its own: its URL is what
 * every `[text][label]` use leads to, so the guard neutralises it where it is written, and a definition that is
 * not at a paragraph start may even render as plain text. It counts as an image when an image uses it, so the
 * guard treats its URL as fetched without a click.
 */

import type { Construct } from './constructs.ts';
import { COLON, OPEN_BRACKET, restOfLineBlank, skipInlineWhitespace } from './chars.ts';
import { isTitleOpener, normalizeLabel, parseDestination, parseTitle, scanLinkLabel } from './markdown-syntax.ts';

export interface Definition {
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly url: string;
  /** At the start of a paragraph, where CommonMark takes it as a definition; otherwise it may render as text. */
  certain: boolean;
}

// Block quote and list markers a definition may sit behind.
const CONTAINER_PREFIX = /(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t])))*[ \t]*/y;

/** A `[label]: destination "title"` definition starting on the line at `lineStart`. */
export function parseDefinition(text: string, lineStart: number): Definition | null {
  CONTAINER_PREFIX.lastIndex = lineStart;
  const open = lineStart + (CONTAINER_PREFIX.exec(text)?.[0].length ?? 0);
  if (text.charCodeAt(open) !== OPEN_BRACKET) return null;
  const label = scanLinkLabel(text, open, text.length);
  if (label === null || label.content.trim() === '' || text.charCodeAt(label.end) !== COLON) return null;
  const destinationStart = skipInlineWhitespace(text, label.end + 1, text.length);
  const destination = parseDestination(text, destinationStart, text.length);
  if (destination === null || destination.end === destinationStart) return null;
  const end = definitionTitleEnd(text, destination.end) ?? (restOfLineBlank(text, destination.end) ? destination.end : -1);
  if (end < 0) return null;
  return { start: open, end, label: normalizeLabel(label.content), url: destination.url, certain: false };
}

function definitionTitleEnd(text: string, destinationEnd: number): number | null {
  const i = skipInlineWhitespace(text, destinationEnd, text.length);
  if (i === destinationEnd || !isTitleOpener(text.charCodeAt(i))) return null;
  const titleEnd = parseTitle(text, i, text.length);
  return titleEnd >= 0 && restOfLineBlank(text, titleEnd) ? titleEnd : null;
}

/** Definitions at a paragraph start win over ones that may be plain text; the first of each label wins. */
export function definitionsByLabel(definitions: readonly Definition[]): Map<string, Definition> {
  const byLabel = new Map<string, Definition>();
  for (const certain of [true, false]) {
    for (const definition of definitions) {
      if (definition.certain === certain && !byLabel.has(definition.label)) byLabel.set(definition.label, definition);
    }
  }
  return byLabel;
}

/** Each definition line as a construct: an image when it is the definition an image resolves to. */
export function definitionConstructs(
  definitions: readonly Definition[],
  byLabel: ReadonlyMap<string, Definition>,
  imageLabels: ReadonlySet<string>,
): Construct[] {
  return definitions.map((d) => ({
    start: d.start,
    end: d.end,
    kind: byLabel.get(d.label) === d && imageLabels.has(d.label) ? 'image' : 'link',
    urls: [d.url],
    fixedText: '',
    textFrom: d.end,
    textTo: d.end,
  }));
}
