/**
 * Assembles the corpus: for each language, labeled texts of every kind in round-robin order and benign texts
 * of every benign kind, all drawn from one seeded PRNG so a seed always yields the same bytes. Every record is
 * checked before it is returned (spans in bounds, non-empty, non-overlapping; benign texts without entities),
 * so a template bug fails the generator instead of quietly corrupting the gold labels.
 */
import { RULES } from './business.ts';
import type { CorpusRules } from './business.ts';
import { BENIGN_DE, BENIGN_EN, BENIGN_FR } from './kinds/benign-en-de-fr.ts';
import type { BenignKind } from './kinds/benign-en-de-fr.ts';
import { BENIGN_ES, BENIGN_IT, BENIGN_NL } from './kinds/benign-es-it-nl.ts';
import { benignJson } from './kinds/benign-json.ts';
import { B2B_INVOICE } from './kinds/b2b-invoice.ts';
import { CRM_NOTE } from './kinds/crm-note.ts';
import { DEV_TICKET } from './kinds/dev-ticket.ts';
import { ORDER_EMAIL } from './kinds/order-email.ts';
import { productData } from './kinds/product-data.ts';
import { RETURN_REQUEST } from './kinds/return-request.ts';
import { SUPPORT_CHAT } from './kinds/support-chat.ts';
import { toolPayload } from './kinds/tool-payload.ts';
import { COUNTRIES, createFakers, fakerFor } from './locales.ts';
import type { FakerSet } from './locales.ts';
import { createRng } from './rng.ts';
import type { Rng } from './rng.ts';
import { fillRecipe } from './template.ts';
import type { Filled, Recipe } from './template.ts';
import { LANGS } from './types.ts';
import type { CorpusRecord, Ctx, Lang } from './types.ts';

export const DEFAULT_SEED = 20261122;

export interface GenerateOptions {
  seed?: number;
  /** Labeled texts per language (spread evenly over the kinds). */
  labeledPerLang?: number;
  /** Benign texts per language. */
  benignPerLang?: number;
  /** Share of labeled texts that try to disguise one value. */
  evasionRate?: number;
}

export interface Corpus {
  records: CorpusRecord[];
  rules: CorpusRules;
}

type Writer = (ctx: Ctx) => Filled;

const fromRecipes = (recipes: Record<Lang, Recipe>): Writer => (ctx) => fillRecipe(recipes[ctx.lang], ctx);

/**
 * Labeled kinds and whether they may carry a disguised value. JSON is not disguised because escaping would
 * change what an evasion looks like; developer tickets have no e-mail, phone, card or IBAN to disguise.
 */
const LABELED: readonly (readonly [string, Writer, boolean])[] = [
  ['order-email', fromRecipes(ORDER_EMAIL), true],
  ['support-chat', fromRecipes(SUPPORT_CHAT), true],
  ['crm-note', fromRecipes(CRM_NOTE), true],
  ['product-data', productData, false],
  ['tool-payload', toolPayload, false],
  ['return-request', fromRecipes(RETURN_REQUEST), true],
  ['b2b-invoice', fromRecipes(B2B_INVOICE), true],
  ['dev-ticket', fromRecipes(DEV_TICKET), false],
];

const BENIGN_BY_LANG: Record<Lang, Record<BenignKind, Recipe>> = {
  en: BENIGN_EN, de: BENIGN_DE, fr: BENIGN_FR, es: BENIGN_ES, it: BENIGN_IT, nl: BENIGN_NL,
};

const BENIGN: readonly (readonly [string, Writer])[] = [
  ...(Object.keys(BENIGN_EN) as BenignKind[]).map((kind) => [kind, (ctx: Ctx) => fillRecipe(BENIGN_BY_LANG[ctx.lang][kind], ctx)] as const),
  ['order-json', benignJson],
];

function newCtx(rng: Rng, fakers: FakerSet, lang: Lang, evade: boolean): Ctx {
  const country = rng.pick(COUNTRIES[lang]);
  return { rng, faker: fakerFor(fakers, lang, country), lang, country, evade, memo: new Map() };
}

function check(record: CorpusRecord): CorpusRecord {
  let previousEnd = 0;
  for (const e of record.entities) {
    if (!(e.start >= previousEnd && e.start < e.end && e.end <= record.text.length)) {
      throw new Error(`bad span ${e.type} ${e.start}-${e.end} in ${record.id}`);
    }
    if (record.text.slice(e.start, e.end).trim() !== record.text.slice(e.start, e.end)) {
      throw new Error(`span with surrounding whitespace ${e.type} in ${record.id}`);
    }
    previousEnd = e.end;
  }
  if (record.benign && record.entities.length > 0) throw new Error(`benign record ${record.id} has entities`);
  if (!record.benign && record.entities.length === 0) throw new Error(`labeled record ${record.id} has no entities`);
  return record;
}

const pad4 = (n: number): string => String(n).padStart(4, '0');

export function generateCorpus(options: GenerateOptions = {}): Corpus {
  const rng = createRng(options.seed ?? DEFAULT_SEED);
  const fakers = createFakers(rng);
  const labeledPerLang = options.labeledPerLang ?? 400;
  const benignPerLang = options.benignPerLang ?? 200;
  const evasionRate = options.evasionRate ?? 0.25;
  const records: CorpusRecord[] = [];
  for (const lang of LANGS) {
    const counters = new Map<string, number>();
    const next = (kind: string): string => {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return `${lang}-${kind}-${pad4(n)}`;
    };
    for (let i = 0; i < labeledPerLang; i++) {
      const [kind, write, canEvade] = LABELED[i % LABELED.length] as (typeof LABELED)[number];
      const ctx = newCtx(rng, fakers, lang, canEvade && rng.chance(evasionRate));
      const { text, entities } = write(ctx);
      records.push(check({ id: next(kind), lang, kind, benign: false, text, entities }));
    }
    for (let i = 0; i < benignPerLang; i++) {
      const [kind, write] = BENIGN[i % BENIGN.length] as (typeof BENIGN)[number];
      const { text, entities } = write(newCtx(rng, fakers, lang, false));
      records.push(check({ id: next(kind), lang, kind, benign: true, text, entities }));
    }
  }
  return { records, rules: RULES };
}

/** One JSON object per line, keys in a fixed order so the bytes only depend on the seed. */
export function toJsonl(records: readonly CorpusRecord[]): string {
  return records.map((r) => JSON.stringify({ id: r.id, lang: r.lang, kind: r.kind, benign: r.benign, text: r.text, entities: r.entities })).join('\n') + '\n';
}
