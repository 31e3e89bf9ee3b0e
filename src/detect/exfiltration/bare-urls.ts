/**
 * Bare URLs, as GFM's extended autolinks: `https://…`, `http://…`, `ftp://…` and `www.…` in plain text. GFM
 * renderers make them clickable, so they are reported too, with GFM's rules for where they end (trailing
 * punctuation, an unbalanced `)` and a trailing `&entity;` are left out) so that the span is exactly what the
 * renderer links. Text already claimed by another construct, a tag or a code span delimiter is skipped.
 */

import {
  AMPERSAND,
  CLOSE_PAREN,
  GREATER_THAN,
  isAsciiAlphanumeric,
  LESS_THAN,
  OPEN_PAREN,
  SEMICOLON,
  SPACE,
} from './chars.ts';
import type { LinkSpan } from './links.ts';
import { gapsBetween, type Range } from './ranges.ts';

const BARE_URL_START = /https?:\/\/|ftp:\/\/|www\./gi;
// GFM leaves these out when they end a URL; quotes too, as cmark-gfm does.
const TRAILING_PUNCTUATION = new Set([...'?!.,:*_~\'"'].map((ch) => ch.charCodeAt(0)));

/** Whitespace and `<` end a URL (GFM); so does `>`, which no URL holds unencoded and which ends a tag in code. */
function isUrlTerminator(c: number): boolean {
  return c <= SPACE || c === LESS_THAN || c === GREATER_THAN || c === 0x7f || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Bare URLs outside the blocked ranges (reported constructs, tags, code span delimiters). */
export function bareUrls(text: string, blocked: readonly Range[]): LinkSpan[] {
  const gaps = gapsBetween(blocked, text.length);
  const spans: LinkSpan[] = [];
  const starts = new RegExp(BARE_URL_START.source, 'gi');
  let g = 0;
  for (let match = starts.exec(text); match !== null; match = starts.exec(text)) {
    while ((gaps[g]?.[1] ?? Infinity) <= match.index) g++;
    const gap = gaps[g];
    if (gap === undefined) break;
    if (match.index < gap[0]) {
      starts.lastIndex = gap[0];
      continue;
    }
    const span = bareUrlAt(text, match.index, match[0], gap[1]);
    if (span === null) continue;
    spans.push(span);
    starts.lastIndex = span.end;
  }
  return spans;
}

function bareUrlAt(text: string, start: number, prefix: string, limit: number): LinkSpan | null {
  const www = prefix.length === 4;
  // `www.` inside a longer word or host (`awww.`, `a.www.`) is not the start of a URL.
  if (www && start > 0 && /[A-Za-z0-9._@/:-]/.test(text.charAt(start - 1))) return null;
  const bodyStart = start + prefix.length;
  let end = bodyStart;
  while (end < limit && !isUrlTerminator(text.charCodeAt(end))) end++;
  end = trimUrlEnd(text, start, end);
  if (end <= bodyStart || (www && !isAsciiAlphanumeric(text.charCodeAt(bodyStart)))) return null;
  const url = text.slice(start, end);
  return { kind: 'url', start, end, text: url, url, urls: [url] };
}

/** GFM: trailing punctuation, an unbalanced `)` and a trailing `&entity;` are not part of the URL. */
function trimUrlEnd(text: string, start: number, end: number): number {
  let open = 0;
  let close = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_PAREN) open++;
    else if (c === CLOSE_PAREN) close++;
  }
  let e = end;
  while (e > start) {
    const c = text.charCodeAt(e - 1);
    if (TRAILING_PUNCTUATION.has(c)) e--;
    else if (c === CLOSE_PAREN && close > open) {
      e--;
      close--;
    } else if (c === SEMICOLON && entityStart(text, start, e - 1) >= 0) e = entityStart(text, start, e - 1);
    else break;
  }
  return e;
}

/** Start of `&name` ending just before `semicolon`, or -1. */
function entityStart(text: string, start: number, semicolon: number): number {
  let i = semicolon - 1;
  while (i >= start && isAsciiAlphanumeric(text.charCodeAt(i))) i--;
  return i >= start && i < semicolon - 1 && text.charCodeAt(i) === AMPERSAND ? i : -1;
}
