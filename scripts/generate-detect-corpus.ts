/**
 * Writes the seeded, labeled detection corpus (test/fixtures/detect-corpus.jsonl) and the business rules it was
 * written against (test/fixtures/detect-corpus.rules.json). The same --seed always produces byte-identical
 * files, so the corpus can be regenerated instead of hand-edited and diffs show real template changes only.
 * Usage: node scripts/generate-detect-corpus.ts [--seed N] [--labeled N] [--benign N]  (counts per language)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_SEED, generateCorpus, toJsonl } from './corpus/generate.ts';
import type { Corpus, GenerateOptions } from './corpus/generate.ts';
import type { CorpusRecord } from './corpus/types.ts';

export { DEFAULT_SEED, generateCorpus, toJsonl };
export type { Corpus, GenerateOptions };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_PATH = resolve(ROOT, 'test/fixtures/detect-corpus.jsonl');
export const RULES_PATH = resolve(ROOT, 'test/fixtures/detect-corpus.rules.json');

function intFlag(args: readonly string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} needs a non-negative integer`);
  return value;
}

function countBy(records: readonly CorpusRecord[], key: (r: CorpusRecord) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) for (const k of key(r)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

function printCounts(title: string, counts: Map<string, number>): void {
  console.log(`\n${title}`);
  for (const [k, n] of counts) console.log(`  ${k.padEnd(22)} ${String(n).padStart(6)}`);
}

export function summarize(records: readonly CorpusRecord[]): void {
  const labeled = records.filter((r) => !r.benign);
  const entities = labeled.flatMap((r) => r.entities);
  console.log(`texts: ${records.length} (labeled ${labeled.length}, benign ${records.length - labeled.length}), entities: ${entities.length}`);
  console.log(`labeled texts with an evasion: ${labeled.filter((r) => r.entities.some((e) => e.evasion)).length}, oov names: ${entities.filter((e) => e.oov).length}`);
  printCounts('entities per type', countBy(labeled, (r) => r.entities.map((e) => e.type)));
  printCounts('texts per language (labeled/benign)', countBy(records, (r) => [`${r.lang}/${r.benign ? 'benign' : 'labeled'}`]));
  printCounts('texts per kind', countBy(records, (r) => [`${r.benign ? 'benign:' : ''}${r.kind}`]));
  printCounts('evasions', countBy(labeled, (r) => r.entities.flatMap((e) => (e.evasion ? [`${e.type}/${e.evasion}`] : []))));
}

function main(args: readonly string[]): void {
  const seed = intFlag(args, '--seed', DEFAULT_SEED);
  const corpus = generateCorpus({ seed, labeledPerLang: intFlag(args, '--labeled', 400), benignPerLang: intFlag(args, '--benign', 200) });
  mkdirSync(dirname(CORPUS_PATH), { recursive: true });
  writeFileSync(CORPUS_PATH, toJsonl(corpus.records));
  writeFileSync(RULES_PATH, JSON.stringify(corpus.rules, null, 2) + '\n');
  console.log(`seed ${seed} → ${CORPUS_PATH}`);
  summarize(corpus.records);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));
