/**
 * The inputs of the detection benchmark: the labelled corpus (one JSON object a line), the business rules Airlock
 * is configured with for it, and the two derived workloads, ~4 KB prompts for latency and a corpus repeated to a
 * fixed size for throughput. Both workloads are built deterministically (a seeded generator, no Math.random) so
 * two runs, or two machines, time exactly the same strings. A malformed line fails the load with its line number:
 * a benchmark quietly scoring half a corpus would be worse than none.
 */
import { readFileSync } from 'node:fs';
import { createRng } from '../../scripts/corpus/rng.ts';

export interface GoldEntity {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

export interface CorpusText {
  readonly id: string;
  readonly lang: string;
  readonly kind: string;
  readonly benign: boolean;
  readonly text: string;
  readonly entities: readonly GoldEntity[];
}

export interface BusinessRulesFile {
  readonly terms: readonly string[];
  readonly patterns: readonly string[];
  readonly jsonFields: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function parseEntity(v: unknown, textLength: number): GoldEntity {
  if (!isRecord(v) || typeof v.type !== 'string' || !Number.isInteger(v.start) || !Number.isInteger(v.end)) {
    throw new Error('an entity is not {type: string, start: int, end: int}');
  }
  const start = v.start as number;
  const end = v.end as number;
  if (!(start >= 0 && start < end && end <= textLength)) throw new Error(`entity ${start}-${end} is outside the text`);
  return { type: v.type, start, end };
}

function parseText(v: unknown): CorpusText {
  if (!isRecord(v)) throw new Error('not a JSON object');
  const { id, lang, kind, benign, text, entities } = v;
  if (typeof text !== 'string') throw new Error('"text" is not a string');
  if (typeof benign !== 'boolean') throw new Error('"benign" is not a boolean');
  if (!Array.isArray(entities)) throw new Error('"entities" is not an array');
  return {
    id: typeof id === 'string' || typeof id === 'number' ? String(id) : '?',
    lang: typeof lang === 'string' ? lang : '?',
    kind: typeof kind === 'string' ? kind : '?',
    benign,
    text,
    entities: entities.map((e) => parseEntity(e, text.length)),
  };
}

export function loadCorpus(path: string): CorpusText[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const texts: CorpusText[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      texts.push(parseText(JSON.parse(line)));
    } catch (err) {
      throw new Error(`${path}:${i + 1}: ${(err as Error).message}`, { cause: err });
    }
  });
  if (texts.length === 0) throw new Error(`${path} holds no texts`);
  return texts;
}

export function loadRules(path: string): BusinessRulesFile {
  const v: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isRecord(v)) throw new Error(`${path}: not a JSON object`);
  const list = (key: string): string[] => {
    const value = v[key] ?? [];
    if (!isStringArray(value)) throw new Error(`${path}: "${key}" is not an array of strings`);
    return value;
  };
  return { terms: list('terms'), patterns: list('patterns'), jsonFields: list('jsonFields') };
}

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * `count` prompts of at least `targetBytes` UTF-8 bytes each, made of corpus texts picked by a seeded generator
 * and separated by blank lines, as a user pastes several snippets into one message. Texts are never cut: a cut
 * would split entities and change what there is to find.
 */
export function buildPrompts(texts: readonly string[], count: number, targetBytes: number, seed: number): string[] {
  const rng = createRng(seed);
  const prompts: string[] = [];
  for (let p = 0; p < count; p++) {
    const parts: string[] = [];
    let bytes = 0;
    while (bytes < targetBytes) {
      const text = texts[Math.floor(rng.next() * texts.length)] as string;
      parts.push(text);
      bytes += utf8Bytes(text) + 2;
    }
    prompts.push(parts.join('\n\n'));
  }
  return prompts;
}

/** The corpus texts in order, repeated until they hold at least `targetBytes` UTF-8 bytes. */
export function buildVolume(texts: readonly string[], targetBytes: number): { texts: string[]; bytes: number } {
  const sizes = texts.map(utf8Bytes);
  if (!sizes.some((s) => s > 0)) throw new Error('the corpus texts are all empty');
  const out: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i = (i + 1) % texts.length) {
    out.push(texts[i] as string);
    bytes += sizes[i] as number;
  }
  return { texts: out, bytes };
}
