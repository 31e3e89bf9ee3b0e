/**
 * Measures the detection engine on the labeled corpus: per-type precision, recall, F1 and support, micro
 * averages, exact-span agreement, recall for out-of-dictionary names and for disguised values, the share of
 * benign texts the engine would alter, and recall per language. It measures and never asserts, so it always
 * exits 0; a detector that throws on a text is counted as an error for that text.
 * Usage: node scripts/eval-detect.ts [--json] [--examples N] [--type TYPE] [--corpus FILE] [--rules FILE]
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTITY_GROUPS } from '../src/detect/types.ts';
import type { CorpusRules } from './corpus/business.ts';
import { emptyScore, prf, scoreRecord } from './corpus/scoring.ts';
import type { Miss, Scored } from './corpus/scoring.ts';
import { LANGS } from './corpus/types.ts';
import type { CorpusRecord } from './corpus/types.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function flag(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

const GROUP_OF = new Map<string, string>(Object.entries(ENTITY_GROUPS).flatMap(([g, types]) => types.map((t) => [t, g] as [string, string])));
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
const round = (x: number | null): number | null => (x === null ? null : Math.round(x * 10000) / 10000);

interface RunResult {
  score: Scored;
  errors: { id: string; message: string }[];
  msPerText: number;
}

async function run(records: readonly CorpusRecord[], rules: CorpusRules): Promise<RunResult> {
  // Loaded here rather than at the top so that an engine that fails to load is reported, not a crash.
  const { createDetectionEngine } = await import('../src/detect/engine.ts');
  const engine = createDetectionEngine({ business: rules });
  const score = emptyScore();
  const errors: RunResult['errors'] = [];
  const started = performance.now();
  for (const record of records) {
    try {
      scoreRecord(score, record, engine.detect(record.text));
    } catch (error) {
      errors.push({ id: record.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { score, errors, msPerText: (performance.now() - started) / Math.max(1, records.length) };
}

/** Everything the text report prints, as plain data (also what --json emits). */
function metrics(records: readonly CorpusRecord[], result: RunResult): Record<string, unknown> {
  const { score } = result;
  const types = [...score.perType.keys()].sort((a, b) => (GROUP_OF.get(a) ?? 'Z').localeCompare(GROUP_OF.get(b) ?? 'Z') || a.localeCompare(b));
  const perType = Object.fromEntries(types.map((type) => {
    const c = score.perType.get(type) ?? { support: 0, tp: 0, fn: 0, fp: 0, exact: 0 };
    const m = prf(c.tp, c.fp, c.fn);
    return [type, { group: GROUP_OF.get(type) ?? null, support: c.support, tp: c.tp, fn: c.fn, fp: c.fp,
      precision: c.tp + c.fp === 0 ? null : round(m.precision), recall: c.support === 0 ? null : round(m.recall), f1: round(m.f1), exact: round(ratio(c.exact, c.tp)) }];
  }));
  const sum = (k: 'tp' | 'fp' | 'fn' | 'exact'): number => [...score.perType.values()].reduce((s, c) => s + c[k], 0);
  const micro = prf(sum('tp'), sum('fp'), sum('fn'));
  const perLanguage = Object.fromEntries(LANGS.map((lang) => {
    const cells = score.perLang.get(lang) ?? new Map<string, [number, number]>();
    const groups: Record<string, [number, number]> = {};
    let all: [number, number] = [0, 0];
    for (const [type, [found, total]] of cells) {
      const g = GROUP_OF.get(type) ?? 'OTHER';
      const cell = groups[g] ?? [0, 0];
      groups[g] = [cell[0] + found, cell[1] + total];
      all = [all[0] + found, all[1] + total];
    }
    return [lang, { recall: round(ratio(all[0], all[1])), support: all[1],
      byGroup: Object.fromEntries(Object.entries(groups).map(([g, [f, t]]) => [g, round(ratio(f, t))])),
      byType: Object.fromEntries([...cells].map(([t, [f, n]]) => [t, round(ratio(f, n))])) }];
  }));
  return {
    corpus: { texts: records.length, labeled: records.filter((r) => !r.benign).length, benign: score.benignTotal },
    perType,
    micro: { precision: round(micro.precision), recall: round(micro.recall), f1: round(micro.f1), tp: sum('tp'), fp: sum('fp'), fn: sum('fn') },
    exactSpanRate: round(ratio(sum('exact'), sum('tp'))),
    benignAltered: { texts: score.benignAltered, of: score.benignTotal, share: round(ratio(score.benignAltered, score.benignTotal)),
      falsePositivesByKind: Object.fromEntries(score.benignFpByKind) },
    oovPersonRecall: { found: score.oov[0], of: score.oov[1], recall: round(ratio(score.oov[0], score.oov[1])) },
    evasionRecall: Object.fromEntries([...score.evasions].sort().map(([k, [f, n]]) => [k, { found: f, of: n, recall: round(ratio(f, n)) }])),
    perLanguage,
    errors: result.errors.length,
    msPerText: Math.round(result.msPerText * 1000) / 1000,
  };
}

const pct = (x: unknown): string => (typeof x === 'number' ? `${(x * 100).toFixed(1)}%` : '—');

function printReport(m: Record<string, unknown>): void {
  const perType = m.perType as Record<string, Record<string, number | null>>;
  console.log(`${'type'.padEnd(18)} ${'support'.padStart(7)} ${'tp'.padStart(6)} ${'fp'.padStart(6)} ${'prec'.padStart(7)} ${'recall'.padStart(7)} ${'f1'.padStart(7)} ${'exact'.padStart(7)}`);
  for (const [type, c] of Object.entries(perType)) {
    console.log(`${type.padEnd(18)} ${String(c.support).padStart(7)} ${String(c.tp).padStart(6)} ${String(c.fp).padStart(6)} ${pct(c.precision).padStart(7)} ${pct(c.recall).padStart(7)} ${pct(c.f1).padStart(7)} ${pct(c.exact).padStart(7)}`);
  }
  const micro = m.micro as Record<string, number>;
  console.log(`\nmicro: precision ${pct(micro.precision)}, recall ${pct(micro.recall)}, F1 ${pct(micro.f1)} (tp ${micro.tp}, fp ${micro.fp}, fn ${micro.fn})`);
  console.log(`exact-span rate among hits: ${pct(m.exactSpanRate)}`);
  const benign = m.benignAltered as { texts: number; of: number; share: number; falsePositivesByKind: Record<string, number> };
  console.log(`benign texts altered: ${benign.texts}/${benign.of} (${pct(benign.share)}); FPs by benign kind: ${JSON.stringify(benign.falsePositivesByKind)}`);
  const oov = m.oovPersonRecall as { found: number; of: number; recall: number };
  console.log(`out-of-dictionary PERSON recall: ${oov.found}/${oov.of} (${pct(oov.recall)})`);
  console.log('evasion recall:');
  for (const [k, v] of Object.entries(m.evasionRecall as Record<string, { found: number; of: number; recall: number }>)) {
    console.log(`  ${k.padEnd(26)} ${String(v.found).padStart(4)}/${String(v.of).padEnd(4)} ${pct(v.recall)}`);
  }
  const langs = m.perLanguage as Record<string, { recall: number; support: number; byGroup: Record<string, number> }>;
  const groups = Object.keys(ENTITY_GROUPS);
  console.log(`\n${'lang'.padEnd(5)} ${'recall'.padStart(7)} ${groups.map((g) => g.padStart(12)).join(' ')}`);
  for (const [lang, row] of Object.entries(langs)) {
    console.log(`${lang.padEnd(5)} ${pct(row.recall).padStart(7)} ${groups.map((g) => pct(row.byGroup[g]).padStart(12)).join(' ')}`);
  }
  console.log(`\nerrors: ${String(m.errors)}, ${String(m.msPerText)} ms per text`);
}

function printExamples(title: string, items: readonly Miss[], n: number, type: string | undefined): void {
  const byType = new Map<string, Miss[]>();
  for (const item of items) if (!type || item.type === type) byType.set(item.type, [...(byType.get(item.type) ?? []), item]);
  for (const [t, list] of byType) {
    console.log(`\n${title} ${t} (${list.length}):`);
    for (const item of list.slice(0, n)) console.log(`  ${item.id}${item.oov ? ' oov' : ''}${item.evasion ? ` ${item.evasion}` : ''}: ${item.context}`);
  }
}

async function main(args: readonly string[]): Promise<void> {
  const corpusPath = resolve(flag(args, '--corpus') ?? resolve(ROOT, 'test/fixtures/detect-corpus.jsonl'));
  const rulesPath = resolve(flag(args, '--rules') ?? resolve(ROOT, 'test/fixtures/detect-corpus.rules.json'));
  const records = readFileSync(corpusPath, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as CorpusRecord);
  const rules = JSON.parse(readFileSync(rulesPath, 'utf8')) as CorpusRules;
  const result = await run(records, rules);
  const m = metrics(records, result);
  if (args.includes('--json')) {
    console.log(JSON.stringify(m, null, 2));
    return;
  }
  printReport(m);
  const examples = Number(flag(args, '--examples') ?? 0);
  if (examples > 0) {
    printExamples('missed', result.score.misses, examples, flag(args, '--type'));
    printExamples('false positive', result.score.falsePositives, examples, flag(args, '--type'));
    for (const e of result.errors.slice(0, examples)) console.log(`error in ${e.id}: ${e.message}`);
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  // Measuring must not break a pipeline: report what went wrong and still exit 0.
  console.error(`eval-detect: ${error instanceof Error ? error.message : String(error)}`);
}
process.exitCode = 0;
