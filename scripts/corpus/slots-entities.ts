/**
 * Entity slots: the upper-case placeholders of the templates ({NAME}, {IBAN}, {DSN} …). Each returns pieces;
 * a marked piece becomes a gold span. Slots that real users disguise (e-mail, phone, card, IBAN) apply the
 * text's pending evasion, so at most one value per text is disguised and the share of evasions is controlled.
 */
import { bankAccount, formatIban, formatVat, ibanCountryFor, vatId } from './bank.ts';
import type { BankAccount } from './bank.ts';
import { businessPattern, businessTerm } from './business.ts';
import { dateOfBirth, formatCard, ipv4, ipv6, personalEmail, phoneNumber, workEmail } from './contact.ts';
import { disguiseEmail, disguiseNumber } from './evasions.ts';
import { deTaxId, esDni, esNie, frNir, itFiscalCode, nlBsn, ukNino, usSsn } from './national-ids.ts';
import { company, customer, newPerson } from './people.ts';
import { fullAddress, streetLine } from './places.ts';
import { accessToken, apiKey, jwt, password, privateKey } from './secrets.ts';
import type { ApiKeyKind, KeyKind, TokenKind } from './secrets.ts';
import { mark } from './types.ts';
import type { Ctx, GoldType, Marked, PersonName, Piece } from './types.ts';

export type Slot = (ctx: Ctx) => Piece[];

function personPiece(person: PersonName, text: string): Marked {
  return person.oov ? mark('PERSON', text, { oov: true }) : mark('PERSON', text);
}

function memoPerson(ctx: Ctx, key: string): PersonName {
  let person = ctx.memo.get(key) as PersonName | undefined;
  if (!person) {
    person = newPerson(ctx);
    ctx.memo.set(key, person);
  }
  return person;
}

/**
 * How eagerly each type takes the text's pending evasion. E-mails and phones come early in most templates and
 * would otherwise take nearly all of them; a pending evasion that nobody takes simply lapses.
 */
const EVADE_TAKE: Partial<Record<GoldType, number>> = { EMAIL: 0.4, PHONE: 0.5, IBAN: 0.8, CARD_NUMBER: 1 };

/** Marks `value`, disguising it when the text still owes an evasion and this value takes it. */
function evadable(ctx: Ctx, type: GoldType, value: string, email: boolean): Marked {
  if (!ctx.evade || !ctx.rng.chance(EVADE_TAKE[type] ?? 1)) return mark(type, value);
  ctx.evade = false;
  const disguised = email ? disguiseEmail(ctx.rng, value) : disguiseNumber(ctx.rng, value);
  return mark(type, disguised.text, { evasion: disguised.evasion });
}

function account(ctx: Ctx): BankAccount {
  let acct = ctx.memo.get('bank') as BankAccount | undefined;
  if (!acct) {
    acct = bankAccount(ctx.rng, ibanCountryFor(ctx.country));
    ctx.memo.set('bank', acct);
  }
  return acct;
}

/** The organisation this text is about (seller, supplier or B2B customer), stable within the text. */
export function org(ctx: Ctx, key = 'org'): string {
  let name = ctx.memo.get(key) as string | undefined;
  if (!name) {
    name = company(ctx.rng, ctx.lang, ctx.country);
    ctx.memo.set(key, name);
  }
  return name;
}

const NATID_LABELS: Record<string, readonly string[]> = {
  US_SSN: ['SSN: ', 'Social Security Number ', 'SSN ', 'social security no. '],
  UK_NINO: ['National Insurance number ', 'NI number: ', 'NINO ', 'NI no. '],
  DE_TAX_ID: ['Steuer-ID: ', 'steuerliche Identifikationsnummer ', 'Steuer-IdNr. ', 'Steueridentifikationsnummer: '],
  FR_NIR: ['numéro de sécurité sociale : ', 'NIR : ', 'n° de sécu ', 'numéro INSEE '],
  ES_DNI: ['DNI ', 'DNI: ', 'NIF: ', 'número de DNI '],
  ES_NIE: ['NIE ', 'NIE: ', 'número de identidad de extranjero (NIE) '],
  IT_FISCAL_CODE: ['codice fiscale ', 'C.F. ', 'CF: ', 'cod. fiscale '],
  NL_BSN: ['BSN ', 'BSN: ', 'burgerservicenummer ', 'BSN-nummer '],
};

/** A national identifier of the text's country: its gold type and value. */
export function nationalIdValue(ctx: Ctx): [GoldType, string] {
  const { rng } = ctx;
  // The ID belongs to the person the text is about: the B2B contact when there is one, else the customer.
  const person = (ctx.memo.get('contact') as PersonName | undefined) ?? customer(ctx);
  switch (ctx.lang) {
    case 'en': return ctx.country === 'US' ? ['US_SSN', usSsn(rng)] : ['UK_NINO', ukNino(rng)];
    case 'de': return ['DE_TAX_ID', deTaxId(rng)];
    case 'fr': return ['FR_NIR', frNir(rng, person.female)];
    case 'es': return rng.chance(0.65) ? ['ES_DNI', esDni(rng)] : ['ES_NIE', esNie(rng)];
    case 'it': return ['IT_FISCAL_CODE', itFiscalCode(rng, person)];
    case 'nl': return ['NL_BSN', nlBsn(rng)];
  }
}

/** The national identifier with the label a person would write before it. */
function nationalId(ctx: Ctx): Piece[] {
  const [type, value] = nationalIdValue(ctx);
  return [ctx.rng.pick(NATID_LABELS[type] ?? ['']), mark(type, value)];
}

/** [male, female] title used in running text ("Frau Weber") and in a formal salutation ("Sehr geehrte Frau"). */
const TITLES: Record<Ctx['lang'], { title: readonly [string, string]; dear: readonly [string, string] }> = {
  en: { title: ['Mr', 'Ms'], dear: ['Dear Mr', 'Dear Ms'] },
  de: { title: ['Herr', 'Frau'], dear: ['Sehr geehrter Herr', 'Sehr geehrte Frau'] },
  fr: { title: ['M.', 'Mme'], dear: ['Cher Monsieur', 'Chère Madame'] },
  es: { title: ['el Sr.', 'la Sra.'], dear: ['Estimado Sr.', 'Estimada Sra.'] },
  it: { title: ['il sig.', 'la sig.ra'], dear: ['Gentile sig.', 'Gentile sig.ra'] },
  nl: { title: ['meneer', 'mevrouw'], dear: ['Geachte heer', 'Geachte mevrouw'] },
};

/** A surname on its own; Dutch capitalises the particle then ("mevrouw Van Beek", but "Mik van Beek"). */
function surname(ctx: Ctx, person: PersonName): string {
  return ctx.lang === 'nl' ? person.last.charAt(0).toUpperCase() + person.last.slice(1) : person.last;
}

function titled(ctx: Ctx, which: 'title' | 'dear', key: string): Piece[] {
  const person = key === 'customer' ? customer(ctx) : memoPerson(ctx, key);
  const words = TITLES[ctx.lang][which][person.female ? 1 : 0];
  return [`${words} `, personPiece(person, surname(ctx, person))];
}

const API_KINDS: readonly ApiKeyKind[] = ['openai', 'anthropic', 'google', 'groq', 'huggingface', 'aws', 'stripe'];
const TOKEN_KINDS: readonly TokenKind[] = ['github', 'gitlab', 'slack'];

function dsn(ctx: Ctx): Piece[] {
  const { rng } = ctx;
  const user = rng.pick(['shop_app', 'magento', 'shopware', 'wp_user', 'admin', 'readonly', 'etl']);
  const pw = mark('PASSWORD', password(rng, ctx.lang, true));
  const db = rng.pick(['orders', 'shop', 'crm', 'catalog', 'analytics']);
  switch (rng.int(0, 3)) {
    case 0: return [`postgres://${user}:`, pw, `@db-prod-0${rng.int(1, 4)}.internal:5432/${db}`];
    case 1: return [`mysql://${user}:`, pw, `@mysql.${rng.pick(['eu-west-1', 'eu-central-1'])}.rds.amazonaws.com:3306/${db}`];
    case 2: return [`mongodb+srv://${user}:`, pw, `@cluster0.${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 5)}.mongodb.net/${db}`];
    default: return ['redis://default:', pw, `@cache-${rng.int(1, 9)}.internal:6379/0`];
  }
}

export const ENTITY_SLOTS: Record<string, Slot> = {
  NAME: (ctx) => { const p = customer(ctx); return [personPiece(p, `${p.first} ${p.last}`)]; },
  FIRST: (ctx) => { const p = customer(ctx); return [personPiece(p, p.first)]; },
  LAST: (ctx) => { const p = customer(ctx); return [personPiece(p, surname(ctx, p))]; },
  TITLE: (ctx) => titled(ctx, 'title', 'customer'),
  DEAR: (ctx) => titled(ctx, 'dear', 'customer'),
  CONTACT_DEAR: (ctx) => titled(ctx, 'dear', 'contact'),
  CONTACT_TITLE: (ctx) => titled(ctx, 'title', 'contact'),
  AGENT: (ctx) => { const p = memoPerson(ctx, 'agent'); return [personPiece(p, p.first)]; },
  AGENT_FULL: (ctx) => { const p = memoPerson(ctx, 'agent'); return [personPiece(p, `${p.first} ${p.last}`)]; },
  CONTACT: (ctx) => { const p = memoPerson(ctx, 'contact'); return [personPiece(p, `${p.first} ${p.last}`)]; },
  CONTACT_LAST: (ctx) => { const p = memoPerson(ctx, 'contact'); return [personPiece(p, surname(ctx, p))]; },
  EMAIL: (ctx) => [evadable(ctx, 'EMAIL', personalEmail(ctx.rng, ctx.country, customer(ctx)), true)],
  WORKEMAIL: (ctx) => [evadable(ctx, 'EMAIL', workEmail(ctx.rng, ctx.country, org(ctx), memoPerson(ctx, 'contact')), true)],
  SHOPEMAIL: (ctx) => [mark('EMAIL', workEmail(ctx.rng, ctx.country, org(ctx, 'shop')))],
  PHONE: (ctx) => [evadable(ctx, 'PHONE', phoneNumber(ctx.rng, ctx.country), false)],
  ADDRESS: (ctx) => [mark('ADDRESS', fullAddress(ctx, false))],
  ADDRESS_ML: (ctx) => [mark('ADDRESS', fullAddress(ctx, true))],
  STREET: (ctx) => [mark('ADDRESS', streetLine(ctx))],
  CARD: (ctx) => [evadable(ctx, 'CARD_NUMBER', formatCard(ctx.rng), false)],
  IBAN: (ctx) => [evadable(ctx, 'IBAN', formatIban(account(ctx).iban, ctx.rng.weighted<string | null>([[' ', 6], [null, 4]])), false)],
  BIC: (ctx) => [mark('BIC', account(ctx).bic)],
  IP: (ctx) => [mark('IP_ADDRESS', ctx.rng.chance(0.7) ? ipv4(ctx.rng) : ipv6(ctx.rng))],
  IPV4: (ctx) => [mark('IP_ADDRESS', ipv4(ctx.rng))],
  VAT: (ctx) => [mark('VAT_ID', formatVat(ctx.rng, vatId(ctx.rng, ctx.country)))],
  VAT_EU: (ctx) => [mark('VAT_ID', formatVat(ctx.rng, vatId(ctx.rng, ctx.rng.pick(['DE', 'FR', 'IT', 'ES', 'NL', 'BE', 'AT']))))],
  DOB: (ctx) => [mark('DATE_OF_BIRTH', dateOfBirth(ctx))],
  NATID: nationalId,
  APIKEY: (ctx) => [mark('API_KEY', apiKey(ctx.rng, ctx.rng.pick(API_KINDS)))],
  OPENAI: (ctx) => [mark('API_KEY', apiKey(ctx.rng, 'openai'))],
  ANTHROPIC: (ctx) => [mark('API_KEY', apiKey(ctx.rng, 'anthropic'))],
  LLMKEY: (ctx) => [mark('API_KEY', apiKey(ctx.rng, ctx.rng.pick(['openai', 'anthropic', 'groq'] as const)))],
  GOOGLEKEY: (ctx) => [mark('API_KEY', apiKey(ctx.rng, 'google'))],
  GROQ: (ctx) => [mark('API_KEY', apiKey(ctx.rng, 'groq'))],
  HF: (ctx) => [mark('API_KEY', apiKey(ctx.rng, 'huggingface'))],
  STRIPE: (ctx) => [mark('API_KEY', apiKey(ctx.rng, 'stripe'))],
  AWS: (ctx) => [mark('API_KEY', apiKey(ctx.rng, 'aws'))],
  TOKEN: (ctx) => [mark('ACCESS_TOKEN', accessToken(ctx.rng, ctx.rng.pick(TOKEN_KINDS)))],
  GLPAT: (ctx) => [mark('ACCESS_TOKEN', accessToken(ctx.rng, 'gitlab'))],
  SLACK: (ctx) => [mark('ACCESS_TOKEN', accessToken(ctx.rng, 'slack'))],
  GHP: (ctx) => [mark('ACCESS_TOKEN', accessToken(ctx.rng, 'github'))],
  PEM: (ctx) => [mark('PRIVATE_KEY', privateKey(ctx.rng, ctx.rng.weighted<KeyKind>([['ec', 3], ['openssh', 3], ['pkcs8', 2], ['rsa', 2]])))],
  JWT: (ctx) => [mark('JWT', jwt(ctx.rng))],
  PASSWORD: (ctx) => [mark('PASSWORD', password(ctx.rng, ctx.lang, false))],
  DSN: dsn,
  TERM: (ctx) => [mark('BUSINESS_TERM', businessTerm(ctx.rng, ctx.lang))],
  PATTERN: (ctx) => [mark('BUSINESS_PATTERN', businessPattern(ctx.rng))],
};

/** The single marked value of an entity slot (for JSON, where labels and quotes come from the structure). */
export function markedValue(ctx: Ctx, slot: string): Marked {
  const piece = ENTITY_SLOTS[slot]?.(ctx).find((p): p is Marked => typeof p !== 'string');
  if (!piece) throw new Error(`slot ${slot} yields no marked value`);
  return piece;
}
