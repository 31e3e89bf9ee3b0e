/**
 * National identifiers of the US, UK, Germany and the Netherlands, plus the list of every national-id detector
 * (the French, Spanish and Italian ones live in national-ids-fr-es-it.ts). Formats with their own shape (SSN
 * 3-2-4, NINO letters) stand alone; bare digit runs that merely pass a checksum (Steuer-ID, BSN, an unformatted
 * SSN) are only reported next to a word naming them, because one random number in ten or eleven passes.
 */
import type { Detector } from '../types.ts';
import { FR_ES_IT_ID_DETECTORS } from './national-ids-fr-es-it.ts';
import {
  ALWAYS,
  NEVER,
  REFERENCE_CONTEXT,
  anyOf,
  digitAt,
  iso7064Mod1110,
  ruleDetector,
} from './national-ids-shared.ts';

/** SSN shapes: 3-2-4 with one separator style throughout, or nine bare digits. */
const SSN_PATTERN = /\d{3}(?:([- .])\d{2}\1|\d{2})\d{4}/g;

/** Area 001-899 except 666, group 01-99, serial 0001-9999. */
export function ssnValid(compact: string): boolean {
  if (compact.length !== 9) return false;
  const area = compact.slice(0, 3);
  if (area === '000' || area === '666' || area.startsWith('9')) return false;
  return compact.slice(3, 5) !== '00' && !compact.endsWith('0000');
}

const usSsn = ruleDetector({
  id: 'pii.us-ssn',
  type: 'US_SSN',
  pattern: SSN_PATTERN,
  context: /\b(?:ssn|social security|soc\.? ?sec|ss#|ss no|sozialversicherungsnummer)/i,
  anchor: /ssn|social|soc\.? ?sec|ss#|ss no|sozialversicherung/i,
  needsContext: (raw) => raw.length === 9,
  notContext: REFERENCE_CONTEXT,
  score: 0.85,
  contextScore: 0.97,
  validate: ssnValid,
});

/** NINO: two prefix letters (D, F, I, Q, U, V never; O never second), 6 digits, suffix A-D. */
const NINO_PATTERN = /[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]/g;
const NINO_UNALLOCATED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

const ukNino = ruleDetector({
  id: 'pii.uk-nino',
  type: 'UK_NINO',
  pattern: NINO_PATTERN,
  context: /national insurance|\bnino\b|\bni\b|\bni ?(?:no|number)\b/i,
  needsContext: NEVER,
  notContext: REFERENCE_CONTEXT,
  score: 0.85,
  contextScore: 0.97,
  validate: (compact) => !NINO_UNALLOCATED.has(compact.slice(0, 2)),
});

/**
 * Steuer-ID: 11 digits, no leading zero, check digit by ISO 7064 MOD 11,10; in the first ten digits exactly one
 * digit repeats (twice, or three times since 2016) and the others appear at most once.
 */
export function deTaxIdValid(compact: string): boolean {
  if (!/^[1-9]\d{10}$/.test(compact)) return false;
  if (iso7064Mod1110(compact.slice(0, 10)) !== digitAt(compact, 10)) return false;
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) counts[digitAt(compact, i)]! += 1;
  let repeated = 0;
  for (const c of counts) {
    if (c > 3) return false;
    if (c > 1) repeated++;
  }
  return repeated === 1;
}

/** Matched word-initially (\b first), so the search for these words skips quickly through prose. */
const DE_TAX_WORDS = [
  'steuer[- ]?(?:id|identifikations|nummer|nr)', 'identifikationsnummer', 'id-?nr',
  'tin\\b', 'tax[- ]?id', 'tax identification',
];
const DE_TAX_CONTEXT = new RegExp(`\\b(?:${DE_TAX_WORDS.join('|')})`, 'i');
/** Where those words may be, key spellings included (`"steuer_id"`, `"customerTaxId"`, `"tin"`). */
const DE_TAX_ANCHOR = /steuer|tax|identifikation|id-?nr|(?:\b|_)tin\b/i;

const deTaxId = ruleDetector({
  id: 'pii.de-tax-id',
  type: 'DE_TAX_ID',
  pattern: /[1-9]\d(?:[ ./]?\d){9}/g,
  context: DE_TAX_CONTEXT,
  anchor: DE_TAX_ANCHOR,
  onlyNearContext: true,
  needsContext: ALWAYS,
  score: 0.9,
  contextScore: 0.95,
  validate: deTaxIdValid,
});

/** BSN "elfproef": 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (and not all zeros). */
export function nlBsnValid(compact: string): boolean {
  if (!/^\d{9}$/.test(compact) || compact === '000000000') return false;
  let sum = -digitAt(compact, 8);
  for (let i = 0; i < 8; i++) sum += digitAt(compact, i) * (9 - i);
  return sum % 11 === 0;
}

const NL_BSN_CONTEXT = anyOf([
  '\\bbsn\\b', 'burger[- ]?service[- ]?nummer', 'sofi[- ]?nummer', 'citizen service number', 'persoons[- ]?nummer',
  'persoonlijk nummer',
]);
const NL_BSN_ANCHOR = /bsn|burger|sofi|citizen|persoo/i;

const nlBsn = ruleDetector({
  id: 'pii.nl-bsn',
  type: 'NL_BSN',
  pattern: /\d(?:[ .-]?\d){8}/g,
  context: NL_BSN_CONTEXT,
  anchor: NL_BSN_ANCHOR,
  onlyNearContext: true,
  needsContext: ALWAYS,
  score: 0.9,
  contextScore: 0.95,
  validate: nlBsnValid,
});

export const NATIONAL_ID_DETECTORS: readonly Detector[] = [usSsn, ukNino, deTaxId, nlBsn, ...FR_ES_IT_ID_DETECTORS];
