/**
 * Benign JSON: order-status tool results and catalogue records with UUID order ids, SKUs, EANs, prices,
 * tracking numbers and timestamps, but no personal fields and none of the confidential rule fields. This is
 * what a JSON-field detector sees most of the time and must leave alone.
 */
import { writeJson } from '../json.ts';
import type { Json, JsonStyle } from '../json.ts';
import { BENIGN_SLOTS } from '../slots-benign.ts';
import { createSink, fillInto } from '../template.ts';
import type { Filled } from '../template.ts';
import type { Ctx, Lang } from '../types.ts';

const INTROS: Record<Lang, readonly string[]> = {
  en: ['Summarise this order status for the customer:', 'Tool result:', 'Turn this catalogue record into a short listing:'],
  de: ['Fass den Bestellstatus für den Kunden zusammen:', 'Tool-Ergebnis:', 'Mach aus diesem Katalogeintrag einen kurzen Angebotstext:'],
  fr: ['Résume ce statut de commande pour le client :', 'Résultat de l’outil :', 'Transforme cette fiche catalogue en courte annonce :'],
  es: ['Resume este estado de pedido para el cliente:', 'Resultado de la herramienta:', 'Convierte esta ficha de catálogo en un anuncio breve:'],
  it: ['Riassumi questo stato dell’ordine per il cliente:', 'Risultato del tool:', 'Trasforma questa scheda catalogo in un breve annuncio:'],
  nl: ['Vat deze orderstatus samen voor de klant:', 'Tool-resultaat:', 'Maak van dit catalogusrecord een korte advertentie:'],
};

const b = (ctx: Ctx, slot: string): string => BENIGN_SLOTS[slot]?.(ctx) ?? '';

function orderStatus(ctx: Ctx): Json {
  const { rng } = ctx;
  return {
    order_id: rng.chance(0.5) ? b(ctx, 'uuid') : b(ctx, 'order'),
    status: rng.pick(['shipped', 'in_transit', 'delivered', 'processing']),
    created_at: `2025-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(10, 28))}T${rng.int(10, 23)}:${rng.int(10, 59)}:00Z`,
    items: Array.from({ length: rng.int(1, 3) }, () => ({ sku: b(ctx, 'sku'), qty: rng.int(1, 5), price: rng.int(3, 400) - 0.01 })),
    total: rng.int(20, 2000) - 0.01,
    currency: ctx.lang === 'en' ? rng.pick(['GBP', 'USD']) : 'EUR',
    shipment: { carrier: b(ctx, 'carrier'), tracking: b(ctx, 'tracking'), eta: b(ctx, 'date') },
  };
}

function catalogueRecord(ctx: Ctx): Json {
  const { rng } = ctx;
  return {
    id: b(ctx, 'uuid'), sku: b(ctx, 'sku'), ean: b(ctx, 'ean'), name: b(ctx, 'product'), brand: b(ctx, 'company'),
    price: rng.int(5, 900) - 0.01, vat_rate: rng.pick([0.19, 0.2, 0.21, 0.22, 0.07]), dimensions: b(ctx, 'measure'),
    stock: rng.int(0, 900), rating: rng.int(30, 50) / 10, updated: b(ctx, 'date'),
  };
}

export function benignJson(ctx: Ctx): Filled {
  const { rng } = ctx;
  const sink = createSink();
  const catalogue = rng.chance(0.4);
  fillInto(sink, INTROS[ctx.lang][catalogue ? 2 : rng.int(0, 1)] ?? '', ctx);
  sink.push('\n');
  writeJson(sink, catalogue ? catalogueRecord(ctx) : orderStatus(ctx), rng.weighted<JsonStyle>([['pretty2', 5], ['compact', 3], ['spaced', 2]]));
  return sink.result();
}
