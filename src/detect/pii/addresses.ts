/**
 * Postal addresses in German, Dutch, French, Spanish, Italian, British and American formats. Every address holds a
 * number, so work starts at digit runs only: a number may open a street ("221B Baker Street", "12 rue de la Paix"),
 * close one (the word before it picks which patterns to try on a short window: "Hauptstraße 12", "Via Roma 1"),
 * or be a postcode. An adjacent postcode and city (same line, after a comma or on the next line) extends the street
 * into one span. Street types that are also everyday words ("Ring", "Court", lowercase "via") need a postcode or an
 * address cue. A postcode-and-city line alone counts after an address label or below a street-like line; "City, ST
 * 12345" and UK postcodes after a city are specific enough alone. Windows are bounded, so the cost is linear.
 */
import type { Detector, RawFinding } from '../types.ts';
import {
  ADDRESS_CUE_RE, ADDRESS_LABEL_RE, CITY_BEFORE_RE, COMPOUND_STREET_RE, CONTINUATION_RE, EN_STREET_AT, NOT_STREETS,
  POSTCODE_CITY_AT, PREPOSITION_HEADS, PREPOSITION_STREET_RE, ROMANCE_STREET_AT, ROMANCE_STREET_RE, ROMANCE_TYPE_RE,
  STATE_ZIP_AT, STREET_LINE_BEFORE_RE, STRONG_EN_TYPES, TWO_WORD_STREET_RE, UK_POSTCODE_AT,
  UNIT_BEFORE_RE, WEAK_COMPOUND_SUFFIXES, NOT_STREET_NAMES, NUMBER_MARKS, NOT_CITIES, SAME_LINE_STREET_RE, DUTCH_PREFIX_RE, isWordMark,
  isNotBeforeNumber, isAsciiLetter, isBlank, isDigit, isLetterAt, isUpperAt, STREET_BEFORE_CITY_RE, GRAN_VIA_RE, isElidedName,
  isBlankOrComma, isStreetWord,
} from './address-patterns.ts';

const DETECTOR_ID = 'pii.address';
const CUE_WINDOW = 60;

interface Street {
  readonly start: number;
  readonly end: number;
  /** Unambiguous street type and a house number: an address even without a postcode. */
  readonly strong: boolean;
}

type Finder = (m: RegExpExecArray, at: number) => Street | null;

const span = (m: RegExpExecArray, at: number, strong: boolean): Street => ({
  start: at + m.index,
  end: at + m.index + m[0].length,
  strong,
});

const compound: Finder = (m, at) => {
  const suffix = (m[1] as string).toLowerCase();
  const word = (/^[^ \t,\d]+/u.exec(m[0].replace(/^(?:Van|Sint|St\.)[ \t]/u, '')) as RegExpExecArray)[0];
  return span(m, at, !NOT_STREETS.has(word.toLowerCase()) && !WEAK_COMPOUND_SUFFIXES.has(suffix));
};

const romance: Finder = (m, at) => {
  const name = m[3] as string;
  if (name.toLowerCase().split(/[ \t]+/u).some((w) => NOT_STREET_NAMES.has(w))) return null;
  const numbered = m[1] !== undefined || m[4] !== undefined;
  // "via" is also English ("via DHL Express 2"); lowercase it needs a postcode or a cue.
  const strong = numbered && (m[2] as string).trim() !== 'via';
  if (numbered) return span(m, at, strong);
  const start = at + m.index;
  return { start, end: start + m[0].indexOf(name) + name.length, strong };
};

const english: Finder = (m, at) => {
  if (m[0].toLowerCase().split(/[ \t,]+/u).some((w) => NOT_STREET_NAMES.has(w))) return null;
  return span(m, at, STRONG_EN_TYPES.has(m[1] as string));
};

/** Number-first streets ("221B Baker Street", "12 rue de la Paix") starting at digit `ds`. */
function streetFrom(text: string, ds: number, de: number): Street | null {
  const before = ds > 0 ? text.charCodeAt(ds - 1) : 32;
  if (isDigit(before) || isNotBeforeNumber(before) || isLetterAt(text, ds - 1)) return null;
  // A word must follow after an optional letter, comma or "bis": "221B Baker", "12 rue", "12, rue".
  let i = de;
  while (i < de + 8 && i < text.length && (isAsciiLetter(text.charCodeAt(i)) || text.charCodeAt(i) === 44)) i++;
  if (!isBlank(text.charCodeAt(i))) return null;
  while (i < de + 10 && isBlank(text.charCodeAt(i))) i++;
  if (isDigit(text.charCodeAt(i))) {
    while (i < de + 16 && isDigit(text.charCodeAt(i))) i++;
    if (!'snrt'.includes(text.charAt(i)) || i >= text.length) return null; // "350 5th Avenue", not "1 2 3"
  } else if (!isLetterAt(text, i)) return null;
  for (const [re, finder] of [[EN_STREET_AT, english], [ROMANCE_STREET_AT, romance]] as const) {
    re.lastIndex = ds;
    const m = re.exec(text);
    const street = m === null ? null : finder(m, 0);
    if (street !== null) return street;
  }
  return null;
}

/** Runs `re` over `text[from..to)` and returns the first street that owns the number at `ds..de`. */
function streetIn(text: string, from: number, to: number, ds: number, de: number, re: RegExp, finder: Finder): Street | null {
  const window = text.slice(from, to);
  re.lastIndex = 0;
  for (let m = re.exec(window); m !== null; m = re.exec(window)) {
    const street = finder(m, from);
    if (street === null || street.start > ds) continue;
    if (street.end >= de || continuationEnd(text, street.end) >= de) return street;
  }
  return null;
}

/** Position before the blanks and commas that end at `end`. */
function skipBack(text: string, end: number): number {
  let i = end;
  while (i > 0 && end - i < 6 && isBlankOrComma(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Start of the word ending at `end` (letters, dots, slashes: "Str.", "C/"), or `end` when there is none. */
function wordStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && end - i < 40 && (isLetterAt(text, i - 1) || isWordMark(text.charCodeAt(i - 1)))) i--;
  return i;
}

/** Start of the word `count` words before `from` on the same line. */
function wordsBack(text: string, from: number, count: number): number {
  let i = from;
  for (let n = 0; n < count; n++) {
    let j = i;
    while (j > 0 && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9)) j--;
    const s = wordStart(text, j);
    if (s === j) break;
    i = s;
  }
  return i;
}

/** Start of "Am", "An der", "Laan van" one to three words before `ws`, or -1. */
function prepositionStart(text: string, ws: number, floor: number): number {
  let at = ws;
  for (let n = 0; n < 3; n++) {
    const prev = wordsBack(text, at, 1);
    if (prev === at || prev < floor) return -1;
    at = prev;
    let end = at;
    while (end < text.length && isLetterAt(text, end)) end++;
    if (PREPOSITION_HEADS.has(text.slice(at, end).toLowerCase())) return at;
  }
  return -1;
}

/** "Am Kirchberg 7", "van der Heydenweg 3": words before a compound that belong to the street name. */
function withPrefix(text: string, street: Street, floor: number): Street {
  const head = prepositionStart(text, street.start, floor);
  if (head >= 0 && isUpperAt(text, head)) return { ...street, start: head, strong: true };
  const from = Math.max(floor, street.start - 30);
  const dutch = DUTCH_PREFIX_RE.exec(text.slice(from, street.start));
  return dutch === null ? street : { ...street, start: from + dutch.index };
}

/**
 * A number-after street whose house number is the digits `ds..de` (or, unnumbered, whose postcode they start).
 * The word before the number picks which patterns can apply, so most numbers cost a few character checks.
 */
function streetBefore(text: string, ds: number, de: number, floor: number): Street | null {
  let we = skipBack(text, ds);
  // Prices, dates and codes ("49.99", "12.03.2024", "#12") have no word right before the number.
  const prev = text.charCodeAt(we - 1);
  if (prev === 46 ? !isLetterAt(text, we - 2) : prev !== 0xba && prev !== 0xb0 && !isLetterAt(text, we - 1)) return null;
  let ws = wordStart(text, we);
  if (we - ws <= 6 && (text.charCodeAt(ws) | 32) === 110 && NUMBER_MARKS.has(text.slice(ws, we).toLowerCase())) {
    we = skipBack(text, ws);
    ws = wordStart(text, we);
  }
  if (ws === we || ws < floor) return null;
  const to = Math.min(text.length, de + 24);
  if (isStreetWord(text, ws, we)) {
    const from = Math.max(floor, wordsBack(text, ws, 1));
    const found =
      streetIn(text, from, to, ds, de, COMPOUND_STREET_RE, compound) ??
      streetIn(text, from, to, ds, de, TWO_WORD_STREET_RE, (m, at) => span(m, at, true));
    // "Am Kirchberg 7", "An der Bleiche 3": a capitalised preposition before a compound belongs to the street.
    if (found !== null) return withPrefix(text, found, floor);
  }
  if (!isUpperAt(text, ws) && !isElidedName(text, ws, we)) return null;
  // Preposition and type-first streets have a word before the name ("Am Markt", "Calle Mayor"); table cells do not.
  let p = ws;
  while (p > 0 && isBlank(text.charCodeAt(p - 1))) p--;
  if (p === ws || p === 0 || !(isLetterAt(text, p - 1) || './º'.includes(text.charAt(p - 1)))) return null; // "Avda.", "C/"
  const from = prepositionStart(text, ws, floor);
  if (from >= 0) {
    const found = streetIn(text, from, to, ds, de, PREPOSITION_STREET_RE, (m, at) => span(m, at, m[2] !== undefined));
    if (found !== null) return found;
  }
  const far = Math.max(floor, wordsBack(text, ws, 8));
  const type = ROMANCE_TYPE_RE.exec(text.slice(far, ws));
  const romanceStreet = type === null ? null : streetIn(text, far + type.index, to, ds, de, ROMANCE_STREET_RE, romance);
  const granVia = romanceStreet === null ? GRAN_VIA_RE.exec(text.slice(Math.max(0, ds - 14), ds)) : null;
  return granVia === null ? romanceStreet : { start: ds - granVia[0].length, end: de, strong: true };
}

/** End of the postcode-and-city that follows `end`, or -1. */
function continuationEnd(text: string, end: number): number {
  CONTINUATION_RE.lastIndex = end;
  const m = CONTINUATION_RE.exec(text);
  return m === null ? -1 : end + m[0].length;
}

function hasCue(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - CUE_WINDOW), start);
  return ADDRESS_CUE_RE.test(before) || ADDRESS_LABEL_RE.test(before);
}

function address(start: number, end: number, score: number): RawFinding {
  return { type: 'ADDRESS', start, end, score, detector: DETECTOR_ID };
}

/** A street extended by a leading UK unit and a trailing postcode and city; weak streets need support. */
function streetFinding(text: string, street: Street): RawFinding | null {
  const unit = UNIT_BEFORE_RE.exec(text.slice(Math.max(0, street.start - 24), street.start));
  const start = unit === null ? street.start : street.start - unit[0].length;
  const after = continuationEnd(text, street.end);
  if (!street.strong && after < 0 && unit === null && !hasCue(text, start)) return null;
  const score = after >= 0 ? 0.9 : street.strong ? 0.8 : 0.7;
  return address(start, Math.max(street.end, after), score);
}

/** A postcode-and-city line after an address label, or below a line ending in a house number. */
function postcodeLine(text: string, ds: number, de: number): RawFinding | null {
  const len = de - ds;
  if ((len !== 4 && len !== 5) || !isBlank(text.charCodeAt(de)) || !isLetterAt(text, de + 1)) {
    if (!(len === 4 && isAsciiLetter(text.charCodeAt(de)))) return null; // "1017AB Amsterdam"
  }
  const prefixed = ds >= 2 && text.charCodeAt(ds - 1) === 45 && /[A-Z]{1,2}-$/u.test(text.slice(ds - 3, ds));
  const start = prefixed ? ds - (isAsciiLetter(text.charCodeAt(ds - 3)) ? 3 : 2) : ds;
  POSTCODE_CITY_AT.lastIndex = start;
  const m = POSTCODE_CITY_AT.exec(text);
  if (m === null) return null;
  const end = start + m[0].length;
  const city = /[ \t](\p{L}+)/u.exec(m[0].slice(len));
  if (city !== null && NOT_CITIES.has((city[1] as string).toLowerCase())) return null;
  const before = text.slice(Math.max(0, start - 80), start);
  if (ADDRESS_LABEL_RE.test(before)) return address(start, end, 0.75);
  // "Hummelsheim 8, 16790 Beutelspacherstadt": a street type this detector does not know, named by its postcode.
  const same = SAME_LINE_STREET_RE.exec(before);
  if (same !== null && !(same[1] as string).toLowerCase().split(/[ \t]+/u).some((w) => NOT_STREET_NAMES.has(w))) {
    return address(start - before.length + same.index, end, 0.75);
  }
  const line = STREET_LINE_BEFORE_RE.exec(before);
  if (line === null) return null;
  return address(start - before.length + line.index + line[0].indexOf(line[1] as string), end, 0.75);
}

/** "Springfield, IL 62704" (digits = ZIP) or "London SW1A 1AA" (digits inside the postcode). */
function cityCode(text: string, ds: number, de: number): RawFinding | null {
  let codeStart = -1;
  let codeEnd = -1;
  if (de - ds === 5) {
    const from = Math.max(0, ds - 6);
    let comma = ds - 1;
    while (comma >= from && text.charCodeAt(comma) !== 44) comma--;
    if (comma >= from) {
      STATE_ZIP_AT.lastIndex = comma;
      const m = STATE_ZIP_AT.exec(text);
      if (m !== null) [codeStart, codeEnd] = [comma, comma + m[0].length];
    }
  } else if (de - ds <= 2 && ds > 0 && isUpperAt(text, ds - 1) && isAsciiLetter(text.charCodeAt(ds - 1))) {
    for (let s = ds - 2; s < ds && codeStart < 0; s++) {
      if (s < 0 || (s > 0 && isLetterAt(text, s - 1))) continue;
      UK_POSTCODE_AT.lastIndex = s;
      const m = UK_POSTCODE_AT.exec(text);
      if (m !== null) [codeStart, codeEnd] = [s, s + m[0].length];
    }
  }
  if (codeStart < 0) return null;
  const city = CITY_BEFORE_RE.exec(text.slice(Math.max(0, codeStart - 40), codeStart));
  if (city === null) return null;
  const cityStart = codeStart - city[0].length;
  // "6700 Nikolaus Overpass, Apt 8D, Seattle, WA 98172": a number-first street line before the city joins it.
  const street = STREET_BEFORE_CITY_RE.exec(text.slice(Math.max(0, cityStart - 80), cityStart));
  const start = street === null ? cityStart : cityStart - street[0].length + street[0].indexOf(street[1] as string);
  return address(start, codeEnd, street === null ? 0.7 : 0.85);
}

const DIGIT_RE = /\d/g;

/** Every address holds a number, so work starts only at digit runs; text without digits costs one regex scan. */
function detectAddresses(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  let covered = 0;
  DIGIT_RE.lastIndex = 0; // `test`, then the run by hand: exec's match arrays cost ~5 % more, a JS loop ~15 %
  while (DIGIT_RE.test(text)) {
    const ds = DIGIT_RE.lastIndex - 1;
    let de = ds + 1;
    while (isDigit(text.charCodeAt(de))) de++;
    DIGIT_RE.lastIndex = de;
    const hit = ds < covered ? null : addressAt(text, ds, de, covered);
    if (hit === null) continue;
    const last = found[found.length - 1];
    // A city code found later may reach back over a street already reported: one address, one span.
    if (last !== undefined && hit.start < covered) found[found.length - 1] = address(last.start, hit.end, hit.score);
    else found.push(hit);
    covered = hit.end;
    DIGIT_RE.lastIndex = Math.max(DIGIT_RE.lastIndex, covered);
  }
  return found;
}

function addressAt(text: string, ds: number, de: number, covered: number): RawFinding | null {
  let street = de - ds <= 5 ? streetFrom(text, ds, de) : null;
  if (street === null && de - ds <= 5) street = streetBefore(text, ds, de, covered);
  const hit = street === null ? null : streetFinding(text, street);
  return hit ?? postcodeLine(text, ds, de) ?? cityCode(text, ds, de);
}

// Irregexp compiles a pattern on its first run (tens of milliseconds for the Unicode classes here): do it at load,
// not on the first prompt.
detectAddresses(
  'Hauptstraße 12, 10115 Berlin\nAm Markt 5\n12 rue de la Paix, 75002 Paris CEDEX 8\nCalle Mayor, nº 5, 3º B\n' +
    'Via Roma 1, 20121 Milano (MI)\nKerkstraat 12, 1017 AB Amsterdam\nFlat 3, 221B Baker Street, London NW1 6XE\n' +
    'Adresse: 10115 Berlin\n1600 Pennsylvania Ave NW, Springfield, IL 62704\nDamrak 1\n1012 LG Amsterdam',
);

export const ADDRESS_DETECTOR: Detector = {
  id: DETECTOR_ID,
  types: ['ADDRESS'],
  detect(text: string): RawFinding[] {
    return detectAddresses(text);
  },
};
