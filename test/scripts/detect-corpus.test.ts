/**
 * Guards the detection corpus generator: it must be deterministic for a seed (the fixture is regenerated, never
 * hand-edited), the committed fixture must be exactly what the generator produces, and every gold span must
 * cover a value of its type — checked with the same check-digit rules the value was generated with, after
 * undoing the planted evasions — so that a template bug cannot silently skew the evaluation.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CORPUS_PATH, RULES_PATH, generateCorpus, toJsonl } from '../../scripts/generate-detect-corpus.ts';
import { RULES } from '../../scripts/corpus/business.ts';
import { esControlLetter, isLuhnValid, itFiscalCheck, lettersToDigits, mod, mod11_10, weightedSum } from '../../scripts/corpus/checksums.ts';
import type { CorpusRecord, GoldEntity } from '../../scripts/corpus/types.ts';

const CYRILLIC: Record<string, string> = { а: 'a', е: 'e', о: 'o', с: 'c', р: 'p', х: 'x', у: 'y', і: 'i' };

/** Undoes the corpus evasions: zero-width spaces, full-width digits, Cyrillic look-alikes. */
function fold(text: string): string {
  return text
    .replace(/\u200b/g, '')
    .replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[аеосрхуі]/g, (c) => CYRILLIC[c] ?? c);
}

const alnum = (text: string): string => fold(text).replace(/[^0-9A-Za-z]/g, '');
const stripAccents = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

const CHECKS: Record<string, (value: string) => boolean> = {
  EMAIL: (v) => /^[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(fold(v)),
  PHONE: (v) => { const d = fold(v).replace(/\D/g, ''); return d.length >= 8 && d.length <= 15; },
  CARD_NUMBER: (v) => { const d = alnum(v); return d.length >= 14 && d.length <= 19 && isLuhnValid(d); },
  IBAN: (v) => { const s = alnum(v); return /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s) && mod(lettersToDigits(s.slice(4) + s.slice(0, 4)), 97) === 1; },
  BIC: (v) => /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(v),
  IP_ADDRESS: (v) => /^(\d{1,3}\.){3}\d{1,3}$/.test(v) || (v.includes(':') && /^[0-9a-f:]+$/.test(v)),
  VAT_ID: (v) => /^(ATU|[A-Z]{2})[0-9A-Z]{8,12}$/.test(v.replace(/ /g, '')),
  DATE_OF_BIRTH: (v) => /\b(19[4-9]\d|200[0-5])\b/.test(v),
  PERSON: (v) => /^(\p{Lu}|(de|del|della|di|da|van|von|le|la|du|dos|ten|ter) )/u.test(v) && !/\d/.test(v) && !/^(Mr|Ms|Frau|Herr|M\.|Mme|Sr\.|Sra\.)\s/.test(v),
  ADDRESS: (v) => /\d/.test(v) && /\p{L}{3}/u.test(v),
  US_SSN: (v) => /^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(v),
  UK_NINO: (v) => /^[A-Z]{2}\d{6}[A-D]$/.test(v.replace(/ /g, '')),
  DE_TAX_ID: (v) => { const d = v.replace(/ /g, ''); return /^\d{11}$/.test(d) && mod11_10(d.slice(0, 10)) === Number(d[10]); },
  FR_NIR: (v) => { const d = v.replace(/ /g, ''); return /^\d{15}$/.test(d) && 97 - mod(d.slice(0, 13), 97) === Number(d.slice(13)); },
  ES_DNI: (v) => { const d = v.replace('-', ''); return /^\d{8}[A-Z]$/.test(d) && esControlLetter(Number(d.slice(0, 8))) === d[8]; },
  ES_NIE: (v) => { const d = v.replace(/-/g, ''); return /^[XYZ]\d{7}[A-Z]$/.test(d) && esControlLetter(Number(`${'XYZ'.indexOf(d[0] as string)}${d.slice(1, 8)}`)) === d[8]; },
  IT_FISCAL_CODE: (v) => /^[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]$/.test(v) && itFiscalCheck(v.slice(0, 15)) === v[15],
  NL_BSN: (v) => { const d = v.replace(/\./g, ''); return /^\d{9}$/.test(d) && (weightedSum(d, [9, 8, 7, 6, 5, 4, 3, 2]) - Number(d[8])) % 11 === 0; },
  API_KEY: (v) => /^(sk-proj-|sk-ant-api03-|AIza|gsk_|hf_|AKIA|sk_live_)/.test(v) && !/\s/.test(v),
  ACCESS_TOKEN: (v) => /^(ghp_[A-Za-z0-9]{36}|glpat-[\w-]{20}|xoxb-\d+-\d+-\w+)$/.test(v),
  PRIVATE_KEY: (v) => v.startsWith('-----BEGIN ') && v.endsWith('PRIVATE KEY-----'),
  JWT: (v) => { const [h, p, s] = v.split('.'); return !!p && !!s && typeof (JSON.parse(Buffer.from(h ?? '', 'base64url').toString()) as { alg?: unknown }).alg === 'string'; },
  PASSWORD: (v) => v.length >= 8 && !/[\s@/]/.test(v),
  BUSINESS_TERM: (v) => RULES.terms.some((t) => stripAccents(t) === stripAccents(v)),
  BUSINESS_PATTERN: (v) => RULES.patterns.some((p) => new RegExp(`^(?:${p})$`).test(v)),
  BUSINESS_FIELD: (v) => v.length > 0 && !v.includes('"'),
};

function checkEntity(record: CorpusRecord, entity: GoldEntity): void {
  assert.ok(entity.start >= 0 && entity.start < entity.end && entity.end <= record.text.length, `${record.id}: span out of bounds`);
  const value = record.text.slice(entity.start, entity.end);
  const check = CHECKS[entity.type];
  assert.ok(check, `${record.id}: unknown type ${entity.type}`);
  assert.ok(check(value), `${record.id}: ${entity.type} span does not hold a valid value: ${JSON.stringify(value)}`);
}

describe('detection corpus generator', () => {
  const small = { labeledPerLang: 40, benignPerLang: 16 };

  it('produces byte-identical output for the same seed and different output for another', () => {
    const a = toJsonl(generateCorpus({ seed: 7, ...small }).records);
    const b = toJsonl(generateCorpus({ seed: 7, ...small }).records);
    const c = toJsonl(generateCorpus({ seed: 8, ...small }).records);
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  it('labels only valid values of the right type, and benign texts carry no labels', () => {
    const { records } = generateCorpus({ seed: 11, ...small });
    assert.equal(records.length, 6 * (small.labeledPerLang + small.benignPerLang));
    for (const record of records) {
      if (record.benign) {
        assert.deepEqual(record.entities, [], record.id);
        assert.ok(!record.text.includes('@'), `${record.id}: benign text contains an e-mail-like @`);
      } else {
        assert.ok(record.entities.length > 0, record.id);
      }
      for (const entity of record.entities) checkEntity(record, entity);
    }
  });

  it('matches the committed fixture and rules', { skip: !existsSync(CORPUS_PATH) }, () => {
    const corpus = generateCorpus();
    assert.equal(readFileSync(CORPUS_PATH, 'utf8'), toJsonl(corpus.records));
    assert.deepEqual(JSON.parse(readFileSync(RULES_PATH, 'utf8')), corpus.rules);
    for (const record of corpus.records) for (const entity of record.entities) checkEntity(record, entity);
  });
});
