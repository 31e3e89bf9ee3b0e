/**
 * Reads `key <separator> value` pairs for the password and entropy detectors: `.env` and YAML lines, JSON and
 * Python dicts (also JSON escaped inside a string), query strings, ADO/JDBC `;` lists, headers and SQL
 * `PASSWORD 'x'` (prose such as "das Passwort lautet: …" is prose.ts's, built from the helpers here). Pairs are
 * read outward from the separator, which is where the cheap scan in scan.ts finds them; a key is screened where it
 * stands (gate.ts) before it is sliced. Each pair says how structured it looked (quoted key, `=`, a key at the
 * start of a line or entry) so a detector can ask more of a value found in a sentence than of one in a config
 * file.
 */
import { MAY_HOLD, type KeyWords } from './gate.ts';

export type Separator = 'assign' | 'colon' | 'prose' | 'none';

/**
 * Whether the key text[start, end) is one a detector cares about. A range, not a string: most keys are rejected
 * by a screen that reads them in place (gate.ts), and only the rest are sliced for the exact test.
 */
export type KeyTest = (text: string, start: number, end: number) => boolean;

export interface KeyValue {
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly key: string;
  readonly separator: Separator;
  /** The key was in quotes (`"password":`). */
  readonly keyQuoted: boolean;
  readonly valueQuoted: boolean;
  /** The key starts a line or an entry (`{`, `,`, `;`, `&`, `?`), so `key: value` is a field, not a sentence. */
  readonly atEntryStart: boolean;
  readonly valueStart: number;
  readonly valueEnd: number;
}

const MAX_VALUE = 512;
/** The longest key read, in characters. */
export const MAX_KEY = 64;

const NON_ASCII_LETTER = /\p{L}/u;

function isKeyChar(c: number, text: string, i: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  if (c === 95 || c === 45 || c === 46) return true; // _ - .
  return c > 127 && NON_ASCII_LETTER.test(text.charAt(i)); // contraseña, hasło, lösenord
}

export const isBlank = (c: number): boolean => c === 32 || c === 9;
const isQuote = (c: number): boolean => c === 34 || c === 39 || c === 96;

const COMPONENT_CACHE = new Map<string, readonly string[]>();

/** Lower-case components of a key name: `dbPassword` → db, password; `X-API-Key` → x, api, key. */
export function keyComponents(key: string): readonly string[] {
  const cached = COMPONENT_CACHE.get(key);
  if (cached !== undefined) return cached;
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i <= key.length; i++) {
    const c = key.charCodeAt(i);
    const separator = i === key.length || c === 95 || c === 46 || c === 45 || c === 32;
    const previous = key.charCodeAt(i - 1);
    const afterLowerOrDigit = (previous >= 97 && previous <= 122) || (previous >= 48 && previous <= 57);
    const camel = c >= 65 && c <= 90 && i > from && afterLowerOrDigit;
    if (!separator && !camel) continue;
    if (i > from) parts.push(key.slice(from, i).toLowerCase());
    from = separator ? i + 1 : i;
  }
  // Keys repeat across prompts (DB_PASSWORD, api_key); the cache is bounded, not an LRU.
  if (COMPONENT_CACHE.size >= 4096) COMPONENT_CACHE.clear();
  COMPONENT_CACHE.set(key, parts);
  return parts;
}

/** Start of the identifier ending at `end`: `db_password`, `spring.datasource.password`, `X-Api-Key`. */
export function keyStartBefore(text: string, end: number): number {
  let start = end;
  while (start > 0 && end - start < MAX_KEY && isKeyChar(text.charCodeAt(start - 1), text, start - 1)) start--;
  // "\npassword=" inside a JSON string: the n belongs to the escape, not the key.
  if (start > 0 && text.charCodeAt(start - 1) === 92 && /[nrt]/.test(text.charAt(start))) start++;
  while (start < end && (text.charCodeAt(start) === 45 || text.charCodeAt(start) === 46)) start++;
  // The one multi-word key: French "mot de passe".
  // Sliced only for five letters after a space ("passe"), not for every five-letter key ("email", "price").
  if (end - start === 5 && text.charCodeAt(start - 1) === 32 && /^mot de $/i.test(text.slice(start - 7, start))) {
    start -= 7;
  }
  return start;
}

const ENTRY_START = new Set([10, 13, 123, 44, 59, 38, 63, 40, 91, 124]); // \n \r { , ; & ? ( [ |

function atEntryStart(text: string, keyStart: number): boolean {
  let i = keyStart - 1;
  if (isQuote(text.charCodeAt(i))) i--;
  if (text.charCodeAt(i) === 92) i--; // escaped quote inside a JSON string
  while (i >= 0 && isBlank(text.charCodeAt(i))) i--;
  if (text.charCodeAt(i) === 45 && text.charCodeAt(i - 1) !== 45) i--; // YAML list item "- key:"
  while (i >= 0 && isBlank(text.charCodeAt(i))) i--;
  if (i < 0 || ENTRY_START.has(text.charCodeAt(i))) return true;
  return text.charCodeAt(i - 1) === 92 && /[nrt]/.test(text.charAt(i)); // escaped line break
}

/** End of a quoted value opened at `open`, or -1 when it does not close on the line. */
function closingQuote(text: string, open: number, escaped: boolean): number {
  const quote = text.charAt(open);
  const limit = Math.min(text.length, open + MAX_VALUE);
  for (let i = open + 1; i < limit; i++) {
    const c = text.charAt(i);
    if (c === '\n') return -1;
    if (escaped && c === '\\' && text.charAt(i + 1) === quote) return i;
    if (!escaped && c === '\\') i++;
    else if (c === quote) return i;
  }
  return -1;
}

// Unquoted values stop at whitespace, quotes, list and markup delimiters, and a backslash (an escape in JSON).
// Not at `&`: passwords contain it; a query string's next `&name=` is cut off below.
const UNQUOTED = /[^\s"'`;,<>\\]*/y;
const NEXT_PARAMETER = /&[A-Za-z_][\w.-]*=/;
const TRAILING_PUNCTUATION = new Set([46, 44, 58, 41, 93, 125]); // . , : ) ] }

/**
 * End of an unquoted value at `start`, without a following `&key=` parameter and without trailing sentence
 * punctuation ("hunter2." / "(pwd: abc)"); a `?` is punctuation only when the sentence goes on after it.
 */
export function unquotedEnd(text: string, start: number): number {
  UNQUOTED.lastIndex = start;
  UNQUOTED.test(text);
  let i = Math.min(UNQUOTED.lastIndex, start + MAX_VALUE);
  const parameter = NEXT_PARAMETER.exec(text.slice(start, i));
  if (parameter !== null) i = start + parameter.index;
  for (;;) {
    const c = text.charCodeAt(i - 1);
    const question = c === 63 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9);
    if (i <= start || !(TRAILING_PUNCTUATION.has(c) || question)) return i;
    i--;
  }
}

/** The value at `at` (after any blanks): [start, end, quoted], or null when there is none. */
function readValue(text: string, at: number): Value | null {
  while (isBlank(text.charCodeAt(at))) at++;
  const escaped = text.charCodeAt(at) === 92 && text.charCodeAt(at + 1) === 34;
  const open = escaped ? at + 1 : at;
  if (escaped || isQuote(text.charCodeAt(open))) {
    const close = closingQuote(text, open, escaped);
    return close > open + 1 ? [open + 1, close, true] : null;
  }
  const end = unquotedEnd(text, at);
  return end > at ? [at, end, false] : null;
}

export type Value = [start: number, end: number, quoted: boolean];

export function pair(
  text: string,
  keyStart: number,
  keyEnd: number,
  separator: Separator,
  keyQuoted: boolean,
  value: Value,
): KeyValue {
  return {
    keyStart,
    keyEnd,
    key: text.slice(keyStart, keyEnd),
    separator,
    keyQuoted,
    valueQuoted: value[2],
    atEntryStart: atEntryStart(text, keyStart),
    valueStart: value[0],
    valueEnd: value[1],
  };
}

/**
 * The pair around the `:` or `=` at `sep` (also `:=`, `=>`, `==`), or null; `wanted` screens the key before the
 * value is read, since most separators in code and JSON belong to keys no detector cares about.
 */
export function pairAtSeparator(text: string, sep: number, wanted: KeyWords): KeyValue | null {
  const c = text.charCodeAt(sep);
  const before = text.charCodeAt(sep - 1);
  // The second character of `==`, `!=`, `<=`, `>=`, `:=` belongs to a separator already read (or none).
  if (c === 61 && (before === 61 || before === 33 || before === 60 || before === 62 || before === 58)) return null;
  let keyEnd = sep;
  while (keyEnd > 0 && isBlank(text.charCodeAt(keyEnd - 1))) keyEnd--;
  if (text.charCodeAt(keyEnd - 1) === 93 && isQuote(text.charCodeAt(keyEnd - 2))) keyEnd--; // config["password"]
  const keyQuoted = isQuote(text.charCodeAt(keyEnd - 1));
  if (keyQuoted) keyEnd -= text.charCodeAt(keyEnd - 2) === 92 ? 2 : 1;
  if (wanted.screen(text, keyEnd) !== MAY_HOLD) return null;
  const keyStart = keyStartBefore(text, keyEnd);
  if (keyStart >= keyEnd || !wanted.test(text, keyStart, keyEnd)) return null;
  let after = sep + 1;
  if (c === 58 && text.charCodeAt(after) === 61) after++;
  else if (c === 61) while (text.charCodeAt(after) === 61 || text.charCodeAt(after) === 62) after++;
  const value = readValue(text, after);
  if (value === null) return null;
  return pair(text, keyStart, keyEnd, c === 58 && after === sep + 1 ? 'colon' : 'assign', keyQuoted, value);
}

/**
 * SQL and CLI style, the key then a quoted value: `PASSWORD 'x'`, `IDENTIFIED BY 'x'`, `--password "x"`. The key
 * is tested before the value is read: most quotes after a word open plain strings.
 */
export function pairBeforeQuote(text: string, quote: number, wanted: KeyWords): KeyValue | null {
  let keyEnd = quote;
  while (keyEnd > 0 && isBlank(text.charCodeAt(keyEnd - 1))) keyEnd--;
  if (keyEnd === quote || keyEnd === 0 || !isKeyChar(text.charCodeAt(keyEnd - 1), text, keyEnd - 1)) return null;
  let keyStart = keyStartBefore(text, keyEnd);
  const identifiedBy = /^by$/i.test(text.slice(keyStart, keyEnd)) && /identified $/i.test(text.slice(keyStart - 11, keyStart));
  if (identifiedBy) keyStart -= 11;
  if (!wanted.test(text, keyStart, keyEnd)) return null;
  const value = readValue(text, quote);
  return value === null ? null : pair(text, keyStart, keyEnd, 'none', false, value);
}

// PHP constants, as in WordPress's wp-config.php: define('DB_PASSWORD', 'value').
const DEFINE = /define\s*\(\s*(['"])([A-Za-z0-9_]{1,64})\1\s*,\s*(?=['"])/g;

/** Pairs of `define('KEY', 'value')`, for keys that `wanted` accepts. */
export function definePairs(text: string, wanted: KeyWords): KeyValue[] {
  const pairs: KeyValue[] = [];
  DEFINE.lastIndex = 0;
  for (let m = DEFINE.exec(text); m !== null; m = DEFINE.exec(text)) {
    const key = m[2] ?? '';
    const keyStart = m.index + m[0].indexOf(key);
    const value = wanted.test(text, keyStart, keyStart + key.length) ? readValue(text, m.index + m[0].length) : null;
    if (value !== null) pairs.push(pair(text, keyStart, keyStart + key.length, 'assign', true, value));
  }
  return pairs;
}

/**
 * A test of "text[start, end) lower-cased is in `words`" that slices only what could be: lower-casing never
 * shortens a word, so a range longer than the longest word is not one, nor is a range whose first character, if
 * ASCII, lower-cases to no word's first character ("order", "phone" before a number).
 */
export function lowerCaseIn(words: ReadonlySet<string>): (text: string, start: number, end: number) => boolean {
  const longest = Math.max(...[...words].map((word) => word.length));
  const initials = new Uint8Array(128);
  for (const word of words) if (word.charCodeAt(0) < 128) initials[word.charCodeAt(0)] = 1;
  return (text, start, end) => {
    if (end - start > longest) return false;
    const c = text.charCodeAt(start);
    if (c < 128 && initials[c >= 65 && c <= 90 ? c + 32 : c] === 0) return false;
    return words.has(text.slice(start, end).toLowerCase());
  };
}

/** The word ending at `end` after blanks ("token" in "token abc…"), as [start, end], or null. */
export function wordBefore(text: string, end: number): [number, number] | null {
  let wordEnd = end;
  while (wordEnd > 0 && end - wordEnd < 3 && isBlank(text.charCodeAt(wordEnd - 1))) wordEnd--;
  if (wordEnd === end) return null;
  const start = keyStartBefore(text, wordEnd);
  return start < wordEnd ? [start, wordEnd] : null;
}
