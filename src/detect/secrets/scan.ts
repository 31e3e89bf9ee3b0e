/**
 * The one pass over a prompt that the secret detectors share, memoised on the last text (the engine runs every
 * detector over the same string in turn). It finds (1) tokens that could hold a key: runs of key characters
 * containing a digit, `_`, `=`, `+`, `$`, `%`, `~`, or a `-`, `.`, `:`, `/`, `!` inside a word; and (2) the
 * `key: value` / `key = value`, SQL `KEY 'value'` and PHP `define('KEY', 'value')` pairs whose key names a
 * password or a credential.
 * Every search starts from characters that ordinary prose rarely contains: on this engine a regex that may start
 * at any letter costs about ten times one that starts at a rare character.
 */
import { definePairs, pairAtSeparator, pairBeforeQuote, type KeyValue } from './key-value.ts';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Scan {
  /** Candidate tokens, in text order. */
  readonly tokens: readonly Span[];
  /** Tokens of at least LONG_TOKEN characters: where keys, JWTs and random credentials can be. */
  readonly longTokens: readonly Span[];
  /** Pairs whose key contains a password or credential word, in text order. */
  readonly pairs: readonly KeyValue[];
}

/** The shortest key any rule reports (entropy credentials; provider keys are 20+). */
export const LONG_TOKEN = 16;

// Two single-class searches, not one alternation: alternatives defeat the engine's first-character scan.
const ALWAYS_ANCHOR = /[0-9_+=~%$]/g;
const INNER_ANCHOR = /[-.:/!](?=[A-Za-z0-9])/g;
const SEPARATOR = /[:=]/g;
// A quote after "word ": checked quote-first by the engine, so JSON's many quotes cost little. Not backticks:
// "pass `--flag`" is Markdown.
const SQL_QUOTE = /(?<=[A-Za-z0-9_][ \t])['"]/g;
/** Hyphenated or slashed words ("Professional-grade", "and/or"): long, but no key looks like this. */
const PLAIN_WORDS = /^[A-Za-z][a-z]*(?:[-.'/][A-Za-z][a-z]*)+[.:!]*$/;
/** Key words worth reading a pair for; detectors classify the key precisely. */
export const KEY_WORD = new RegExp(
  [
    'pass|pwd|mdp|secret|token|key|auth|cred|api', // the English stems
    'wort|woord|contrase|senha|has[lł]o|senord|salasana|identified by', // passwords elsewhere, SQL
    'schl|clé|cle|clave|chiave|sleutel', // "key" elsewhere
  ].join('|'),
  'i',
);

function isTokenChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
    c === 95 || c === 45 || c === 43 || c === 47 || c === 61 || c === 46 || c === 58 || c === 126 || c === 37 ||
    c === 33 || c === 36
  );
}

const TOKEN_REST = /[A-Za-z0-9_\-+/=.:~%!$]*/y;

function tokensFrom(text: string, anchor: RegExp, out: Span[]): void {
  anchor.lastIndex = 0;
  for (let m = anchor.exec(text); m !== null; m = anchor.exec(text)) {
    let start = m.index;
    while (start > 0 && isTokenChar(text.charCodeAt(start - 1))) start--;
    // Forward, where a base64 run can be long, the regex engine is faster than a character loop.
    TOKEN_REST.lastIndex = m.index + 1;
    TOKEN_REST.test(text);
    const end = TOKEN_REST.lastIndex;
    out.push({ start, end });
    anchor.lastIndex = end;
  }
}

/** Both anchor searches, merged in text order without duplicates. */
function findTokens(text: string): Span[] {
  const a: Span[] = [];
  const b: Span[] = [];
  tokensFrom(text, ALWAYS_ANCHOR, a);
  tokensFrom(text, INNER_ANCHOR, b);
  if (b.length === 0) return a;
  const merged: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.start <= y.start)) {
      merged.push(x as Span);
      i++;
      if (y !== undefined && x?.start === y.start) j++;
    } else {
      merged.push(y);
      j++;
    }
  }
  return merged;
}

const wanted = (key: string): boolean => KEY_WORD.test(key);

function findPairs(text: string): KeyValue[] {
  const pairs: KeyValue[] = [];
  let skipTo = 0;
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(text); m !== null; m = SEPARATOR.exec(text)) {
    const pair = m.index >= skipTo ? pairAtSeparator(text, m.index, wanted) : null;
    if (pair === null || pair.keyStart < skipTo) continue;
    pairs.push(pair);
    skipTo = pair.valueEnd;
  }
  // SQL/CLI pairs: a quote after "word " can open one; apostrophes inside words and JSON's `: "` cannot.
  const opened = new Set(pairs.map((p) => p.valueStart - 1));
  SQL_QUOTE.lastIndex = 0;
  for (let m = SQL_QUOTE.exec(text); m !== null; m = SQL_QUOTE.exec(text)) {
    if (opened.has(m.index)) continue;
    const pair = pairBeforeQuote(text, m.index);
    if (pair !== null && wanted(pair.key)) pairs.push(pair);
  }
  if (text.includes('define')) pairs.push(...definePairs(text, wanted));
  return pairs.sort((x, y) => x.keyStart - y.keyStart);
}

let lastText: string | undefined;
let lastScan: Scan | undefined;

export function scanText(text: string): Scan {
  if (lastScan !== undefined && lastText === text) return lastScan;
  const tokens = findTokens(text);
  const isLong = (t: Span): boolean => t.end - t.start >= LONG_TOKEN && !PLAIN_WORDS.test(text.slice(t.start, t.end));
  const longTokens = tokens.filter(isLong);
  const scan: Scan = { tokens, longTokens, pairs: findPairs(text) };
  lastText = text;
  lastScan = scan;
  return scan;
}
