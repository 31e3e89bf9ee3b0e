/**
 * Scores detector findings against the corpus gold spans. A gold entity counts as found when a finding of the
 * same type overlaps it by at least half the shorter span (several findings on one entity are one hit, never
 * a false positive); a finding that meets no gold entity of its type that way is a false positive. Offsets
 * are tolerant on purpose: whether a detector includes "Frau" or a trailing dot is a policy detail, whether
 * it found the value at all is what the corpus measures. Exact-span agreement is reported separately.
 */
import type { CorpusRecord, GoldEntity } from './types.ts';

export interface Prediction {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

export interface TypeCounts {
  support: number;
  tp: number;
  fn: number;
  fp: number;
  exact: number;
}

export interface Miss {
  id: string;
  type: string;
  text: string;
  context: string;
  oov?: boolean;
  evasion?: string;
}

export interface Scored {
  perType: Map<string, TypeCounts>;
  /** Per language and type: [found, support]. */
  perLang: Map<string, Map<string, [number, number]>>;
  oov: [number, number];
  evasions: Map<string, [number, number]>;
  benignAltered: number;
  benignTotal: number;
  benignFpByKind: Map<string, number>;
  misses: Miss[];
  falsePositives: Miss[];
}

export function overlapMatches(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  return overlap > 0 && overlap * 2 >= shorter;
}

export function emptyScore(): Scored {
  return {
    perType: new Map(), perLang: new Map(), oov: [0, 0], evasions: new Map(), benignAltered: 0, benignTotal: 0,
    benignFpByKind: new Map(), misses: [], falsePositives: [],
  };
}

function counts(score: Scored, type: string): TypeCounts {
  let c = score.perType.get(type);
  if (!c) {
    c = { support: 0, tp: 0, fn: 0, fp: 0, exact: 0 };
    score.perType.set(type, c);
  }
  return c;
}

function bump(map: Map<string, [number, number]>, key: string, found: boolean): void {
  const cell = map.get(key) ?? [0, 0];
  cell[0] += found ? 1 : 0;
  cell[1] += 1;
  map.set(key, cell);
}

/** A one-line window around a span, with the span in brackets and line breaks made visible. */
export function contextOf(text: string, start: number, end: number, width = 40): string {
  const show = (s: string): string => s.replace(/\n/g, '⏎').replace(/\u200b/g, '[ZWSP]');
  return `${show(text.slice(Math.max(0, start - width), start))}[${show(text.slice(start, end))}]${show(text.slice(end, end + width))}`;
}

function scoreGold(score: Scored, record: CorpusRecord, gold: GoldEntity, predictions: readonly Prediction[]): void {
  const hits = predictions.filter((p) => p.type === gold.type && overlapMatches(gold, p));
  const c = counts(score, gold.type);
  c.support += 1;
  const found = hits.length > 0;
  if (found) c.tp += 1;
  else c.fn += 1;
  if (hits.some((p) => p.start === gold.start && p.end === gold.end)) c.exact += 1;
  const langMap = score.perLang.get(record.lang) ?? new Map<string, [number, number]>();
  score.perLang.set(record.lang, langMap);
  bump(langMap, gold.type, found);
  if (gold.oov) {
    score.oov[0] += found ? 1 : 0;
    score.oov[1] += 1;
  }
  if (gold.evasion) bump(score.evasions, `${gold.type}/${gold.evasion}`, found);
  if (!found) {
    const miss: Miss = { id: record.id, type: gold.type, text: record.text.slice(gold.start, gold.end), context: contextOf(record.text, gold.start, gold.end) };
    if (gold.oov) miss.oov = true;
    if (gold.evasion) miss.evasion = gold.evasion;
    score.misses.push(miss);
  }
}

/** Adds one record's findings to `score`. */
export function scoreRecord(score: Scored, record: CorpusRecord, predictions: readonly Prediction[]): void {
  for (const gold of record.entities) scoreGold(score, record, gold, predictions);
  let falsePositives = 0;
  for (const p of predictions) {
    if (record.entities.some((g) => g.type === p.type && overlapMatches(g, p))) continue;
    counts(score, p.type).fp += 1;
    falsePositives += 1;
    score.falsePositives.push({ id: record.id, type: p.type, text: record.text.slice(p.start, p.end), context: contextOf(record.text, p.start, p.end) });
  }
  if (record.benign) {
    score.benignTotal += 1;
    if (predictions.length > 0) score.benignAltered += 1;
    if (falsePositives > 0) score.benignFpByKind.set(record.kind, (score.benignFpByKind.get(record.kind) ?? 0) + falsePositives);
  }
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
