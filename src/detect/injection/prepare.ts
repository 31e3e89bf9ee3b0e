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
  readonly kind: 'plain' | 'leetspeak' | 'spaced' | 'encoded';
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
const INVISIBLE_IN_WORD = /\p{L}\p{Default_Ignorable_Code_Point}+\p{L}/u;
const MIXED_SCRIPT = /\p{Script=Latin}[\p{Script=Cyrillic}\p{Script=Greek}]|[\p{Script=Cyrillic}\p{Script=Greek}]\p{Script=Latin}/u;
const LEET_MIX = /[a-z][0-9@$|!][a-z0-9@$|!]*[a-z]|[0-9@$][a-z]{2}/;
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '|': 'l', '!': 'i' };
const LEET_RUN = /[a-z0-9@$|!]*[0-9@$|!][a-z0-9@$|!]*/g;
/** Single letters joined by spaces, dots, dashes, underscores or stars: four or more in a row. */
const SPACED = /\b(?:[a-z][ ._*-]{1,2}){3,}[a-z]\b/g;
const BASE64_RUN = /[A-Za-z0-9+/]{24,}={0,2}|[A-Za-z0-9_-]{32,}/g;
const HEX_RUN = /\b(?:[0-9a-fA-F]{2}[ :]?){12,}\b/g;

export function prepareText(text: string): PreparedText {
  const normalized = normalizeText(text);
  const plain = foldText(normalized.text);
  const variants: Variant[] = [{ kind: 'plain', text: plain }];
  if (LEET_MIX.test(plain)) {
    const deleeted = plain.replace(LEET_RUN, (run) => (/[a-z]/.test(run) ? run.replace(/[0-9@$|!]/g, (c) => LEET[c] ?? c) : run));
    if (deleeted !== plain) variants.push({ kind: 'leetspeak', text: deleeted });
  }
  SPACED.lastIndex = 0;
  if (SPACED.test(plain)) variants.push({ kind: 'spaced', text: plain.replace(SPACED, (run) => run.replace(/[ ._*-]/g, '')) });
  const decoded = decodeRuns(normalized.text);
  if (decoded !== '') variants.push({ kind: 'encoded', text: foldText(decoded) });
  const rawSignals: string[] = [];
  if (INVISIBLE_IN_WORD.test(text)) rawSignals.push('obfuscation.invisible-characters');
  if (MIXED_SCRIPT.test(text)) rawSignals.push('obfuscation.mixed-scripts');
  return { variants, toOriginal: (start, end) => normalized.toOriginal(start, end), rawSignals };
}

/** Lower case without accents, one code unit per code unit; native lower-casing for the ASCII case. */
function foldText(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldChar(text.charCodeAt(i)));
  return out;
}

/** Base64 and hex runs that decode to mostly printable text, joined by newlines; '' when there are none. */
function decodeRuns(text: string): string {
  const parts: string[] = [];
  for (const match of text.matchAll(BASE64_RUN)) {
    const decoded = Buffer.from(match[0], match[0].includes('-') || match[0].includes('_') ? 'base64url' : 'base64').toString('utf8');
    if (isMostlyText(decoded)) parts.push(decoded);
  }
  for (const match of text.matchAll(HEX_RUN)) {
    const decoded = Buffer.from(match[0].replace(/[ :]/g, ''), 'hex').toString('utf8');
    if (isMostlyText(decoded)) parts.push(decoded);
  }
  return parts.join('\n');
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
