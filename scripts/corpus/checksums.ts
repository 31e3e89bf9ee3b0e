/**
 * Check-digit arithmetic for the identifiers the corpus plants. A detector that validates checksums must see
 * valid values in labeled texts, so every generator computes the real check digit instead of drawing it at
 * random; the benign side uses the same functions to make sure a look-alike is *not* accidentally valid.
 */

/** Luhn check digit to append to `payload` (digits only). */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isLuhnValid(digits: string): boolean {
  return digits.length > 1 && luhnCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

/** Remainder of a (possibly very long) decimal string modulo `m`. */
export function mod(decimal: string, m: number): number {
  let rest = 0;
  for (const ch of decimal) rest = (rest * 10 + Number(ch)) % m;
  return rest;
}

/** Letters become 10..35 as ISO 13616 and ISO 7064 MOD 97-10 require. */
export function lettersToDigits(text: string): string {
  let out = '';
  for (const ch of text) out += /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
  return out;
}

/** Builds a complete IBAN from a country code and its BBAN. */
export function ibanFromBban(country: string, bban: string): string {
  const check = 98 - mod(lettersToDigits(`${bban}${country}00`), 97);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

/** ISO 7064 MOD 11,10 check digit (German Steuer-ID and VAT number). */
export function mod11_10(payload: string): number {
  let product = 10;
  for (const ch of payload) {
    let sum = (Number(ch) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

/** GS1 check digit for EAN-13 / GTIN (`payload` has 12 digits). */
export function eanCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) sum += Number(payload[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** Weighted digit sum, e.g. for the Dutch 11-test. */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * (weights[i] as number);
  return sum;
}

const ES_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Control letter of a Spanish DNI/NIE number. */
export function esControlLetter(number: number): string {
  return ES_LETTERS[number % 23] as string;
}

const IT_ODD: Record<string, number> = {};
{
  // Odd-position values of the Italian codice fiscale check character (digits share the letters' values).
  const odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
  for (let i = 0; i < 26; i++) {
    IT_ODD[String.fromCharCode(65 + i)] = odd[i] as number;
    if (i < 10) IT_ODD[String(i)] = odd[i] as number;
  }
}

/** Check character of the first 15 characters of an Italian codice fiscale. */
export function itFiscalCheck(first15: string): string {
  let sum = 0;
  for (let i = 0; i < first15.length; i++) {
    const ch = first15[i] as string;
    // Positions are 1-based in the specification: odd positions use the table, even ones the plain value.
    if (i % 2 === 0) sum += IT_ODD[ch] as number;
    else sum += /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26));
}
