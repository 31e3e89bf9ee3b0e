/**
 * Bank and tax identifiers: IBANs with valid ISO 7064 checksums (and the national check digits that France,
 * Spain and Belgium add inside the BBAN), the matching BIC of a real bank, and EU VAT numbers with their
 * national check digits. Every IBAN is re-validated with ibantools so a generator bug fails loudly here
 * instead of silently lowering a detector's recall.
 */
import { isValidIBAN } from 'ibantools';
import { ibanFromBban, luhnCheckDigit, mod, mod11_10, weightedSum } from './checksums.ts';
import type { Rng } from './rng.ts';
import { DIGITS } from './rng.ts';
import type { Country } from './types.ts';

export type IbanCountry = 'DE' | 'FR' | 'ES' | 'IT' | 'NL' | 'GB' | 'BE' | 'AT';

/** [bank code used inside the BBAN, BIC of that bank] */
const BANKS: Record<IbanCountry, readonly (readonly [string, string])[]> = {
  DE: [['37040044', 'COBADEFFXXX'], ['10010010', 'PBNKDEFFXXX'], ['50010517', 'INGDDEFFXXX'], ['10070000', 'DEUTDEBBXXX'],
    ['43060967', 'GENODEM1GLS'], ['20050550', 'HASPDEHHXXX'], ['70150000', 'SSKMDEMMXXX']],
  AT: [['12000', 'BKAUATWW'], ['20111', 'GIBAATWWXXX'], ['32000', 'RLNWATWW'], ['14000', 'BAWAATWW']],
  GB: [['NWBK', 'NWBKGB2L'], ['BARC', 'BARCGB22'], ['HBUK', 'HBUKGB4B'], ['LOYD', 'LOYDGB2L'], ['MIDL', 'MIDLGB22']],
  FR: [['30004', 'BNPAFRPPXXX'], ['30003', 'SOGEFRPP'], ['20041', 'PSSTFRPPPAR'], ['10278', 'CMCIFR2A'], ['30002', 'CRLYFRPP']],
  BE: [['001', 'GEBABEBB'], ['310', 'BBRUBEBB'], ['734', 'KREDBEBB'], ['068', 'GKCCBEBB']],
  ES: [['2100', 'CAIXESBBXXX'], ['0049', 'BSCHESMMXXX'], ['0182', 'BBVAESMMXXX'], ['0081', 'BSABESBBXXX'], ['2085', 'CAZRES2Z']],
  IT: [['03069', 'BCITITMM'], ['02008', 'UNCRITMM'], ['05034', 'BAPPIT21'], ['01030', 'PASCITMM']],
  NL: [['INGB', 'INGBNL2A'], ['ABNA', 'ABNANL2A'], ['RABO', 'RABONL2U'], ['TRIO', 'TRIONL2U'], ['SNSB', 'SNSBNL2A'], ['KNAB', 'KNABNL2H']],
};

export interface BankAccount {
  iban: string;
  bic: string;
}

export function ibanCountryFor(country: Country): IbanCountry {
  return country === 'US' ? 'GB' : country;
}

const ES_WEIGHTS = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];

function esDigit(ten: string): string {
  const d = 11 - (weightedSum(ten, ES_WEIGHTS) % 11);
  return String(d === 11 ? 0 : d === 10 ? 1 : d);
}

function frRibKey(bank: string, branch: string, account: string): string {
  const rest = (89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account)) % 97n;
  return String(97n - rest).padStart(2, '0');
}

function bban(rng: Rng, country: IbanCountry, bank: string): string {
  switch (country) {
    case 'DE': return bank + rng.digits(10);
    case 'AT': return bank + rng.digits(11);
    case 'GB': return bank + rng.digits(6) + rng.digits(8);
    case 'NL': return bank + '0' + rng.digits(9);
    case 'IT': return rng.chars('ABCDEFGHIJKLMNOPRSTUVWXYZ', 1) + bank + rng.digits(5) + rng.digits(12);
    case 'BE': {
      const ten = bank + rng.digits(7);
      const check = mod(ten, 97) || 97;
      return ten + String(check).padStart(2, '0');
    }
    case 'ES': {
      const branch = rng.digits(4);
      const account = rng.digits(10);
      return bank + branch + esDigit(`00${bank}${branch}`) + esDigit(account) + account;
    }
    case 'FR': {
      const branch = rng.digits(5);
      const account = rng.digits(11);
      return bank + branch + account + frRibKey(bank, branch, account);
    }
  }
}

export function bankAccount(rng: Rng, country: IbanCountry): BankAccount {
  for (;;) {
    const [bank, bic] = rng.pick(BANKS[country]);
    const iban = ibanFromBban(country, bban(rng, country, bank));
    if (isValidIBAN(iban)) return { iban, bic };
  }
}

/** Groups of four separated by `sep` (the paper format), or the compact electronic format. */
export function formatIban(iban: string, sep: string | null): string {
  return sep === null ? iban : (iban.match(/.{1,4}/g) ?? []).join(sep);
}

function firstNonZero(rng: Rng, length: number): string {
  return String(rng.int(1, 9)) + rng.digits(length - 1);
}

/** A VAT identification number with its country prefix and a valid national check digit. */
export function vatId(rng: Rng, country: Country): string {
  switch (country) {
    case 'DE': {
      const body = firstNonZero(rng, 8);
      return `DE${body}${mod11_10(body)}`;
    }
    case 'AT': {
      const body = rng.digits(7);
      const sum = [...body].reduce((acc, ch, i) => {
        const v = Number(ch) * (i % 2 === 0 ? 1 : 2);
        return acc + (v > 9 ? Math.floor(v / 10) + (v % 10) : v);
      }, 0);
      return `ATU${body}${(10 - ((sum + 4) % 10)) % 10}`;
    }
    case 'NL':
      return `NL${nlElevenTest(rng)}B${String(rng.int(1, 19)).padStart(2, '0')}`;
    case 'IT': {
      const body = rng.digits(7) + String(rng.int(1, 100)).padStart(3, '0');
      return `IT${body}${luhnCheckDigit(body)}`;
    }
    case 'ES': {
      const letter = rng.pick(['A', 'B', 'B', 'B']);
      const body = rng.digits(7);
      let sum = 0;
      for (let i = 0; i < 7; i++) {
        const d = Number(body[i]);
        if (i % 2 === 1) sum += d;
        else sum += Math.floor((d * 2) / 10) + ((d * 2) % 10);
      }
      return `ES${letter}${body}${(10 - (sum % 10)) % 10}`;
    }
    case 'FR': {
      const sirenBody = firstNonZero(rng, 8);
      const siren = sirenBody + luhnCheckDigit(sirenBody);
      const key = (12 + 3 * (Number(siren) % 97)) % 97;
      return `FR${String(key).padStart(2, '0')}${siren}`;
    }
    case 'BE': {
      const eight = '0' + firstNonZero(rng, 7);
      return `BE${eight}${String(97 - (Number(eight) % 97)).padStart(2, '0')}`;
    }
    case 'GB':
    case 'US': {
      const seven = firstNonZero(rng, 7);
      const check = (97 - (weightedSum(seven, [8, 7, 6, 5, 4, 3, 2]) % 97)) % 97;
      return `GB${seven}${String(check).padStart(2, '0')}`;
    }
  }
}

/** Nine digits passing the Dutch 11-test with weights 9..2 on the first eight (old VAT / bank style). */
function nlElevenTest(rng: Rng): string {
  for (;;) {
    const eight = rng.chars(DIGITS, 8);
    const check = weightedSum(eight, [9, 8, 7, 6, 5, 4, 3, 2]) % 11;
    if (check < 10 && eight[0] !== '0') return eight + String(check);
  }
}

/** How a VAT number is written: compact, or with the spaces some invoices add. */
export function formatVat(rng: Rng, vat: string): string {
  if (!rng.chance(0.25)) return vat;
  if (vat.startsWith('GB')) return `GB ${vat.slice(2, 5)} ${vat.slice(5, 9)} ${vat.slice(9)}`;
  if (vat.startsWith('DE')) return `DE ${vat.slice(2, 5)} ${vat.slice(5, 8)} ${vat.slice(8)}`;
  return `${vat.slice(0, 2)} ${vat.slice(2)}`;
}
