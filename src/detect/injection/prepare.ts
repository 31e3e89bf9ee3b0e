/**
 * Text as the injection rules read it. Attackers disguise trigger words, so every prompt is read in up to four
 * forms: folded (the engine's normalisation undoes look-alikes and invisible characters, then case and accents
 * fold one code unit per code unit, so spans map back to the original), de-leeted (`1gn0r3` → `ignore`),
 * de-spaced (`i g n o r e` → `ignore`) and decoded (base64 and hex runs that decode to text). A rule that fires
 * only in a disguised form is itself evidence of intent, reported as an obfuscation signal. The raw text also
 * yields two signals of its own: invisible characters inside words and words mixing Latin with Cyrillic or
 * Greek letters, which ordinary shop text does not contain.
 */
import { foldChar } from '../business/fold.ts';
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
const NON_ASCII = /[^\t\n\r -~]/g;
const INVISIBLE_IN_WORD = /\p{L}\p{Default_Ignorable_Code_Point}+\p{L}/u;
const MIXED_SCRIPT = /\p{Script=Latin}[\p{Script=Cyrillic}\p{Script=Greek}]|[\p{Script=Cyrillic}\p{Script=Greek}]\p{Script=Latin}/u;
/** Two places where a digit or symbol sits between letters (`1gn0r3`): one alone is `b2b` or `mp3s`. */
const LEET_MIX = /[a-z][0-9$|!][a-z][\s\S]*?[a-z][0-9$|!]+[a-z]/;
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '2': 'z', '3': 'e', '4': 'a', '5': 's', '6': 'b', '7': 't', '8': 'b', '9': 'g', '@': 'a', $: 's', '|': 'l', '!': 'i' };
/** `1` is `i` as often as `l` (`wi3d3rho1e`): a second reading with `l`. */
const LEET_L: Record<string, string> = { ...LEET, '1': 'l', '|': 'i' };
/** Punctuation inside words (`i|gnore`, `p.revious`, `SyS-tem`), and the casing noise that usually comes with it. */
const SPLIT_PUNCT = /[a-z][|*_][a-z]/;
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
  if (LEET_MIX.test(plain)) {
    for (const table of [LEET, LEET_L]) {
      const deleeted = plain.replace(LEET_RUN, (run) => (/[a-z]/.test(run) ? run.replace(/[0-9@$|!]/g, (c) => table[c] ?? c) : run));
      if (deleeted !== plain) variants.push({ kind: 'leetspeak', text: deleeted });
    }
  }
  if (SPLIT_PUNCT.test(plain) || CASE_NOISE.test(normalized.text)) variants.push({ kind: 'split', text: plain.replace(IN_WORD_PUNCT, '') });
  if (REVERSE_CUE.test(plain)) variants.push({ kind: 'reversed', text: [...plain].reverse().join('') });
  if (CONCAT_CUE.test(plain)) variants.push({ kind: 'concatenated', text: [...plain.matchAll(QUOTED)].map((m) => m[1]).join('') });
  SPACED.lastIndex = 0;
  if (SPACED.test(plain)) variants.push({ kind: 'spaced', text: plain.replace(SPACED, (run) => run.replace(/[ ._*-]/g, '')) });
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
function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (PRINTABLE_ASCII.test(text)) return lower;
  // Lower-casing changes the length only for a few characters (`İ`); then fold ASCII and the rest separately.
  const base = lower.length === text.length ? lower : text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
  return base.replace(NON_ASCII, (c) => String.fromCharCode(foldChar(c.charCodeAt(0))));
}

/** Base64 and hex runs that decode to mostly printable text, joined by newlines; '' when there are none. */
function decodeRuns(text: string): string {
  const parts: string[] = [];
  for (const run of base64Runs(text)) {
    const decoded = Buffer.from(run, run.includes('-') || run.includes('_') ? 'base64url' : 'base64').toString('utf8');
    if (isMostlyText(decoded)) parts.push(decoded);
  }
  for (const match of text.matchAll(HEX_RUN)) {
    const decoded = Buffer.from(match[0].replace(/[ :]/g, ''), 'hex').toString('utf8');
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
    const inRun =
      (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f || c === 0x2d || c === 0x5f || c === 0x3d;
    if (inRun) {
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

/** Decoded binary (an image, a hash) is not a message: at least 90% letters, digits, spaces and punctuation. */
function isMostlyText(decoded: string): boolean {
  if (decoded.length < 12) return false;
  let printable = 0;
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || (c >= 0xc0 && c < 0x250)) printable++;
  }
  return printable / decoded.length >= 0.9 && /[a-z]{3,} [a-z]{2,}/i.test(decoded);
}
