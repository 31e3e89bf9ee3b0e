/**
 * The small pieces of CommonMark link syntax: `[labels]`, `(destination "title")` tails and `<autolinks>`.
 * They follow the spec's limits (999-character labels, no blank line inside, balanced parentheses up to cmark's
 * depth) so that what is reported as a link is what a renderer links, and so that each scan is bounded.
 */

import {
  BACKSLASH,
  CLOSE_BRACKET,
  CLOSE_PAREN,
  DOUBLE_QUOTE,
  GREATER_THAN,
  isAsciiPunctuation,
  isLineEnding,
  LESS_THAN,
  lineBreakThenBlank,
  OPEN_BRACKET,
  OPEN_PAREN,
  SINGLE_QUOTE,
  skipInlineWhitespace,
  SPACE,
} from './chars.ts';
import { decodeReferences, unescapeMarkdown } from './character-references.ts';

export const MAX_LABEL_LENGTH = 999;
// cmark's limit: deeper nesting makes the destination invalid, which also bounds the scan.
const MAX_PAREN_DEPTH = 32;

/** A link destination, references and escapes resolved, and where its syntax ends. */
export interface Destination {
  readonly url: string;
  readonly end: number;
}

/** Labels match case-insensitively (Unicode case fold) with runs of whitespace collapsed. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase().toLowerCase();
}

/** A `[label]` starting at `open`; no unescaped brackets, no blank line, at most 999 characters. */
export function scanLinkLabel(text: string, open: number, limit: number): { content: string; end: number } | null {
  const last = Math.min(limit, open + 2 + MAX_LABEL_LENGTH);
  for (let i = open + 1; i < last; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH && isAsciiPunctuation(text.charCodeAt(i + 1))) i++;
    else if (c === CLOSE_BRACKET) return { content: text.slice(open + 1, i), end: i + 1 };
    else if (c === OPEN_BRACKET || (isLineEnding(c) && lineBreakThenBlank(text, i))) return null;
  }
  return null;
}

export function parseDestination(text: string, pos: number, limit: number): Destination | null {
  if (text.charCodeAt(pos) === LESS_THAN) return parseAngleDestination(text, pos, limit);
  let depth = 0;
  let i = pos;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH && i + 1 < limit && isAsciiPunctuation(text.charCodeAt(i + 1))) i++;
    else if (c === OPEN_PAREN) {
      if (++depth > MAX_PAREN_DEPTH) return null;
    } else if (c === CLOSE_PAREN) {
      if (depth === 0) break;
      depth--;
    } else if (c <= SPACE || c === 0x7f) break;
  }
  return depth === 0 ? { url: unescapeMarkdown(text.slice(pos, i)), end: i } : null;
}

function parseAngleDestination(text: string, pos: number, limit: number): Destination | null {
  for (let i = pos + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH && isAsciiPunctuation(text.charCodeAt(i + 1))) i++;
    else if (c === GREATER_THAN) return { url: unescapeMarkdown(text.slice(pos + 1, i)), end: i + 1 };
    else if (c === LESS_THAN || isLineEnding(c)) return null;
  }
  return null;
}

export function isTitleOpener(c: number): boolean {
  return c === DOUBLE_QUOTE || c === SINGLE_QUOTE || c === OPEN_PAREN;
}

/** End of a `"title"`, `'title'` or `(title)` starting at `pos`, or -1. */
export function parseTitle(text: string, pos: number, limit: number): number {
  const open = text.charCodeAt(pos);
  const close = open === OPEN_PAREN ? CLOSE_PAREN : open;
  for (let i = pos + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH && isAsciiPunctuation(text.charCodeAt(i + 1))) i++;
    else if (c === close) return i + 1;
    else if ((open === OPEN_PAREN && c === OPEN_PAREN) || (isLineEnding(c) && lineBreakThenBlank(text, i))) return -1;
  }
  return -1;
}

/** The `(destination "title")` after `](`; `pos` is just after the parenthesis. */
export function parseInlineTail(text: string, pos: number, limit: number): Destination | null {
  const destination = parseDestination(text, skipInlineWhitespace(text, pos, limit), limit);
  if (destination === null) return null;
  let i = skipInlineWhitespace(text, destination.end, limit);
  if (i > destination.end && i < limit && isTitleOpener(text.charCodeAt(i))) {
    const titleEnd = parseTitle(text, i, limit);
    if (titleEnd < 0) return null;
    i = skipInlineWhitespace(text, titleEnd, limit);
  }
  return i < limit && text.charCodeAt(i) === CLOSE_PAREN ? { url: destination.url, end: i + 1 } : null;
}

const AUTOLINK_SCHEME = /[A-Za-z][A-Za-z0-9+.-]{1,31}:/y;
const EMAIL_AUTOLINK =
  /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/y;

/** `<scheme:…>` or `<user@host>` starting at `pos`. */
export function parseAutolink(text: string, pos: number, limit: number): { url: string; visible: string; end: number } | null {
  AUTOLINK_SCHEME.lastIndex = pos + 1;
  if (AUTOLINK_SCHEME.test(text)) {
    for (let i = AUTOLINK_SCHEME.lastIndex; i < limit; i++) {
      const c = text.charCodeAt(i);
      if (c === GREATER_THAN) {
        const visible = text.slice(pos + 1, i);
        return { url: decodeReferences(visible), visible, end: i + 1 };
      }
      if (c === LESS_THAN || c <= SPACE) return null;
    }
    return null;
  }
  EMAIL_AUTOLINK.lastIndex = pos + 1;
  const email = EMAIL_AUTOLINK.exec(text);
  if (email === null || EMAIL_AUTOLINK.lastIndex > limit) return null;
  const visible = email[0].slice(0, -1);
  return { url: `mailto:${visible}`, visible, end: EMAIL_AUTOLINK.lastIndex };
}
