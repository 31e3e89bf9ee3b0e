/**
 * National identifiers with the check digits their issuers define: US SSN (issuance rules), UK National
 * Insurance number (prefix rules), German Steuer-ID (digit-repetition rule and ISO 7064), French NIR (mod 97
 * key), Spanish DNI/NIE (control letter), Italian codice fiscale (derived from name, birth date and town, with
 * its check character) and Dutch BSN (11-test). Each is written in the forms people actually type.
 */
import { esControlLetter, itFiscalCheck, mod, mod11_10, weightedSum } from './checksums.ts';
import type { Rng } from './rng.ts';
import type { PersonName } from './types.ts';

export function usSsn(rng: Rng): string {
  let area = rng.int(1, 899);
  if (area === 666) area = 667;
  const a = String(area).padStart(3, '0');
  const g = String(rng.int(1, 99)).padStart(2, '0');
  const s = String(rng.int(1, 9999)).padStart(4, '0');
  return rng.weighted<string>([[`${a}-${g}-${s}`, 7], [`${a} ${g} ${s}`, 2], [`${a}${g}${s}`, 1]]);
}

const NINO_FIRST = 'ABCEGHJKLMNOPRSTWXYZ';
const NINO_SECOND = 'ABCEGHJKLMNPRSTWXYZ';
const NINO_BANNED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export function ukNino(rng: Rng): string {
  let prefix = '';
  do prefix = rng.chars(NINO_FIRST, 1) + rng.chars(NINO_SECOND, 1);
  while (NINO_BANNED.has(prefix));
  const digits = rng.digits(6);
  const suffix = rng.pick(['A', 'B', 'C', 'D']);
  return rng.chance(0.6)
    ? `${prefix} ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)} ${suffix}`
    : `${prefix}${digits}${suffix}`;
}

/** Ten digits where exactly one digit appears twice and one is missing, first digit non-zero, plus check. */
export function deTaxId(rng: Rng): string {
  for (;;) {
    const digits = rng.shuffle([...'0123456789']);
    const dupFrom = rng.int(0, 9);
    let dupTo = rng.int(0, 9);
    if (dupTo === dupFrom) dupTo = (dupTo + 1) % 10;
    digits[dupTo] = digits[dupFrom] as string;
    const ten = digits.join('');
    if (ten[0] === '0') continue;
    const id = ten + String(mod11_10(ten));
    return rng.chance(0.5) ? `${id.slice(0, 2)} ${id.slice(2, 5)} ${id.slice(5, 8)} ${id.slice(8)}` : id;
  }
}

export function frNir(rng: Rng, female: boolean): string {
  const sex = female ? '2' : '1';
  const yy = String(rng.int(40, 99)).padStart(2, '0');
  const mm = String(rng.int(1, 12)).padStart(2, '0');
  let dept = rng.int(1, 95);
  if (dept === 20) dept = 21;
  const dd = String(dept).padStart(2, '0');
  const commune = String(rng.int(1, 899)).padStart(3, '0');
  const order = String(rng.int(1, 999)).padStart(3, '0');
  const body = sex + yy + mm + dd + commune + order;
  const key = String(97 - mod(body, 97)).padStart(2, '0');
  return rng.chance(0.6)
    ? `${sex} ${yy} ${mm} ${dd} ${commune} ${order} ${key}`
    : `${body}${key}`;
}

export function esDni(rng: Rng): string {
  const n = rng.int(1000000, 99999999);
  const digits = String(n).padStart(8, '0');
  return rng.chance(0.8) ? `${digits}${esControlLetter(n)}` : `${digits}-${esControlLetter(n)}`;
}

export function esNie(rng: Rng): string {
  const lead = rng.int(0, 2);
  const seven = rng.digits(7);
  const letter = esControlLetter(Number(`${lead}${seven}`));
  const prefix = 'XYZ'[lead] as string;
  return rng.chance(0.75) ? `${prefix}${seven}${letter}` : `${prefix}-${seven}-${letter}`;
}

export function nlBsn(rng: Rng): string {
  for (;;) {
    const eight = String(rng.int(1, 9)) + rng.digits(7);
    const check = weightedSum(eight, [9, 8, 7, 6, 5, 4, 3, 2]) % 11;
    if (check === 10) continue;
    const bsn = eight + String(check);
    return rng.chance(0.3) ? `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}` : bsn;
  }
}

const IT_MONTHS = 'ABCDEHLMPRST';
const IT_TOWNS = ['H501', 'F205', 'L219', 'F839', 'A944', 'D612', 'D969', 'L781', 'G224', 'A662', 'G273', 'C351'];

function lettersOf(text: string): { consonants: string; vowels: string } {
  const clean = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[^A-Z]/g, '');
  return { consonants: clean.replace(/[AEIOU]/g, ''), vowels: clean.replace(/[^AEIOU]/g, '') };
}

function surnameCode(last: string): string {
  const { consonants, vowels } = lettersOf(last);
  return (consonants + vowels + 'XXX').slice(0, 3);
}

function givenNameCode(first: string): string {
  const { consonants, vowels } = lettersOf(first);
  if (consonants.length >= 4) return `${consonants[0]}${consonants[2]}${consonants[3]}`;
  return (consonants + vowels + 'XXX').slice(0, 3);
}

/** The codice fiscale of `person`, born on a random day in a real comune. */
export function itFiscalCode(rng: Rng, person: PersonName): string {
  const yy = String(rng.int(40, 99)).padStart(2, '0');
  const month = IT_MONTHS[rng.int(0, 11)] as string;
  const day = String(rng.int(1, 28) + (person.female ? 40 : 0)).padStart(2, '0');
  const first15 = surnameCode(person.last) + givenNameCode(person.first) + yy + month + day + rng.pick(IT_TOWNS);
  return first15 + itFiscalCheck(first15);
}
