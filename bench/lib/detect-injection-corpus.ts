/**
 * The inputs of the injection part of the detection benchmark: the labelled prompt-injection corpus (one JSON
 * object a line, `label` attack or benign) and the ~4 KB prompts built from it. Like the PII workloads they are
 * built by a seeded generator, so every engine, run and machine times exactly the same strings; texts are never
 * cut, so an attack is always whole and a benign text never turns into half a sentence that reads differently.
 */
import { readFileSync } from 'node:fs';
import { createRng } from '../../scripts/corpus/rng.ts';
import { utf8Bytes } from './detect-corpus.ts';

export interface InjectionCorpus {
  readonly benign: readonly string[];
  readonly attacks: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Loads the corpus; a malformed line fails the load with its line number, as in loadCorpus. */
export function loadInjectionCorpus(path: string): InjectionCorpus {
  const benign: string[] = [];
  const attacks: string[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (err) {
      throw new Error(`${path}:${i + 1}: ${(err as Error).message}`, { cause: err });
    }
    if (!isRecord(v) || typeof v.text !== 'string' || (v.label !== 'attack' && v.label !== 'benign')) {
      throw new Error(`${path}:${i + 1}: not {label: "attack" | "benign", text: string}`);
    }
    (v.label === 'attack' ? attacks : benign).push(v.text);
  });
  if (benign.length === 0 || attacks.length === 0) throw new Error(`${path} needs both benign and attack texts`);
  return { benign, attacks };
}

/**
 * `count` prompts of at least `targetBytes` UTF-8 bytes, each made of benign texts picked by a seeded generator
 * with one attack text inserted between two of them (or first, or last) at a seeded position, all separated by
 * blank lines, as a user pastes a document that carries a planted instruction. The attacks are taken in a seeded
 * shuffled order and cycled, so a run of N prompts uses min(N, attacks) distinct attacks, each equally often.
 */
export function buildAttackPrompts(corpus: InjectionCorpus, count: number, targetBytes: number, seed: number): string[] {
  const rng = createRng(seed);
  const order = rng.shuffle(corpus.attacks);
  const prompts: string[] = [];
  for (let p = 0; p < count; p++) {
    const attack = order[p % order.length] as string;
    const parts: string[] = [];
    let bytes = utf8Bytes(attack) + 2;
    while (bytes < targetBytes) {
      const text = corpus.benign[Math.floor(rng.next() * corpus.benign.length)] as string;
      parts.push(text);
      bytes += utf8Bytes(text) + 2;
    }
    parts.splice(rng.int(0, parts.length), 0, attack);
    prompts.push(parts.join('\n\n'));
  }
  return prompts;
}
