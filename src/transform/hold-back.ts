/**
 * How much of a streamed reply field can be checked and released now. A value the reply guard must catch can
 * arrive split across chunks (`+49 30` … `1234567`, `![x](https://ev` … `il.example/?d=…)`), so the tail that
 * may still grow into one is held back until it is complete:
 * - the last word, until a separator ends it;
 * - words that look like parts of a value (digits, `@`, long tokens, phone punctuation) at the end of a line,
 *   until a plain word follows them, and a credential word (`password:`) with the word after it;
 * - an unfinished markdown link or image, HTML tag, or PEM block.
 * Ordinary prose is released word by word, so the added delay is one word. Nothing is held beyond MAX_HOLD
 * characters: a longer tail is checked and released as it is.
 */
import type { TextMode } from './reply-text.ts';

/** Longest tail held back; beyond it the guard checks what it has. */
export const MAX_HOLD = 4096;
/** How far back a markdown link, HTML tag or PEM block may start and still be waited for. */
const CONSTRUCT_REACH = 2048;
/** How far back a run of value-like words is followed. */
const VALUE_REACH = 256;

const TEXT_SEPARATOR = /\s/;
// In JSON text a value ends at its quote or structure as well as at white space.
const JSON_SEPARATOR = /[\s",{}[\]:]/;

const CREDENTIAL_WORD = /^(?:pass(?:word|wort|wd)?|pwd|kennwort|mot_?de_?passe|contrase(?:ñ|n)a|secret|token|key|api[-_]?key|credentials?|auth)[:=]?$/i;

/** The length of the prefix of `pending` that may be checked and released now. */
export function settledLength(pending: string, mode: TextMode): number {
  if (pending.length > MAX_HOLD) return pending.length;
  const separator = mode === 'json' ? JSON_SEPARATOR : TEXT_SEPARATOR;
  let cut = lastWordStart(pending, separator);
  cut = backOverValueWords(pending, cut, separator);
  if (mode === 'text') cut = Math.min(cut, openMarkdownStart(pending), openTagStart(pending));
  return Math.min(cut, openPemStart(pending));
}

/** Where the trailing unfinished word starts (the end when the text ends with a separator). */
function lastWordStart(text: string, separator: RegExp): number {
  let i = text.length;
  while (i > 0 && !separator.test(text[i - 1] as string)) i--;
  return i;
}

interface Word {
  readonly start: number;
  readonly text: string;
}

/** The complete words before `end`, last first, stopping at a line break or after `reach` characters. */
function* wordsBefore(text: string, end: number, separator: RegExp): Generator<Word> {
  let i = end;
  const limit = Math.max(0, end - VALUE_REACH);
  while (i > limit) {
    while (i > limit && separator.test(text[i - 1] as string)) {
      if (text[i - 1] === '\n') return;
      i--;
    }
    const wordEnd = i;
    while (i > 0 && !separator.test(text[i - 1] as string)) i--;
    if (wordEnd > i) yield { start: i, text: text.slice(i, wordEnd) };
  }
}

function isValueLike(word: string): boolean {
  return /[0-9@]/.test(word) || word.length >= 16 || /^[+\-()/.#*]+$/.test(word);
}

/** Holds a run of value-like words at the end, and a credential word within the two words before the cut. */
function backOverValueWords(text: string, cut: number, separator: RegExp): number {
  let start = cut;
  for (const word of wordsBefore(text, cut, separator)) {
    if (!isValueLike(word.text)) break;
    start = word.start;
  }
  let seen = 0;
  for (const word of wordsBefore(text, start, separator)) {
    if (CREDENTIAL_WORD.test(word.text)) start = word.start;
    if (++seen === 2) break;
  }
  return start;
}

/**
 * The start of the first markdown link or image that is not finished: `[` without its `]`, `](` without its
 * `)`, `][` without its `]`, or `]` as the last character (a `(` may follow). A blank line ends any of them.
 */
function openMarkdownStart(text: string): number {
  const from = Math.max(0, text.length - CONSTRUCT_REACH);
  let i = text.indexOf('[', from);
  while (i !== -1) {
    if (i > 0 && text[i - 1] === '\\') {
      i = text.indexOf('[', i + 1);
      continue;
    }
    const end = constructEnd(text, i);
    if (end === -1) return i > 0 && text[i - 1] === '!' ? i - 1 : i;
    i = text.indexOf('[', end);
  }
  return text.length;
}

/** Where a construct starting with `[` at `open` ends, or -1 while it may still grow. */
function constructEnd(text: string, open: number): number {
  const close = matching(text, open, '[', ']');
  if (close < 0) return close === -2 ? open + 1 : -1;
  if (close === text.length - 1) return -1;
  const next = text[close + 1];
  if (next === '(' || next === '[') {
    const end = matching(text, close + 1, next, next === '(' ? ')' : ']');
    if (end < 0) return end === -2 ? close + 1 : -1;
    return end + 1;
  }
  return close + 1;
}

/** The index of the bracket closing the one at `open`; -1 if the text ends first, -2 if a blank line does. */
function matching(text: string, open: number, opener: string, closer: string): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === opener) depth++;
    else if (c === closer && --depth === 0) return i;
    else if (c === '\n' && text[i + 1] === '\n') return -2;
  }
  return -1;
}

/** The start of an HTML tag whose `>` has not arrived. */
function openTagStart(text: string): number {
  const open = text.lastIndexOf('<');
  if (open === -1 || open < text.length - CONSTRUCT_REACH) return text.length;
  if (text.indexOf('>', open) !== -1) return text.length;
  const next = text[open + 1];
  return next === undefined || /[A-Za-z/!]/.test(next) ? open : text.length;
}

/** The start of a PEM block whose END line has not arrived. */
function openPemStart(text: string): number {
  const begin = text.lastIndexOf('-----BEGIN');
  return begin === -1 || text.indexOf('-----END', begin) !== -1 ? text.length : begin;
}
