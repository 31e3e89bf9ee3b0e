/**
 * Telephone numbers. A cheap regex finds runs of digits joined by separators (dot, dash, slash, one to three
 * spaces, a line break, a parenthesised area code); cheap checks drop dates, prices, quantities, IP addresses and
 * numbers an order/invoice/tracking/barcode word introduces (unless a phone word sits closer); only survivors
 * reach libphonenumber (`max` metadata, exact per-type patterns). International numbers (+CC or 00CC) are checked
 * against their own country. National numbers are tried in the gateway's languages' regions (DE AT CH FR ES IT
 * NL BE GB US IE), as dialled at home (trunk 0 where the country has one; 3-3-4 for North America); they count
 * when valid there and written like a phone (grouped, or a bare 0-prefixed mobile-length number) or when a word
 * such as "Tel", "Handy", "portable" or "WhatsApp" is near, before the number or right after it ("(mobile)").
 * Next to such a word, evenly spaced-out digits (0-6-1-2…) are judged as the number they spell. Numbers the
 * metadata does not know but whose length fits are kept at a lower score when a leading '+', a context word or
 * an unmistakable format vouches for them.
 */
import { PhoneNumber } from 'libphonenumber-js/max';
import type { Detector, RawFinding } from '../types.ts';
import {
  REFERENCE_WORDS,
  afterLastMatch,
  anyOf,
  finding,
  isDigitCode,
  isWordCode,
  keyWords,
  startsCleanly,
} from './national-ids-shared.ts';

const DETECTOR_ID = 'pii.phone';

/**
 * Seven to MAX_UNITS digits (or parenthesised groups) joined by at most one separator each: a dot, slash or dash,
 * one to three spaces, " / " or " - ", a line break. After a given separator only one alternative can reach the
 * next digit, so matching stays linear. A run that goes on beyond that is a table of numbers or a code, not a
 * phone number, and is skipped whole.
 */
const MAX_UNITS = 28;
const SEP = '(?:[./-]| {1,3}| [/-] |\\r?\\n)';
const UNIT = '(?:\\(\\d{1,5}\\)|\\d)';
// Not from the middle of a number: a run that failed from its first digit fails from any later one.
const CANDIDATE = new RegExp(`\\+?(?:\\(\\d{1,5}\\)|\\d(?<!\\d\\d))(?:${SEP}?${UNIT}){6,${MAX_UNITS - 1}}`, 'g');
/** What continues a run: more digits or parenthesised groups, after a separator or not. */
const REST_OF_RUN = new RegExp(`(?:${SEP}?${UNIT})*`, 'y');
/**
 * Digits cut into equal chunks (a shorter last one allowed), one separator throughout however wide, at least
 * three chunks: 3-1-2-3-…, 0  4  0  5 …, 0.1.5.2.…, 784  773  431. Not "1540 590320 9".
 */
function evenlyChunked(raw: string): boolean {
  const separators = raw.replace(/^\+/, '').match(/\D+/g) ?? [];
  if (separators.length < 2 || separators.some((s) => s !== separators[0])) return false;
  const lengths = raw.replace(/^\+/, '').split(separators[0] as string).map((g) => g.length);
  const size = lengths[0] as number;
  return lengths.slice(0, -1).every((l) => l === size) && (lengths[lengths.length - 1] as number) <= size;
}
/** Two or more spaces between groups: nobody types a phone number that way unless hiding it. */
const WIDE_SPACING = /\d {2}/;
const SEPARATORS = /[ ./\-\r\n()]+/;
/**
 * A date opening the run, unless dots or dashes go on after it: 06.28.20.27.42 is a French number. Slashes are
 * no phone style, and 36/38/40/42 is a list of sizes.
 */
const DATE_START = /^(?:\d{1,2}([./-])\d{1,2}\1\d{2,4}|\d{4}([./-])\d{1,2}\2\d{1,2})(?!\d|[.-]\d)/;
/** Four dotted numbers up to 255 are an IP address, whatever else they could be. */
const DOTTED_QUAD = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
/** The grouped start of an IBAN right before the run: the run is its tail, not a number of its own. */
const IBAN_HEAD = /\b[A-Z]{2}\d{2}(?: [A-Z\d]{4})* $/i;
const CURRENCY_BEFORE = /(?:[€$£¥]|\b(?:eur|usd|gbp|chf))\s?$/i;
const UNITS = 'eur|euro|usd|gbp|chf|kg|g|mg|km|m|cm|mm|ml|l|st(?:ü|ue)?c?k|pcs|pieces|mal|times|min|sec|ms|mb|gb|kb';
const UNIT_AFTER = new RegExp(`^\\s?(?:[€$£%]|(?:${UNITS})(?![\\p{L}])|x )`, 'iu');
/** An extension belongs to the number: "(415) 555-0132 x109", "… ext. 12". */
const EXTENSION = /^ ?(?:x|ext\.?|extn\.?) ?\d{1,6}(?![\w])/i;
/** A US ZIP+4 code; no phone numbering plan groups digits 5-4 with a dash. */
const ZIP_PLUS_FOUR = /^\d{5}-\d{4}$/;
/** How North American numbers are written: (415) 555-0132, 415-555-0132, 415.555.0132, 1-415-555-0132. */
const NANP_SHAPE = /^(?:\+?1[ .-]?)?(?:\([2-9]\d\d\) ?|[2-9]\d\d[-.])[2-9]\d\d[-.]\d{4}$/;

const PHONE_WORDS = [
  'tel', 't[ée]l[ée]phone', 'phone', 'tele?fon', 'tel[ée]fono', 'telefoon', 'rufnummer', 'festnetz', 'durchwahl',
  'mobile?', 'mobiel', 'm[óo]vil', 'cell', 'celular', 'handy', 'natel', 'portable', 'gsm', 'fisso', 'fijo',
  'fax', 'whats ?app', 'sms', 'hotline', 'contact', 'kontakt', 'contatt', 'contacto',
  'call', 'ring me', 'reach me', 'text me', 'ruf', 'anruf', 'erreichbar', 'appel', 'joindre', 'joignable',
  'll[aá]m', 'chiam', 'raggiungibile', '(?:me|le|nos) localiz', 'localizable', 'bel(?:len|me|ons)', 'bereikbaar',
  'direct (?:line|dial|nummer)', 'ligne directe', 'l[íi]nea directa', 'linea diretta',
].join('|');
/** Phone words before the number (read through keyWords, so `"customerPhone":` counts). */
const PHONE_CONTEXT = new RegExp(`(?<![\\p{L}])(?:${PHONE_WORDS})`, 'giu');
/**
 * A phone word right after the number, bare or in brackets: "06 12 34 56 78 (portable)"; not the key of the next
 * field in a log line (`id=0612345678 tel=…`).
 */
const PHONE_WORD_AFTER = new RegExp(`^[ \\t]*[(\\[]?[ \\t]*(?=(?:${PHONE_WORDS})\\p{L}*(?![\\p{L}=:]))`, 'iu');
/** Order, invoice, tracking, customer and account numbers, and postcodes, share a phone number's shape. */
const NOT_PHONE_CONTEXT = anyOf(
  [
    ...REFERENCE_WORDS, 'receipt', 'quittung', 'beleg', 'verzending', 'lieferschein',
    'paket', 'parcel', 'colis', 'paquete', 'pacco', 'pakket', '\\bupc\\b', 'barcode', 'code-barres',
    'c[óo]digo de barras', 'codice a barre', 'streepjescode', 'strichcode', 'articolo', 'art[íi]culo', 'serien',
    's/n', 'kunden-?n(?:umme)?r', 'kd\\.?-?nr', 'customer (?:id|no|number|#)', 'n(?:°|º|o\\.?) client', '\\bid\\b',
    'account', 'konto', '\\biban\\b', '\\bblz\\b', 'transaction', 'transaktion', '\\bplz\\b', 'postcode',
    'postal', '\\bzip\\b', 'aktenzeichen', 'charge',
  ],
  'gi',
);

interface Region {
  readonly callingCode: string;
  /** Digits a national number has here, trunk prefix included; others are not tried. */
  readonly min: number;
  readonly max: number;
  /** Dialled before the national number at home (and dropped after the country code); '' when none. */
  readonly trunk: string;
}

/** Regions whose numbers start with the trunk 0 at home; Italy keeps its leading 0 after +39. */
const TRUNK_ZERO_REGIONS: readonly Region[] = [
  { callingCode: '49', min: 6, max: 14, trunk: '0' }, // DE
  { callingCode: '33', min: 10, max: 10, trunk: '0' }, // FR
  { callingCode: '31', min: 10, max: 10, trunk: '0' }, // NL
  { callingCode: '32', min: 9, max: 10, trunk: '0' }, // BE
  { callingCode: '43', min: 5, max: 14, trunk: '0' }, // AT
  { callingCode: '41', min: 10, max: 10, trunk: '0' }, // CH
  { callingCode: '39', min: 6, max: 11, trunk: '' }, // IT
  { callingCode: '353', min: 7, max: 11, trunk: '0' }, // IE
  { callingCode: '44', min: 10, max: 11, trunk: '0' }, // GB
];
const US: Region = { callingCode: '1', min: 10, max: 11, trunk: '1' };
const ES: Region = { callingCode: '34', min: 9, max: 9, trunk: '' };
const IT_MOBILE: Region = { callingCode: '39', min: 9, max: 10, trunk: '' };

const MIN_DIGITS = 7;
const MAX_NATIONAL_DIGITS = 13;
const MAX_E164_DIGITS = 15;
const MAX_DROPPED_GROUP = 3;

interface Candidate {
  readonly raw: string;
  readonly digits: string;
  /** Written with separators or a parenthesised area code. */
  readonly formatted: boolean;
  /** Formatted, and the groups look like a phone number's. */
  readonly grouped: boolean;
  /** A phone word nearby; computed on first use, most candidates never need it. */
  context(): boolean;
}

type Verdict = 'valid' | 'possible' | 'no';

/**
 * Verdicts already reached. Chat clients resend the whole conversation every turn, so the same numbers come back
 * again and again; bounded by clearing when full, which costs one re-validation per number at worst.
 */
const VERDICTS = new Map<string, Verdict>();
const MAX_REMEMBERED = 2048;

/** Possible (length) is cheap and rules most numbers out; exact validation only runs on those left. */
function verdictOf(e164: string): Verdict {
  const known = VERDICTS.get(e164);
  if (known !== undefined) return known;
  let verdict: Verdict = 'no';
  try {
    const number = new PhoneNumber(e164);
    if (number.isPossible()) verdict = number.isValid() ? 'valid' : 'possible';
  } catch {
    // too short, or no such country code
  }
  if (VERDICTS.size >= MAX_REMEMBERED) VERDICTS.clear();
  VERDICTS.set(e164, verdict);
  return verdict;
}

/** Trunk-0 regions with fixed-length numbers first: a ten-digit 06… is French or Dutch before it is German. */
const TRUNK_ZERO_BY_LENGTH: ReadonlyMap<number, readonly Region[]> = new Map(
  Array.from({ length: MAX_NATIONAL_DIGITS + 1 }, (_, n) => [
    n,
    [...TRUNK_ZERO_REGIONS].sort((a, b) => Number(a.min !== n || a.max !== n) - Number(b.min !== n || b.max !== n)),
  ]),
);

/** Regions a national digit string could belong to: a leading 0 is a trunk prefix, else US, ES or IT mobile. */
function regionsFor(digits: string): readonly Region[] {
  if (digits.startsWith('0')) return TRUNK_ZERO_BY_LENGTH.get(digits.length) ?? TRUNK_ZERO_REGIONS;
  if (digits.startsWith('1')) return [US];
  if (digits.startsWith('3')) return [US, IT_MOBILE];
  return /^[6-9]/.test(digits) ? [US, ES] : [US];
}

/** The number after the country code, or null when the digits cannot be a national number of the region. */
function nationalPart(digits: string, region: Region): string | null {
  if (digits.length < region.min || digits.length > region.max) return null;
  if (region.trunk === '0') return digits.startsWith('0') ? digits.slice(1) : null;
  if (region.trunk === '1' && digits.length === 11) return digits.startsWith('1') ? digits.slice(1) : null;
  return digits;
}

/** North American numbers are grouped 3-3-4 (after an optional 1), or not at all. */
function groupedLikeNanp(raw: string): boolean {
  const lengths = raw.split(SEPARATORS).filter((g) => g !== '').map((g) => g.replace('+', '').length).join('-');
  return lengths === '3-3-4' || lengths === '1-3-3-4' || /^1?\d{10}$/.test(raw);
}

function nationalVerdict(digits: string, raw: string): Verdict {
  let best: Verdict = 'no';
  for (const region of regionsFor(digits)) {
    if (region === US && !groupedLikeNanp(raw)) continue;
    const national = nationalPart(digits, region);
    if (national === null) continue;
    const v = verdictOf(`+${region.callingCode}${national}`);
    if (v === 'valid') return v;
    if (v === 'possible') best = v;
  }
  return best;
}

/**
 * Groups written like a phone number: after the first, none shorter than two digits, not too many; except that
 * a one-digit area code may follow a country code (+33 6 …, 0043 1 …, +49 (0) 30 …, +33 (0)1 …). Pairs only
 * when the number starts with 0 or a country code.
 */
function phoneGrouping(raw: string): boolean {
  const groups = raw.replace(/^\+/, '').split(SEPARATORS).filter((g) => g !== '');
  if (groups.length > 7) return false;
  // Pairs throughout are the French style, which dials a 0 first; 36 38 40 42 44 is a list of sizes.
  if (groups.every((g) => g.length === 2) && !/^(?:\+|0)/.test(raw)) return false;
  const shortAllowedUpTo = !/^(?:\+|00)/.test(raw) ? 0 : groups[1] === '0' ? 2 : 1;
  for (let i = shortAllowedUpTo + 1; i < groups.length; i++) if ((groups[i] ?? '').length < 2) return false;
  return true;
}

function scoreInternational(c: Candidate): number {
  let digits = c.raw.replace('(0)', '').replace(/\D/g, '');
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (digits.length < 8 || digits.length > MAX_E164_DIGITS) return 0;
  // A leading '+' is itself a phone sign; a bare run behind '00' may just be a zero-padded id or barcode.
  if (!c.raw.startsWith('+') && !c.grouped && !c.context()) return 0;
  let v = verdictOf('+' + digits);
  // "+49 030 …": the home trunk 0 written after the country code.
  const trunkAfterCode = /^(?:49|33|31|32|43|41|353|44)0/.exec(digits);
  if (v !== 'valid' && trunkAfterCode) {
    v = verdictOf(`+${trunkAfterCode[0].slice(0, -1)}${digits.slice(trunkAfterCode[0].length)}`);
  }
  if (v === 'valid') return c.context() ? 0.97 : 0.95;
  return v === 'possible' ? 0.75 : 0;
}

function scoreNational(c: Candidate): number {
  const { digits } = c;
  if (digits.length > MAX_NATIONAL_DIGITS) return 0;
  if (!regionsFor(digits).some((r) => nationalPart(digits, r) !== null)) return 0;
  if (ZIP_PLUS_FOUR.test(c.raw) && !c.context()) return 0;
  const bareMobile = !c.formatted && /^0[1-9]\d{8,10}$/.test(digits);
  if (!c.grouped && !bareMobile && !c.context()) return 0;
  // Digits spaced out evenly next to a phone word (3-1-2-3-4-4-…) are a number written to slip past filters:
  // judge the digits, not their grouping. Odd groups with mixed separators (0.2.6 / 22.12.2016) are not one.
  const disguised = c.formatted && !c.grouped;
  if (disguised && !evenlyChunked(c.raw)) return 0;
  const v = nationalVerdict(digits, disguised ? digits : c.raw);
  if (v === 'valid' && c.context()) return 0.95;
  // Short trunk-prefixed runs (0815 4711) are as often codes as numbers; real ones have nine digits or more.
  if (v === 'valid' && digits.length >= 9) return c.grouped ? 0.88 : 0.75;
  if (v !== 'possible') return 0;
  if (c.context()) return c.grouped || !c.formatted ? 0.7 : 0;
  return c.grouped && (NANP_SHAPE.test(c.raw) || (c.raw.startsWith('(') && digits.startsWith('0'))) ? 0.7 : 0;
}

/** Something glued to the end (a letter, a decimal part, a unit or currency) makes the run not a phone number. */
function endsCleanly(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const next = text.charCodeAt(end);
  if (isWordCode(next) || next === 64) return false;
  const after = text.charCodeAt(end + 1);
  if ((next === 44 || next === 46 || next === 58 || next === 45) && isDigitCode(after)) return false;
  return !UNIT_AFTER.test(text.slice(end, end + 8));
}

/** Cheap shape checks first; context regexes and libphonenumber only for what survives them. */
function scoreSpan(text: string, start: number, end: number): number {
  const raw = text.slice(start, end);
  const digits = raw.replace(/\D/g, '');
  if (digits.length < MIN_DIGITS || DATE_START.test(raw) || !endsCleanly(text, end)) return 0;
  if (!startsCleanly(text, start)) return 0;
  if (CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 5), start))) return 0;
  if (IBAN_HEAD.test(text.slice(Math.max(0, start - 40), start))) return 0;
  if (DOTTED_QUAD.test(raw)) return 0;
  let phoneWord: number | undefined;
  const phoneWordDistance = (): number => (phoneWord ??= phoneWordGap(text, start, end));
  const formatted = SEPARATORS.test(raw);
  const c: Candidate = {
    raw,
    digits,
    formatted,
    grouped: formatted && phoneGrouping(raw) && !WIDE_SPACING.test(raw),
    context: () => phoneWordDistance() >= 0,
  };
  const international = raw.startsWith('+') || (digits.startsWith('00') && !raw.startsWith('('));
  const score = international ? scoreInternational(c) : scoreNational(c);
  if (score === 0) return 0;
  // An order/invoice/reference word nearby makes the number that, unless a phone word sits closer to it. An
  // e-mail address in between is what the word introduced ("invoice questions: orders@x.com or 030 …").
  const reference = afterLastMatch(keyWords(text.slice(Math.max(0, start - 32), start)), NOT_PHONE_CONTEXT);
  if (reference === null || reference.includes('@')) return score;
  return c.context() && phoneWordDistance() < gapAfterWord(reference) ? score : 0;
}

/** The characters after the word a match ended in: `ing=` after "bestell" in "bestelling=" counts as `=`. */
function gapAfterWord(tail: string): number {
  let i = 0;
  while (i < tail.length && isWordCode(tail.charCodeAt(i))) i++;
  return tail.length - i;
}

/** How far the closest phone word is, right after the number ("… (mobile)") or before it, or -1. */
function phoneWordGap(text: string, start: number, end: number): number {
  const after = PHONE_WORD_AFTER.exec(text.slice(end, end + 16));
  if (after !== null) return after[0].length;
  const tail = afterLastMatch(keyWords(text.slice(Math.max(0, start - 40), start)), PHONE_CONTEXT);
  return tail === null ? -1 : gapAfterWord(tail);
}

/**
 * Ends worth trying for a run, best first: the run up to its first line break or wide gap (a number and a list
 * item on the next line, the next column of a table), the whole run, then the run without its last one or two
 * short groups (a count or an extension that followed the number; a long last group is more likely part of a
 * card or account number).
 */
function candidateEnds(text: string, start: number, end: number): number[] {
  const ends: number[] = [];
  const lineBreak = text.slice(start, end).search(/\r?\n| {2}/);
  if (lineBreak > 0) ends.push(start + lineBreak);
  ends.push(end);
  let groupEnd = end;
  while (ends.length < 4 && groupEnd - start > 10) {
    let i = groupEnd;
    while (i > start && isDigitCode(text.charCodeAt(i - 1))) i--;
    const spaceAfterDigit = text.charCodeAt(i - 1) === 32 && isDigitCode(text.charCodeAt(i - 2));
    if (groupEnd - i > MAX_DROPPED_GROUP || !spaceAfterDigit) break;
    groupEnd = i - 1;
    ends.push(groupEnd);
  }
  return ends;
}

/** Index after the digit run that continues at `i`; `i` when it does not go on. */
function endOfRun(text: string, i: number): number {
  REST_OF_RUN.lastIndex = i;
  return REST_OF_RUN.exec(text) === null ? i : REST_OF_RUN.lastIndex;
}

export const phoneDetector: Detector = {
  id: DETECTOR_ID,
  types: ['PHONE'],
  detect(text: string): RawFinding[] {
    const found: RawFinding[] = [];
    CANDIDATE.lastIndex = 0;
    for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
      const start = m.index;
      const runEnd = endOfRun(text, CANDIDATE.lastIndex);
      if (runEnd > CANDIDATE.lastIndex) {
        CANDIDATE.lastIndex = runEnd; // longer than any phone number: skipped whole
        continue;
      }
      for (const end of candidateEnds(text, start, start + m[0].length)) {
        const score = scoreSpan(text, start, end);
        if (score === 0) continue;
        const extension = EXTENSION.exec(text.slice(end, end + 12));
        const spanEnd = end + (extension?.[0].length ?? 0);
        found.push(finding('PHONE', start, spanEnd, score, DETECTOR_ID));
        CANDIDATE.lastIndex = spanEnd; // what followed the number may hold the next one
        break;
      }
    }
    return found;
  },
};
