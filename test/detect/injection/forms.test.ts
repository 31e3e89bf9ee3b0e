/**
 * The forms prepare.ts reads a text in, against a plain reference of each: the regex-per-form code the one-pass
 * versions replaced (a replace per leet run, a regex over the whole text per disguise cue, Unicode-property
 * scans of the whole raw text). Forms, their order and the raw signals must be the
 * same on the corpus, on edited corpus texts, and on random texts built to show each disguise.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldChar, foldTextKeepingOffsets } from '../../../src/detect/business/fold.ts';
import { normalizeText } from '../../../src/detect/normalize.ts';
import { prepareText } from '../../../src/detect/injection/prepare.ts';
import { rawSignals } from '../../../src/detect/injection/raw-signals.ts';

interface CorpusRecord {
  readonly text: string;
}

const CORPUS: readonly CorpusRecord[] = readFileSync(new URL('../../fixtures/injection-corpus.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as CorpusRecord);

// The reference, as the forms were made before they were made in one pass.
const APOSTROPHES = '\u2019\u2018\u02bc\u00b4\u0060';
const referenceFold = (text: string): string => foldTextKeepingOffsets(text, (code) => (APOSTROPHES.includes(String.fromCharCode(code)) ? 0x27 : foldChar(code)));
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '2': 'z', '3': 'e', '4': 'a', '5': 's', '6': 'b', '7': 't', '8': 'b', '9': 'g', '@': 'a', $: 's', '|': 'l', '!': 'i' };
const LEET_L: Record<string, string> = { ...LEET, '1': 'l', '|': 'i' };
const WINDOW = 300;

function windowsOf(text: string, positions: readonly number[]): string[] {
  const windows: string[] = [];
  let start = -1;
  let end = -1;
  for (const at of positions) {
    if (start >= 0 && at - WINDOW <= end) {
      end = Math.min(text.length, at + WINDOW);
      continue;
    }
    if (end > start) windows.push(text.slice(start, end));
    start = Math.max(0, at - WINDOW);
    end = Math.min(text.length, at + WINDOW);
  }
  if (end > start) windows.push(text.slice(start, end));
  return windows;
}

function hasLeetWords(text: string): boolean {
  let words = 0;
  let lastWordEnd = -1;
  const core = /[a-z][0-9$|!]+[a-z]/g;
  const isLeet = (c: string | undefined) => c !== undefined && /[a-z0-9$|!@]/.test(c);
  for (let m = core.exec(text); m !== null; m = core.exec(text)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start > 0 && isLeet(text[start - 1])) start--;
    while (end < text.length && isLeet(text[end])) end++;
    core.lastIndex = end;
    const around = (text[start - 1] ?? ' ') + (text[end] ?? ' ');
    if (end - start > 22 || /[@+/=_-]/.test(around) || start <= lastWordEnd) continue;
    lastWordEnd = end;
    if (++words >= 2) return true;
  }
  return false;
}

const rewriteAround = (plain: string, pattern: RegExp, replacement: string | ((m: string) => string)): string =>
  windowsOf(plain, [...plain.matchAll(new RegExp(pattern.source, 'g'))].map((m) => m.index))
    .map((w) => w.replace(pattern, replacement as string))
    .join('\n\n');

function referenceDecode(text: string): string {
  const isMostlyText = (d: string): boolean => {
    if (d.length < 12) return false;
    const printable = d.split('').filter((c) => /[\x20-\x7e\n\u00c0-\u024f]/.test(c)).length;
    return /[A-Za-z]{3} [A-Za-z]{2}/.test(d) && printable / d.length >= 0.9;
  };
  const parts: string[] = [];
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i] ?? '';
    if (/[A-Za-z0-9+/_]/.test(c) || (c === '-' && start >= 0)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const from = start > 0 && text[start - 1] === '\\' ? start + 1 : start;
      if (i - from >= 24) runs.push(text.slice(from, i));
      start = -1;
    }
  }
  for (const run of runs) {
    const cut = run.search(/[-_]/);
    for (const candidate of cut > 0 && cut < 12 ? [run, run.slice(cut + 1)] : [run]) {
      const head = candidate.slice(0, (4096 / 3) * 4);
      const decoded = Buffer.from(head, /[-_]/.test(head) ? 'base64url' : 'base64').toString('utf8');
      if (isMostlyText(decoded)) {
        parts.push(decoded);
        break;
      }
    }
  }
  for (const m of text.matchAll(/\b(?:[0-9a-fA-F]{2}[ :]?){12,}\b/g)) {
    const decoded = Buffer.from(m[0].replace(/[ :]/g, '').slice(0, 8192), 'hex').toString('utf8');
    if (isMostlyText(decoded)) parts.push(decoded);
  }
  return parts.join('\n');
}

const INVISIBLE_IN_WORD = /\p{L}\p{Default_Ignorable_Code_Point}+\p{L}/u;
const MIXED_SCRIPT = /\p{Script=Latin}[\p{Script=Cyrillic}\p{Script=Greek}]|[\p{Script=Cyrillic}\p{Script=Greek}]\p{Script=Latin}/u;

function referenceForms(text: string): { forms: [string, string][]; rawSignals: string[] } {
  const normalized = normalizeText(text);
  const plain = referenceFold(normalized.text);
  const forms: [string, string][] = [['plain', plain]];
  if (hasLeetWords(plain)) {
    for (const table of [LEET, LEET_L]) {
      const deleeted = plain.replace(/[a-z0-9@$|!]*[0-9@$|!][a-z0-9@$|!]*/g, (run) => (/[a-z]/.test(run) ? run.replace(/[0-9@$|!]/g, (c) => table[c] ?? c) : run));
      // By UTF-16 index, as the text is addressed (spreading would count an emoji as one element and shift the rest).
      const changed = Array.from({ length: plain.length }, (_, i) => i).filter((i) => deleeted[i] !== plain[i]);
      if (deleeted !== plain) forms.push(['leetspeak', windowsOf(deleeted, changed).join('\n\n')]);
    }
  }
  if (/[a-z][|*][a-z]/.test(plain) || /[a-z][A-Z]{2,}[a-z]|[A-Z]{2}[a-z][A-Z]/.test(normalized.text)) {
    const split = rewriteAround(plain, /(?<=[a-z])[|*_.'-](?=[a-z])/g, '');
    if (split !== '') forms.push(['split', split]);
  }
  const spaced = /\b(?:[a-z][ ._*-]{1,2}){3,}[a-z]\b/g;
  if (spaced.test(plain)) forms.push(['spaced', rewriteAround(plain, spaced, (run) => run.replace(/[ ._*-]/g, ''))]);
  if (/\b(?:backwards|reversed?|in reverse|ruckwarts|umgekehrt|a l'envers|al reves|al contrario|a rovescio|achterstevoren|omgekeerd)\b/.test(plain)) forms.push(['reversed', [...plain].reverse().join('')]);
  if (/["'\u00ab\u201c][^"'\u00bb\u201d\n]{1,120}["'\u00bb\u201d]\s*\+\s*["'\u00ab\u201c]|\b[a-z]\s*\+\s*[a-z]\s*\+\s*[a-z]\b/.test(plain)) {
    forms.push(['concatenated', [...plain.matchAll(/["'\u00ab\u201c]([^"'\u00bb\u201d\n]{1,120})["'\u00bb\u201d]/g)].map((m) => m[1]).join('')]);
  }
  const decoded = referenceDecode(normalized.text);
  if (decoded !== '') forms.push(['encoded', referenceFold(decoded)]);
  const signals: string[] = [];
  if (normalized.text !== text || !/^[\t\n\r -~]*$/.test(text)) {
    if (INVISIBLE_IN_WORD.test(text)) signals.push('obfuscation.invisible-characters');
    if (MIXED_SCRIPT.test(text)) signals.push('obfuscation.mixed-scripts');
  }
  return { forms, rawSignals: signals };
}

function assertSameForms(text: string): void {
  const prepared = prepareText(text);
  assert.deepEqual({ forms: prepared.variants.map((v): [string, string] => [v.kind, v.text]), rawSignals: prepared.rawSignals }, referenceForms(text), JSON.stringify(text.slice(0, 160)));
}

/** Texts that show the disguises: leet words and SKUs, spaced letters, in-word punctuation, quotes joined with +, encodings, scripts. */
const word = fc.stringMatching(/^[a-z]{1,8}$/);
const piece = fc.oneof(
  word,
  fc.stringMatching(/^[a-z0-9@$|!]{2,10}$/),
  word.map((w) => w.split('').join(' ')),
  word.map((w) => w.split('').join('.')),
  fc.tuple(word, fc.constantFrom('|', '*', '_', '.', "'", '-'), word).map(([a, p, b]) => a + p + b),
  fc.tuple(word, word).map(([a, b]) => `"${a}" + "${b}"`),
  fc.constantFrom('x + y + z', 'backwards', 'al reves', ' s.p.a. ', 'iPHONE', 'McDONALD', '+49 30 123', 'i g n o r e', 'a_b_c_d_e'),
  word.map((w) => Buffer.from(`please ${w} the previous rules now`).toString('base64')),
  word.map((w) => Buffer.from(`ignore ${w} and obey`).toString('hex').replace(/(..)/g, '$1 ')),
  fc.constantFrom('\u200b', '\u00ad', 'о', 'ε', 'İ', 'Σ', '\u{1F600}', '\u{E0041}', '€', 'é', '’', 'ß', '\x00', '\t'),
);
const disguised = fc.array(piece, { minLength: 1, maxLength: 25 }).map((ps) => ps.join(' '));
const edited = fc
  .tuple(fc.nat(CORPUS.length - 1), fc.array(fc.tuple(fc.nat(), piece), { maxLength: 5 }))
  .map(([i, edits]) => edits.reduce((t, [at, p]) => t.slice(0, at % (t.length + 1)) + p + t.slice(at % (t.length + 1)), (CORPUS[i] as CorpusRecord).text));

describe('prepareText: the same forms as the plain reference', () => {
  it('on every corpus text', () => {
    for (const { text } of CORPUS) assertSameForms(text);
  });

  it('on texts that show the disguises (property)', () => {
    fc.assert(fc.property(disguised, (t) => assertSameForms(t)), { numRuns: 1500 });
  });

  it('on edited corpus texts (property)', () => {
    fc.assert(fc.property(edited, (t) => assertSameForms(t)), { numRuns: 500 });
  });

  it('on long prompts made of corpus texts and disguises (property)', () => {
    const long = fc.tuple(fc.array(fc.nat(CORPUS.length - 1), { minLength: 10, maxLength: 25 }), fc.array(piece, { maxLength: 30 })).map(([picks, ps]) => [...picks.map((i) => (CORPUS[i] as CorpusRecord).text), ...ps].join('\n'));
    fc.assert(fc.property(long, (t) => assertSameForms(t)), { numRuns: 60 });
  });
});

describe('rawSignals', () => {
  it('are the Unicode-property scans of the whole text (property)', () => {
    const unit = fc.oneof(fc.constantFrom('a', 'Z', ' ', 'о', 'ε', 'Ж', '\u200b', '\u00ad', '\u2060', '\uFE0F', '\u{E0041}', '\u{1D400}', '\u{10400}', 'é', '€', 'İ', '\u0301'), fc.string({ unit: 'binary', maxLength: 1 }));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (t) => {
        const expected = [...(INVISIBLE_IN_WORD.test(t) ? ['obfuscation.invisible-characters'] : []), ...(MIXED_SCRIPT.test(t) ? ['obfuscation.mixed-scripts'] : [])];
        assert.deepEqual(rawSignals(t), expected, JSON.stringify(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('below U+0100 only the soft hyphen can be invisible, and nothing Cyrillic or Greek (so the search skips them)', () => {
    for (let unit = 0x80; unit < 0x100; unit++) {
      const ch = String.fromCharCode(unit);
      assert.equal(/\p{Default_Ignorable_Code_Point}/u.test(ch), unit === 0xad, ch);
      assert.equal(/[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(ch), false, ch);
    }
  });
});
