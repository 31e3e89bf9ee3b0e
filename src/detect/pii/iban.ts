/**
 * Bank identifiers: IBANs and BICs. An IBAN candidate is a country code and two check digits followed by exactly
 * as many letters/digits as that country's IBAN has, read across single separators (groups of four, dots, dashes,
 * a line break) and in either case; ibantools then checks country, length, BBAN format and the mod-97 checksum,
 * which leaves about one false hit in a hundred million (a failing national check digit only lowers the score).
 * A BIC is only reported next to "BIC"/"SWIFT" (or, when it carries a digit or the XXX branch, next to
 * "bank"/"IBAN"), because any 8 or 11 capital letters such as CUSTOMER or DATABASE pass the format check; in
 * lower case only right after its label ("bic: deutdeff").
 */
import { ValidationErrorsIBAN, getCountrySpecifications, isValidBIC, validateIBAN } from 'ibantools';
import { hasContextNear } from '../context.ts';
import type { Detector, RawFinding } from '../types.ts';
import { finding, isWordCode } from './national-ids-shared.ts';

const IBAN_ID = 'pii.iban';
const BIC_ID = 'pii.bic';

/** IBAN length by country code, from ibantools' registry. */
const IBAN_LENGTH: ReadonlyMap<string, number> = new Map(
  Object.entries(getCountrySpecifications()).flatMap(([code, spec]) =>
    spec.chars ? [[code, spec.chars] as const] : [],
  ),
);

const IBAN_START = /[A-Za-z]{2}\d{2}(?=(?:[ .-]|\r?\n)?[A-Za-z0-9])/g;

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Length in characters of a separator at `i` (a line break may be CRLF), or 0. */
function separatorAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 32 || c === 46 || c === 45 || c === 10) return 1;
  return c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 0;
}

/** Reads `count` alphanumerics from `from` across single separators; [end, compact] or null. */
function readBody(text: string, from: number, count: number): [number, string] | null {
  let i = from;
  let compact = '';
  while (compact.length < count && i < text.length) {
    const code = text.charCodeAt(i);
    if (isAlnum(code)) {
      compact += text.charAt(i);
      i++;
      continue;
    }
    const sep = separatorAt(text, i);
    if (sep === 0 || !isAlnum(text.charCodeAt(i + sep))) return null;
    i += sep;
  }
  if (compact.length < count || isAlnum(text.charCodeAt(i))) return null;
  return [i, compact];
}

/** ISO 13616: the IBAN with its first four characters moved to the end, letters as 10-35, is 1 modulo 97. */
function mod97Holds(iban: string): boolean {
  let rest = 0;
  for (let k = 0; k < iban.length; k++) {
    const code = iban.charCodeAt((k + 4) % iban.length);
    const value = code <= 57 ? code - 48 : code - 55;
    rest = (value > 9 ? rest * 100 + value : rest * 10 + value) % 97;
  }
  return rest === 1;
}

/**
 * Fully valid, or valid but for the bank's own national check digits (mod 97 still holds, which is what makes
 * a random string fail): the latter is still an account number as far as leaking it goes.
 */
function ibanScore(iban: string): number {
  if (!mod97Holds(iban)) return 0; // the cheap test first: it is what random text fails
  const { valid, errorCodes } = validateIBAN(iban);
  if (valid) return 0.99;
  return errorCodes.length === 1 && errorCodes[0] === ValidationErrorsIBAN.WrongAccountBankBranchChecksum ? 0.95 : 0;
}

function ibanFindings(text: string, found: RawFinding[]): void {
  IBAN_START.lastIndex = 0;
  for (let m = IBAN_START.exec(text); m !== null; m = IBAN_START.exec(text)) {
    if (m.index > 0 && isWordCode(text.charCodeAt(m.index - 1))) continue;
    const country = m[0].slice(0, 2).toUpperCase();
    const length = IBAN_LENGTH.get(country);
    if (length === undefined) continue;
    const body = readBody(text, m.index + 4, length - 4);
    if (body === null) continue;
    const [end, compact] = body;
    const score = ibanScore((country + m[0].slice(2) + compact).toUpperCase());
    if (score === 0) continue;
    found.push(finding('IBAN', m.index, end, score, IBAN_ID));
    IBAN_START.lastIndex = end;
  }
}

const BIC = /[A-Z]{6}[A-Z\d]{2}(?:[A-Z\d]{3})?/g;
const BIC_STRONG = /\bbic\b|swift|\bbic-?code|code bic|c[óo]digo bic|codice bic/i;
const BIC_WEAK = /bank|banque|banca|banco|\biban\b|\bblz\b/i;
const ANY_BIC_CONTEXT = /\bbic|swift|bank|banque|banca|banco|iban/gi;
/** A BIC must sit within the context window of one of those words, so only those stretches are scanned. */
const BIC_REACH = 40 + 11;

function bicFindings(text: string, found: RawFinding[]): void {
  let from = -1;
  let to = -1;
  ANY_BIC_CONTEXT.lastIndex = 0;
  for (let w = ANY_BIC_CONTEXT.exec(text); w !== null; w = ANY_BIC_CONTEXT.exec(text)) {
    const start = Math.max(0, w.index - BIC_REACH);
    const end = Math.min(text.length, w.index + w[0].length + BIC_REACH);
    if (start > to) {
      if (to > from) bicsBetween(text, from, to, found);
      from = start;
    }
    to = end;
  }
  if (to > from) bicsBetween(text, from, to, found);
}

function bicsBetween(text: string, from: number, to: number, found: RawFinding[]): void {
  const region = text.slice(from, to);
  BIC.lastIndex = 0;
  for (let m = BIC.exec(region); m !== null; m = BIC.exec(region)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if ((start > 0 && isWordCode(text.charCodeAt(start - 1))) || isWordCode(text.charCodeAt(end))) continue;
    if (!isValidBIC(m[0])) continue;
    if (hasContextNear(text, start, end, BIC_STRONG, 40, true)) {
      found.push(finding('BIC', start, end, 0.9, BIC_ID));
    } else if (/\d|XXX$/.test(m[0]) && hasContextNear(text, start, end, BIC_WEAK, 40, true)) {
      found.push(finding('BIC', start, end, 0.75, BIC_ID));
    }
  }
}

/** Right after "BIC"/"SWIFT" (and a colon or "code"), a BIC is a BIC in any case: "bic: deutdeff". */
const BIC_LABEL = /\b(?:bic|swift)(?:[- ]?code)?\b/gi;
const LABELLED_BIC = /[ \t]*[:.-]?[ \t]*([A-Za-z]{6}[A-Za-z\d]{2}(?:[A-Za-z\d]{3})?)(?![\w])/y;

function labelledBicFindings(text: string, found: RawFinding[]): void {
  BIC_LABEL.lastIndex = 0;
  for (let m = BIC_LABEL.exec(text); m !== null; m = BIC_LABEL.exec(text)) {
    LABELLED_BIC.lastIndex = m.index + m[0].length;
    const bic = LABELLED_BIC.exec(text);
    if (bic === null || bic[1] === undefined || bic[1] === bic[1].toUpperCase()) continue; // upper case: done above
    if (!isValidBIC(bic[1].toUpperCase())) continue;
    const end = LABELLED_BIC.lastIndex;
    found.push(finding('BIC', end - bic[1].length, end, 0.85, BIC_ID));
  }
}

export const ibanDetector: Detector = {
  id: IBAN_ID,
  types: ['IBAN'],
  detect(text: string): RawFinding[] {
    const found: RawFinding[] = [];
    ibanFindings(text, found);
    return found;
  },
};

export const bicDetector: Detector = {
  id: BIC_ID,
  types: ['BIC'],
  detect(text: string): RawFinding[] {
    const found: RawFinding[] = [];
    bicFindings(text, found);
    labelledBicFindings(text, found);
    return found;
  },
};
