/**
 * National identifiers of France, Spain and Italy. Each carries its own check (the NIR's mod-97 key, the DNI/NIE
 * control letter, the codice fiscale's check character), strong enough together with the fixed shape to report
 * without a context word; a context word ("sécurité sociale", "DNI", "codice fiscale") only raises the score.
 */
import type { Detector, RawFinding } from '../types.ts';
import {
  NEVER,
  REFERENCE_CONTEXT,
  endsCleanly,
  finding,
  hasKeyContextNear,
  isAllDigits,
  modOfDigits,
  ruleDetector,
  startsCleanly,
} from './national-ids-shared.ts';

/**
 * NIR: sex (1/2, 3/4/7/8 for provisional numbers), year, month, département (2A/2B for Corsica), commune, order,
 * then the key 97 − (n mod 97) where Corsica's 2A/2B count as 19/18.
 */
export function frNirValid(compact: string): boolean {
  if (compact.length !== 15 || !/^[1-478]\d{4}(?:\d{2}|2A|2B)\d{8}$/.test(compact)) return false;
  const month = Number(compact.slice(3, 5));
  if (month === 0 || (month > 12 && month < 20) || (month > 42 && month < 50)) return false;
  const department = compact.slice(5, 7).replace('2A', '19').replace('2B', '18');
  const numeric = compact.slice(0, 5) + department + compact.slice(7, 13);
  return 97 - modOfDigits(numeric, 97) === Number(compact.slice(13));
}

const frNir = ruleDetector({
  id: 'pii.fr-nir',
  type: 'FR_NIR',
  pattern: /[1-478][ .-]?\d{2}[ .-]?\d{2}[ .-]?(?:\d{2}|2[AB])[ .-]?\d{3}[ .-]?\d{3}[ .-]?\d{2}/g,
  context: /s[ée]curit[ée] sociale|\bs[ée]cu\b|\bnir\b|\binsee\b|carte vitale|social security|num[ée]ro d.inscription/i,
  needsContext: NEVER,
  notContext: REFERENCE_CONTEXT,
  score: 0.9,
  contextScore: 0.97,
  validate: frNirValid,
});

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

function controlLetterOk(number: string, letter: string): boolean {
  return DNI_LETTERS[modOfDigits(number, 23)] === letter;
}

export function esDniValid(compact: string): boolean {
  return /^\d{8}[A-Z]$/.test(compact) && controlLetterOk(compact.slice(0, 8), compact.charAt(8));
}

/** NIE: X/Y/Z stand for 0/1/2 in front of the seven digits, then the DNI control letter. */
export function esNieValid(compact: string): boolean {
  if (!/^[XYZ]\d{7}[A-Z]$/.test(compact)) return false;
  return controlLetterOk('XYZ'.indexOf(compact.charAt(0)) + compact.slice(1, 8), compact.charAt(8));
}

const ES_CONTEXT = /\bd\.?n\.?i\b|\bn\.?i\.?[ef]\b|documento|identidad|extranjer|pasaporte|\bdni\b|\bnie\b/i;

const esDni = ruleDetector({
  id: 'pii.es-dni',
  type: 'ES_DNI',
  pattern: /\d{2}(?:\d{6}|\.\d{3}\.\d{3})(?:[ -]?[A-HJ-NP-TV-Z]|[a-hj-np-tv-z])/g,
  context: ES_CONTEXT,
  needsContext: NEVER,
  notContext: REFERENCE_CONTEXT,
  score: 0.9,
  contextScore: 0.97,
  validate: esDniValid,
});

const esNie = ruleDetector({
  id: 'pii.es-nie',
  type: 'ES_NIE',
  pattern: /[XYZ][ -]?\d{7}[ -]?[A-HJ-NP-TV-Z]/g,
  context: ES_CONTEXT,
  needsContext: NEVER,
  notContext: REFERENCE_CONTEXT,
  score: 0.92,
  contextScore: 0.97,
  validate: esNieValid,
});

/** Values of a character at the odd (1st, 3rd, …) positions of a codice fiscale, digits and letters alike. */
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
/** Omocodia: when codes collide, digits are replaced by these letters, standing for 0-9. */
const OMOCODIA = 'LMNPQRSTUV';

function cfCharValue(code: string, i: number): number {
  const c = code.charCodeAt(i);
  const index = c <= 57 ? c - 48 : c - 65;
  return i % 2 === 0 ? (CF_ODD[index] ?? 0) : index;
}

function cfDay(code: string): number {
  let day = '';
  for (const ch of code.slice(9, 11)) day += isAllDigits(ch) ? ch : String(OMOCODIA.indexOf(ch));
  return Number(day);
}

export function itFiscalCodeValid(compact: string): boolean {
  if (!/^[A-Z]{6}[\dLMNP-V]{2}[ABCDEHLMPRST][\dLMNP-V]{2}[A-Z][\dLMNP-V]{3}[A-Z]$/.test(compact)) return false;
  const day = cfDay(compact);
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += cfCharValue(compact, i);
  return String.fromCharCode(65 + (sum % 26)) === compact.charAt(15);
}

/**
 * Scanning for six letters first would try every word of the prompt; the scan anchors instead on the birth-date
 * block (year digit, month letter, day, place letter, place code, check letter) and looks back for the name part.
 */
const CF_ANCHOR = /\d[\dLMNP-V][ABCDEHLMPRST][\dLMNP-V]{2}[A-Z][\dLMNP-V]{3}[A-Z]/g;
const CF_NAME = /^[A-Z]{6}$/;
const CF_CONTEXT = /codice fiscale|\bc\.? ?f\.?(?![\p{L}])|tessera sanitaria|fiscal code|tax code/iu;
const CF_ID = 'pii.it-fiscal-code';

const itFiscalCode: Detector = {
  id: CF_ID,
  types: ['IT_FISCAL_CODE'],
  detect(text: string): RawFinding[] {
    const found: RawFinding[] = [];
    CF_ANCHOR.lastIndex = 0;
    for (let m = CF_ANCHOR.exec(text); m !== null; m = CF_ANCHOR.exec(text)) {
      const start = m.index - 6;
      const end = m.index + m[0].length;
      if (start < 0 || !CF_NAME.test(text.slice(start, m.index))) continue;
      if (!startsCleanly(text, start) || !endsCleanly(text, end)) continue;
      if (!itFiscalCodeValid(text.slice(start, end))) continue;
      const score = hasKeyContextNear(text, start, end, CF_CONTEXT, 48, true) ? 0.98 : 0.95;
      found.push(finding('IT_FISCAL_CODE', start, end, score, CF_ID));
    }
    return found;
  },
};

export const FR_ES_IT_ID_DETECTORS: readonly Detector[] = [frNir, esDni, esNie, itFiscalCode];

