/**
 * The text that replaces a finding. Placeholders are plain ASCII in square brackets, so they survive JSON
 * escaping, tokenisers and markdown, and a model can copy them. Pseudonyms are HMAC-derived from the tenant's
 * key, the type and the exact value: the same e-mail gets the same `[EMAIL_…]` in every turn of a
 * conversation without anything being stored, differs between tenants, and restores to exactly what was sent.
 * Hashes are one-way, so they are taken over a canonical spelling instead: `John@X.com` and `john@x.com` hash
 * alike, which is what reporting and joins on hashed values need.
 */
import { createHmac, type KeyObject } from 'node:crypto';
import type { EntityType } from '../entities.ts';

/** Longest placeholder the restorer has to hold back while streaming: `[` + type + `_` + 16 hex + `]`. */
export const PSEUDONYM_PATTERN = /\[[A-Z_]+_[0-9a-f]{8,16}\]/g;

const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

const DIGIT_TYPES = new Set<EntityType>(['PHONE', 'CARD_NUMBER', 'IBAN', 'US_SSN', 'NL_BSN', 'DE_TAX_ID', 'FR_NIR', 'VAT_ID']);

/** One spelling per value: `John@X.com` and `john@x.com`, `+49 30 1234` and `+49301234` share a pseudonym. */
export function canonicalValue(type: EntityType, value: string): string {
  const folded = value.normalize('NFKC').replace(INVISIBLE, '');
  if (DIGIT_TYPES.has(type)) return folded.replace(/[^0-9A-Za-z+]/g, '').toUpperCase();
  return folded.toLowerCase().replace(/\s+/g, ' ').trim();
}

function hmacHex(key: KeyObject, type: EntityType, value: string): string {
  return createHmac('sha256', key).update(type).update('\0').update(value).digest('hex');
}

export function redactPlaceholder(type: EntityType): string {
  return `[${type}]`;
}

export function hashPlaceholder(key: KeyObject, type: EntityType, value: string): string {
  return `[${type}#${hmacHex(key, type, canonicalValue(type, value)).slice(0, 16)}]`;
}

/** `hexLength` grows only when two values of one request would otherwise share a pseudonym. */
export function pseudonymPlaceholder(key: KeyObject, type: EntityType, value: string, hexLength = 8): string {
  return `[${type}_${hmacHex(key, type, value).slice(0, hexLength)}]`;
}

/** Keeps the last four letters or digits and the separators, so `4111 1111 1111 1234` → `**** **** **** 1234`. */
export function maskValue(value: string): string {
  let keep = 4;
  const out = value.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (!/[\p{L}\p{N}]/u.test(out[i] as string)) continue;
    if (keep > 0) keep--;
    else out[i] = '*';
  }
  const alnum = value.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return alnum <= 4 ? value.replace(/[\p{L}\p{N}]/gu, '*') : out.join('');
}
