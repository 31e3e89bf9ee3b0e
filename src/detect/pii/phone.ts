/**
 * Telephone numbers. A cheap regex finds runs of digits joined by single separators (space, dot, dash, slash, a
 * line break, a parenthesised area code); cheap checks drop dates, prices, quantities and numbers next to
 * order/invoice/tracking/barcode words; only the survivors reach libphonenumber (`max` metadata, exact per-type
 * patterns). International numbers (+CC or 00CC) are checked against their own country. National numbers are
 * tried in the gateway's languages' regions (DE AT CH FR ES IT NL BE GB US IE), written as dialled at home
 * (trunk 0 where the country has one; 3-3-4 for North America); they count when valid there and written like a
 * phone (grouped, or a bare 0-prefixed mobile-length number) or when a word such as "Tel", "Handy", "portable"
 * or "WhatsApp" is near. Numbers the metadata does not know but whose length fits are kept at a lower score when
 * a leading '+', a context word or an unmistakable format vouches for them.
 */
import { PhoneNumber } from 'libphonenumber-js/max';
import { hasContextNear } from '../context.ts';
import type { Detector, RawFinding } from '../types.ts';
import { anyOf, finding, isWordCode, startsCleanly } from './national-ids-shared.ts';

const DETECTOR_ID = 'pii.phone';

/**
 * Seven to MAX_UNITS digits (or parenthesised groups) joined by at most one separator each. A run that goes on
 * beyond that is a table of numbers or a code, not a phone number, and is skipped whole.
 */
const MAX_UNITS = 28;
const CANDIDATE = new RegExp(
  `\\+?(?:\\(\\d{1,5}\\)|\\d)(?:(?:[ ./-]| [/-] |\\r?\\n)?(?:\\(\\d{1,5}\\)|\\d)){6,${MAX_UNITS - 1}}`,
  'g',
);
/** What may continue a run: a digit, or a separator (one, or " / ") and then a digit or '('. */
const RUN_GOES_ON = /^(?:[ ./-]| [/-] |\r?\n)?[\d(]/;
const SEPARATORS = /[ ./\-\r\n()]+/;
const DATE_START = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?!\d)/;
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

const PHONE_CONTEXT = new RegExp(
  `(?<![\\p{L}])(?:${[
    'tel', 't[ée]l[ée]phone', 'phone', 'tele?fon', 'tel[ée]fono', 'telefoon', 'rufnummer', 'festnetz', 'durchwahl',
    'mobile?', 'mobiel', 'm[óo]vil', 'cell', 'celular', 'handy', 'natel', 'portable', 'gsm', 'fisso', 'fijo',
    'fax', 'whats ?app', 'sms', 'hotline', 'contact', 'kontakt', 'contatto', 'contacto',
    'call', 'ring me', 'reach me', 'text me', 'ruf', 'anruf', 'erreichbar', 'appel', 'joindre', 'll[aá]m', 'chiam',
    'bel(?:len|me|ons)',
  ].join('|')})`,
  'iu',
);
const NOT_PHONE_CONTEXT = anyOf([
  'order', 'bestell', 'auftrag', 'commande', 'pedido', 'ordine', 'bestelling',
  'invoice', 'rechnung', 'facture', 'factura', 'fattura', 'factuur', 'receipt', 'quittung', 'beleg',
  'tracking', 'sendung', 'suivi', 'seguimiento', 'spedizione', 'verzending', 'lieferschein',
  'paket', 'parcel', 'colis', 'paquete', 'pacco', 'pakket',
  '\\bsku\\b', '\\bean\\b', 'gtin', 'isbn', '\\bupc\\b', 'barcode', 'code-barres', 'c[óo]digo de barras',
  'codice a barre', 'streepjescode', 'strichcode', 'art(?:ikel)?\\.?[- ]?nr', 'artikel', 'article', 'articolo',
  'art[íi]culo', 'referen', 'r[ée]f[ée]rence', 'riferimento', '\\bref\\b', 'serial', 'serien', 's/n',
  'kunden-?n(?:umme)?r', 'kd\\.?-?nr', 'customer (?:id|no|number|#)', 'n(?:°|º|o\\.?) client', '\\bid\\b',
  'account', 'konto', '\\biban\\b', '\\bblz\\b', 'transaction', 'transaktion',
  '\\bplz\\b', 'postcode', 'postal', '\\bzip\\b',
  'ticket', 'vorgang', 'aktenzeichen', 'dossier', 'expediente', 'pratica', '\\blot\\b', 'batch', 'charge',
]);

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

/** Groups written like a phone number: after the first, none shorter than two digits, not too many. */
function phoneGrouping(raw: string): boolean {
  const groups = raw.replace(/^\+/, '').split(SEPARATORS).filter((g) => g !== '');
  if (groups.length > 7) return false;
  for (let i = 1; i < groups.length; i++) if ((groups[i] ?? '').length < 2) return false;
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
  const v = nationalVerdict(digits, c.raw);
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
  if ((next === 44 || next === 46 || next === 58 || next === 45) && isDigit(after)) return false;
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
  let context: boolean | undefined;
  const formatted = SEPARATORS.test(raw);
  const c: Candidate = {
    raw,
    digits,
    formatted,
    grouped: formatted && phoneGrouping(raw),
    context: () => (context ??= hasContextNear(text, start, end, PHONE_CONTEXT, 40)),
  };
  const international = raw.startsWith('+') || (digits.startsWith('00') && !raw.startsWith('('));
  const score = international ? scoreInternational(c) : scoreNational(c);
  if (score === 0 || c.context()) return score;
  return hasContextNear(text, start, end, NOT_PHONE_CONTEXT, 32) ? 0 : score;
}

/**
 * Ends worth trying for a run, best first: the run up to its first line break (a number and a list item on the
 * next line), the whole run, then the run without its last one or two short groups (a count or an extension
 * that followed the number; a long last group is more likely part of a card or account number).
 */
function candidateEnds(text: string, start: number, end: number): number[] {
  const ends: number[] = [];
  const lineBreak = text.slice(start, end).search(/\r?\n/);
  if (lineBreak > 0) ends.push(start + lineBreak);
  ends.push(end);
  let groupEnd = end;
  while (ends.length < 4 && groupEnd - start > 10) {
    let i = groupEnd;
    while (i > start && isDigit(text.charCodeAt(i - 1))) i--;
    if (groupEnd - i > MAX_DROPPED_GROUP || text.charCodeAt(i - 1) !== 32 || !isDigit(text.charCodeAt(i - 2))) break;
    groupEnd = i - 1;
    ends.push(groupEnd);
  }
  return ends;
}

/** Space . / - and a line feed, by char code. */
const RUN_SEPARATORS: readonly number[] = [32, 46, 47, 45, 10];

/** Index after the digit run that continues at `i` (digits and single separators). */
function endOfRun(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const code = text.charCodeAt(j);
    if (isDigit(code) || code === 40 || code === 41) j++;
    else if (isDigit(text.charCodeAt(j + 1)) && RUN_SEPARATORS.includes(code)) j += 2;
    else if (code === 13 && text.charCodeAt(j + 1) === 10 && isDigit(text.charCodeAt(j + 2))) j += 3;
    else break;
  }
  return j;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export const phoneDetector: Detector = {
  id: DETECTOR_ID,
  types: ['PHONE'],
  detect(text: string): RawFinding[] {
    const found: RawFinding[] = [];
    CANDIDATE.lastIndex = 0;
    for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
      const start = m.index;
      if (RUN_GOES_ON.test(text.slice(CANDIDATE.lastIndex, CANDIDATE.lastIndex + 4))) {
        CANDIDATE.lastIndex = endOfRun(text, CANDIDATE.lastIndex);
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
