/**
 * Shared arithmetic and scaffolding of the structured-PII detectors: the check-digit algorithms (Luhn, ISO 7064,
 * weighted sums, mod 97) that national ids, VAT numbers and card numbers validate against, the compaction of a
 * grouped value ("12 345.678-Z" → "12345678Z"), the edge checks that keep a value from being the middle of a
 * word, code or longer number, the reading of context words spelt as keys (`steuer_id`, `dateOfBirth`), and a
 * factory that turns "a candidate regex, a validator and context words" into a Detector. Keeping them in one
 * place means every detector validates, bounds and labels values the same way.
 */
import { hasContextNear } from '../context.ts';
import type { Detector, EntityType, RawFinding } from '../types.ts';

/** Separators people put inside numbers: space, dot, dash, slash, line breaks. */
const SEPARATORS = /[\s./-]+/g;

export function compactValue(value: string): string {
  return value.replace(SEPARATORS, '').toUpperCase();
}

export function digitAt(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

export function isAllDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const d = digitAt(s, i);
    if (d < 0 || d > 9) return false;
  }
  return s.length > 0;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digitAt(digits, i);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** ISO 7064 MOD 11,10: the check digit of the German tax id, German VAT number and Croatian OIB. */
export function iso7064Mod1110(payload: string): number {
  let product = 10;
  for (let i = 0; i < payload.length; i++) {
    let sum = (digitAt(payload, i) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

/** Remainder of a long decimal string modulo `m`, without leaving safe-integer range. */
export function modOfDigits(digits: string, m: number): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i++) rest = (rest * 10 + digitAt(digits, i)) % m;
  return rest;
}

export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digitAt(digits, i) * (weights[i] ?? 0);
  return sum;
}

/** Letters (ASCII and Latin-1/Extended accented), digits and '_': what may not touch a value's edges. */
export function isWordCode(code: number): boolean {
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  }
  return code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7;
}

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** '@ # & = + / \ -': a value right after one of these is part of a handle, reference, sum, path or code. */
const GLUE_BEFORE: readonly number[] = [64, 35, 38, 61, 43, 47, 92, 45];

function isLetterOrUnderscore(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/**
 * A value may not continue a word, a URL path, a hashtag or order reference (#), a sum (+), a code (SKU-…), nor
 * the decimal or time part of a number (1.5, 12:30). `key=value` is the exception to '=': log lines and query
 * strings (`card=4111…`, `?tel=0301234567`) write every field that way, while a sum has a digit before its '='.
 * Checked in code rather than regex lookbehinds, which would run at every position of the prompt.
 */
export function startsCleanly(text: string, start: number): boolean {
  if (start === 0) return true;
  const prev = text.charCodeAt(start - 1);
  if (isWordCode(prev)) return false;
  if (prev === 61 && start >= 2 && isLetterOrUnderscore(text.charCodeAt(start - 2))) return true;
  if (GLUE_BEFORE.includes(prev)) return false;
  return !((prev === 46 || prev === 44 || prev === 58) && isDigitCode(text.charCodeAt(start - 2)));
}

/** Nor may it run into a word or into more digits behind a separator (1.299,00; 123-45-6789-0). */
export function endsCleanly(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const next = text.charCodeAt(end);
  if (isWordCode(next)) return false;
  const isJoiner = next === 46 || next === 44 || next === 47 || next === 45 || next === 58;
  return !(isJoiner && isDigitCode(text.charCodeAt(end + 1)));
}

export function finding(type: EntityType, start: number, end: number, score: number, detector: string): RawFinding {
  return { type, start, end, score, detector };
}

export interface IdRule {
  readonly id: string;
  readonly type: EntityType;
  /**
   * Global regex of candidates; the whole match is the span. It should start with a plain character class (a
   * digit, a capital letter) so the scan is fast; edges are checked by startsCleanly/endsCleanly.
   */
  readonly pattern: RegExp;
  /** Words that make the value credible; non-global, case-insensitive; matched on keyWords() of a window. */
  readonly context: RegExp;
  /**
   * A cheap superset of `context` matched on the raw text, to decide whether and where to look at all: it must
   * also hit key spellings (`steuer_id`, `customerTaxId`) that only match `context` after keyWords(). Defaults
   * to `context`.
   */
  readonly anchor?: RegExp;
  /** True when this candidate (the raw match) is only credible with a context word, e.g. a bare digit run. */
  needsContext(raw: string): boolean;
  readonly score: number;
  readonly contextScore: number;
  /** Checks the compacted value (separators removed, upper-cased). */
  validate(compact: string): boolean;
  /**
   * Every candidate needs a context word: only the stretches around those words are scanned, so a prompt
   * without them costs one search for the words.
   */
  readonly onlyNearContext?: boolean;
  /** Words that make a value without its own context word something else (an order or ticket number). */
  readonly notContext?: RegExp;
}

/** A regex matching any of `fragments` (regex sources): keeps long word lists readable, one theme a line. */
export function anyOf(fragments: readonly string[], flags = 'i'): RegExp {
  return new RegExp(fragments.join('|'), flags);
}

/** Order, invoice, tracking, ticket and article references: numbers that merely share an id's shape. */
export const REFERENCE_WORDS: readonly string[] = [
  'order', 'bestell', 'auftrag', 'commande', 'pedido', 'ordine', 'bestelling',
  'invoice', 'rechnung', 'facture', 'factura', 'fattura', 'factuur',
  'tracking', 'sendung', 'suivi', 'seguimiento', 'spedizione',
  '\\bsku\\b', '\\bean\\b', 'gtin', 'isbn', 'art(?:ikel)?\\.?[- ]?nr', 'artikel', 'article',
  'referen', 'r[ée]f[ée]rence', 'riferimento', '\\bref\\b', 'serial',
  'ticket', '\\bcase\\b', '\\bbatch\\b', '\\blot\\b', 'vorgang', 'dossier', 'expediente', 'pratica',
];
export const REFERENCE_CONTEXT = anyOf(REFERENCE_WORDS);

/** What follows the last match of `words` (a global regex) in `s`, or null when it does not match. */
export function afterLastMatch(s: string, words: RegExp): string | null {
  let last = -1;
  words.lastIndex = 0;
  for (let m = words.exec(s); m !== null; m = words.exec(s)) last = m.index + m[0].length;
  return last < 0 ? null : s.slice(last);
}

/**
 * Identifiers and JSON keys spell context words `date_of_birth`, `steuer_id`, `dateOfBirth`, `taxId`: splitting at
 * underscores and lower-to-upper humps lets the words match as they do in prose ("date of birth", "tax Id").
 * Applied to context windows only, where the length change does not matter and the cost stays small.
 */
const KEY_JOINS = /_|[a-zß-öø-ÿ](?=[A-ZÀ-ÖØ-Þ])/g;

export function keyWords(s: string): string {
  // Most windows are prose without either: a loop over char codes answers that faster than a regex replace.
  let previousLower = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 95 || (previousLower && isUpperCode(code))) return s.replace(KEY_JOINS, splitKey);
    previousLower = (code >= 97 && code <= 122) || (code >= 0xdf && code <= 0xff && code !== 0xf7);
  }
  return s;
}

function splitKey(join: string): string {
  return join === '_' ? ' ' : `${join} `;
}

function isUpperCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
}

/** hasContextNear, with the window read through keyWords(). */
export function hasKeyContextNear(
  text: string,
  start: number,
  end: number,
  words: RegExp,
  window = 40,
  after = false,
): boolean {
  return hasContextNear(text, start, end, words, window, after, keyWords);
}

export const ALWAYS = (): boolean => true;
export const NEVER = (): boolean => false;

const CONTEXT_WINDOW = 48;

/** End of the word or number containing `i`: where a value could next begin. */
function tokenEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isWordCode(text.charCodeAt(j))) j++;
  return Math.max(j, i + 1);
}

/** Context words anywhere in the text, computed at most once per call and only when a candidate needs it. */
function lazyContextAnywhere(text: string, words: RegExp): () => boolean {
  let answer: boolean | undefined;
  return () => (answer ??= words.test(text));
}

/** Longest value an id rule reports, separators included; bounds how far from a context word one can sit. */
const MAX_VALUE = 24;
const REACH = CONTEXT_WINDOW + MAX_VALUE;

/** Merged [from, to) stretches of `text` within reach of a match of `words` (a global regex). */
function stretchesNear(text: string, words: RegExp): [number, number][] {
  const stretches: [number, number][] = [];
  words.lastIndex = 0;
  for (let m = words.exec(text); m !== null; m = words.exec(text)) {
    const from = Math.max(0, m.index - REACH);
    const to = Math.min(text.length, m.index + m[0].length + REACH);
    const last = stretches[stretches.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else stretches.push([from, to]);
  }
  return stretches;
}

/** Candidates of `rule` within text[from, to), pushed to `found`; edges and context are judged on the whole text. */
function scanStretch(rule: IdRule, text: string, from: number, to: number, found: RawFinding[]): void {
  const stretch = from === 0 && to === text.length ? text : text.slice(from, to);
  const contextAnywhere = lazyContextAnywhere(text, rule.anchor ?? rule.context);
  const pattern = rule.pattern;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(stretch); m !== null; m = pattern.exec(stretch)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (!startsCleanly(text, start)) {
      pattern.lastIndex = tokenEnd(text, start) - from;
      continue;
    }
    if (!endsCleanly(text, end) || !rule.validate(compactValue(m[0]))) {
      pattern.lastIndex = m.index + 1; // a value may still start inside a rejected candidate
      continue;
    }
    const needsContext = rule.needsContext(m[0]);
    if (needsContext && !contextAnywhere()) continue;
    const near = hasKeyContextNear(text, start, end, rule.context, CONTEXT_WINDOW, true);
    if (!near && needsContext) continue;
    if (!near && rule.notContext && hasContextNear(text, start, end, rule.notContext, 32)) continue;
    found.push(finding(rule.type, start, end, near ? rule.contextScore : rule.score, rule.id));
  }
}

/** A detector for "regex candidate, checksum, optional context word": the shape of every national id. */
export function ruleDetector(rule: IdRule): Detector {
  const anchor = rule.anchor ?? rule.context;
  const contextWords = new RegExp(anchor.source, `${anchor.flags.replace('g', '')}g`);
  return {
    id: rule.id,
    types: [rule.type],
    detect(text: string): RawFinding[] {
      const found: RawFinding[] = [];
      if (!rule.onlyNearContext) {
        scanStretch(rule, text, 0, text.length, found);
        return found;
      }
      for (const [from, to] of stretchesNear(text, contextWords)) scanStretch(rule, text, from, to, found);
      return found;
    },
  };
}
