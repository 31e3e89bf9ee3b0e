/**
 * Measures shared by every secret detector: token boundaries, character classes, Shannon entropy and the
 * placeholder test that keeps documentation examples (`sk-xxxx…`, `AKIA…EXAMPLE`, `1234567890abcdef`) from being
 * reported. Keeping them in one place means every rule answers "is this random enough to be a real secret?" the
 * same way, and a threshold is tuned once.
 */
import type { EntityType, RawFinding } from '../types.ts';

/** Characters that continue a key-like token; a key glued to one of them is part of a longer word. */
const TOKEN_CHARS = 'A-Za-z0-9_\\-';
/**
 * Start guard: not preceded by a token character, except the `n`/`r`/`t` of an escaped line break, so a key at
 * the start of a line inside a JSON string ("…\nsk-…") is still found.
 */
export const START = `(?:(?<=\\\\[nrt])|(?<![${TOKEN_CHARS}]))`;
export const END = `(?![${TOKEN_CHARS}])`;

/** A global regex for `body` that matches only a whole token. */
export function token(body: string, flags = 'g'): RegExp {
  return new RegExp(`${START}${body}${END}`, flags);
}

export function finding(type: EntityType, start: number, end: number, score: number, detector: string): RawFinding {
  return { type, start, end, score, detector };
}

export const UPPER = 1;
export const LOWER = 2;
export const DIGIT = 4;
export const SYMBOL = 8;

/** Bit set of the character classes present in `s`. */
export function charClasses(s: string): number {
  let mask = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) mask |= UPPER;
    else if (c >= 97 && c <= 122) mask |= LOWER;
    else if (c >= 48 && c <= 57) mask |= DIGIT;
    else mask |= SYMBOL;
  }
  return mask;
}

/** How many of upper case, lower case and digits occur. */
export function alnumClassCount(s: string): number {
  const mask = charClasses(s);
  return (mask & UPPER ? 1 : 0) + (mask & LOWER ? 1 : 0) + (mask & DIGIT ? 1 : 0);
}

// One counting table reused for every call: entropy runs per candidate, never per character of the prompt.
const COUNTS = new Uint16Array(128);

/** Shannon entropy in bits per character; characters beyond ASCII share one bucket. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  for (let i = 0; i < s.length; i++) COUNTS[Math.min(s.charCodeAt(i), 127)]!++;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const slot = Math.min(s.charCodeAt(i), 127);
    const n = COUNTS[slot]!;
    if (n === 0) continue;
    const p = n / s.length;
    bits -= p * Math.log2(p);
    COUNTS[slot] = 0;
  }
  return bits;
}

/** A run of six of one character, or six stepping by +1 or -1 ("123456", "abcdef", "98765"). */
function hasLongRun(s: string): boolean {
  let runSame = 1;
  let runStep = 1;
  let dir = 0;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    runSame = d === 0 ? runSame + 1 : 1;
    runStep = d === 1 || d === -1 ? (d === dir ? runStep + 1 : 2) : 1;
    dir = d;
    if (runSame >= 6 || runStep >= 6) return true;
  }
  return false;
}

/**
 * Whether `s` has fewer than `limit` distinct characters (code points). ASCII is counted in a bit set: a `Set` of
 * the characters cost about 1 µs per 40-character candidate.
 */
function fewDistinct(s: string, limit: number): boolean {
  if (limit <= 0) return false;
  let lo = 0;
  let mid = 0;
  let hi = 0;
  let top = 0;
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return new Set(s).size < limit;
    const bit = 1 << (c & 31);
    const word = c >> 5;
    const seen = word === 0 ? lo : word === 1 ? mid : word === 2 ? hi : top;
    if ((seen & bit) !== 0) continue;
    if (++count >= limit) return false;
    if (word === 0) lo |= bit;
    else if (word === 1) mid |= bit;
    else if (word === 2) hi |= bit;
    else top |= bit;
  }
  return true;
}

// Words that mark a value as an example rather than a key. Short words count only between separators
// ("sk-your-key"), so random base62 contains one of these with probability well under 1e-4.
const PLACEHOLDER_WORD = new RegExp(
  'example|sample|placeholder|dummy|redacted|changeme|insert|replace|xxxx|^your|(?:^|[^a-z0-9])(?:your|my|fake)(?:[^a-z0-9]|$)',
  'i',
);

/** True for keys and values that a person typed or a doc generator wrote, not a random generator. */
export function isPlaceholderToken(s: string): boolean {
  if (PLACEHOLDER_WORD.test(s) || hasLongRun(s)) return true;
  return fewDistinct(s, Math.min(8, Math.ceil(s.length / 3)));
}

/** A value a provider rule matched looks machine-generated: enough classes, not a placeholder. */
export function looksRandom(value: string, minClasses = 2): boolean {
  return alnumClassCount(value) >= minClasses && !isPlaceholderToken(value);
}

/** Upper, lower and digits all present: what a random base62/base64 key of 30+ characters always has. */
export function hasAllClasses(value: string): boolean {
  return looksRandom(value, 3);
}
