/**
 * A screen for case-insensitive word tests on short ranges of the prompt (a key before `:`/`=`, the word before
 * a value). The exact test is a regex on a slice, about 0.15 µs a call, and a dense prompt offers it over a
 * hundred keys and words that hold no key word ("order", "Subject", "phone"). The screen reads the range in place
 * and passes only ranges holding the first three characters of some word; the exact test then decides.
 * It never rejects a range the exact test accepts: characters the regex matches alike (a letter in either case)
 * get one code, and where different characters share a code the screen only lets more through.
 */
import { MAX_KEY, type KeyTest } from './key-value.ts';

/**
 * Every character's code in one table lookup: ASCII letters 1..26 whatever their case, é/É (in "clé") 27, any
 * other non-ASCII character 28, digits `_` `-` `.` 29 (the rest of a key's characters), and 0 for what cannot be
 * in a key. Words are indexed by the codes of their first three characters. One lookup per character where a
 * class test and a fold took two: the screen reads about 100 words a dense prompt.
 */
const NOT_KEY = 0;
const NON_ASCII = 28;
const E_ACUTE = 27;
const KEY_OTHER = 29;
/** Before the first three characters are read: a code no word has, so no index made with it is in a table. */
const NOTHING = 31;
const CODE = new Uint8Array(128);
for (let c = 65; c <= 90; c++) {
  CODE[c] = c - 64;
  CODE[c + 32] = c - 64;
}
for (const c of '0123456789_-.') CODE[c.charCodeAt(0)] = KEY_OTHER;

function code(c: number): number {
  if (c < 128) return CODE[c] ?? NOT_KEY;
  return c === 0xe9 || c === 0xc9 ? E_ACUTE : NON_ASCII;
}

const index = (a: number, b: number, c: number): number => (a << 10) | (b << 5) | c;

// The first three characters of an alternative must be literal for the screen to know them.
const LITERAL_START = /^[^\\[\](){}.*+?^$|]{3}/;

/** The table of the codes of the first three characters of `exact`'s alternatives. */
function trigramTable(exact: RegExp): Uint8Array {
  if (exact.global || exact.sticky) throw new Error('gate: a stateful regex would answer differently');
  const table = new Uint8Array(1 << 15);
  for (const word of exact.source.split('|')) {
    const [a, b, c] = [code(word.charCodeAt(0)), code(word.charCodeAt(1)), code(word.charCodeAt(2))];
    if (!LITERAL_START.test(word) || a === NOT_KEY || b === NOT_KEY || c === NOT_KEY) {
      throw new Error(`gate: "${word}" does not start with three literal key characters`);
    }
    table[index(a, b, c)] = 1;
  }
  return table;
}

/**
 * Case-insensitive key words (`pass|pwd|has[lł]o|…`, a plain alternation whose alternatives start with three
 * literal characters), tested on keys read in place.
 */
export const MAY_HOLD = -1;

export interface KeyWords {
  /** Exactly `exact.test(text.slice(start, end))`. */
  readonly test: KeyTest;
  /**
   * MAY_HOLD when a key ending at `end` (at most MAX_KEY key characters) may hold one of the words; otherwise
   * where the characters that could belong to such a key start. Reads the word once, backwards, where finding the
   * key and then testing it read it twice.
   */
  readonly screen: (text: string, end: number) => number;
}

/** KeyWords.test with the words' table. */
function testKey(table: Uint8Array, exact: RegExp, text: string, start: number, end: number): boolean {
  if (start < 0) return exact.test(text.slice(start, end));
  let a = NOTHING;
  let b = NOTHING;
  for (let i = start; i < end; i++) {
    const c = code(text.charCodeAt(i));
    if (table[index(a, b, c)] === 1) return exact.test(text.slice(start, end));
    a = b;
    b = c;
  }
  return false;
}

/** KeyWords.screen with the words' table; the bound is computed once, outside the loop. */
function screenKey(table: Uint8Array, text: string, end: number): number {
  const stop = Math.max(0, end - MAX_KEY);
  let b = NOTHING;
  let c = NOTHING;
  let i = end - 1;
  for (; i >= stop; i--) {
    const a = code(text.charCodeAt(i));
    if (a === NOT_KEY) break;
    if (table[index(a, b, c)] === 1) return MAY_HOLD;
    c = b;
    b = a;
  }
  return i + 1;
}

export function keyWords(exact: RegExp): KeyWords {
  const table = trigramTable(exact);
  return {
    test: (text, start, end) => testKey(table, exact, text, start, end),
    screen: (text, end) => screenKey(table, text, end),
  };
}
