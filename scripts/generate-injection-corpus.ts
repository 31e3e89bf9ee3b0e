/**
 * Writes the seeded prompt-injection corpus (test/fixtures/injection-corpus.jsonl): attacks in six categories
 * (instruction_override, roleplay_jailbreak, prompt_extraction, data_exfiltration, template_injection,
 * obfuscation) and benign texts in four (benign_trigger_words, benign_commerce, benign_tool_output,
 * benign_technical), each in en, de, fr, es, it and nl, from the user turn or planted in tool results. The
 * payloads are hand-written after public attack collections, not after our detector, so the evaluation stays
 * honest; the same --seed always gives byte-identical output, so the file is regenerated, never hand-edited.
 * Usage: node scripts/generate-injection-corpus.ts [--seed N] [--out FILE]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_SEED, generateInjectionCorpus, toJsonl } from './corpus/injection/generate.ts';
import type { InjectionRecord } from './corpus/injection/types.ts';

export { DEFAULT_SEED, generateInjectionCorpus, toJsonl };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const INJECTION_CORPUS_PATH = resolve(ROOT, 'test/fixtures/injection-corpus.jsonl');

function flag(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function table(title: string, records: readonly InjectionRecord[], row: (r: InjectionRecord) => string, column: (r: InjectionRecord) => string): void {
  const rows = [...new Set(records.map(row))];
  const columns = [...new Set(records.map(column))];
  console.log(`\n${title.padEnd(22)} ${columns.map((c) => c.padStart(6)).join(' ')} ${'total'.padStart(6)}`);
  for (const r of rows) {
    const mine = records.filter((x) => row(x) === r);
    console.log(`${r.padEnd(22)} ${columns.map((c) => String(mine.filter((x) => column(x) === c).length).padStart(6)).join(' ')} ${String(mine.length).padStart(6)}`);
  }
}

export function summarize(records: readonly InjectionRecord[]): void {
  const attacks = records.filter((r) => r.label === 'attack');
  const tool = attacks.filter((r) => r.source === 'tool').length;
  console.log(`texts: ${records.length} (attacks ${attacks.length}, benign ${records.length - attacks.length}); attacks via tool: ${tool} (${((100 * tool) / attacks.length).toFixed(1)}%)`);
  table('category × language', records, (r) => r.category, (r) => r.language);
  table('category × source', records, (r) => r.category, (r) => r.source);
}

function main(args: readonly string[]): void {
  const seedText = flag(args, '--seed');
  const seed = seedText === undefined ? DEFAULT_SEED : Number(seedText);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed needs a non-negative integer');
  const out = resolve(flag(args, '--out') ?? INJECTION_CORPUS_PATH);
  const records = generateInjectionCorpus(seed);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, toJsonl(records));
  console.log(`seed ${seed} → ${out}`);
  summarize(records);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));
