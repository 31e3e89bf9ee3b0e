/**
 * EU VAT identification numbers (plus GB/XI, still common on invoices): always the two-letter prefix, then the
 * member state's own body format, optionally grouped with spaces, dots or dashes. Where a check-digit algorithm
 * is public and stable (AT, BE, DE, DK, EE, EL, ES, FI, FR, GB, HR, HU, IT, LU, NL, PL, PT, SE, SI, SK) a valid
 * number is reported on its own; formats with no usable check (BG, CY, CZ, IE, LT, LV, MT, RO, and French
 * numbers with a letter key) are only reported next to a word such as VAT, USt-IdNr, TVA, IVA, BTW or NIF.
 */
import { hasContextNear } from '../context.ts';
import type { Detector, RawFinding } from '../types.ts';
import {
  anyOf,
  digitAt,
  finding,
  isWordCode,
  iso7064Mod1110,
  luhnValid,
  modOfDigits,
  weightedSum,
} from './national-ids-shared.ts';

const DETECTOR_ID = 'pii.vat';
const MAX_BODY = 14;

interface VatFormat {
  readonly body: RegExp;
  /** Check-digit test; absent when the country publishes none we trust. */
  readonly check?: (body: string) => boolean;
}

/** The digit that brings `sum` to a multiple of ten. */
function tenComplement(sum: number): number {
  return (10 - (sum % 10)) % 10;
}

/** 11 − (weighted sum mod 11), where a result of 10 stands for `ten` (a digit, or -1 when such numbers are void). */
function mod11Digit(body: string, weights: readonly number[], ten: number): number {
  const r = 11 - (weightedSum(body, weights) % 11);
  return r === 11 ? 0 : r === 10 ? ten : r;
}

function atCheck(body: string): boolean {
  let sum = 0;
  for (let i = 1; i < 8; i++) {
    const d = digitAt(body, i) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (96 - sum) % 10 === digitAt(body, 8);
}

function esCheck(body: string): boolean {
  const first = body.charAt(0);
  if (/\d/.test(first)) return 'TRWAGMYFPDXBNJZSQVHLCKE'[modOfDigits(body.slice(0, 8), 23)] === body.charAt(8);
  if ('XYZ'.includes(first)) {
    const number = 'XYZ'.indexOf(first) + body.slice(1, 8);
    return 'TRWAGMYFPDXBNJZSQVHLCKE'[modOfDigits(number, 23)] === body.charAt(8);
  }
  let sum = 0;
  for (let i = 1; i < 8; i++) {
    const d = digitAt(body, i) * (i % 2 === 1 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  const control = (10 - (sum % 10)) % 10;
  return body.charAt(8) === String(control) || body.charAt(8) === 'JABCDEFGHI'.charAt(control);
}

function frCheck(body: string): boolean {
  return Number(body.slice(0, 2)) === (12 + 3 * modOfDigits(body.slice(2), 97)) % 97;
}

function nlCheck(body: string): boolean {
  const digits = body.slice(0, 9);
  if ((weightedSum(digits, [9, 8, 7, 6, 5, 4, 3, 2]) - digitAt(digits, 8)) % 11 === 0) return true;
  // Sole traders since 2020: ISO 7064 mod 97 over "NL" + number with letters as 10..35 (N=23, L=21, B=11).
  return modOfDigits(`2321${digits}11${body.slice(10)}`, 97) === 1;
}

/** Slovenia: a remainder giving 11 makes the number void, 10 becomes 0. */
function siCheck(body: string): boolean {
  const r = 11 - (weightedSum(body, [8, 7, 6, 5, 4, 3, 2]) % 11);
  return r !== 11 && (r === 10 ? 0 : r) === digitAt(body, 7);
}

/** Belgium: old nine-digit numbers gained a leading 0. */
function beCheck(body: string): boolean {
  const b = body.length === 9 ? '0' + body : body;
  return 97 - modOfDigits(b.slice(0, 8), 97) === Number(b.slice(8));
}

function gbCheck(body: string): boolean {
  const total = weightedSum(body, [8, 7, 6, 5, 4, 3, 2]) + Number(body.slice(7, 9));
  return total % 97 === 0 || (total + 55) % 97 === 0;
}

const GREEK: VatFormat = {
  body: /^\d{9}$/,
  check: (b) => (weightedSum(b, [256, 128, 64, 32, 16, 8, 4, 2]) % 11) % 10 === digitAt(b, 8),
};
const BRITISH: VatFormat = { body: /^(?:\d{9}|\d{12})$/, check: gbCheck };

const FORMATS: Readonly<Record<string, VatFormat>> = {
  AT: { body: /^U\d{8}$/, check: atCheck },
  BE: { body: /^(?:[01]\d{9}|[1-9]\d{8})$/, check: beCheck },
  BG: { body: /^\d{9,10}$/ },
  CY: { body: /^[0-59]\d{7}[A-Z]$/ },
  CZ: { body: /^\d{8,10}$/ },
  DE: { body: /^[1-9]\d{8}$/, check: (b) => iso7064Mod1110(b.slice(0, 8)) === digitAt(b, 8) },
  DK: { body: /^[1-9]\d{7}$/, check: (b) => weightedSum(b, [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0 },
  EE: { body: /^10\d{7}$/, check: (b) => tenComplement(weightedSum(b, [3, 7, 1, 3, 7, 1, 3, 7])) === digitAt(b, 8) },
  EL: GREEK,
  GR: GREEK,
  ES: { body: /^[A-Z\d]\d{7}[A-Z\d]$/, check: esCheck },
  FI: { body: /^\d{8}$/, check: (b) => mod11Digit(b, [7, 9, 10, 5, 8, 4, 2], -1) === digitAt(b, 7) },
  FR: { body: /^\d{11}$/, check: frCheck },
  HR: { body: /^\d{11}$/, check: (b) => iso7064Mod1110(b.slice(0, 10)) === digitAt(b, 10) },
  HU: { body: /^\d{8}$/, check: (b) => tenComplement(weightedSum(b, [9, 7, 3, 1, 9, 7, 3])) === digitAt(b, 7) },
  IE: { body: /^(?:\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/ },
  IT: { body: /^\d{11}$/, check: luhnValid },
  LT: { body: /^(?:\d{9}|\d{12})$/ },
  LU: { body: /^\d{8}$/, check: (b) => modOfDigits(b.slice(0, 6), 89) === Number(b.slice(6)) },
  LV: { body: /^\d{11}$/ },
  MT: { body: /^[1-9]\d{7}$/ },
  NL: { body: /^\d{9}B\d{2}$/, check: nlCheck },
  PL: { body: /^\d{10}$/, check: (b) => weightedSum(b, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 === digitAt(b, 9) },
  PT: { body: /^[1-9]\d{8}$/, check: (b) => mod11Digit(b, [9, 8, 7, 6, 5, 4, 3, 2], 0) === digitAt(b, 8) },
  RO: { body: /^[1-9]\d{1,9}$/ },
  SE: { body: /^\d{10}01$/, check: (b) => luhnValid(b.slice(0, 10)) },
  SI: { body: /^[1-9]\d{7}$/, check: (b) => siCheck(b) },
  SK: { body: /^[1-9]\d{9}$/, check: (b) => modOfDigits(b, 11) === 0 },
  GB: BRITISH,
  XI: BRITISH,
};
/** French numbers whose key holds a letter: format only. */
const FR_LETTER_KEY: VatFormat = { body: /^[0-9A-HJ-NP-Z]{2}\d{9}$/ };

/** Country prefix, then a digit within the first three body characters (ATU1…, FRXX1…, ESA1…). */
const PREFIX = new RegExp(`(?:${Object.keys(FORMATS).join('|')})[ .-]?(?=[A-Z]{0,2}\\d)`, 'g');
const VAT_CONTEXT = anyOf([
  'vat', '\\bu\\.?st', 'mwst', '\\buid\\b', 'umsatzsteuer', 'mehrwertsteuer', 'steuernummer', '\\btax\\b', 'fiscal',
  '\\btva\\b', 'intracom', '\\biva\\b', 'p\\. ?iva', 'partita', '\\bnif\\b', '\\bcif\\b', '\\bbtw\\b',
  '\\bmoms\\b', '\\balv\\b', 'di[čc](?![a-z])', 'áfa(?![a-z])', '\\bpvm\\b', '\\bpvn\\b', '\\bddv\\b',
  '\\bdph\\b', '\\bnip\\b',
]);

function isUpperAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
}

/** Ends of the body where a token ends (nothing alphanumeric follows), paired with the compacted body so far. */
function bodyEnds(text: string, from: number): [number, string][] {
  const ends: [number, string][] = [];
  let body = '';
  let i = from;
  while (i < text.length && body.length < MAX_BODY) {
    if (isUpperAlnum(text.charCodeAt(i))) {
      body += text.charAt(i++);
      if (!isWordCode(text.charCodeAt(i))) ends.push([i, body]);
      continue;
    }
    // Groups are digits ("DE 123 456 789"); a letter after a space starts the next word.
    const c = text.charAt(i);
    const next = text.charCodeAt(i + 1);
    if ((c === ' ' || c === '.' || c === '-') && next >= 48 && next <= 57) i++;
    else break;
  }
  return ends;
}

/** Score for a prefixed body: checked formats need no context, format-only ones do. */
function scoreVat(prefix: string, body: string, context: () => boolean): number {
  const format = FORMATS[prefix];
  if (format === undefined) return 0;
  if (format.body.test(body)) {
    if (format.check) return format.check(body) ? (context() ? 0.98 : 0.95) : 0;
    return context() ? 0.8 : 0;
  }
  return prefix === 'FR' && FR_LETTER_KEY.body.test(body) && context() ? 0.8 : 0;
}

export const vatDetector: Detector = {
  id: DETECTOR_ID,
  types: ['VAT_ID'],
  detect(text: string): RawFinding[] {
    const found: RawFinding[] = [];
    PREFIX.lastIndex = 0;
    for (let m = PREFIX.exec(text); m !== null; m = PREFIX.exec(text)) {
      const start = m.index;
      if (start > 0 && isWordCode(text.charCodeAt(start - 1))) continue;
      const prefix = m[0].slice(0, 2);
      const ends = bodyEnds(text, start + m[0].length);
      if (ends.length === 0) continue;
      let near: boolean | undefined;
      const context = (): boolean => (near ??= hasContextNear(text, start, start + 2, VAT_CONTEXT, 40));
      for (let k = ends.length - 1; k >= 0; k--) {
        const [end, body] = ends[k] as [number, string];
        const score = scoreVat(prefix, body, context);
        if (score === 0) continue;
        found.push(finding('VAT_ID', start, end, score, DETECTOR_ID));
        PREFIX.lastIndex = end;
        break;
      }
    }
    return found;
  },
};
