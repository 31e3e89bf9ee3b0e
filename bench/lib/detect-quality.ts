/**
 * Span-level scoring of the detection benchmark. Engines disagree on where a value ends (a phone's "+", an
 * IBAN's spaces), so exact offsets would score tokenisation, not detection: a gold entity counts as found when a
 * predicted span overlaps at least half of the shorter of the two, and a prediction that overlaps no gold entity
 * that way is a false positive. Scores are kept twice: over every type (peers are penalised for what they never
 * claimed to find, which is the question a gateway buyer asks) and over the types both peers claim, which is the
 * like-for-like comparison. Each engine names types its own way, hence one alias table for all of them.
 */

export interface Span {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

/** Types reported one by one: those the two peers claim, plus IBAN, which only openredaction claims. */
export const REPORTED_TYPES = ['email', 'phone', 'card', 'iban', 'ip', 'ssn'] as const;
export type KnownType = (typeof REPORTED_TYPES)[number];

/**
 * What both peers claim (redact-pii's README and built-ins: emailAddress, phoneNumber, creditCardNumber, ipAddress,
 * usSocialSecurityNumber; openredaction has patterns for all of these). redact-pii has no IBAN rule, so IBAN is
 * reported by type but left out of the shared score.
 */
export const SHARED_TYPES: readonly KnownType[] = ['email', 'phone', 'card', 'ip', 'ssn'];

// Airlock's and the corpus's names, redact-pii's replacement tokens and openredaction's pattern types.
const ALIASES: Readonly<Record<KnownType, readonly string[]>> = {
  email: ['EMAIL', 'EMAIL_ADDRESS'],
  phone: ['PHONE', 'PHONE_NUMBER'],
  card: ['CARD', 'CARD_NUMBER', 'CREDIT_CARD', 'CREDIT_CARD_NUMBER'],
  iban: ['IBAN', 'UK_BANK_ACCOUNT_IBAN'],
  ip: ['IP', 'IP_ADDRESS', 'IPV4', 'IPV6'],
  ssn: ['SSN', 'US_SSN', 'US_SOCIAL_SECURITY_NUMBER'],
};
const KNOWN = new Map<string, KnownType>(
  (Object.entries(ALIASES) as [KnownType, readonly string[]][]).flatMap(([k, names]) => names.map((n) => [n, k] as const)),
);

/** The shared category an engine's or the corpus's type name belongs to, or null. */
export function knownType(type: string): KnownType | null {
  const upper = type.toUpperCase();
  // openredaction has one phone type per numbering plan (PHONE_US, PHONE_UK_MOBILE, PHONE_INTERNATIONAL, ...).
  return KNOWN.get(upper) ?? (upper.startsWith('PHONE_') ? 'phone' : null);
}

const isShared = (type: string): boolean => {
  const k = knownType(type);
  return k !== null && SHARED_TYPES.includes(k);
};

export interface Counts {
  gold: number;
  found: number;
  predicted: number;
  /** Predictions that overlap a gold entity. */
  correct: number;
}

export interface Tally {
  readonly all: Counts;
  readonly shared: Counts;
  readonly byType: Record<KnownType, { gold: number; found: number }>;
  benignTexts: number;
  benignAltered: number;
  /** Texts left out because the engine's spans could not be derived (see detect-align.ts). */
  unscored: number;
}

const zero = (): Counts => ({ gold: 0, found: 0, predicted: 0, correct: 0 });

export function newTally(): Tally {
  const byType = Object.fromEntries(REPORTED_TYPES.map((t) => [t, { gold: 0, found: 0 }])) as Tally['byType'];
  return { all: zero(), shared: zero(), byType, benignTexts: 0, benignAltered: 0, unscored: 0 };
}

export function overlapMatches(a: Span, b: Span): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap > 0 && overlap * 2 >= Math.min(a.end - a.start, b.end - b.start);
}

const count = <T>(items: readonly T[], test: (item: T) => boolean): number => items.filter(test).length;

/**
 * The shared score: gold entities of the shared types against predictions the engine labels with one of them.
 * A shared-type prediction that lands only on a gold entity of another type (a national ID that looks like a
 * phone number) is left out of precision: it is neither a miss of ours to count nor a false alarm.
 */
function scoreShared(c: Counts, gold: readonly Span[], predicted: readonly Span[]): void {
  const goldShared = gold.filter((g) => isShared(g.type));
  const goldOther = gold.filter((g) => !isShared(g.type));
  const predShared = predicted.filter((p) => isShared(p.type));
  c.gold += goldShared.length;
  c.found += count(goldShared, (g) => predShared.some((p) => overlapMatches(g, p)));
  for (const p of predShared) {
    if (goldShared.some((g) => overlapMatches(g, p))) {
      c.predicted++;
      c.correct++;
    } else if (!goldOther.some((g) => overlapMatches(g, p))) {
      c.predicted++;
    }
  }
}

/** Adds one text's result; `predicted` null means the engine's spans for it could not be derived. */
export function scoreText(t: Tally, gold: readonly Span[], predicted: readonly Span[] | null, benign: boolean): void {
  if (predicted === null) {
    t.unscored++;
    return;
  }
  t.all.gold += gold.length;
  t.all.found += count(gold, (g) => predicted.some((p) => overlapMatches(g, p)));
  t.all.predicted += predicted.length;
  t.all.correct += count(predicted, (p) => gold.some((g) => overlapMatches(g, p)));
  scoreShared(t.shared, gold, predicted);
  for (const g of gold) {
    const k = knownType(g.type);
    if (k === null) continue;
    t.byType[k].gold++;
    if (predicted.some((p) => overlapMatches(g, p))) t.byType[k].found++;
  }
  if (benign) {
    t.benignTexts++;
    if (predicted.length > 0) t.benignAltered++;
  }
}

export interface Rates {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** NaN where a rate has no denominator (nothing predicted, no gold of the kind), printed as "-". */
export function rates(c: Counts): Rates {
  const precision = c.predicted === 0 ? NaN : c.correct / c.predicted;
  const recall = c.gold === 0 ? NaN : c.found / c.gold;
  // Finding nothing of something that is there scores 0 even when nothing was predicted at all.
  const f1 = precision === 0 || recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
