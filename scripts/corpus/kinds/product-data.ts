/**
 * Product data as a PIM or ERP export pasted into a prompt: a request in the user's language followed by JSON
 * records. Retail price, SKU, EAN, stock and dimensions are public; cost price, margin, supplier and the other
 * rule fields are BUSINESS_FIELD spans (the value only), a supplier contract is a BUSINESS_PATTERN and the
 * supplier's contact person is PII.
 */
import { businessPattern } from '../business.ts';
import { company } from '../people.ts';
import { markedValue, org } from '../slots-entities.ts';
import { BENIGN_SLOTS } from '../slots-benign.ts';
import { createSink, fillInto } from '../template.ts';
import type { Filled } from '../template.ts';
import { writeJson } from '../json.ts';
import type { Json, JsonStyle, MarkedLiteral } from '../json.ts';
import { mark } from '../types.ts';
import type { Ctx, Lang } from '../types.ts';

const INTROS: Record<Lang, readonly string[]> = {
  en: ['Write short product descriptions for these items from the PIM export:', 'Compare our purchase prices in this feed and suggest retail prices:',
    'Translate the product names in this export into German:', 'Check these records for missing data before the {date} import:'],
  de: ['Schreib kurze Produkttexte für diese Artikel aus dem PIM-Export:', 'Vergleiche unsere Einkaufspreise in diesem Feed und schlage VK-Preise vor:',
    'Übersetze die Produktnamen in diesem Export ins Englische:', 'Prüf diese Datensätze vor dem Import am {date} auf fehlende Felder:'],
  fr: ['Rédige de courtes descriptions pour ces articles issus de l’export PIM :', 'Compare nos prix d’achat dans ce flux et propose des prix de vente :',
    'Traduis les noms de produits de cet export en anglais :', 'Vérifie ces fiches avant l’import du {date} :'],
  es: ['Escribe descripciones breves para estos artículos del export del PIM:', 'Compara nuestros precios de compra en este feed y sugiere PVP:',
    'Traduce al inglés los nombres de producto de este export:', 'Revisa estos registros antes de la importación del {date}:'],
  it: ['Scrivi brevi descrizioni per questi articoli dall’export del PIM:', 'Confronta i nostri prezzi d’acquisto in questo feed e proponi i prezzi al pubblico:',
    'Traduci in inglese i nomi prodotto di questo export:', 'Controlla questi record prima dell’import del {date}:'],
  nl: ['Schrijf korte productteksten voor deze artikelen uit de PIM-export:', 'Vergelijk onze inkoopprijzen in deze feed en stel verkoopprijzen voor:',
    'Vertaal de productnamen in deze export naar het Engels:', 'Controleer deze records vóór de import van {date}:'],
};

const OUTROS: Record<Lang, readonly string[]> = {
  en: ['Keep each text under 80 words.', 'Internal data – launch is part of {TERM}.', 'Do not show purchase prices to customers.'],
  de: ['Maximal 80 Wörter pro Text.', 'Interne Daten – der Launch gehört zu {TERM}.', 'Einkaufspreise nicht an Kunden weitergeben.'],
  fr: ['80 mots maximum par texte.', 'Données internes – le lancement fait partie de {TERM}.', 'Ne jamais montrer les prix d’achat aux clients.'],
  es: ['Máximo 80 palabras por texto.', 'Datos internos: el lanzamiento forma parte de {TERM}.', 'No mostrar precios de compra a clientes.'],
  it: ['Massimo 80 parole per testo.', 'Dati interni: il lancio fa parte del {TERM}.', 'Non mostrare i prezzi d’acquisto ai clienti.'],
  nl: ['Maximaal 80 woorden per tekst.', 'Interne gegevens – de lancering valt onder {TERM}.', 'Inkoopprijzen niet aan klanten tonen.'],
};

const CURRENCY: Record<Lang, readonly string[]> = { en: ['GBP', 'USD', 'EUR'], de: ['EUR'], fr: ['EUR'], es: ['EUR'], it: ['EUR'], nl: ['EUR'] };

const literal = (value: string, type: MarkedLiteral['type'] = 'BUSINESS_FIELD'): MarkedLiteral => ({ literal: value, type });

/** The confidential fields of one record: at least one, in a random subset. */
function businessFields(ctx: Ctx, retail: number): Record<string, Json> {
  const { rng } = ctx;
  const cost = Math.round(retail * (0.25 + rng.next() * 0.4) * 100) / 100;
  const all: [string, () => Json][] = [
    ['cost_price', () => literal(String(cost))],
    ['purchase_price', () => (rng.chance(0.7) ? literal(String(cost)) : mark('BUSINESS_FIELD', cost.toFixed(2)))],
    ['landed_cost', () => literal(String(Math.round(cost * 112) / 100))],
    ['margin_pct', () => literal(String(Math.round((1 - cost / retail) * 1000) / 10))],
    ['margin', () => literal(String(Math.round((1 - cost / retail) * 100) / 100))],
    ['min_price', () => literal(String(Math.round(retail * 85) / 100))],
    ['supplier', () => mark('BUSINESS_FIELD', company(rng, ctx.lang, rng.pick(['DE', 'IT', 'ES', 'FR', 'NL'])))],
    ['supplier_id', () => literal(String(rng.int(10000, 99999)))],
  ];
  const chosen = rng.shuffle(all).slice(0, rng.int(1, 4));
  return Object.fromEntries(chosen.map(([key, make]) => [key, make()]));
}

function productRecord(ctx: Ctx): Record<string, Json> {
  const { rng } = ctx;
  const retail = rng.int(5, 900) - 0.01;
  const record: Record<string, Json> = {
    sku: BENIGN_SLOTS.sku?.(ctx) ?? '',
    ean: BENIGN_SLOTS.ean?.(ctx) ?? '',
    name: BENIGN_SLOTS.product?.(ctx) ?? '',
    price: retail,
    currency: rng.pick(CURRENCY[ctx.lang]),
    stock: rng.int(0, 2400),
  };
  if (rng.chance(0.5)) record.dimensions = BENIGN_SLOTS.measure?.(ctx) ?? '';
  Object.assign(record, businessFields(ctx, retail));
  if (rng.chance(0.25)) record.contract = mark('BUSINESS_PATTERN', businessPattern(rng));
  return record;
}

function supplierContact(ctx: Ctx): Json {
  return { company: org(ctx), contact: markedValue(ctx, 'CONTACT'), email: markedValue(ctx, 'WORKEMAIL'), phone: markedValue(ctx, 'PHONE') };
}

export function productData(ctx: Ctx): Filled {
  const { rng } = ctx;
  const sink = createSink();
  fillInto(sink, rng.pick(INTROS[ctx.lang]), ctx);
  const records = Array.from({ length: rng.int(1, 3) }, () => productRecord(ctx));
  const body: Json = rng.chance(0.3) ? { products: records, supplier_contact: supplierContact(ctx) } : records.length === 1 ? (records[0] as Json) : records;
  const style = rng.weighted<JsonStyle>([['pretty2', 5], ['pretty4', 1], ['compact', 2], ['spaced', 2]]);
  const fence = rng.chance(0.4);
  sink.push(fence ? '\n```json\n' : '\n');
  writeJson(sink, body, style);
  sink.push(fence ? '\n```' : '');
  if (rng.chance(0.5)) {
    sink.push('\n');
    fillInto(sink, rng.pick(OUTROS[ctx.lang]), ctx);
  }
  return sink.result();
}
