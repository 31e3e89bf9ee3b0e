/**
 * Shared shapes of the detection corpus: the JSONL record, the gold entity, and the "piece" a slot generator
 * returns. A piece is either plain text or a marked value; the template filler concatenates pieces and turns
 * every marked one into a gold span, so offsets are computed in exactly one place and cannot drift.
 */
import type { Faker } from '@faker-js/faker';
import type { Rng } from './rng.ts';

export const LANGS = ['en', 'de', 'fr', 'es', 'it', 'nl'] as const;
export type Lang = (typeof LANGS)[number];
export type Country = 'GB' | 'US' | 'DE' | 'AT' | 'FR' | 'BE' | 'ES' | 'IT' | 'NL';

export type GoldType =
  | 'EMAIL' | 'PHONE' | 'CARD_NUMBER' | 'IBAN' | 'BIC' | 'IP_ADDRESS' | 'VAT_ID' | 'DATE_OF_BIRTH' | 'PERSON'
  | 'ADDRESS' | 'US_SSN' | 'UK_NINO' | 'DE_TAX_ID' | 'FR_NIR' | 'ES_DNI' | 'ES_NIE' | 'IT_FISCAL_CODE' | 'NL_BSN'
  | 'API_KEY' | 'ACCESS_TOKEN' | 'PRIVATE_KEY' | 'JWT' | 'PASSWORD' | 'BUSINESS_TERM' | 'BUSINESS_PATTERN'
  | 'BUSINESS_FIELD';

export type Evasion = 'separators' | 'linebreak' | 'fullwidth' | 'zero-width' | 'homoglyph';

export interface GoldEntity {
  type: GoldType;
  start: number;
  end: number;
  /** A person name built from syllables, absent from faker's name dictionaries. */
  oov?: true;
  /** How the value was disguised, when it was. */
  evasion?: Evasion;
}

export interface CorpusRecord {
  id: string;
  lang: Lang;
  kind: string;
  benign: boolean;
  text: string;
  entities: GoldEntity[];
}

export interface Marked {
  text: string;
  type: GoldType;
  oov?: true;
  evasion?: Evasion;
}

export type Piece = string | Marked;

export interface PersonName {
  first: string;
  last: string;
  oov: boolean;
  female: boolean;
}

/** Everything a slot generator may use while one text is being written. */
export interface Ctx {
  rng: Rng;
  faker: Faker;
  lang: Lang;
  country: Country;
  /** Set when this text should carry one disguised value; the first slot that can be disguised consumes it. */
  evade: boolean;
  /** Per-text memory so that e.g. the e-mail address matches the customer's name. */
  memo: Map<string, unknown>;
}

export function mark(type: GoldType, text: string, extra: Partial<Pick<Marked, 'oov' | 'evasion'>> = {}): Marked {
  return { text, type, ...extra };
}
