/**
 * The business-confidential rules the corpus is written against (saved next to it as detect-corpus.rules.json)
 * and generators for values that match them. Terms are planted with the case and accent variations people
 * type, because a term detector that needs the exact spelling would miss most real mentions.
 */
import type { Rng } from './rng.ts';
import { UPPER } from './rng.ts';
import type { Lang } from './types.ts';

export interface CorpusRules {
  terms: string[];
  patterns: string[];
  jsonFields: string[];
}

const TERMS_BY_LANG: Record<Lang, readonly string[]> = {
  en: ['Project Falcon', 'Black Friday Playbook'],
  de: ['Projekt Eisvogel', 'Preisoffensive 2026'],
  fr: ['Opération Mistral', 'Tarif Préférentiel Or'],
  es: ['Proyecto Cóndor', 'Campaña Relámpago'],
  it: ['Progetto Ulivo', 'Listino Riservato'],
  nl: ['Project Zeearend', 'Actie Oranjeboven'],
};

export const RULES: CorpusRules = {
  terms: Object.values(TERMS_BY_LANG).flat(),
  patterns: ['CTR-\\d{4}-\\d{5}', 'PRJ-[A-Z]{3}-\\d{3}', 'SUP-[A-Z]{2}\\d{5}', 'NDA-\\d{6}'],
  jsonFields: ['cost_price', 'purchase_price', 'margin', 'margin_pct', 'supplier', 'supplier_id', 'landed_cost', 'min_price'],
};

const stripAccents = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** A rule term, mostly the local one, sometimes written in lower/upper case or without accents. */
export function businessTerm(rng: Rng, lang: Lang): string {
  const term = rng.chance(0.7) ? rng.pick(TERMS_BY_LANG[lang]) : rng.pick(RULES.terms);
  return rng.weighted<(t: string) => string>([
    [(t) => t, 6],
    [(t) => t.toLowerCase(), 2],
    [(t) => t.toUpperCase(), 1],
    [(t) => stripAccents(t), 1],
  ])(term);
}

/** A value matching one of the rule patterns (contract, project, supplier or NDA reference). */
export function businessPattern(rng: Rng): string {
  switch (rng.int(0, 3)) {
    case 0: return `CTR-${rng.int(2019, 2027)}-${rng.digits(5)}`;
    case 1: return `PRJ-${rng.chars(UPPER, 3)}-${rng.digits(3)}`;
    case 2: return `SUP-${rng.pick(['DE', 'FR', 'ES', 'IT', 'NL', 'CN', 'PL', 'TR'])}${rng.digits(5)}`;
    default: return `NDA-${rng.digits(6)}`;
  }
}
