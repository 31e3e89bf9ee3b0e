/**
 * Payment card numbers (PANs). A candidate is a run of digits with separators (spaces, a dot, a dash, a line
 * break); inside a run every stretch of whole groups holding 12-19 digits is tried, so a card followed by its CVV
 * or preceded by a year is still found. A stretch is a card when it passes Luhn, starts with a known network's
 * prefix at a length that network issues, and — when grouped — is grouped the way cards are printed (4-4-4-4,
 * 4-6-5, …). Luhn alone would accept one order number in ten, hence the network table and the grouping rules;
 * numbers next to order/tracking/barcode words need a card word, 12-digit ones (UPC) always do, and a 13-digit
 * Visa (the length of an EAN barcode) without one is kept only at a low score. A whole run cut into chunks no
 * card is printed with (4 4 6 6 …, 47.87.56.…, 446  497  398 …, 4111-11111111-1111) is someone hiding a card:
 * kept next to a card word.
 */
import { hasContextNear } from '../context.ts';
import type { Detector, RawFinding } from '../types.ts';
import { anyOf, endsCleanly, finding, isDigitCode, luhnValid, startsCleanly } from './national-ids-shared.ts';

const DETECTOR_ID = 'pii.card';
/**
 * Runs of 12+ digits joined by separators: one to three spaces, a dot, a dash with or without spaces around it,
 * or a line break. The alternatives cannot both reach the next digit, so the scan stays linear.
 */
const DIGIT_RUN = /\d(?<!\d\d)(?:(?: {1,3}|\.| ?- ?|\r?\n)?\d){11,}/g;
/** The grouped start of an IBAN right before the run: the run is its tail, not a card. */
const IBAN_HEAD = /\b[A-Z]{2}\d{2}(?: [A-Z\d]{4})* $/i;

/** Issuer prefixes and the lengths each network issues. */
interface Network {
  readonly prefix: RegExp;
  readonly min: number;
  readonly max: number;
  /** Lengths issued when not every length between min and max is. */
  readonly only?: readonly number[];
}

const NETWORKS: readonly Network[] = [
  { prefix: /^4/, min: 13, max: 19, only: [13, 16, 19] }, // Visa
  { prefix: /^(?:5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/, min: 16, max: 16 }, // Mastercard
  { prefix: /^3[47]/, min: 15, max: 15 }, // American Express
  { prefix: /^(?:6011|64[4-9]|65)/, min: 16, max: 19 }, // Discover
  { prefix: /^(?:30[0-59]|3[689])/, min: 14, max: 19 }, // Diners Club
  { prefix: /^35(?:2[89]|[3-8]\d)/, min: 16, max: 19 }, // JCB
  { prefix: /^62/, min: 16, max: 19 }, // UnionPay
  { prefix: /^(?:50[0-9]|5[6-9]|6[0-9])/, min: 12, max: 19 }, // Maestro
  { prefix: /^220[0-4]/, min: 16, max: 16 }, // Mir
];

/** How printed cards group their digits, beyond the common 4-4-4-… with a shorter last group. */
const GROUPINGS = new Set(['4-6-5', '4-6-4', '4-4-5', '6-13', '4-5-6', '5-5-5-4']);

const CARD_CONTEXT = anyOf([
  'card', 'karte', 'carte', 'tarjeta', 'carta', 'kaart', 'credit', 'kredit', 'cr[ée]dit', 'debit', 'd[ée]bito',
  'visa', 'master ?card', 'amex', 'american express', 'discover', 'diners', '\\bjcb\\b', 'unionpay', 'maestro',
  '\\bcc\\b', '\\bpan\\b', 'zahlung', 'payment', 'paiement', 'pago', 'pagamento', 'betaling', 'bezahl',
  '\\bpa(?:y|id)\\b', 'pay(?:ing|é)', 'pagad', 'pagat', 'betaald', 'checkout', 'kasse', 'charged', 'abgebucht',
]);
const NOT_CARD_CONTEXT = anyOf([
  'order', 'bestell', 'auftrag', 'commande', 'pedido', 'ordine', 'bestelling',
  'invoice', 'rechnung', 'facture', 'factura', 'fattura', 'factuur',
  'tracking', 'sendung', 'suivi', 'seguimiento', 'spedizione', 'verzending',
  '\\bsku\\b', '\\bean\\b', 'gtin', 'isbn', '\\bupc\\b', 'barcode', 'code-barres', 'c[óo]digo de barras',
  'codice a barre', 'streepjescode', 'strichcode', 'art(?:ikel)?\\.?[- ]?nr', 'artikel', 'article', 'articolo',
  'art[íi]culo', 'serial', 'seriennummer', 'kundennummer', 'customer (?:id|no|number)',
]);

export function cardNetworkMatches(digits: string): boolean {
  const length = digits.length;
  for (const n of NETWORKS) {
    if (length < n.min || length > n.max || (n.only && !n.only.includes(length))) continue;
    if (n.prefix.test(digits)) return true;
  }
  return false;
}

interface Group {
  readonly start: number;
  readonly end: number;
  /** The separator in front of the group: '' for the first, '\n' for any line break. */
  readonly sep: string;
}

function splitGroups(text: string, start: number, end: number): Group[] {
  const groups: Group[] = [];
  let i = start;
  let sep = '';
  while (i < end) {
    const from = i;
    while (i < end && isDigitCode(text.charCodeAt(i))) i++;
    groups.push({ start: from, end: i, sep });
    if (i >= end) break;
    const sepStart = i;
    while (i < end && !isDigitCode(text.charCodeAt(i))) i++;
    sep = text.slice(sepStart, i);
    if (sep.endsWith('\n')) sep = '\n';
  }
  return groups;
}

function shapeOk(lengths: readonly number[]): boolean {
  if (lengths.length === 1) return true;
  if (GROUPINGS.has(lengths.join('-'))) return true;
  const last = lengths[lengths.length - 1] ?? 0;
  return lengths.length >= 3 && last >= 1 && last <= 4 && lengths.slice(0, -1).every((l) => l === 4);
}

/**
 * Chunks someone cut a card into to hide it: equal groups but a shorter last one (4 1 1 1 …, 41.11.11.…,
 * 411-111-…), or the four-digit issuer prefix, a long middle and a last group of four or more
 * (4111-11111111-1111). Random splits of a reference number (690.813.2778.762162) are neither.
 */
function chunkedLikeACard(lengths: readonly number[]): boolean {
  const size = lengths[0] ?? 0;
  const last = lengths[lengths.length - 1] ?? 0;
  if (lengths.slice(0, -1).every((l) => l === size) && last <= size) return true;
  return size === 4 && lengths.length <= 3 && last >= 4;
}

/**
 * How groups[i..j] are written: 'printed' as cards are (one separator character used throughout, a line break
 * being a group boundary or a wrap inside a group), 'disguised' when chunked to hide a card, with one separator
 * throughout (4 1 1 1 …, 41.11.11…, 4111 - 1111 - …), or null for mixed separators and random splits.
 */
function grouping(groups: readonly Group[], i: number, j: number): 'printed' | 'disguised' | null {
  let sep = '';
  const split: number[] = [];
  const joined: number[] = [];
  for (let k = i; k <= j; k++) {
    const g = groups[k] as Group;
    const len = g.end - g.start;
    if (k > i && g.sep !== '\n') {
      if (sep !== '' && g.sep !== sep) return null;
      sep = g.sep;
    }
    split.push(len);
    if (k > i && g.sep === '\n') joined[joined.length - 1]! += len;
    else joined.push(len);
  }
  if (sep.length <= 1 && (shapeOk(split) || shapeOk(joined))) return 'printed';
  return chunkedLikeACard(split) ? 'disguised' : null;
}

/**
 * How a candidate sits in its run: written in groups, disguised by odd grouping, and inside a run too long to
 * be a card and neighbours.
 */
interface Setting {
  readonly grouped: boolean;
  readonly disguised: boolean;
  readonly crowded: boolean;
}

function scoreCard(text: string, start: number, end: number, digits: string, setting: Setting): number {
  const context = hasContextNear(text, start, end, CARD_CONTEXT, 48);
  if (context) return 0.97;
  // Oddly grouped digits are a card only when the text says so; one stretch of a long table of numbers passes
  // Luhn and a prefix check one time in twenty.
  if (setting.disguised || setting.crowded) return 0;
  // 12/13 digits are also UPC/EAN barcodes; only a 13-digit Visa with nothing suggesting a barcode stays.
  if (digits.length === 12 || (digits.length === 13 && !digits.startsWith('4'))) return 0;
  if (hasContextNear(text, start, end, NOT_CARD_CONTEXT, 40)) return 0;
  if (digits.length === 13) return 0.7;
  return setting.grouped ? 0.95 : 0.9;
}

/** Longest card among the groups starting at `i`, as [lastGroup, score], or null. */
function longestCardFrom(text: string, groups: readonly Group[], i: number, crowded: boolean): [number, number] | null {
  let digits = '';
  let best: [number, number] | null = null;
  for (let j = i; j < groups.length; j++) {
    const g = groups[j] as Group;
    digits += text.slice(g.start, g.end);
    if (digits.length > 19) break;
    // Luhn first: nine stretches in ten fail it, and it is the cheapest test.
    if (digits.length < 12 || !luhnValid(digits)) continue;
    const shape = grouping(groups, i, j);
    // A disguised card is written whole; a disguised stretch of a longer run is just part of that run.
    const disguised = shape === 'disguised';
    if (shape === null || (disguised && (i > 0 || j < groups.length - 1))) continue;
    if (!cardNetworkMatches(digits)) continue;
    const score = scoreCard(text, (groups[i] as Group).start, g.end, digits, { grouped: j > i, disguised, crowded });
    if (score > 0) best = [j, score];
  }
  return best;
}

/** More groups than a card and a couple of neighbours (a year, a CVV) have: a table or list of numbers. */
const CROWDED_GROUPS = 7;

/** Cards in the run text[start, end); a crowded run is only looked at when the text mentions a card at all. */
function cardsInRun(text: string, start: number, end: number, found: RawFinding[], cardWord: () => boolean): void {
  const groups = splitGroups(text, start, end);
  const last = groups[groups.length - 1] as Group;
  // A decimal amount (4111111111111111.50, 6484.5665.1364.7642.61), unless every group is as short as the
  // last one: 41.11.11.… is a card cut into pairs.
  const lastLength = last.end - last.start;
  if (last.sep === '.' && lastLength <= 2 && groups.some((g) => g.end - g.start > lastLength)) return;
  const crowded = groups.length > CROWDED_GROUPS;
  if (crowded && !cardWord()) return;
  for (let i = 0; i < groups.length; i++) {
    // Inside a run a card starts after a gap (a year, a count before it), not after '.' or '-' (9.4794…, 6-6882…).
    if (i > 0 && !/[ \n]/.test((groups[i] as Group).sep)) continue;
    const best = longestCardFrom(text, groups, i, crowded);
    if (best === null) continue;
    const [j, score] = best;
    found.push(finding('CARD_NUMBER', (groups[i] as Group).start, (groups[j] as Group).end, score, DETECTOR_ID));
    i = j;
  }
}

export const cardDetector: Detector = {
  id: DETECTOR_ID,
  types: ['CARD_NUMBER'],
  detect(text: string): RawFinding[] {
    const found: RawFinding[] = [];
    let cardWord: boolean | undefined;
    const cardWordAnywhere = (): boolean => (cardWord ??= CARD_CONTEXT.test(text));
    DIGIT_RUN.lastIndex = 0;
    for (let m = DIGIT_RUN.exec(text); m !== null; m = DIGIT_RUN.exec(text)) {
      const end = m.index + m[0].length;
      if (!startsCleanly(text, m.index) || !endsCleanly(text, end)) continue;
      if (IBAN_HEAD.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
      cardsInRun(text, m.index, end, found, cardWordAnywhere);
    }
    return found;
  },
};
