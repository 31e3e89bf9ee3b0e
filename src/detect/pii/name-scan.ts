/**
 * The person-name detector's (names.ts) hot paths: capitalised words ("O'Brien", "Jean-Pierre") found by a
 * hand-written scanner instead of a Unicode regex, their dictionary flags through a cache, how neighbouring words
 * join into a run (a space, a title's or initial's dot, particles such as "van der"), and a prefilter that answers
 * contextBefore() from the characters alone for most runs. Each step runs per word or per character of a prompt,
 * so ASCII is decided by comparisons and other characters by a table filled by Unicode regexes on first sight.
 */
import { CONTEXT_WORDS, contextBefore, isWordChar, readSeparator } from './language-words.ts';
import type { Context } from './language-words.ts';
import { W, flagsOf } from './names-data.ts';

/**
 * Lowercase particles between a given name and a surname ("Jan de Vries", "Ludwig van Beethoven"). Articles that
 * are everyday German words ("der", "das", "den") only follow another particle ("van der", "von den").
 */
export const PARTICLE_FIRST = 'von|van|vom|zu|zum|zur|de|di|da|dal|dalla|del|della|delle|dei|degli|du|le|la|lo|ter|ten|dos';
export const PARTICLE_NEXT = 'der|den|des|de|la|las|los|le|het';
/** One to three particles, each followed by a blank. */
export const PARTICLES_SOURCE = `(?:${PARTICLE_FIRST})[ \\t](?:(?:${PARTICLE_NEXT})[ \\t]){0,2}`;

export type Kind = 'word' | 'caps' | 'single';

export interface Token {
  readonly start: number;
  /** End of the name part: a trailing possessive "'s" is left out. */
  readonly end: number;
  readonly text: string;
  readonly kind: Kind;
  readonly possessive: boolean;
  readonly dotAfter: boolean;
  /** Joined to the previous token through lowercase particles ("Jan de Vries"). */
  viaParticle: boolean;
  /** Lowercase form and W.* bits, filled on first use: most words in long title-case runs are never looked at. */
  lowered: string | undefined;
  bits: number;
}

// Character classes, as bits: an uppercase letter (\p{Lu}), a letter or mark ([\p{L}\p{M}]), or a character
// after which no word may start ([\p{L}\p{M}\p{N}_@./\\-]). KNOWN marks a filled table entry.
const UPPER = 1;
const LETTER = 2;
const GLUE = 4;
const KNOWN = 8;
const UPPER_RE = /^\p{Lu}$/u;
const LETTER_RE = /^[\p{L}\p{M}]$/u;
const GLUE_RE = /^[\p{L}\p{M}\p{N}_@./\\-]$/u;

const classify = (ch: string): number =>
  KNOWN | (UPPER_RE.test(ch) ? UPPER : 0) | (LETTER_RE.test(ch) ? LETTER : 0) | (GLUE_RE.test(ch) ? GLUE : 0);

/** Classes of BMP code units; 0 until first seen (a lone surrogate classifies as itself, as in a /u regex). */
const UNIT_CLASSES = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) UNIT_CLASSES[c] = classify(String.fromCharCode(c));
const ASTRAL_CLASSES = new Map<number, number>();

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

function unitClass(c: number): number {
  let k = UNIT_CLASSES[c] as number;
  if (k === 0) UNIT_CLASSES[c] = k = classify(String.fromCharCode(c));
  return k;
}

function astralClass(cp: number): number {
  let k = ASTRAL_CLASSES.get(cp);
  if (k === undefined) ASTRAL_CLASSES.set(cp, (k = classify(String.fromCodePoint(cp))));
  return k;
}

/** Class of the code point starting at `i` (NaN past the end: no class). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return UNIT_CLASSES[c] ?? 0;
  if (isHigh(c) && isLow(text.charCodeAt(i + 1))) return astralClass(text.codePointAt(i) as number);
  return c >= 0 ? unitClass(c) : 0;
}

/** Class of the code point ending right before `i`. */
function classBefore(text: string, i: number): number {
  const c = text.charCodeAt(i - 1);
  if (c < 128) return UNIT_CLASSES[c] ?? 0;
  if (isLow(c) && isHigh(text.charCodeAt(i - 2))) return astralClass(text.codePointAt(i - 2) as number);
  return c >= 0 ? unitClass(c) : 0;
}

const unitsAt = (text: string, i: number): number =>
  isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;

/** End of the letters and marks from `i`, then of any "'x" or "-x" continuations ("O'Brien", "Jean-Pierre"). */
function wordEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    for (let c = text.charCodeAt(j); ; c = text.charCodeAt(j)) {
      if (c < 128) {
        if (((c | 32) - 97) >>> 0 >= 26) break; // ASCII letters inline: most words are plain ASCII
        j++;
      } else if ((classAt(text, j) & LETTER) !== 0) j += unitsAt(text, j);
      else break;
    }
    const c = text.charCodeAt(j);
    if ((c !== 39 && c !== 0x2019 && c !== 45) || (classAt(text, j + 1) & LETTER) === 0) return j;
    j++;
  }
}

/**
 * Where a word may start: a capital or any non-ASCII unit, after a character that is not ASCII glue. A superset,
 * found by the regex engine's native scan (a JavaScript loop over every character was ~1/4 slower on the
 * benchmark box); the real classes are checked on each hit.
 */
const CANDIDATE_RE = /[^A-Za-z0-9_@./\\-][A-Z\u0080-\uffff]/g;

function isWordStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128 ? c < 65 || c > 90 : (classAt(text, i) & UPPER) === 0) return false;
  return i === 0 || (classBefore(text, i) & GLUE) === 0;
}

/**
 * Every capitalised word, as the global Unicode regex
 * \p{Lu}(?<![\p{L}\p{M}\p{N}_@./\\-]\p{Lu})[\p{L}\p{M}]*(?:['’][\p{L}\p{M}]+)*(?:-[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)*
 * would find them; that regex took ~130 µs per dense 4 KB prompt on the benchmark box, this scan ~20 µs.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  if (text.length > 0 && isWordStart(text, 0)) tokens.push(makeToken(text, 0, wordEnd(text, unitsAt(text, 0))));
  CANDIDATE_RE.lastIndex = tokens.length > 0 ? (tokens[0] as Token).end : 0;
  while (CANDIDATE_RE.test(text)) {
    const i = CANDIDATE_RE.lastIndex - 1;
    if (!isWordStart(text, i)) {
      CANDIDATE_RE.lastIndex = i; // the rejected character may itself come before a word ("–Anna")
      continue;
    }
    const end = wordEnd(text, i + unitsAt(text, i));
    tokens.push(makeToken(text, i, end));
    CANDIDATE_RE.lastIndex = end;
  }
  return tokens;
}

/** Caps: a second capital and no lowercase ("DHL", "ANNA"); "McDonald" and "GmbH" stay words. */
function kindOf(text: string, start: number, end: number): Kind {
  if (end - start === 1) return 'single';
  const second = text.charCodeAt(start + 1);
  if (second >= 97 && second <= 122) return 'word'; // most words: a lowercase ASCII second letter
  let ascii = second < 128;
  for (let i = start; ascii && i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return 'word';
    ascii = c < 128;
  }
  if (ascii) return second >= 65 && second <= 90 ? 'caps' : 'word';
  const word = text.slice(start, end);
  const ch = word.charAt(1);
  return ch !== ch.toLowerCase() && word.toUpperCase() === word ? 'caps' : 'word';
}

function makeToken(text: string, start: number, rawEnd: number): Token {
  const apostrophe = text.charCodeAt(rawEnd - 2);
  const possessive =
    rawEnd - start > 3 && text.charCodeAt(rawEnd - 1) === 115 && (apostrophe === 39 || apostrophe === 0x2019);
  const end = possessive ? rawEnd - 2 : rawEnd;
  const dotAfter = text.charCodeAt(end) === 46;
  const kind = kindOf(text, start, end);
  return { start, end, text, kind, possessive, dotAfter, viaParticle: false, lowered: undefined, bits: -1 };
}

export function lowerOf(t: Token): string {
  if (t.lowered === undefined) {
    const lower = t.text.slice(t.start, t.end).toLowerCase();
    t.lowered = lower.includes('’') ? lower.replace(/’/gu, "'") : lower;
  }
  return t.lowered;
}

/**
 * Flags by the word as written, across prompts (they repeat their words), in an open-addressing table hashed from
 * the prompt's characters: a known word costs no slice, lowercasing or Map lookup (a Map keyed by fresh slices was
 * ~10 % of the detector on the benchmark box, hashing each new string). Cleared when half full.
 */
/** FNV-1a step over one UTF-16 unit. */
const fnv = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);
const FNV_SEED = 0x811c9dc5 | 0;
const CACHE_SIZE = 1 << 14;
const CACHE_MASK = CACHE_SIZE - 1;
const cacheHashes = new Int32Array(CACHE_SIZE); // 0: empty slot
const cacheFlags = new Int32Array(CACHE_SIZE);
const cacheWords: string[] = new Array<string>(CACHE_SIZE).fill('');
let cacheCount = 0;

/** FNV-1a over the UTF-16 units, never 0. */
function hashOf(text: string, start: number, end: number): number {
  let h = FNV_SEED;
  for (let i = start; i < end; i++) h = fnv(h, text.charCodeAt(i));
  return h | 1;
}

export function flagsOfToken(t: Token): number {
  if (t.bits >= 0) return t.bits;
  if (t.kind === 'single') return (t.bits = 0);
  const h = hashOf(t.text, t.start, t.end);
  let slot = h & CACHE_MASK;
  for (; cacheHashes[slot] !== 0; slot = (slot + 1) & CACHE_MASK) {
    const word = cacheWords[slot] as string;
    if (cacheHashes[slot] === h && word.length === t.end - t.start && t.text.startsWith(word, t.start)) {
      return (t.bits = cacheFlags[slot] as number);
    }
  }
  const bits = flagsOf(lowerOf(t));
  if (cacheCount >= CACHE_SIZE / 2) {
    cacheHashes.fill(0);
    cacheCount = 0;
    slot = h & CACHE_MASK;
  }
  cacheHashes[slot] = h;
  cacheFlags[slot] = bits;
  const word = t.text.slice(t.start, t.end);
  // V8 slices of 13+ units are views into the prompt: a joined copy keeps the cache from pinning whole prompts.
  cacheWords[slot] = word.length < 13 ? word : Array.from(word).join('');
  cacheCount++;
  return (t.bits = bits);
}

export const has = (t: Token, bits: number): boolean => (flagsOfToken(t) & bits) !== 0;
/** The French title "M." ("M. Dupont"). */
export const isMonsieur = (t: Token): boolean => t.kind === 'single' && t.dotAfter && t.text.charCodeAt(t.start) === 77;

const SPACE_GAP = /^[ \t]{1,3}$/;
const DOT_GAP = /^\.[ \t]{1,2}$/;
const PARTICLE_GAP = new RegExp(`^[ \\t]${PARTICLES_SOURCE}$|^[ \\t](?:${PARTICLES_SOURCE})?[dl]['’]$`, 'u');
/** After a capitalised particle the article alone may follow: "Van den Pol", "Von der Leyen", "De la Cruz". */
const ARTICLE_GAP = new RegExp(`^[ \\t](?:(?:${PARTICLE_NEXT})[ \\t]){1,2}$`, 'u');

const isBlank = (c: number): boolean => c === 32 || c === 9;
const isLowerAscii = (c: number): boolean => c >= 97 && c <= 122;

/** 0: not joined, 1: joined by space or a title/initial's dot, 2: joined by lowercase particles. */
export function joinKind(text: string, a: Token, b: Token): 0 | 1 | 2 {
  const len = b.start - a.end;
  if (len < 1 || len > 16 || a.possessive) return 0;
  // Every gap below opens with a blank or a dot, and particles with a lowercase ASCII letter: most gaps between
  // tokens (", ", "\n", ": ") are rejected here without a slice or a regex.
  const c0 = text.charCodeAt(a.end);
  if (isBlank(c0)) {
    const c1 = text.charCodeAt(a.end + 1);
    if (len === 1 || (len <= 3 && isBlank(c1) && (len === 2 || isBlank(text.charCodeAt(a.end + 2))))) return 1;
    if (!isLowerAscii(c1)) return 0;
  } else if (c0 !== 46) return 0;
  const gap = text.slice(a.end, b.start);
  if (SPACE_GAP.test(gap)) return 1;
  const abbreviation = a.dotAfter && (a.kind === 'single' || (flagsOfToken(a) & W.title) !== 0);
  if (abbreviation && DOT_GAP.test(gap)) return 1;
  if ((flagsOfToken(a) & W.capParticle) !== 0 && ARTICLE_GAP.test(gap)) return 2;
  // "J. van der Berg": an initial's dot may precede the particles.
  return PARTICLE_GAP.test(abbreviation ? gap.slice(1) : gap) ? 2 : 0;
}

const BLOOM_MASK = 0xffff;

/**
 * A bit per hash of each of CONTEXT_WORDS: most runs follow a word that is none of them ("and", "order") and is told
 * apart by its characters, without contextBefore()'s slices, lowercasing and Set lookups (~15 % of the detector).
 */
function bloom(keys: Iterable<string>): Uint32Array {
  const bits = new Uint32Array((BLOOM_MASK + 1) / 32);
  for (const key of keys) {
    let h = FNV_SEED;
    for (let i = key.length - 1; i >= 0; i--) h = fnv(h, key.charCodeAt(i)); // backwards, as the text is read
    const b = (h ^ (h >>> 16)) & BLOOM_MASK;
    bits[b >>> 5] = (bits[b >>> 5] as number) | (1 << (b & 31));
  }
  return bits;
}
const AFTER_BLANKS = bloom(CONTEXT_WORDS.afterBlanks);
const AFTER_MARKS = bloom(CONTEXT_WORDS.afterMarks);

/** False when the word ending at `end` is plain ASCII and its key (lowercase, no dots) hashes to an unset bit. */
function mayBeKnownWord(text: string, end: number, bits: Uint32Array): boolean {
  let h = FNV_SEED;
  let i = end;
  for (; i > 0 && end - i < 40; i--) {
    const c = text.charCodeAt(i - 1);
    if ((c >= 97 && c <= 122) || c === 39 || c === 47 || c === 95) h = fnv(h, c);
    else if (c >= 65 && c <= 90) h = fnv(h, c + 32);
    else if (c === 46) continue;
    else if (c > 127 && isWordChar(text, i - 1)) return true;
    else break;
  }
  if (i === end) return false;
  const b = (h ^ (h >>> 16)) & BLOOM_MASK;
  return ((bits[b >>> 5] as number) & (1 << (b & 31))) !== 0;
}

/** contextBefore(), answered 'none' from the characters alone when the word before the run is no context word. */
export function contextBeforeRun(text: string, start: number): Context {
  const sep = readSeparator(text, start);
  const words = sep.colon || sep.comma || sep.newline ? AFTER_MARKS : AFTER_BLANKS;
  return sep.dash || mayBeKnownWord(text, sep.end, words) ? contextBefore(text, start) : 'none';
}
