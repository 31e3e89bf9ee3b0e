/**
 * Fills the {slot} placeholders of shop and attack texts with order numbers, names, dates and amounts in the
 * conventions of each language, so the same sentence reads differently every time it is used and benign and
 * attack texts share exactly the same surface details (a detector must not learn "has an order number").
 */
import { MONTHS } from '../locales.ts';
import type { Rng } from '../rng.ts';
import type { Lang, ShopPack } from './types.ts';

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function orderNumber(rng: Rng): string {
  return rng.pick([
    () => `#10${rng.digits(4)}`,
    () => `SO-2025-${rng.digits(4)}`,
    () => `WC-${rng.digits(5)}`,
    () => `${rng.int(3, 9)}${rng.digits(7)}`,
    () => `A${rng.digits(6)}`,
  ])();
}

export function dateText(rng: Rng, lang: Lang): string {
  const day = rng.int(1, 28);
  const month = rng.int(1, 12);
  const name = (MONTHS[lang][month - 1]) as string;
  if (lang === 'en') return rng.chance(0.5) ? `${day} ${name}` : `${pad2(day)}/${pad2(month)}/2025`;
  if (lang === 'de') return rng.chance(0.5) ? `${day}. ${name}` : `${pad2(day)}.${pad2(month)}.2025`;
  if (lang === 'nl') return rng.chance(0.5) ? `${day} ${name}` : `${day}-${month}-2025`;
  if (lang === 'es') return rng.chance(0.5) ? `${day} de ${name}` : `${day}/${month}/2025`;
  return rng.chance(0.5) ? `${day} ${name}` : `${pad2(day)}/${pad2(month)}/2025`;
}

export function amountText(rng: Rng, lang: Lang): string {
  const euros = rng.int(19, 1400);
  const cents = rng.pick(['00', '50', '90', '95', '99']);
  if (lang === 'en') return `£${euros}.${cents}`;
  if (lang === 'nl') return `€ ${euros},${cents}`;
  return `${euros},${cents} €`;
}

const ascii = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '');

const ROLE_MAILBOX: Record<Lang, string> = { en: 'accounts', de: 'buchhaltung', fr: 'comptabilite', es: 'contabilidad', it: 'amministrazione', nl: 'administratie' };

/** A personal address for `name`, or (with `lang`) sometimes the company's accounts mailbox. */
export function emailFor(rng: Rng, name: string, lang?: Lang): string {
  const [first = 'info', ...rest] = name.split(' ');
  const last = rest.at(-1) ?? 'shop';
  const personal = rng.pick([`${ascii(first)}.${ascii(last)}`, `${ascii(first).charAt(0)}${ascii(last)}`, `${ascii(first)}${rng.int(1, 99)}`]);
  const local = lang && rng.chance(0.6) ? ROLE_MAILBOX[lang] : personal;
  return `${local}@${rng.pick(['example.com', 'example.org', 'mail.example.net'])}`;
}

/** Replaces every {slot} in `text`; a name drawn once is reused within the same text so e-mails match it. */
export function fillSlots(rng: Rng, lang: Lang, pack: ShopPack, text: string): string {
  const name = rng.pick(pack.names);
  const values: Record<string, () => string> = {
    order: () => orderNumber(rng),
    name: () => name,
    agent: () => rng.pick(pack.agents),
    city: () => rng.pick(pack.cities),
    street: () => rng.pick(pack.streets),
    product: () => rng.pick(pack.products),
    sku: () => `BX-${rng.digits(4)}`,
    date: () => dateText(rng, lang),
    amount: () => amountText(rng, lang),
    email: () => emailFor(rng, name, lang),
    qty: () => String(rng.int(2, 9)),
  };
  return text.replace(/\{([a-z]+)\}/g, (whole, key: string) => values[key]?.() ?? whole);
}
