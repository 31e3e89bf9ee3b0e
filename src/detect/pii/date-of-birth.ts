/**
 * Dates of birth. A date is just a date (orders, deliveries, appointments are full of them); it is a date of
 * birth only after a birth word in one of the six languages ("born", "DOB", "geboren", "Geburtsdatum", "né le",
 * "date de naissance", "nacido", "nací", "fecha de nacimiento", "nato/a il", "data di nascita", "geboortedatum"…),
 * also spelt as a key (`date_of_birth`, `dateOfBirth`, `fecha_nacimiento`), with no other date or event between
 * the word and it. Dates are numeric (12.03.1985, 1985-03-12, 03/12/1985, 12.03.85; not a stretch of a longer
 * dotted run such as the phone number 07.91.11.06.62) or written out with month names in those languages (12 March
 * 1985, March 12, 1985, 12. März 1985, 1er mars 1985, 12 de marzo de 1985, 12 maart 1985). The year must be
 * plausible; "birthday" alone also needs a past year. The span is the date itself.
 */
import type { Detector, RawFinding } from '../types.ts';
import { afterLastMatch, anyOf, finding, keyWords } from './national-ids-shared.ts';

const DETECTOR_ID = 'pii.dob';

const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'januari'],
  ['february', 'feb', 'februar', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'febrero', 'febbraio', 'februari'],
  ['march', 'mar', 'märz', 'maerz', 'mär', 'mrz', 'mars', 'marzo', 'maart', 'mrt'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'mei'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott'],
  ['november', 'nov', 'novembre', 'noviembre'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre'],
];

const MONTH_OF: ReadonlyMap<string, number> = new Map(
  MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)),
);
const MONTH_NAMES = [...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|');

const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|e|º|°|\\.)?';
const MONTH = `(${MONTH_NAMES})\\.?(?!\\p{L})`;
const SP = '[ \\t]{1,3}';
const YEAR4 = '(\\d{4})(?!\\p{N})';
/** Not inside a word or a longer dotted/dashed run of numbers: 11.26.62 in the phone number 07.91.11.26.62. */
const START = '(?<![\\p{L}\\p{N}])(?<!\\p{N}[./-])';
const NUMERIC_END = '(?![\\p{N}]|[./-]\\d)';

interface DateForm {
  readonly re: RegExp;
  /** Capture groups holding day, month and year. */
  readonly order: readonly [number, number, number];
}

const DMY_NUMERIC = `${START}(\\d{1,2})([./-]) ?(\\d{1,2})\\2 ?(\\d{4}|\\d{2})${NUMERIC_END}`;
const YMD_NUMERIC = `${START}(\\d{4})([./-])(\\d{1,2})\\2(\\d{1,2})${NUMERIC_END}`;
const DMY_WORDS = `${START}${DAY}${SP}(?:(?:de|of)${SP})?${MONTH},?${SP}(?:de${SP})?${YEAR4}`;
const MDY_WORDS = `${START}${MONTH}${SP}(\\d{1,2})(?:st|nd|rd|th)?,?${SP}${YEAR4}`;

const FORMS: readonly DateForm[] = [
  { re: new RegExp(DMY_NUMERIC, 'gu'), order: [1, 3, 4] },
  { re: new RegExp(YMD_NUMERIC, 'gu'), order: [4, 3, 1] },
  { re: new RegExp(DMY_WORDS, 'giu'), order: [1, 2, 3] },
  { re: new RegExp(MDY_WORDS, 'giu'), order: [2, 1, 3] },
];

/** "nato", "nata", and the forms that leave the gender open: "nato/a", "nato(a)". */
const BORN_IT = 'nat[oa](?:/[oa]|\\([oa]\\))?';
const BIRTH_STRONG_WORDS = [
  'birth(?!day)', 'born', 'dob', 'd\\.o\\.b',
  'geboren', 'geb\\.', 'geburtsdatum', 'geburt(?!stag)',
  '(?:née?|nee)(?![\\p{L}])', 'naissance',
  'nacid[oa]', 'nac[ií](?![\\p{L}])', 'nacimiento', 'nac\\.',
  `${BORN_IT} (?:il|a|ad|in|nel)`, 'nascita',
  'geboortedatum', 'geboorte',
];
const BIRTH_STRONG = new RegExp(`(?<![\\p{L}])(?:${BIRTH_STRONG_WORDS.join('|')})`, 'iu');
const BIRTH_STRONG_ALL = new RegExp(BIRTH_STRONG.source, 'giu');
const BIRTH_WEAK = anyOf(['birthday', 'geburtstag', 'verjaardag', 'cumpleaños', 'compleanno', 'anniversaire']);
/**
 * Where to look for dates: a cheap superset of the words above, factored by first letter because the scan tries
 * it at every position. Without word starts, so that keys count too (`date_of_birth`, `dateOfBirth`,
 * `fecha_nacimiento`); only "née", also the end of the French "année", keeps one.
 */
const ANY_BIRTH_WORD = new RegExp(
  [
    'b(?:irth|orn)', 'd(?:ob\\b|\\.o\\.b)', 'geb(?:oren|\\.|urt|oort)',
    'n(?:(?<![a-zà-ÿ]n)ée?(?![a-zà-ÿ])|ee\\b|aissance|ac(?:id[oa]|[ií](?![a-zà-ÿ])|imiento|\\.)|ascita)',
    `${BORN_IT} (?:il|a|ad|in|nel)\\b`,
    'verjaardag', 'cumpleaños', 'compleanno', 'anniversaire',
  ].join('|'),
  'gi',
);
/** Other events a date may belong to, when they sit between the birth word and the date. */
const OTHER_EVENT = new RegExp(
  `\\b(?:${[
    'order', 'bestell', 'command', 'pedid', 'ordin', 'invoice', 'rechnung', 'factur',
    'deliver', 'liefer', 'shipp', 'versand', 'livr', 'entreg', 'envi[óa]', 'consegn', 'spedi', 'geleverd', 'verzonden',
    'paid', 'bezahlt', 'pay[ée]', 'pagad', 'pagat', 'betaald',
    'registered', 'angemeldet', 'inscrit', 'registrad', 'iscritt', 'geregistreerd',
    'since', 'seit', 'depuis', 'desde', 'sinds', 'until', 'jusqu', 'hasta', 'fino al',
    // Record keys that follow a birth field in JSON: {"dob_verified": true, "created_at": "2024-…"}.
    'created', 'updated', 'modified', 'erstellt', 'ge[äa]ndert', 'aktualisiert', 'cr[ée]{2}', 'modifi[ée]', 'cread',
    'actualizad', 'creat[oa]', 'aggiornat', 'aangemaakt', 'gewijzigd', 'bijgewerkt', 'expir', 'issued', 'ausgestellt',
  ].join('|')})`,
  'i',
);

const WINDOW_BEFORE = 48;
const WINDOW_AFTER = 24;
/** Dates are only looked for this close around a birth word: scanning the whole prompt for them is the cost. */
const REGION_BEFORE = 40;
const REGION_AFTER = 72;

interface DateMatch {
  readonly start: number;
  readonly end: number;
  readonly year: number;
}

function toYear(raw: string, now: number): number {
  if (raw.length === 4) return Number(raw);
  const yy = Number(raw);
  return yy + (2000 + yy > now ? 1900 : 2000);
}

function plausible(day: number, month: number, year: number, now: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 && year >= 1900 && year <= now;
}

/** Slashed dates are ambiguous (03/12 is March in the US, December elsewhere): either reading will do. */
function readDate(m: RegExpExecArray, order: readonly [number, number, number], now: number): number | null {
  const [d, mo, y] = order;
  const year = toYear(m[y] ?? '', now);
  const day = Number(m[d]);
  const monthText = (m[mo] ?? '').toLowerCase();
  const month = /^\d+$/.test(monthText) ? Number(monthText) : (MONTH_OF.get(monthText) ?? 0);
  if (plausible(day, month, year, now)) return year;
  return m[0].includes('/') && /^\d+$/.test(monthText) && plausible(month, day, year, now) ? year : null;
}

function datesIn(text: string, from: number, to: number, now: number, dates: DateMatch[]): void {
  const region = text.slice(from, to);
  for (const { re, order } of FORMS) {
    re.lastIndex = 0;
    for (let m = re.exec(region); m !== null; m = re.exec(region)) {
      const year = readDate(m, order, now);
      if (year !== null) dates.push({ start: from + m.index, end: from + m.index + m[0].length, year });
    }
  }
}

/** Dates in the regions around birth words (regions that touch are merged), in text order. */
function findDates(text: string, now: number): DateMatch[] {
  const dates: DateMatch[] = [];
  let regionStart = -1;
  let regionEnd = -1;
  ANY_BIRTH_WORD.lastIndex = 0;
  for (let m = ANY_BIRTH_WORD.exec(text); m !== null; m = ANY_BIRTH_WORD.exec(text)) {
    const from = Math.max(0, m.index - REGION_BEFORE);
    const to = Math.min(text.length, m.index + m[0].length + REGION_AFTER);
    if (from <= regionEnd) {
      regionEnd = to;
      continue;
    }
    if (regionEnd > regionStart) datesIn(text, regionStart, regionEnd, now, dates);
    regionStart = from;
    regionEnd = to;
  }
  if (regionEnd > regionStart) datesIn(text, regionStart, regionEnd, now, dates);
  return dates.sort((a, b) => a.start - b.start);
}

/** Score from the birth words between the previous date (or the window start) and this one, or right after it. */
function birthScore(text: string, dates: readonly DateMatch[], k: number, now: number): number {
  const date = dates[k] as DateMatch;
  const previousEnd = k > 0 ? (dates[k - 1] as DateMatch).end : 0;
  const nextStart = k + 1 < dates.length ? (dates[k + 1] as DateMatch).start : text.length;
  const before = keyWords(text.slice(Math.max(previousEnd, date.start - WINDOW_BEFORE), date.start));
  const after = keyWords(text.slice(date.end, Math.min(nextStart, date.end + WINDOW_AFTER)));
  if (BIRTH_STRONG.test(before)) return OTHER_EVENT.test(afterLastMatch(before, BIRTH_STRONG_ALL) ?? '') ? 0 : 0.9;
  // "12.03.1985 (Geburtsdatum)" — unless another date follows, which the word then more likely introduces.
  const nextIsClose = k + 1 < dates.length && nextStart - date.end <= WINDOW_BEFORE;
  if (BIRTH_STRONG.test(after) && !nextIsClose) return 0.8;
  if (BIRTH_WEAK.test(before) && date.year <= now - 5) return 0.75;
  return 0;
}

export const dateOfBirthDetector: Detector = {
  id: DETECTOR_ID,
  types: ['DATE_OF_BIRTH'],
  detect(text: string): RawFinding[] {
    const found: RawFinding[] = [];
    const now = new Date().getFullYear();
    const dates = findDates(text, now);
    let lastEnd = -1;
    for (let k = 0; k < dates.length; k++) {
      const date = dates[k] as DateMatch;
      if (date.start < lastEnd) continue; // the same date read by two forms
      const score = birthScore(text, dates, k, now);
      if (score === 0) continue;
      found.push(finding('DATE_OF_BIRTH', date.start, date.end, score, DETECTOR_ID));
      lastEnd = date.end;
    }
    return found;
  },
};
