/**
 * Look-alike slots: the lower-case placeholders ({order}, {tracking}, {price} …). They never produce a gold
 * span; they exist so that every labeled text also carries the numbers and names a detector must leave alone.
 * A few are remembered per text so that, e.g., the carrier and its tracking number agree.
 */
import { cityName } from './places.ts';
import {
  carrier, clock, commitHash, ean, invoiceNumber, measurement, orderNumber, percent, price, productName, quantity,
  recentDate, sku, trackingNumber, uuid, version, weight,
} from './lookalikes.ts';
import { formatPrice } from './locales.ts';
import { company, customer } from './people.ts';
import type { Ctx } from './types.ts';

export type BenignSlot = (ctx: Ctx) => string;

function remembered(ctx: Ctx, key: string, make: () => string): string {
  let value = ctx.memo.get(key) as string | undefined;
  if (value === undefined) {
    value = make();
    ctx.memo.set(key, value);
  }
  return value;
}

/** Chat timestamps that move forward by a few minutes per turn, starting at a random time of day. */
function chatClock(ctx: Ctx): string {
  const now = ((ctx.memo.get('clock') as number | undefined) ?? ctx.rng.int(8 * 60, 20 * 60)) + ctx.rng.int(0, 4);
  ctx.memo.set('clock', now + 1);
  const h = Math.floor(now / 60) % 24;
  const m = String(now % 60).padStart(2, '0');
  if (ctx.lang === 'en' && ctx.country === 'US') return `${h % 12 === 0 ? 12 : h % 12}:${m} ${h >= 12 ? 'PM' : 'AM'}`;
  return `${String(h).padStart(2, '0')}:${m}`;
}

/** [male, female] speaker label of the customer in a chat export. */
const CUSTOMER_LABEL: Record<Ctx['lang'], readonly [string, string]> = {
  en: ['Customer', 'Customer'], de: ['Kunde', 'Kundin'], fr: ['Client', 'Cliente'], es: ['Cliente', 'Clienta'], it: ['Cliente', 'Cliente'], nl: ['Klant', 'Klant'],
};

const carrierOf = (ctx: Ctx): string => remembered(ctx, 'carrier', () => carrier(ctx.rng, ctx.lang));

export const BENIGN_SLOTS: Record<string, BenignSlot> = {
  order: (ctx) => remembered(ctx, 'order', () => orderNumber(ctx.rng)),
  order2: (ctx) => orderNumber(ctx.rng),
  carrier: carrierOf,
  tracking: (ctx) => trackingNumber(ctx.rng, carrierOf(ctx)),
  sku: (ctx) => sku(ctx.rng),
  ean: (ctx) => ean(ctx.rng, ctx.lang),
  invoice: (ctx) => remembered(ctx, 'invoice', () => invoiceNumber(ctx.rng, ctx.lang)),
  price: (ctx) => price(ctx.rng, ctx.lang, ctx.country),
  total: (ctx) => remembered(ctx, 'total', () => price(ctx.rng, ctx.lang, ctx.country, 450000)),
  date: (ctx) => recentDate(ctx.rng, ctx.lang, ctx.country),
  time: (ctx) => clock(ctx.rng, ctx.lang, ctx.country),
  qty: (ctx) => quantity(ctx.rng),
  days: (ctx) => String(ctx.rng.pick([2, 3, 5, 7, 10, 14, 30])),
  version: (ctx) => version(ctx.rng),
  measure: (ctx) => measurement(ctx.rng, ctx.lang),
  weight: (ctx) => weight(ctx.rng, ctx.lang),
  ship: (ctx) => formatPrice(ctx.rng, ctx.lang, ctx.country, ctx.rng.pick([395, 490, 499, 595, 690, 999])),
  tick: (ctx) => chatClock(ctx),
  cust: (ctx) => CUSTOMER_LABEL[ctx.lang][customer(ctx).female ? 1 : 0],
  pct: (ctx) => percent(ctx.rng, ctx.lang),
  uuid: (ctx) => uuid(ctx.rng),
  commit: (ctx) => commitHash(ctx.rng, ctx.rng.chance(0.6)),
  product: (ctx) => productName(ctx.rng, ctx.lang),
  company: (ctx) => company(ctx.rng, ctx.lang, ctx.country),
  shop: (ctx) => remembered(ctx, 'shop', () => company(ctx.rng, ctx.lang, ctx.country)),
  city: (ctx) => cityName(ctx.rng, ctx),
  ticket: (ctx) => `${ctx.rng.pick(['#', 'TCK-', 'SR-'])}${ctx.rng.int(10000, 99999)}`,
  customer_no: (ctx) => `${ctx.rng.pick(['K', 'C', 'KD'])}${ctx.rng.int(100000, 999999)}`,
  sfid: (ctx) => `${ctx.rng.pick(['006', '001', '003'])}${ctx.rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 12)}`,
  port: (ctx) => String(ctx.rng.pick([3000, 8080, 8443, 9200])),
};
