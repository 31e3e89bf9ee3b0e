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

const PRINTABLE_ASCII = /^[\t\n\r -~]*$/;
/** Typographic apostrophes read as `'`, so `don’t` and `qu’on` match the rules. */
const APOSTROPHES = '\u2019\u2018\u02bc\u00b4\u0060';
const INVISIBLE_IN_WORD = /\p{L}\p{Default_Ignorable_Code_Point}+\p{L}/u;
const MIXED_SCRIPT = /\p{Script=Latin}[\p{Script=Cyrillic}\p{Script=Greek}]|[\p{Script=Cyrillic}\p{Script=Greek}]\p{Script=Latin}/u;
/** Two places where a digit or symbol sits between letters (`1gn0r3`): one alone is `b2b` or `mp3s`. */
/** A digit or symbol between letters: the core of a leet word, found cheaply; the word around it is checked in code. */
const LEET_CORE = /[a-z][0-9$|!]+[a-z]/g;
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '2': 'z', '3': 'e', '4': 'a', '5': 's', '6': 'b', '7': 't', '8': 'b', '9': 'g', '@': 'a', $: 's', '|': 'l', '!': 'i' };
/** `1` is `i` as often as `l` (`wi3d3rho1e`): a second reading with `l`. */
const LEET_L: Record<string, string> = { ...LEET, '1': 'l', '|': 'i' };
/** Punctuation inside words (`i|gnore`, `p.revious`, `SyS-tem`), and the casing noise that usually comes with it. */
const SPLIT_PUNCT = /[a-z][|*][a-z]/;
const CASE_NOISE = /[a-z][A-Z]{2,}[a-z]|[A-Z]{2}[a-z][A-Z]/;
const IN_WORD_PUNCT = /(?<=[a-z])[|*_.'-](?=[a-z])/g;
const REVERSE_CUE = /\b(?:backwards|reversed?|in reverse|ruckwarts|umgekehrt|a l'envers|al reves|al contrario|a rovescio|achterstevoren|omgekeerd)\b/;
/** Quoted pieces joined with `+`: `"Ne tiens plus c" + "ompte de…"`. */
const CONCAT_CUE = /["'\u00ab\u201c][^"'\u00bb\u201d\n]{1,120}["'\u00bb\u201d]\s*\+\s*["'\u00ab\u201c]|\b[a-z]\s*\+\s*[a-z]\s*\+\s*[a-z]\b/;
const QUOTED = /["'\u00ab\u201c]([^"'\u00bb\u201d\n]{1,120})["'\u00bb\u201d]/g;
const LEET_RUN = /[a-z0-9@$|!]*[0-9@$|!][a-z0-9@$|!]*/g;
/** Single letters joined by spaces, dots, dashes, underscores or stars: four or more in a row. */
const SPACED = /\b(?:[a-z][ ._*-]{1,2}){3,}[a-z]\b/g;
const BASE64_MIN = 24;
const HEX_RUN = /\b(?:[0-9a-fA-F]{2}[ :]?){12,}\b/g;

export function prepareText(text: string): PreparedText {
  const normalized = normalizeText(text);
  const plain = foldText(normalized.text);
  const variants: Variant[] = [{ kind: 'plain', text: plain }];
  if (hasLeetWords(plain)) {
    for (const table of [LEET, LEET_L]) {
      const deleeted = plain.replace(LEET_RUN, (run) => (/[a-z]/.test(run) ? run.replace(/[0-9@$|!]/g, (c) => table[c] ?? c) : run));
      if (deleeted !== plain) variants.push({ kind: 'leetspeak', text: aroundChanges(plain, deleeted) });
    }
  }
  if (SPLIT_PUNCT.test(plain) || CASE_NOISE.test(normalized.text)) {
    const split = rewriteAround(plain, IN_WORD_PUNCT, '');
    if (split !== '') variants.push({ kind: 'split', text: split });
  }
  SPACED.lastIndex = 0;
  if (SPACED.test(plain)) variants.push({ kind: 'spaced', text: rewriteAround(plain, SPACED, (run) => run.replace(/[ ._*-]/g, '')) });
  if (REVERSE_CUE.test(plain)) variants.push({ kind: 'reversed', text: [...plain].reverse().join('') });
  if (CONCAT_CUE.test(plain)) variants.push({ kind: 'concatenated', text: [...plain.matchAll(QUOTED)].map((m) => m[1]).join('') });
  const decoded = decodeRuns(normalized.text);
  if (decoded !== '') variants.push({ kind: 'encoded', text: foldText(decoded) });
  const rawSignals: string[] = [];
  // Both need characters outside ASCII; most prompts have none, and the Unicode-property scans are not free.
  if (normalized.text !== text || !PRINTABLE_ASCII.test(text)) {
    if (INVISIBLE_IN_WORD.test(text)) rawSignals.push('obfuscation.invisible-characters');
    if (MIXED_SCRIPT.test(text)) rawSignals.push('obfuscation.mixed-scripts');
  }
  return { variants, toOriginal: (start, end) => normalized.toOriginal(start, end), rawSignals };
}

/** Lower case without accents, one code unit per code unit; native lower-casing for the ASCII case. */
/**
 * A disguised form is read only around the disguise: the rest of a long prompt is the plain text, already read,
 * and reading it again in every form cost two thirds of the scoring time on 4 KB prompts (measured).
 */
const DISGUISE_WINDOW = 300;

/** The windows of `changed` around the positions where it differs from `plain` (same length), joined. */
function aroundChanges(plain: string, changed: string): string {
  const positions: number[] = [];
  for (let i = 0; i < plain.length; i++) if (plain.charCodeAt(i) !== changed.charCodeAt(i)) positions.push(i);
  return windowsOf(changed, positions).join('\n\n');
}

/** The windows of `plain` around each match of `pattern`, each rewritten, joined. */
function rewriteAround(plain: string, pattern: RegExp, replacement: string | ((match: string) => string)): string {
  const positions = [...plain.matchAll(new RegExp(pattern.source, 'g'))].map((m) => m.index);
  return windowsOf(plain, positions)
    .map((window) => window.replace(pattern, replacement as string))
    .join('\n\n');
}

function windowsOf(text: string, positions: readonly number[]): string[] {
  const windows: string[] = [];
  let start = -1;
  let end = -1;
  for (const at of positions) {
    if (start >= 0 && at - DISGUISE_WINDOW <= end) {
      end = Math.min(text.length, at + DISGUISE_WINDOW);
      continue;
    }
    if (end > start) windows.push(text.slice(start, end));
    start = Math.max(0, at - DISGUISE_WINDOW);
    end = Math.min(text.length, at + DISGUISE_WINDOW);
  }
  if (end > start) windows.push(text.slice(start, end));
  return windows;
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

function isLeetChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x24 || code === 0x7c || code === 0x21 || code === 0x40;
}

/** Lower case without accents, typographic apostrophes as `'`, one code unit per code unit. */
function foldText(text: string): string {
  return foldTextKeepingOffsets(text, (code) => (APOSTROPHES.includes(String.fromCharCode(code)) ? 0x27 : foldChar(code)));
}

/** Base64 and hex runs that decode to mostly printable text, joined by newlines; '' when there are none. */
function decodeRuns(text: string): string {
  const parts: string[] = [];
  for (const run of base64Runs(text)) {
    // A run may carry a prefix (`x-`, `ref_`) before the encoded part: try the run, then what follows the prefix.
    const cut = run.search(/[-_]/);
    for (const candidate of cut > 0 && cut < 12 ? [run, run.slice(cut + 1)] : [run]) {
      const decoded = decodeBase64(candidate);
      if (isMostlyText(decoded)) {
        parts.push(decoded);
        break;
      }
    }
  }
  for (const match of text.matchAll(HEX_RUN)) {
    const decoded = Buffer.from(match[0].replace(/[ :]/g, '').slice(0, MAX_DECODED_CHARS * 2), 'hex').toString('utf8');
    if (isMostlyText(decoded)) parts.push(decoded);
  }
  return parts.join('\n');
}

/**
 * Runs of base64 (or base64url) characters of at least 24, found in one pass: the regex form restarts inside
 * every shorter run and measured 95–120 µs per 4 KB against a few µs for this loop.
 */
function base64Runs(text: string): string[] {
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    const inRun = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f || c === 0x5f;
    // `=` is padding, so it ends a run (`ref=<base64>` starts one); `-` joins base64url but also prefixes (`x-<b64>`).
    if (inRun || (c === 0x2d && start >= 0)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      // A run right after a backslash starts with an escape letter (`\\nTmV3…` inside JSON): drop it.
      const from = start > 0 && text.charCodeAt(start - 1) === 0x5c ? start + 1 : start;
      if (i - from >= BASE64_MIN) runs.push(text.slice(from, i));
      start = -1;
    }
  }
  return runs;
}

/** Runs longer than this are decoded only in part: enough for any instruction, and bounded work per run. */
const MAX_DECODED_CHARS = 4096;

function decodeBase64(run: string): string {
  const head = run.slice(0, (MAX_DECODED_CHARS / 3) * 4);
  return Buffer.from(head, /[-_]/.test(head) ? 'base64url' : 'base64').toString('utf8');
}

/**
 * Decoded binary (an image, a hash) is not a message: at least 90% printable, and somewhere a word of three
 * letters, a space and a word of two. One linear pass (a regex for the word test was quadratic on long runs).
 */
function isMostlyText(decoded: string): boolean {
  if (decoded.length < 12) return false;
  let printable = 0;
  let letters = 0;
  let lettersBeforeSpace = -1;
  let words = false;
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || (c >= 0xc0 && c < 0x250)) printable++;
    const isLetter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (isLetter) {
      letters++;
      if (lettersBeforeSpace >= 3 && letters >= 2) words = true;
    } else {
      lettersBeforeSpace = c === 0x20 ? letters : -1;
      letters = 0;
    }
  }
  return words && printable / decoded.length >= 0.9;
}
