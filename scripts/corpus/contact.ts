/**
 * Contact and payment values: e-mail addresses derived from the person's name, phone numbers in each
 * country's numbering plan (validated with libphonenumber's full metadata so "valid" means what a real
 * validator thinks), Luhn-valid card numbers with real network prefixes, IP addresses and dates of birth.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { luhnCheckDigit } from './checksums.ts';
import { formatDate, randomDate } from './locales.ts';
import type { Rng } from './rng.ts';
import { HEX } from './rng.ts';
import type { Country, Ctx, PersonName } from './types.ts';

const MAIL_DOMAINS: Record<Country, readonly string[]> = {
  DE: ['gmx.de', 'web.de', 't-online.de', 'gmail.com', 'posteo.de', 'outlook.de', 'mailbox.org'],
  AT: ['gmx.at', 'aon.at', 'chello.at', 'gmail.com'],
  GB: ['gmail.com', 'outlook.com', 'btinternet.com', 'yahoo.co.uk', 'hotmail.co.uk', 'sky.com'],
  US: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'hotmail.com', 'comcast.net'],
  FR: ['orange.fr', 'free.fr', 'laposte.net', 'gmail.com', 'sfr.fr', 'wanadoo.fr'],
  BE: ['skynet.be', 'telenet.be', 'proximus.be', 'gmail.com'],
  ES: ['gmail.com', 'hotmail.es', 'yahoo.es', 'telefonica.net', 'outlook.es'],
  IT: ['libero.it', 'gmail.com', 'virgilio.it', 'alice.it', 'tiscali.it'],
  NL: ['ziggo.nl', 'kpnmail.nl', 'gmail.com', 'hotmail.nl', 'xs4all.nl', 'planet.nl'],
};

/** Lower-case ASCII the way mail providers force it ("Müller" becomes "muller" or "mueller"). */
export function asciiSlug(text: string, germanic = false): string {
  const base = germanic ? text.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss') : text;
  return base.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export function personalEmail(rng: Rng, country: Country, person: PersonName): string {
  const germanic = country === 'DE' || country === 'AT';
  const f = asciiSlug(person.first, germanic);
  const l = asciiSlug(person.last, germanic);
  const local = rng.pick([`${f}.${l}`, `${f[0] ?? 'x'}.${l}`, `${f}${l}${rng.int(1, 99)}`, `${f}_${l}`, `${l}.${f}`, `${f}.${l}${rng.int(70, 99)}`]);
  return `${local}@${rng.pick(MAIL_DOMAINS[country])}`;
}

const TLD: Record<Country, string> = { DE: 'de', AT: 'at', GB: 'co.uk', US: 'com', FR: 'fr', BE: 'be', ES: 'es', IT: 'it', NL: 'nl' };

/** A mailbox at a company or shop domain, personal or a role account. */
export function workEmail(rng: Rng, country: Country, org: string, person?: PersonName): string {
  const domain = `${asciiSlug(org.split(' ').slice(0, 2).join('-')).slice(0, 18)}.${TLD[country]}`;
  if (!person) return `${rng.pick(['service', 'info', 'orders', 'support', 'billing', 'kontakt', 'hello'])}@${domain}`;
  return `${asciiSlug(person.first)}.${asciiSlug(person.last)}@${domain}`;
}

/** [leading digits of the national significant number, how many digits follow] */
const PHONE_PLANS: Record<Country, readonly (readonly [string, number])[]> = {
  DE: [['151', 8], ['152', 8], ['157', 8], ['160', 7], ['170', 7], ['171', 7], ['176', 8], ['30', 8], ['40', 8], ['89', 7], ['221', 7], ['69', 8], ['711', 7]],
  AT: [['664', 7], ['660', 7], ['676', 7], ['699', 8], ['1', 7], ['316', 6], ['732', 6]],
  GB: [['7', 9], ['20', 8], ['161', 7], ['121', 7], ['113', 7], ['117', 7], ['131', 7], ['141', 7]],
  US: [['212', 7], ['415', 7], ['646', 7], ['312', 7], ['617', 7], ['206', 7], ['512', 7], ['303', 7]],
  FR: [['6', 8], ['7', 8], ['1', 8], ['2', 8], ['3', 8], ['4', 8], ['5', 8]],
  BE: [['47', 7], ['48', 7], ['49', 7], ['2', 7], ['3', 7], ['9', 7], ['4', 7]],
  ES: [['6', 8], ['7', 8], ['91', 7], ['93', 7], ['96', 7], ['95', 7]],
  IT: [['32', 8], ['33', 8], ['34', 8], ['39', 8], ['06', 8], ['02', 8], ['011', 7], ['081', 7]],
  NL: [['6', 8], ['20', 7], ['10', 7], ['30', 7], ['70', 7], ['40', 7]],
};

const CALLING: Record<Country, string> = { DE: '49', AT: '43', GB: '44', US: '1', FR: '33', BE: '32', ES: '34', IT: '39', NL: '31' };

/** A valid phone number written in one of the ways people in that country write it. */
export function phoneNumber(rng: Rng, country: Country): string {
  for (;;) {
    const [prefix, rest] = rng.pick(PHONE_PLANS[country]);
    const nsn = prefix + String(rng.int(2, 9)) + rng.digits(rest - 1);
    const parsed = parsePhoneNumberFromString(`+${CALLING[country]}${nsn}`, country);
    if (!parsed?.isValid()) continue;
    const intl = parsed.formatInternational();
    const national = parsed.formatNational();
    const style = rng.int(0, 9);
    if (style <= 2) return intl;
    if (style <= 5) return national;
    if (style === 6) return parsed.number;
    return localVariant(rng, country, national, intl);
  }
}

function localVariant(rng: Rng, country: Country, national: string, intl: string): string {
  const compact = national.replace(/\D/g, '');
  switch (country) {
    case 'DE':
      return rng.pick([national.replace(' ', '/'), national.replace(' ', '-'), intl.replace(/^\+49 /, '+49 (0)'), intl.replace('+', '00')]);
    case 'NL':
      return national.replace(' ', '-').replace(/ /g, '');
    case 'FR':
      return national.replace(/ /g, '.');
    case 'US':
      return rng.chance(0.5) ? `${compact.slice(0, 3)}-${compact.slice(3, 6)}-${compact.slice(6)}` : `${compact.slice(0, 3)}.${compact.slice(3, 6)}.${compact.slice(6)}`;
    case 'ES':
      return `${compact.slice(0, 3)} ${compact.slice(3, 6)} ${compact.slice(6)}`;
    default:
      return intl.replace('+', '00');
  }
}

/** [prefixes, total length, grouping] of the card networks customers actually paste. */
const NETWORKS: readonly (readonly [readonly string[], number, readonly number[], number])[] = [
  [['4'], 16, [4, 4, 4, 4], 40],
  [['51', '52', '53', '54', '55', '2221', '2300', '2500', '2720'], 16, [4, 4, 4, 4], 30],
  [['34', '37'], 15, [4, 6, 5], 10],
  [['6011', '65', '644'], 16, [4, 4, 4, 4], 5],
  [['3528', '3566', '3589'], 16, [4, 4, 4, 4], 4],
  [['36'], 14, [4, 6, 4], 3],
  [['6759', '5018'], 16, [4, 4, 4, 4], 3],
  [['62'], 16, [4, 4, 4, 4], 3],
];

export function cardNumber(rng: Rng): { digits: string; groups: readonly number[] } {
  const [prefixes, length, groups] = rng.weighted(NETWORKS.map((n) => [n, n[3]] as const));
  const prefix = rng.pick(prefixes);
  const payload = prefix + rng.digits(length - 1 - prefix.length);
  return { digits: payload + String(luhnCheckDigit(payload)), groups };
}

export function groupDigits(digits: string, groups: readonly number[], sep: string): string {
  const out: string[] = [];
  let at = 0;
  for (const size of groups) {
    out.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) out.push(digits.slice(at));
  return out.filter((g) => g.length > 0).join(sep);
}

export function formatCard(rng: Rng): string {
  const { digits, groups } = cardNumber(rng);
  return rng.weighted<string>([[groupDigits(digits, groups, ' '), 6], [digits, 3], [groupDigits(digits, groups, '-'), 1]]);
}

const V4_FIRST = [31, 37, 46, 62, 77, 78, 79, 80, 84, 87, 91, 93, 95, 109, 176, 178, 185, 188, 193, 212, 213, 217];

export function ipv4(rng: Rng): string {
  if (rng.chance(0.15)) return rng.pick([`10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`, `192.168.${rng.int(0, 20)}.${rng.int(2, 254)}`]);
  return `${rng.pick(V4_FIRST)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

export function ipv6(rng: Rng): string {
  const prefix = rng.pick([['2a02', '810d'], ['2003', 'e2'], ['2a01', 'c22'], ['2001', 'db8'], ['2a00', '1450'], ['2a02', '8108']]);
  const groups = [...prefix];
  while (groups.length < 8) groups.push(rng.chance(0.25) ? '0' : rng.chars(HEX, rng.int(1, 4)).replace(/^0+(?=.)/, ''));
  const style = rng.int(0, 2);
  if (style === 0) return groups.map((g) => g.padStart(4, '0')).join(':');
  if (style === 1) return groups.join(':');
  // Compressed: drop a run of middle groups the way `ip -6 addr` prints it.
  const cut = rng.int(3, 5);
  return `${groups.slice(0, cut).join(':')}::${groups.slice(cut + 2).join(':')}`;
}

export function dateOfBirth(ctx: Ctx): string {
  return formatDate(ctx.rng, ctx.lang, ctx.country, randomDate(ctx.rng, 1942, 2005));
}
