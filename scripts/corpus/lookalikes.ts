/**
 * Benign values that look like sensitive ones: order numbers shaped like phone numbers, parcel tracking codes,
 * SKUs, EANs with valid GS1 check digits, invoice numbers, prices, dates, versions, measurements, UUIDs and
 * commit hashes. Formats are chosen so that none of them is actually valid as a planted entity type (e.g. the
 * ten-digit order numbers cannot be North American phone numbers), keeping the benign side unambiguous.
 */
import { eanCheckDigit } from './checksums.ts';
import { formatDate, formatDecimal, formatPrice, randomDate } from './locales.ts';
import type { Rng } from './rng.ts';
import { DIGITS, HEX, UPPER } from './rng.ts';
import type { Country, Lang } from './types.ts';

/**
 * Phone-shaped order number. The area codes 400/500/700 followed by an exchange starting with 0 or 1 are
 * not dialable in the North American plan, and no European national number starts without a 0 or +.
 */
export function orderNumber(rng: Rng): string {
  return rng.weighted<() => string>([
    [() => `${rng.pick(['4000', '4001', '5000', '7001'])}${rng.digits(6)}`, 4],
    [() => `#${rng.int(100000, 399999)}`, 2],
    [() => `ORD-${rng.int(2023, 2026)}-${rng.digits(6)}`, 2],
    [() => `${rng.int(302, 408)}-${rng.digits(7)}-${rng.digits(7)}`, 1],
    [() => `WEB-${rng.digits(6)}`, 1],
  ])();
}

export function trackingNumber(rng: Rng, carrier: string): string {
  switch (carrier) {
    case 'UPS': return `1Z${rng.chars(UPPER + DIGITS, 6)}${rng.digits(2)}${rng.digits(8)}`;
    case 'PostNL': return `3S${rng.chars(UPPER, 4)}${rng.digits(7)}`;
    case 'Colissimo': return `6A${rng.digits(11)}`;
    case 'GLS': return `8${rng.digits(10)}`;
    case 'Royal Mail': return `${rng.chars(UPPER, 2)}${rng.digits(9)}GB`;
    case 'Correos': return `PQ${rng.chars(UPPER + DIGITS, 4)}${rng.digits(12)}`;
    // Fourteen digits starting 05: too long for an Italian phone number, no card network starts with 0.
    case 'BRT': return `05${rng.digits(12)}`;
    default: return rng.chance(0.5) ? `00340434${rng.digits(12)}` : `JJD${rng.digits(18)}`;
  }
}

const CARRIERS: Record<Lang, readonly string[]> = {
  en: ['UPS', 'Royal Mail', 'DHL', 'GLS'],
  de: ['DHL', 'DHL', 'GLS', 'UPS'],
  fr: ['Colissimo', 'Colissimo', 'UPS', 'DHL'],
  es: ['Correos', 'UPS', 'GLS', 'DHL'],
  it: ['BRT', 'UPS', 'GLS', 'DHL'],
  nl: ['PostNL', 'PostNL', 'DHL', 'UPS'],
};

export function carrier(rng: Rng, lang: Lang): string {
  return rng.pick(CARRIERS[lang]);
}

export function sku(rng: Rng): string {
  return rng.weighted<() => string>([
    [() => `SKU-${rng.digits(5)}-${rng.pick(['S', 'M', 'L', 'XL', 'BLK', 'WHT', 'NAT'])}`, 3],
    [() => `ART-${rng.digits(5)}`, 2],
    [() => `${rng.pick(['TX', 'HM', 'KB', 'LP', 'MD', 'WN'])}-${rng.digits(4)}-${rng.pick(['38', '40', '42', 'M', 'L'])}`, 2],
    [() => `${rng.pick(['HOM', 'TEX', 'KIT', 'LUX', 'DEC', 'OUT'])}${rng.digits(4)}`, 1],
  ])();
}

const GS1_PREFIX: Record<Lang, readonly string[]> = {
  en: ['50', '00', '01', '03'], de: ['40', '41', '42', '43'], fr: ['30', '34', '37'],
  es: ['84'], it: ['80', '81', '83'], nl: ['87'],
};

export function ean(rng: Rng, lang: Lang): string {
  const prefix = rng.pick(GS1_PREFIX[lang]);
  const payload = prefix + rng.digits(12 - prefix.length);
  return payload + String(eanCheckDigit(payload));
}

export function invoiceNumber(rng: Rng, lang: Lang): string {
  const y = rng.int(2024, 2026);
  switch (lang) {
    case 'de': return `RE-${y}-${rng.digits(5)}`;
    case 'fr': return `FA-${y}-${rng.digits(5)}`;
    case 'es': return `F${y}/${rng.digits(5)}`;
    case 'it': return `FT ${y}/${rng.digits(4)}`;
    case 'nl': return `F-${y}-${rng.digits(4)}`;
    default: return `INV-${rng.digits(6)}`;
  }
}

export function price(rng: Rng, lang: Lang, country: Country, max = 200000): string {
  const cents = rng.chance(0.6) ? rng.int(3, Math.min(400, max / 100)) * 100 - rng.pick([1, 5, 10, 0]) : rng.int(199, max);
  return formatPrice(rng, lang, country, Math.max(cents, 99));
}

export function recentDate(rng: Rng, lang: Lang, country: Country): string {
  return formatDate(rng, lang, country, randomDate(rng, 2024, 2026));
}

export function clock(rng: Rng, lang: Lang, country: Country): string {
  const h = rng.int(7, 21);
  const m = String(rng.int(0, 59)).padStart(2, '0');
  if (lang === 'en' && country === 'US') return `${h > 12 ? h - 12 : h}:${m} ${h >= 12 ? 'PM' : 'AM'}`;
  return lang === 'fr' && rng.chance(0.4) ? `${h}h${m}` : `${String(h).padStart(2, '0')}:${m}`;
}

export function version(rng: Rng): string {
  return `${rng.chance(0.5) ? 'v' : ''}${rng.int(1, 12)}.${rng.int(0, 24)}.${rng.int(0, 30)}`;
}

/** A size as written on a product page: two or three dimensions, or a volume. */
export function measurement(rng: Rng, lang: Lang): string {
  const x = lang === 'en' ? 'x' : rng.pick(['x', '×']);
  return rng.weighted<() => string>([
    [() => `${rng.int(4, 24) * 10} ${x} ${rng.int(4, 20) * 10} cm`, 3],
    [() => `${rng.int(2, 9) * 10} ${x} ${rng.int(2, 9) * 10} ${x} ${rng.int(1, 9) * 10} cm`, 2],
    [() => `${rng.pick([250, 500, 750, 1000])} ml`, 1],
  ])();
}

export function weight(rng: Rng, lang: Lang): string {
  return rng.chance(0.8) ? `${formatDecimal(lang, rng.int(2, 250) / 10, 1)} kg` : `${rng.int(2, 9) * 50} g`;
}

export function percent(rng: Rng, lang: Lang): string {
  const value = rng.chance(0.7) ? String(rng.pick([5, 7, 10, 15, 19, 20, 21, 22, 25, 30])) : formatDecimal(lang, rng.int(5, 300) / 10, 1);
  return lang === 'en' || rng.chance(0.3) ? `${value}%` : `${value} %`;
}

export function uuid(rng: Rng): string {
  const h = (n: number): string => rng.chars(HEX, n);
  return `${h(8)}-${h(4)}-4${h(3)}-${rng.pick(['8', '9', 'a', 'b'])}${h(3)}-${h(12)}`;
}

export function commitHash(rng: Rng, short: boolean): string {
  return rng.chars(HEX, short ? 7 : 40);
}

const PRODUCTS: Record<Lang, readonly string[]> = {
  en: ['Victoria sofa', 'Oscar armchair', 'Lola dress', 'Marie biscuits', 'Henry desk lamp', 'Ella linen shirt', 'Arthur bookcase', 'Daisy mug set'],
  de: ['Sofa Victoria', 'Sessel Oskar', 'Kleid Lola', 'Marie-Kekse', 'Stehleuchte Greta', 'Regal Henrik', 'Tasse Emma', 'Bluse Frieda'],
  fr: ['canapé Victoria', 'fauteuil Oscar', 'robe Lola', 'biscuits Marie', 'lampe Louise', 'table Gaston', 'bol Jeanne', 'sac Camille'],
  es: ['sofá Victoria', 'sillón Óscar', 'vestido Lola', 'galletas María', 'lámpara Carmen', 'mesa Julia', 'taza Lucía', 'bolso Elena'],
  it: ['divano Victoria', 'poltrona Oscar', 'abito Lola', 'biscotti Maria', 'lampada Giulia', 'tavolo Bruno', 'tazza Chiara', 'borsa Sofia'],
  nl: ['bank Victoria', 'fauteuil Oscar', 'jurk Lola', 'Mariakaakjes', 'lamp Femke', 'tafel Daan', 'mok Sanne', 'tas Lotte'],
};

export function productName(rng: Rng, lang: Lang): string {
  return rng.pick(PRODUCTS[lang]);
}

export function quantity(rng: Rng): string {
  return String(rng.weighted<number>([[1, 5], [2, 3], [3, 2], [4, 1], [6, 1], [10, 1], [12, 1], [24, 1]]));
}
