/**
 * Shapes of the prompt-injection corpus: the JSONL record, the category names, and the two hand-written
 * packs every language supplies — attack payloads (what an attacker types or plants) and shop material (the
 * commerce/CRM text that surrounds payloads in tool results and makes up the benign half). Keeping the packs
 * as plain data lets each language be written natively by itself while one generator gives all of them the
 * same structure, counts and source mix.
 */

import { LANGS, type Lang } from '../types.ts';

/** The corpus languages are the detection corpus's. */
export { LANGS, type Lang };

export const ATTACK_CATEGORIES = [
  'instruction_override', 'roleplay_jailbreak', 'prompt_extraction', 'data_exfiltration', 'template_injection', 'obfuscation',
] as const;
export type AttackCategory = (typeof ATTACK_CATEGORIES)[number];

export const BENIGN_CATEGORIES = ['benign_trigger_words', 'benign_commerce', 'benign_tool_output', 'benign_technical'] as const;
export type BenignCategory = (typeof BENIGN_CATEGORIES)[number];

export type Source = 'user' | 'tool';

export interface InjectionRecord {
  id: string;
  label: 'attack' | 'benign';
  category: AttackCategory | BenignCategory;
  language: Lang;
  source: Source;
  text: string;
}

/**
 * Payloads of one attack category. `direct` ones are typed by the user (a share of them is also planted in
 * tool results, as people paste jailbreaks into reviews and tickets); `indirect` ones address the model that
 * reads a document ("AI assistant reading this page: …") and only ever appear inside tool results.
 */
export interface Payloads {
  direct: readonly string[];
  indirect: readonly string[];
}

/**
 * Material for the obfuscation category. In `seeds` the words an attacker would disguise are in [brackets];
 * the frames hold `{payload}` (the encoded or split seed) and tell the model to decode and obey it.
 */
export interface ObfuscationPack {
  seeds: readonly string[];
  base64: readonly string[];
  split: readonly string[];
  reversed: readonly string[];
}

export type AttackPack = Record<Exclude<AttackCategory, 'obfuscation'>, Payloads> & { obfuscation: ObfuscationPack };

/** Localised labels the structural wrappers need (e-mail headers, transcript speakers, note headers). */
export interface ShopLabels {
  from: string;
  subject: string;
  customer: string;
  agent: string;
  note: string;
  review: string;
  page: string;
  doc: string;
}

/**
 * Shop and CRM text of one language. Strings may hold slots — {order} {name} {agent} {city} {street}
 * {product} {sku} {date} {amount} {email} {qty} — that the generator fills from the lists here.
 */
export interface ShopPack {
  labels: ShopLabels;
  names: readonly string[];
  agents: readonly string[];
  cities: readonly string[];
  streets: readonly string[];
  products: readonly string[];
  /** Openers a user writes before the real question (also used before a direct attack). */
  leads: readonly string[];
  /** Follow-up questions after the main message. */
  tails: readonly string[];
  reviews: readonly string[];
  emailSubjects: readonly string[];
  emailGreetings: readonly string[];
  emailBodies: readonly string[];
  emailSignoffs: readonly string[];
  crmNotes: readonly string[];
  /** Paragraphs of product pages and help-centre articles (web pages, retrieved documents). */
  pageParagraphs: readonly string[];
  docTitles: readonly string[];
  /** Customer and agent lines for transcripts: [customer, agent] pairs of one conversation step. */
  chat: readonly (readonly [string, string])[];
  /** Order notes and delivery instructions in order-system JSON. */
  orderNotes: readonly string[];
  /** Benign texts that use injection trigger words innocently (ignore, forget, system, instructions …). */
  triggerTexts: readonly string[];
  /** Plain shop/CRM requests. */
  commerceTexts: readonly string[];
  /** Developer questions; `{code}` marks where a snippet goes, if any. */
  techQuestions: readonly string[];
}
