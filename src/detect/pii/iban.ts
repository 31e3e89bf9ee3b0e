/**
 * Bank identifiers: IBANs and BICs. An IBAN candidate is a country code and two check digits followed by exactly
 * as many letters/digits as that country's IBAN has, read across separators however the value is grouped
 * (groups of four, of three, single characters; spaces, dots, dashes, a line break) and in either case;
 * ibantools then checks country, length, BBAN format and the mod-97 checksum, which leaves about one false hit
 * in a hundred million (a failing national check digit only lowers the score).
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

/**
 * Where an IBAN may start: a country code and check digits, the letters written together in either case (DE89,
 * de89, GB7 8HB) or, in capitals, apart (`DE 89`, `DE - 89`, `G B 5 4`, `A.T.0.4`). Two plain regexes scan faster
 * than one with alternatives; both are cheap supersets, the reader checks separators and word starts exactly.
 */
const JOINED_START = /[A-Za-z]{2}\d(?=[ .-]{0,3}\d)(?<!\w[A-Za-z]{2}\d)/g;
const SPACED_START = /[A-Z](?:[A-Z]|[ .-]{1,3}[A-Z])[ .-]{1,3}\d(?<!\w[A-Z](?:[A-Z]|[ .-]{1,3}[A-Z])[ .-]{1,3}\d)/g;

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Length of the separator at `i`, or 0: one to three spaces, a dot, a dash with or without a space on either
 * side, a line break. Char codes rather than a regex: it runs between every pair of characters of a candidate.
 */
function separatorAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 46 || c === 10) return 1;
  if (c === 13) return text.charCodeAt(i + 1) === 10 ? 2 : 0;
  if (c === 45) return text.charCodeAt(i + 1) === 32 ? 2 : 1;
  if (c !== 32) return 0;
  if (text.charCodeAt(i + 1) === 45) return text.charCodeAt(i + 2) === 32 ? 3 : 2;
  let n = 1;
  while (n < 3 && text.charCodeAt(i + n) === 32) n++;
  return n;
}

/** Reads `count` alphanumerics from `from` across separators; [end, compact] or null. */
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

/** The IBAN starting at `start`, whose country code is read across a separator, pushed to `found`; its end or -1. */
function ibanAt(text: string, start: number, found: RawFinding[]): number {
  if (start > 0 && isWordCode(text.charCodeAt(start - 1))) return -1;
  const second = isAlnum(text.charCodeAt(start + 1)) ? start + 1 : start + 1 + separatorAt(text, start + 1);
  const country = (text.charAt(start) + text.charAt(second)).toUpperCase();
  const length = IBAN_LENGTH.get(country);
  if (length === undefined) return -1;
  const body = readBody(text, second + 1 + separatorAt(text, second + 1), length - 2);
  if (body === null || !/^\d\d/.test(body[1])) return -1;
  const [end, compact] = body;
  const score = ibanScore(country + compact.toUpperCase());
  if (score === 0) return -1;
  found.push(finding('IBAN', start, end, score, IBAN_ID));
  return end;
}

/** Whether `at` lies inside one of the first `count` findings. */
function insideOneOf(found: readonly RawFinding[], count: number, at: number): boolean {
  for (let k = 0; k < count; k++) {
    const f = found[k] as RawFinding;
    if (f.start <= at && at < f.end) return true;
  }
  return false;
}

function ibanFindings(text: string, found: RawFinding[]): void {
  for (const starts of [JOINED_START, SPACED_START]) {
    const earlier = found.length;
    starts.lastIndex = 0;
    for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
      const at = m.index;
      if (insideOneOf(found, earlier, at)) continue;
      const end = ibanAt(text, at, found);
      // A start may hide inside a rejected one ("A DE 89…"); after a hit, the next IBAN starts after it.
      starts.lastIndex = end === -1 ? at + 1 : end;
    }
  }
}

const BIC = /[A-Z]{6}[A-Z\d]{2}(?:[A-Z\d]{3})?/g;
const BIC_STRONG = /\bbic\b|swift|\bbic-?code|code bic|c[óo]digo bic|codice bic/i;
const BIC_WEAK = /bank|banque|banca|banco|\biban\b|\bblz\b/i;
const ANY_BIC_CONTEXT = /\bbic|swift|bank|banque|banca|banco|iban/gi;
/** A BIC must sit within the context window of one of those words, so only those stretches are scanned. */
const BIC_REACH = 40 + 11;

/** BICs near context words; true when one of the words was "BIC" or "SWIFT", which may label a lower-case BIC. */
function bicFindings(text: string, found: RawFinding[]): boolean {
  let from = -1;
  let to = -1;
  let label = false;
  ANY_BIC_CONTEXT.lastIndex = 0;
  for (let w = ANY_BIC_CONTEXT.exec(text); w !== null; w = ANY_BIC_CONTEXT.exec(text)) {
    label ||= /^(?:bic|swift)/i.test(w[0]);
    const start = Math.max(0, w.index - BIC_REACH);
    const end = Math.min(text.length, w.index + w[0].length + BIC_REACH);
    if (start > to) {
      if (to > from) bicsBetween(text, from, to, found);
      from = start;
    }
    to = end;
  }
  if (to > from) bicsBetween(text, from, to, found);
  return label;
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
// One way to read any run of blanks: `[ \t]*[:.-]?[ \t]*` would try every split of a long run of tabs.
const LABELLED_BIC = /[ \t]*(?:[:.-][ \t]*)?([A-Za-z]{6}[A-Za-z\d]{2}(?:[A-Za-z\d]{3})?)(?![\w])/y;

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
    if (bicFindings(text, found)) labelledBicFindings(text, found);
    return found;
  },
};
