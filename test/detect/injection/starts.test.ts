/**
 * Where matches begin (starts.ts) and the part they need, and the gate's use of them (gate.ts): read from a
 * regex source, they must never lose a match. Checked on hand-picked sources, on random sources of a small
 * grammar against random texts and windows (the matches tried only at the start places are exactly those of
 * the global regex over each window's slice), and on every rule against the corpus, edited corpus texts and
 * texts generated from the rule's own pattern.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { closing, closingBracket } from '../../../src/detect/injection/anchors.ts';
import { matchAtPlaces, type Window } from '../../../src/detect/injection/gate.ts';
import { prepareText } from '../../../src/detect/injection/prepare.ts';
import { INJECTION_RULES, type InjectionRule } from '../../../src/detect/injection/rules.ts';
import { OTHER, requiredPart, startSet, type StartSet } from '../../../src/detect/injection/starts.ts';

interface CorpusRecord {
  readonly id: string;
  readonly text: string;
}

const CORPUS: readonly CorpusRecord[] = readFileSync(new URL('../../fixtures/injection-corpus.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as CorpusRecord);

const isWord = (c: string | undefined): boolean => c !== undefined && /\w/.test(c);
const boundaryAt = (text: string, at: number): boolean => isWord(text[at - 1]) !== isWord(text[at]);
/** Whether `literal` occurs at `at`, reading characters from U+007F up alike (as the literal index does). */
const occursAt = (text: string, at: number, literal: string): boolean => {
  if (at + literal.length > text.length) return false;
  for (let k = 0; k < literal.length; k++) {
    const a = text.charCodeAt(at + k);
    const b = literal.charCodeAt(k);
    if (a !== b && (a < 0x7f || b < 0x7f)) return false;
  }
  return true;
};

/** Where the gate would try a rule with these start literals: places (sorted), and whether a place lacked `\b`. */
function placesOf(set: StartSet, text: string): { places: number[]; cut: boolean } {
  const places: number[] = [];
  let cut = false;
  for (let at = 0; at < text.length; at++) {
    for (const { literal, boundary } of set.entries) {
      if (!occursAt(text, at, literal)) continue;
      if (boundary && !boundaryAt(text, at)) cut = true;
      else places.push(at);
    }
  }
  return { places: places.sort((a, b) => a - b), cut };
}

/** Every match of `source` (global) in each window's slice, as [index, length] pairs in the text. */
function scanned(source: string, text: string, windows: readonly Window[]): number[] {
  const pattern = new RegExp(source, 'g');
  const out: number[] = [];
  for (const { from, slice } of windows) {
    for (let m = pattern.exec(slice); m !== null; m = pattern.exec(slice)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      out.push(from + m.index, m[0].length);
    }
    pattern.lastIndex = 0;
  }
  return out;
}

const windowsOf = (text: string, cuts: readonly number[]): Window[] => {
  const bounds = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const windows: Window[] = [];
  // Every other stretch between cuts is a window: they never touch, as merged windows never do.
  for (let i = 0; i + 1 < bounds.length; i += 2) windows.push({ from: bounds[i] as number, to: bounds[i + 1] as number, slice: text.slice(bounds[i], bounds[i + 1]) });
  return windows.length > 0 ? windows : [{ from: 0, to: text.length, slice: text }];
};

describe('startSet', () => {
  const literalsOf = (source: string) => {
    const set = startSet(source);
    return set === null ? null : { literals: set.entries.map((e) => `${e.boundary ? '\\b' : ''}${e.literal}`).sort(), atStart: set.atStart };
  };
  const cases: [string, { literals: string[]; atStart: boolean } | null][] = [
    ['ignore', { literals: ['ignore'], atStart: false }],
    ['\\bignore\\s+all', { literals: ['\\bignore'], atStart: false }],
    ['(?:please\\s+)?ignore', { literals: ['ignore', 'please'], atStart: false }],
    ['(?:in |to )?base64', { literals: ['base64', 'in base64', 'to base64'], atStart: false }],
    ['(?:^|\\n)system:', { literals: ['\nsystem:'], atStart: true }],
    ['(?<![;,])\\bhex', { literals: ['\\bhex'], atStart: false }],
    ['e-?mail', { literals: ['e-mail', 'email'], atStart: false }],
    ['["\']role', { literals: ['"role', "'role"], atStart: false }],
    ['cancel+ed', { literals: ['cancel'], atStart: false }],
    ['"{3}', { literals: ['"""'], atStart: false }],
    ['\\w+ mode', null],
    ['[^a]x', null],
    ['.x', null],
    ['a?', null],
    ['(?:a|)b', { literals: ['ab', 'b'], atStart: false }],
    ['x|\\by', { literals: ['\\by', 'x'], atStart: false }],
    ['ü', { literals: [OTHER], atStart: false }],
    // A literal reached with and without `\b` keeps the weaker claim, whichever path comes first.
    ['\\bab|ab', { literals: ['ab'], atStart: false }],
    ['ab|\\bab', { literals: ['ab'], atStart: false }],
    ['\\bab|abc', { literals: ['ab'], atStart: false }],
    ['abc|\\bab', { literals: ['ab'], atStart: false }],
  ];
  for (const [source, expected] of cases) {
    it(`reads ${JSON.stringify(source)} as ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(literalsOf(source), expected);
    });
  }
});

describe('requiredPart', () => {
  it('keeps the rarest part every alternative needs', () => {
    const part = requiredPart('(?:^|[\\n.:]\\s*)(?:ai|assistant)\\s*[,:!]');
    assert.ok(part !== null);
    assert.ok(part.literals.every((l) => l.startsWith('ai') || 'assistant'.startsWith(l)), JSON.stringify(part.literals));
    assert.ok(new RegExp(part.source, 'y').test('ai:'));
  });

  it('is null when some alternative begins with no known character', () => {
    assert.equal(requiredPart('\\w+|x'), null);
  });

  it('drops assertions from the part it keeps', () => {
    const part = requiredPart('\\bfoo\\b(?!bar)');
    assert.ok(part !== null);
    assert.equal(part.source, '(?:foo)');
  });
});

/** Sources of a small grammar: literals, classes, quantifiers, groups, alternatives and assertions. */
const atom = fc.constantFrom('a', 'b', 'ab', 'ba', 'c', '[ab]', '[a-c]', '\\s', ' ', '\\n', '.', '\\w', '[^a]', 'é');
const quantifier = fc.constantFrom('', '', '', '?', '*', '+', '{0,2}', '{2}', '{1,3}?');
const assertion = fc.constantFrom('\\b', '^', '$', '(?<=a)', '(?<!b)', '(?!b)', '(?=a)', '\\B');
const element = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(atom, quantifier).map(([a, q]) => (q !== '' && a.length > 1 && !a.startsWith('[') && !a.startsWith('\\') ? `(?:${a})` : a) + q) },
  { weight: 1, arbitrary: assertion },
);
const branch = fc.array(element, { minLength: 1, maxLength: 5 }).map((es) => es.join(''));
const grouped = fc.tuple(fc.array(branch, { minLength: 2, maxLength: 3 }), fc.constantFrom('', '?', '+'), branch).map(([bs, q, rest]) => `(?:${bs.join('|')})${q}${rest}`);
const source = fc.array(fc.oneof(branch, grouped), { minLength: 1, maxLength: 3 }).map((bs) => bs.join('|'));
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '\n', 'é', '_'), maxLength: 40 });

describe('matches tried at the start places only are exactly the global matches (property)', () => {
  it('for random sources, texts and windows', () => {
    fc.assert(
      fc.property(source, text, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (src, t, cuts, firstOnly) => {
        const set = startSet(src);
        if (set === null) return;
        const windows = windowsOf(t, cuts);
        const { places, cut } = placesOf(set, t);
        const expected = scanned(src, t, windows);
        const found = matchAtPlaces(new RegExp(src, 'y'), t, windows, places, set.atStart, cut, firstOnly);
        assert.deepEqual(found, firstOnly ? expected.slice(0, 2) : expected, `${JSON.stringify(src)} on ${JSON.stringify(t)}`);
      }),
      { numRuns: 5000 },
    );
  });

  it('and a required part matches wherever the source does (property)', () => {
    fc.assert(
      fc.property(source, text, (src, t) => {
        const part = requiredPart(src);
        if (part === null || !new RegExp(src).test(t)) return;
        const sticky = new RegExp(part.source, 'y');
        const found = [...t].some((_, at) =>
          part.literals.some((literal) => {
            sticky.lastIndex = at;
            return occursAt(t, at, literal) && sticky.test(t);
          }),
        );
        assert.ok(found, `${JSON.stringify(src)} matches ${JSON.stringify(t)}, but its part ${part.source} does not`);
      }),
      { numRuns: 5000 },
    );
  });
});

// fast-check's regex generator knows neither `\b` nor look-arounds: dropped, they give candidates to check.
function relaxed(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (c === '\\') {
      if (src[i + 1] !== 'b') out += src.slice(i, i + 2);
      i++;
    } else if (c === '[') {
      const end = closingBracket(src, i);
      out += src.slice(i, end + 1);
      i = end;
    } else if (/^\(\?<?[=!]/.test(src.slice(i, i + 4))) i = closing(src, i);
    else if (c !== '^' && c !== '$') out += c;
  }
  return out;
}

describe('every rule: no match begins where the gate would not try it, and its required part holds', () => {
  const edited = fc
    .tuple(fc.nat(CORPUS.length - 1), fc.array(fc.tuple(fc.nat(), fc.constantFrom(' ', '\n', '. ', ':', '"', 'the ', 'é', '\u200b', '1')), { maxLength: 4 }))
    .map(([i, edits]) => edits.reduce((t, [at, piece]) => t.slice(0, at % (t.length + 1)) + piece + t.slice(at % (t.length + 1)), (CORPUS[i] as CorpusRecord).text));
  const EDITED = fc.sample(edited, 300);
  const FORMS = [...CORPUS.map((r) => r.text), ...EDITED].flatMap((t) => prepareText(t).variants.map((v) => v.text));

  function checker(rule: InjectionRule): (t: string) => void {
    const set = startSet(rule.pattern.source);
    const part = requiredPart(rule.pattern.source);
    const pattern = new RegExp(rule.pattern.source, 'g');
    const sticky = part === null ? null : new RegExp(part.source, 'y');
    return (t) => {
      pattern.lastIndex = 0;
      let matched = false;
      for (let m = pattern.exec(t); m !== null; m = pattern.exec(t)) {
        if (m[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        matched = true;
        if (set === null) continue;
        const at = m.index;
        const begins = (set.atStart && at === 0) || set.entries.some((e) => occursAt(t, at, e.literal) && (!e.boundary || boundaryAt(t, at)));
        assert.ok(begins, `${rule.id}: ${JSON.stringify(m[0])} begins with none of its start literals`);
      }
      if (!matched || part === null || sticky === null) return;
      const holds = [...t].some((_, at) =>
        part.literals.some((literal) => {
          sticky.lastIndex = at;
          return occursAt(t, at, literal) && sticky.test(t);
        }),
      );
      assert.ok(holds, `${rule.id} matches ${JSON.stringify(t.slice(0, 100))} but its required part does not`);
    };
  }

  for (const rule of INJECTION_RULES) {
    it(rule.id, () => {
      const check = checker(rule);
      for (const t of FORMS) check(t);
      const generated = fc.stringMatching(new RegExp(`^(?:${relaxed(rule.pattern.source)})$`)).map((s) => ` ${s} `);
      for (const t of fc.sample(generated, 150)) check(t);
    });
  }
});
