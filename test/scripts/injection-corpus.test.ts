/**
 * Guards the prompt-injection corpus: the committed fixture must be exactly what the seeded generator writes
 * (it is regenerated, never hand-edited), every record must be well-formed, and the corpus must keep the shape
 * the evaluation's figures rely on — enough attacks in every category × language, enough benign texts per
 * language, about 40% of attacks arriving through tool results, no repeated text, and benign texts that use
 * injection vocabulary innocently (otherwise a keyword filter would score a perfect false positive rate).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DEFAULT_SEED, INJECTION_CORPUS_PATH, generateInjectionCorpus, toJsonl } from '../../scripts/generate-injection-corpus.ts';
import { MIN_ATTACKS_PER_CELL, MIN_BENIGN_PER_LANG } from '../../scripts/corpus/injection/generate.ts';
import { ATTACK_CATEGORIES, BENIGN_CATEGORIES, LANGS } from '../../scripts/corpus/injection/types.ts';
import type { InjectionRecord, Lang } from '../../scripts/corpus/injection/types.ts';

/** The words a naive filter keys on, in the forms the benign texts of each language use them. */
const TRIGGER_WORDS: Record<Lang, readonly string[]> = {
  en: ['ignore', 'forget', 'disregard', 'instructions', 'system', 'prompt', 'override', 'pretend', 'act as', 'from now on'],
  de: ['ignorier', 'vergiss', 'vergessen', 'missacht', 'anweisung', 'system', 'prompt', 'überschreib', 'tu so', 'tu gern so', 'so tun', 'verhalte dich', 'ab sofort'],
  fr: ['ignor', 'oubli', 'ne tenez pas compte', 'instruction', 'consigne', 'système', 'prompt', 'remplac', 'fais comme si', 'faire comme si', 'agis comme', 'à partir de maintenant'],
  es: ['ignor', 'olvid', 'no hagan caso', 'instrucci', 'sistema', 'prompt', 'anul', 'sobrescrib', 'fing', 'finjo', 'actúa como', 'a partir de ahora'],
  it: ['ignor', 'dimentic', 'non tenete conto', 'istruzion', 'sistema', 'prompt', 'sovrascriv', 'fingi', 'finger', 'finta', 'comportati come', 'd\'ora in poi'],
  nl: ['negeer', 'negeren', 'vergeet', 'vergeten', 'instructie', 'systeem', 'prompt', 'overschrijf', 'overschrijv', 'doe alsof', 'doen alsof', 'gedraag je als', 'vanaf nu'],
};

const KEYS = ['id', 'label', 'category', 'language', 'source', 'text'];

const corpus = generateInjectionCorpus();
const attacks = corpus.filter((r) => r.label === 'attack');
const benign = corpus.filter((r) => r.label === 'benign');
const count = (records: readonly InjectionRecord[], keep: (r: InjectionRecord) => boolean): number => records.filter(keep).length;

describe('injection corpus generator', () => {
  it('matches the committed fixture byte for byte', () => {
    assert.equal(readFileSync(INJECTION_CORPUS_PATH, 'utf8'), toJsonl(corpus));
  });

  it('is deterministic for a seed and changes with the seed', () => {
    assert.equal(toJsonl(generateInjectionCorpus(DEFAULT_SEED)), toJsonl(corpus));
    assert.notEqual(toJsonl(generateInjectionCorpus(DEFAULT_SEED + 1)), toJsonl(corpus));
  });

  it('writes well-formed records with unique ids', () => {
    const ids = new Set<string>();
    for (const line of toJsonl(corpus).trimEnd().split('\n')) {
      const record = JSON.parse(line) as Record<string, unknown>;
      assert.deepEqual(Object.keys(record), KEYS, line.slice(0, 80));
      const r = record as unknown as InjectionRecord;
      assert.ok(!ids.has(r.id), `duplicate id ${r.id}`);
      ids.add(r.id);
      assert.ok((LANGS as readonly string[]).includes(r.language), r.id);
      assert.ok(r.source === 'user' || r.source === 'tool', r.id);
      const categories: readonly string[] = r.label === 'attack' ? ATTACK_CATEGORIES : BENIGN_CATEGORIES;
      assert.ok(r.label === 'attack' || r.label === 'benign', r.id);
      assert.ok(categories.includes(r.category), `${r.id}: ${r.category} is not a ${r.label} category`);
      assert.ok(typeof r.text === 'string' && r.text.trim().length >= 10, r.id);
      assert.ok(r.id.startsWith(`${r.language}-${r.category}-`), r.id);
    }
  });

  it('has no two identical texts', () => {
    const seen = new Map<string, string>();
    for (const r of corpus) {
      assert.ok(!seen.has(r.text), `${r.id} repeats ${seen.get(r.text) ?? ''}`);
      seen.set(r.text, r.id);
    }
  });

  it('meets the minimum counts per category × language and per language', () => {
    assert.ok(attacks.length >= 400, `${attacks.length} attacks`);
    assert.ok(benign.length >= 400, `${benign.length} benign texts`);
    for (const lang of LANGS) {
      for (const category of ATTACK_CATEGORIES) {
        const n = count(attacks, (r) => r.language === lang && r.category === category);
        assert.ok(n >= MIN_ATTACKS_PER_CELL && n >= 10, `${lang}/${category}: ${n}`);
      }
      for (const category of BENIGN_CATEGORIES) assert.ok(count(benign, (r) => r.language === lang && r.category === category) > 0, `${lang}/${category}`);
      const n = count(benign, (r) => r.language === lang);
      assert.ok(n >= MIN_BENIGN_PER_LANG && n >= 60, `${lang}: ${n} benign`);
    }
  });

  it('sends about 40% of attacks through tool results, in every language', () => {
    const share = count(attacks, (r) => r.source === 'tool') / attacks.length;
    assert.ok(share >= 0.35 && share <= 0.45, `tool share ${share}`);
    for (const lang of LANGS) {
      const mine = attacks.filter((r) => r.language === lang);
      const langShare = count(mine, (r) => r.source === 'tool') / mine.length;
      assert.ok(langShare >= 0.3 && langShare <= 0.5, `${lang}: tool share ${langShare}`);
    }
  });

  it('gives benign texts plenty of innocent trigger words', () => {
    const withTrigger = benign.filter((r) => TRIGGER_WORDS[r.language].some((w) => r.text.toLowerCase().includes(w)));
    assert.ok(withTrigger.length >= 150, `${withTrigger.length} benign texts with a trigger word`);
    for (const lang of LANGS) assert.ok(count(withTrigger, (r) => r.language === lang) >= 20, `${lang}: too few benign trigger texts`);
  });

  it('varies length from one line to several paragraphs', () => {
    const lengths = corpus.map((r) => r.text.length);
    assert.ok(Math.min(...lengths) < 80 && Math.max(...lengths) > 800, `lengths ${Math.min(...lengths)}..${Math.max(...lengths)}`);
    for (const label of ['attack', 'benign'] as const) {
      const multi = count(corpus, (r) => r.label === label && r.text.split('\n').length >= 5);
      assert.ok(multi >= 50, `${label}: ${multi} texts of five lines or more`);
    }
  });
});
