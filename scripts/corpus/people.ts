/**
 * Person and company names. Real-looking names come from faker's per-locale dictionaries; a share of names is
 * built from syllables and checked against every dictionary faker ships for our locales, because a detector
 * that only knows a name list must not look better than it is. Company names are composed from our own word
 * lists so that no surname hides inside a company name (which would make an unlabeled PERSON ambiguous).
 */
import { de, de_AT, en, en_GB, en_US, es, fr, fr_BE, it, nl, nl_BE } from '@faker-js/faker';
import type { Rng } from './rng.ts';
import type { Country, Ctx, Lang, PersonName } from './types.ts';

function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value.toLowerCase());
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) collectStrings(item, into);
}

/** Every first and last name (and every word of them) faker knows for the locales we use. */
const KNOWN_NAMES: ReadonlySet<string> = (() => {
  const all = new Set<string>();
  for (const locale of [de, de_AT, en, en_GB, en_US, es, fr, fr_BE, it, nl, nl_BE]) {
    collectStrings(locale.person?.first_name, all);
    collectStrings(locale.person?.last_name, all);
  }
  for (const name of [...all]) for (const word of name.split(/[\s-]+/)) all.add(word);
  return all;
})();

const ONSETS = ['b', 'br', 'd', 'dr', 'f', 'g', 'gr', 'k', 'kl', 'l', 'm', 'n', 'p', 'r', 's', 't', 'tr', 'v', 'z', 'th', 'sk', 'w', 'h', 'j'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ae', 'ei', 'ou', 'y', 'ia'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'th', 'nd', 'rk', 'x', 'lm', 'v'];

function syllableWord(rng: Rng, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) {
    word += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === syllables - 1 || rng.chance(0.3) ? rng.pick(CODAS) : '');
  }
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A pronounceable word that is not a name faker (or any of our other lists) could produce. */
export function oovWord(rng: Rng, syllables: number): string {
  for (;;) {
    const word = syllableWord(rng, syllables);
    if (word.length >= 4 && !KNOWN_NAMES.has(word.toLowerCase())) return word;
  }
}

export function isKnownName(word: string): boolean {
  return KNOWN_NAMES.has(word.toLowerCase());
}

/** A person for this text: mostly dictionary names, `oovShare` of the time a syllable-built one. */
export function newPerson(ctx: Ctx, oovShare = 0.12): PersonName {
  const female = ctx.rng.chance(0.5);
  if (ctx.rng.chance(oovShare)) {
    return { first: oovWord(ctx.rng, ctx.rng.int(2, 3)), last: oovWord(ctx.rng, ctx.rng.int(2, 3)), oov: true, female };
  }
  const sex = female ? 'female' : 'male';
  // Compound given names ("María Teresa") are real but make "first name only" salutations odd; keep the first.
  const first = (ctx.faker.person.firstName(sex).split(' ')[0] as string).trim();
  const last = ctx.faker.person.lastName(sex).trim();
  return { first, last, oov: false, female };
}

/** The customer of the current text, created on first use so all slots agree on one person. */
export function customer(ctx: Ctx): PersonName {
  let person = ctx.memo.get('customer') as PersonName | undefined;
  if (!person) {
    person = newPerson(ctx);
    ctx.memo.set('customer', person);
  }
  return person;
}

const COMPANY_PARTS: Record<Lang, { heads: readonly string[]; tails: readonly string[] }> = {
  en: {
    heads: ['Harbourline', 'Brightwater', 'Summit Ridge', 'Oakfield', 'Silverbrook', 'Northgate', 'Bluebell', 'Redstone'],
    tails: ['Trading', 'Supplies', 'Outfitters', 'Home Goods', 'Logistics', 'Textiles', 'Retail Group'],
  },
  de: {
    heads: ['Nordwind', 'Alpenblick', 'Rheintal', 'Sonnenhof', 'Blaufeder', 'Lindgrün', 'Kieselstein', 'Hafenlicht'],
    tails: ['Handels', 'Textil', 'Möbel', 'Logistik', 'Versand', 'Feinkost', 'Wohndesign'],
  },
  fr: {
    heads: ['Atelier Brume', 'Maison Lumière', 'Comptoir des Dunes', 'Les Tissages du Lac', 'Val de Loire', 'Cap Horizon'],
    tails: ['Distribution', 'Textiles', 'Mobilier', 'Logistique', 'Épicerie Fine', 'Déco'],
  },
  es: {
    heads: ['Levante', 'Brisa Marina', 'Sierra Alta', 'Costa Dorada', 'Olivar del Sur', 'Mar Azul'],
    tails: ['Distribuciones', 'Textiles', 'Muebles', 'Logística', 'Alimentación', 'Comercial'],
  },
  it: {
    heads: ['Laguna', 'Colline Verdi', 'Lago Chiaro', 'Borgo Antico', 'Terra di Siena', 'Vento del Nord'],
    tails: ['Arredi', 'Tessuti', 'Logistica', 'Alimentari', 'Distribuzione', 'Ceramiche'],
  },
  nl: {
    heads: ['Duinzicht', 'Polderlicht', 'Zeewind', 'Tulpenveld', 'Grachtzicht', 'Heidebloem'],
    tails: ['Handel', 'Retail', 'Logistiek', 'Meubelen', 'Textiel', 'Groothandel'],
  },
};

const LEGAL_FORMS: Record<Country, readonly string[]> = {
  GB: ['Ltd', 'Ltd.', 'PLC'],
  US: ['LLC', 'Inc.', 'Corp.'],
  DE: ['GmbH', 'GmbH & Co. KG', 'AG', 'e.K.'],
  AT: ['GmbH', 'KG'],
  FR: ['SARL', 'SAS', 'SA'],
  BE: ['SRL', 'SA', 'BV', 'NV'],
  ES: ['S.L.', 'S.A.', 'S.L.U.'],
  IT: ['S.r.l.', 'S.p.A.', 'S.n.c.'],
  NL: ['B.V.', 'N.V.', 'V.O.F.'],
};

/** A company name without any person name in it. */
export function company(rng: Rng, lang: Lang, country: Country): string {
  const parts = COMPANY_PARTS[lang];
  const head = rng.pick(parts.heads);
  const tail = rng.pick(parts.tails);
  const form = rng.pick(LEGAL_FORMS[country]);
  if (lang === 'es' || lang === 'it') return `${tail} ${head} ${form}`;
  return `${head} ${tail} ${form}`;
}
