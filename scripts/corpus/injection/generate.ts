/**
 * Assembles the prompt-injection corpus: for each language, the attack texts of every category and the benign
 * texts of every benign category, all drawn from one seeded PRNG so a seed always yields the same bytes. The
 * result is checked before it is returned — unique ids, no two identical texts, the minimum counts per
 * category × language — so a data edit that breaks the corpus fails the generator instead of skewing the
 * evaluation quietly.
 */
import { createRng } from '../rng.ts';
import { attackDrafts } from './attacks.ts';
import { ATTACKS_DE } from './attacks-de.ts';
import { ATTACKS_EN } from './attacks-en.ts';
import { ATTACKS_ES } from './attacks-es.ts';
import { ATTACKS_FR } from './attacks-fr.ts';
import { ATTACKS_IT } from './attacks-it.ts';
import { ATTACKS_NL } from './attacks-nl.ts';
import { benignDrafts } from './benign.ts';
import { SHOP_DE } from './shop-de.ts';
import { SHOP_EN } from './shop-en.ts';
import { SHOP_ES } from './shop-es.ts';
import { SHOP_FR } from './shop-fr.ts';
import { SHOP_IT } from './shop-it.ts';
import { SHOP_NL } from './shop-nl.ts';
import { ATTACK_CATEGORIES, LANGS } from './types.ts';
import type { AttackPack, InjectionRecord, Lang, ShopPack } from './types.ts';

export const DEFAULT_SEED = 20260407;
/** Floors the corpus must meet; the test checks the same numbers. */
export const MIN_ATTACKS_PER_CELL = 10;
export const MIN_BENIGN_PER_LANG = 60;

const PACKS: Record<Lang, { attacks: AttackPack; shop: ShopPack }> = {
  en: { attacks: ATTACKS_EN, shop: SHOP_EN },
  de: { attacks: ATTACKS_DE, shop: SHOP_DE },
  fr: { attacks: ATTACKS_FR, shop: SHOP_FR },
  es: { attacks: ATTACKS_ES, shop: SHOP_ES },
  it: { attacks: ATTACKS_IT, shop: SHOP_IT },
  nl: { attacks: ATTACKS_NL, shop: SHOP_NL },
};

function withIds(lang: Lang, label: InjectionRecord['label'], drafts: readonly Omit<InjectionRecord, 'id' | 'label' | 'language'>[]): InjectionRecord[] {
  const counters = new Map<string, number>();
  return drafts.map((d) => {
    const n = (counters.get(d.category) ?? 0) + 1;
    counters.set(d.category, n);
    return { id: `${lang}-${d.category}-${String(n).padStart(3, '0')}`, label, category: d.category, language: lang, source: d.source, text: d.text };
  });
}

function check(records: readonly InjectionRecord[]): void {
  const ids = new Set<string>();
  const texts = new Map<string, string>();
  for (const r of records) {
    if (ids.has(r.id)) throw new Error(`duplicate id ${r.id}`);
    ids.add(r.id);
    const twin = texts.get(r.text);
    if (twin) throw new Error(`${r.id} repeats the text of ${twin}`);
    texts.set(r.text, r.id);
  }
  for (const lang of LANGS) {
    for (const category of ATTACK_CATEGORIES) {
      const n = records.filter((r) => r.language === lang && r.category === category).length;
      if (n < MIN_ATTACKS_PER_CELL) throw new Error(`${lang}/${category}: ${n} attacks, need ${MIN_ATTACKS_PER_CELL}`);
    }
    const benign = records.filter((r) => r.language === lang && r.label === 'benign').length;
    if (benign < MIN_BENIGN_PER_LANG) throw new Error(`${lang}: ${benign} benign texts, need ${MIN_BENIGN_PER_LANG}`);
  }
}

export function generateInjectionCorpus(seed: number = DEFAULT_SEED): InjectionRecord[] {
  const rng = createRng(seed);
  const records: InjectionRecord[] = [];
  for (const lang of LANGS) {
    const { attacks, shop } = PACKS[lang];
    const ctx = { rng, lang, pack: shop };
    records.push(...withIds(lang, 'attack', attackDrafts(ctx, attacks)), ...withIds(lang, 'benign', benignDrafts(ctx)));
  }
  check(records);
  return records;
}

/** One JSON object per line with a fixed key order, so the bytes depend on the content only. */
export function toJsonl(records: readonly InjectionRecord[]): string {
  return records.map((r) => JSON.stringify({ id: r.id, label: r.label, category: r.category, language: r.language, source: r.source, text: r.text })).join('\n') + '\n';
}
