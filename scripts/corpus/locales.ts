/**
 * Per-language conventions the texts must follow to look real: which countries a language's customers live
 * in, how dates and prices are written, month names. Formatting is done by hand rather than with Intl because
 * ICU data changes between Node releases and the corpus must stay byte-identical for a seed.
 */
import { Faker, base, de, de_AT, en, en_GB, en_US, es, fr, fr_BE, it, nl, nl_BE } from '@faker-js/faker';
import type { LocaleDefinition } from '@faker-js/faker';
import type { Rng } from './rng.ts';
import type { Country, Lang } from './types.ts';

export const COUNTRIES: Record<Lang, readonly Country[]> = {
  en: ['GB', 'US'],
  de: ['DE', 'DE', 'DE', 'AT'],
  fr: ['FR', 'FR', 'FR', 'BE'],
  es: ['ES'],
  it: ['IT'],
  nl: ['NL', 'NL', 'NL', 'BE'],
};

const FAKER_LOCALES: Record<string, LocaleDefinition[]> = {
  'en-GB': [en_GB, en, base],
  'en-US': [en_US, en, base],
  'de-DE': [de, en, base],
  'de-AT': [de_AT, de, en, base],
  'fr-FR': [fr, en, base],
  'fr-BE': [fr_BE, fr, en, base],
  'es-ES': [es, en, base],
  'it-IT': [it, en, base],
  'nl-NL': [nl, en, base],
  'nl-BE': [nl_BE, nl, en, base],
};

export type FakerSet = ReadonlyMap<string, Faker>;

/** One seeded faker per language/country pair, created in a fixed order so seeding is reproducible. */
export function createFakers(rng: Rng): FakerSet {
  const out = new Map<string, Faker>();
  for (const [key, locale] of Object.entries(FAKER_LOCALES)) {
    const faker = new Faker({ locale });
    faker.seed(rng.seed());
    out.set(key, faker);
  }
  return out;
}

export function fakerFor(fakers: FakerSet, lang: Lang, country: Country): Faker {
  const faker = fakers.get(`${lang}-${country}`) ?? fakers.get(`${lang}-${COUNTRIES[lang][0]}`);
  if (!faker) throw new Error(`no faker for ${lang}-${country}`);
  return faker;
}

export const MONTHS: Record<Lang, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
};

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function randomDate(rng: Rng, fromYear: number, toYear: number): Ymd {
  const m = rng.int(1, 12);
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] as number;
  return { y: rng.int(fromYear, toYear), m, d: rng.int(1, days) };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A date the way a person in this language/country would type it. */
export function formatDate(rng: Rng, lang: Lang, country: Country, date: Ymd): string {
  const { y, m, d } = date;
  const month = MONTHS[lang][m - 1] as string;
  if (rng.chance(0.25)) {
    if (lang === 'en') return country === 'US' ? `${month} ${d}, ${y}` : `${d} ${month} ${y}`;
    if (lang === 'de') return `${d}. ${month} ${y}`;
    if (lang === 'es') return `${d} de ${month} de ${y}`;
    return `${d} ${month} ${y}`;
  }
  if (rng.chance(0.1)) return `${y}-${pad2(m)}-${pad2(d)}`;
  if (lang === 'en') return country === 'US' ? `${pad2(m)}/${pad2(d)}/${y}` : `${pad2(d)}/${pad2(m)}/${y}`;
  if (lang === 'de') return `${pad2(d)}.${pad2(m)}.${y}`;
  if (lang === 'nl') return `${pad2(d)}-${pad2(m)}-${y}`;
  return `${pad2(d)}/${pad2(m)}/${y}`;
}

function groupThousands(n: number, sep: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** A money amount in the local convention; `cents` avoids floating-point formatting surprises. */
export function formatPrice(rng: Rng, lang: Lang, country: Country, cents: number): string {
  const whole = Math.floor(cents / 100);
  const frac = pad2(cents % 100);
  if (lang === 'en') {
    const sym = country === 'US' ? '$' : '£';
    return `${sym}${groupThousands(whole, ',')}.${frac}`;
  }
  if (lang === 'fr') return `${groupThousands(whole, rng.pick([' ', '\u00a0', '\u202f']))},${frac} €`;
  if (lang === 'nl') return rng.chance(0.7) ? `€ ${groupThousands(whole, '.')},${frac}` : `€${groupThousands(whole, '.')},${frac}`;
  return `${groupThousands(whole, '.')},${frac} €`;
}

/** A decimal number with the local decimal separator (weights, percentages). */
export function formatDecimal(lang: Lang, value: number, places: number): string {
  const text = value.toFixed(places);
  return lang === 'en' ? text : text.replace('.', ',');
}
