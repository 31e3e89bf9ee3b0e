/**
 * Text as the injection rules read it. Attackers disguise trigger words, so a prompt is read folded (the engine's
 * normalisation undoes look-alikes and invisible characters, then case and accents fold one code unit per code
 * unit, so spans map back to the original) and, only when it shows the disguise and only around it, de-leeted
 * (`1gn0r3` → `ignore`), de-spaced (`i g n o r e`), with punctuation inside words removed (`i|gnore`), reversed,
 * with quoted pieces joined, and decoded (base64 and hex runs that decode to text). A rule that fires only in a
 * disguised form is itself evidence of intent, reported as an obfuscation signal. The raw text also
 * yields two signals of its own: invisible characters inside words and words mixing Latin with Cyrillic or
 * Greek letters, which ordinary shop text does not contain.
 */
import { foldChar, foldTextKeepingOffsets } from '../business/fold.ts';
import { normalizeText, type NormalizedText } from '../normalize.ts';
import { decodeRuns } from './decode.ts';
import { rawSignals } from './raw-signals.ts';

export interface Variant {
  /** `plain` is the folded text; the others exist only when the text shows that disguise. */
  readonly kind: 'plain' | 'leetspeak' | 'spaced' | 'split' | 'reversed' | 'concatenated' | 'encoded';
  readonly text: string;
}

export interface PreparedText {
  readonly variants: readonly Variant[];
  /** Maps a span of the plain variant back to the caller's original UTF-16 offsets. */
  readonly toOriginal: NormalizedText['toOriginal'];
  /** Obfuscation visible in the raw text itself. */
  readonly rawSignals: readonly string[];
}

/** A digit or symbol between letters (`1gn0r3`): the core of a leet word, found cheaply; the word around it is checked in code. */
const LEET_CORE = /[a-z][0-9$|!]+[a-z]/g;
const LEET_SYMBOL = /[0-9@$|!]/g;
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '2': 'z', '3': 'e', '4': 'a', '5': 's', '6': 'b', '7': 't', '8': 'b', '9': 'g', '@': 'a', $: 's', '|': 'l', '!': 'i' };
/** `1` is `i` as often as `l` (`wi3d3rho1e`): a second reading with `l`. */
const LEET_L: Record<string, string> = { ...LEET, '1': 'l', '|': 'i' };
/** Punctuation inside words (`i|gnore`, `p.revious`, `SyS-tem`), and the casing noise that usually comes with it. */
const SPLIT_PUNCT = /[a-z][|*][a-z]/;
const CASE_NOISE = /[a-z][A-Z]{2,}[a-z]|[A-Z]{2}[a-z][A-Z]/;
const IN_WORD_PUNCT = /(?<=[a-z])[|*_.'-](?=[a-z])/g;
/** Words that say a text is reversed: then the text is read reversed too. */
export const REVERSE_CUE = /\b(?:backwards|reversed?|in reverse|ruckwarts|umgekehrt|a l'envers|al reves|al contrario|a rovescio|achterstevoren|omgekeerd)\b/;
/** Quoted pieces joined with `+`: `"Ne tiens plus c" + "ompte de…"`. */
const CONCAT_CUE = /["'\u00ab\u201c][^"'\u00bb\u201d\n]{1,120}["'\u00bb\u201d]\s*\+\s*["'\u00ab\u201c]|\b[a-z]\s*\+\s*[a-z]\s*\+\s*[a-z]\b/;
const QUOTED = /["'\u00ab\u201c]([^"'\u00bb\u201d\n]{1,120})["'\u00bb\u201d]/g;
/** Single letters joined by spaces, dots, dashes, underscores or stars: four or more in a row. */
const SPACED = /\b(?:[a-z][ ._*-]{1,2}){3,}[a-z]\b/g;
/**
 * What every SPACED match holds: its last four letters, the first after a separator or a word's start (or at the
 * text's start), the last ending a word. V8 scans this faster (it starts with a character, not a word boundary),
 * and shop text (`s.p.a.`, `b.v.`) rarely holds it: SPACED alone took ~14 µs per 4 KB, this first ~9 (measured).
 */
const MAY_BE_SPACED = /[^A-Za-z0-9][a-z][ ._*-]{1,2}[a-z][ ._*-]{1,2}[a-z][ ._*-]{1,2}[a-z](?![A-Za-z0-9_])/;
const MAY_BE_SPACED_AT_START = /[a-z][ ._*-]{1,2}[a-z][ ._*-]{1,2}[a-z][ ._*-]{1,2}[a-z](?![A-Za-z0-9_])/y;

function maySpace(plain: string): boolean {
  SPACED.lastIndex = 0;
  MAY_BE_SPACED_AT_START.lastIndex = 0;
  return MAY_BE_SPACED.test(plain) || MAY_BE_SPACED_AT_START.test(plain);
}

export function prepareText(text: string): PreparedText {
  const plain = readPlain(text);
  return prepareForms(plain, REVERSE_CUE.test(plain.text));
}

/** The text folded (see the module header), the first form every text is read in. */
export interface PlainText {
  readonly original: string;
  readonly normalized: NormalizedText;
  readonly text: string;
}

export function readPlain(original: string): PlainText {
  const normalized = normalizeText(original);
  return { original, normalized, text: foldText(normalized.text) };
}

/**
 * Every form of a text, from its plain form. `reversed`: whether REVERSE_CUE occurs in it, which the caller may
 * know already (gate.ts finds it in the scan it makes of the plain text anyway).
 */
export function prepareForms({ original, normalized, text: plain }: PlainText, reversed: boolean): PreparedText {
  const variants: Variant[] = [{ kind: 'plain', text: plain }];
  const changes = hasLeetWords(plain) ? leetChanges(plain) : [];
  if (changes.length > 0) {
    const windows = windowRanges(plain.length, changes);
    for (const table of [LEET, LEET_L]) variants.push({ kind: 'leetspeak', text: deleetAround(plain, windows, changes, table) });
  }
  if (SPLIT_PUNCT.test(plain) || CASE_NOISE.test(normalized.text)) {
    const split = withoutInWordPunctuation(plain);
    if (split !== '') variants.push({ kind: 'split', text: split });
  }
  if (maySpace(plain) && SPACED.test(plain)) variants.push({ kind: 'spaced', text: rewriteAround(plain, SPACED, (run) => run.replace(/[ ._*-]/g, '')) });
  if (reversed) variants.push({ kind: 'reversed', text: [...plain].reverse().join('') });
  if (mayConcatenate(plain) && CONCAT_CUE.test(plain)) variants.push({ kind: 'concatenated', text: [...plain.matchAll(QUOTED)].map((m) => m[1]).join('') });
  const decoded = decodeRuns(normalized.text);
  if (decoded !== '') variants.push({ kind: 'encoded', text: foldText(decoded) });
  return { variants, toOriginal: (start, end) => normalized.toOriginal(start, end), rawSignals: rawSignals(original) };
}

/**
 * A disguised form is read only around the disguise: the rest of a long prompt is the plain text, already read,
 * and reading it again in every form cost two thirds of the scoring time on 4 KB prompts (measured).
 */
const DISGUISE_WINDOW = 300;

/**
 * Where a de-leeted form differs from the plain text: every digit and symbol of each run of letters, digits and
 * leet symbols that holds both. Found from the symbols, rarer than letters (V8 skips ahead to them fast; a run
 * of digits alone, a price or a phone number, is passed over): the regex form (a replace per run, then a
 * comparison of the whole text, for each of the two readings) took ~180 µs per 4 KB commerce prompt full of
 * SKUs and hashes, this ~40 with the forms built (measured).
 */
function leetChanges(plain: string): number[] {
  const changes: number[] = [];
  LEET_SYMBOL.lastIndex = 0;
  for (let m = LEET_SYMBOL.exec(plain); m !== null; m = LEET_SYMBOL.exec(plain)) {
    let start = m.index;
    while (start > 0 && isLeetChar(plain.charCodeAt(start - 1))) start--;
    let end = m.index + 1;
    // Characters before the symbol found are letters: the search started after the previous run.
    let letters = start < m.index;
    for (; end < plain.length && isLeetChar(plain.charCodeAt(end)); end++) letters ||= isLetter(plain.charCodeAt(end));
    LEET_SYMBOL.lastIndex = end;
    if (letters) for (let k = start; k < end; k++) if (!isLetter(plain.charCodeAt(k))) changes.push(k);
  }
  return changes;
}

/** Two or more short words with a digit or symbol between letters; long runs (hashes, base64, JWTs) do not count. */
function hasLeetWords(text: string): boolean {
  let words = 0;
  let lastWordEnd = -1;
  LEET_CORE.lastIndex = 0;
  for (let m = LEET_CORE.exec(text); m !== null; m = LEET_CORE.exec(text)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start > 0 && isLeetChar(text.charCodeAt(start - 1))) start--;
    while (end < text.length && isLeetChar(text.charCodeAt(end))) end++;
    LEET_CORE.lastIndex = end;
    // Next to `@` or base64 characters it is an e-mail address or an encoded blob; over 22 characters, a hash.
    const around = (text[start - 1] ?? ' ') + (text[end] ?? ' ');
    if (end - start > 22 || /[@+/=_-]/.test(around) || start <= lastWordEnd) continue;
    lastWordEnd = end;
    if (++words >= 2) return true;
  }
  return false;
}

/** The `windows` of the plain text around `changes`, with the leet symbols there read through `table`, joined. */
function deleetAround(plain: string, windows: readonly (readonly [number, number])[], changes: readonly number[], table: Record<string, string>): string {
  let text = '';
  let next = 0;
  for (const [start, end] of windows) {
    if (text !== '') text += JOIN;
    let copied = start;
    for (; next < changes.length && (changes[next] as number) < end; next++) {
      const at = changes[next] as number;
      text += plain.slice(copied, at) + (table[plain[at] as string] as string);
      copied = at + 1;
    }
    text += plain.slice(copied, end);
  }
  return text;
}

/**
 * The windows of the plain text around punctuation inside words, without it, joined. Read in each window alone,
 * as the regex once did: a mark at a window's first or last character has no letter on that side there.
 */
function withoutInWordPunctuation(plain: string): string {
  const positions = [...plain.matchAll(IN_WORD_PUNCT)].map((m) => m.index);
  const windows: string[] = [];
  let next = 0;
  for (const [start, end] of windowRanges(plain.length, positions)) {
    let window = '';
    let copied = start;
    for (; next < positions.length && (positions[next] as number) < end; next++) {
      const at = positions[next] as number;
      if (at <= start || at >= end - 1) continue;
      window += plain.slice(copied, at);
      copied = at + 1;
    }
    windows.push(window + plain.slice(copied, end));
  }
  return windows.join(JOIN);
}

/** Windows are read joined by a blank line. */
const JOIN = '\n\n';

/** The windows of `plain` around each match of `pattern`, each rewritten, joined. */
function rewriteAround(plain: string, pattern: RegExp, replacement: string | ((match: string) => string)): string {
  const positions = [...plain.matchAll(new RegExp(pattern.source, 'g'))].map((m) => m.index);
  return windowsOf(plain, positions)
    .map((window) => window.replace(pattern, replacement as string))
    .join(JOIN);
}

function windowsOf(text: string, positions: readonly number[]): string[] {
  return windowRanges(text.length, positions).map(([start, end]) => text.slice(start, end));
}

/** [start, end) of the windows around `positions` (ascending) in a text of `length`, merged where they touch. */
function windowRanges(length: number, positions: readonly number[]): [number, number][] {
  const windows: [number, number][] = [];
  let start = -1;
  let end = -1;
  for (const at of positions) {
    if (start >= 0 && at - DISGUISE_WINDOW <= end) {
      end = Math.min(length, at + DISGUISE_WINDOW);
      continue;
    }
    if (end > start) windows.push([start, end]);
    start = Math.max(0, at - DISGUISE_WINDOW);
    end = Math.min(length, at + DISGUISE_WINDOW);
  }
  if (end > start) windows.push([start, end]);
  return windows;
}

function isLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function isLeetChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x24 || code === 0x7c || code === 0x21 || code === 0x40;
}

/** Typographic apostrophes read as `'`, so `don’t` and `qu’on` match the rules. */
const APOSTROPHES = '\u2019\u2018\u02bc\u00b4\u0060';

/** Lower case without accents, typographic apostrophes as `'`, one code unit per code unit. */
function foldText(text: string): string {
  return foldTextKeepingOffsets(text, (code) => (APOSTROPHES.includes(String.fromCharCode(code)) ? 0x27 : foldChar(code)));
}

/**
 * Whether CONCAT_CUE can match: it needs a `+` with a closing quote or a letter before it and an opening quote
 * or a letter after it (spaces between). Most 4 KB prompts hold a `+` (phone numbers) but none of those, and
 * the regex itself scanned the whole text for ~23 µs (measured).
 */
function mayConcatenate(plain: string): boolean {
  for (let at = plain.indexOf('+'); at >= 0; at = plain.indexOf('+', at + 1)) {
    let before = at - 1;
    while (before >= 0 && SPACE.test(plain[before] as string)) before--;
    let after = at + 1;
    while (after < plain.length && SPACE.test(plain[after] as string)) after++;
    if (before >= 0 && after < plain.length && CLOSES.test(plain[before] as string) && OPENS.test(plain[after] as string)) return true;
  }
  return false;
}
const SPACE = /\s/;
const CLOSES = /["'\u00bb\u201da-z]/;
const OPENS = /["'\u00ab\u201ca-z]/;
