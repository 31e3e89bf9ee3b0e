/**
 * The screens that keep the secret scan cheap must never change an answer: a key-word screen passes every key
 * the exact regex accepts, the literal index finds what a regex alternation and `includes` find, the prose
 * screen passes every value prosePairBefore would read, and the placeholder test counts characters as a `Set`
 * does. Checked on texts built from fragments that stress case, non-ASCII letters and separators.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { keyWords, MAY_HOLD } from '../../../src/detect/secrets/gate.ts';
import { MAX_KEY } from '../../../src/detect/secrets/key-value.ts';
import { literalIndex } from '../../../src/detect/secrets/literal-index.ts';
import { proseKeyPossible, prosePairBefore } from '../../../src/detect/secrets/prose.ts';
import { isPlaceholderToken } from '../../../src/detect/secrets/shared.ts';

const KEY_WORD = /pass|pwd|secret|token|key|api|has[lł]o|identified by|clé|cle/i;
const FRAGMENTS = [
  'pass', 'PASS', 'PaSs', 'pa', 'ss', 'pwd', 'Secret', 'TOKEN', 'key', 'KEY', 'api', 'hasło', 'HASŁO', 'haslo',
  'identified by', 'IDENTIFIED BY', 'clé', 'CLÉ', 'cle', 'mot de passe', 'is', 'est', 'ist', 'lautet', 'är', 'é',
  ' ', '  ', '\t', ':', '=', '_', '-', '.', '"', "'", '\\n', '\n', 'a', 'Z', '7', 'x'.repeat(70), 'ñ', '€', 'ſ',
  'K', '1234', 'password is ', 'Passwort lautet: ', 'login admin password ', 'S3cret!',
];
const text = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join(''));
const words = keyWords(KEY_WORD);

/** Characters a key can hold, and more: the screen may read past a key but must not stop inside one. */
const KEY_CHARS = /^[A-Za-z0-9_.\-\u0080-\uffff]*$/;

describe('key-word screens', () => {
  it('test answers as the exact regex does on every range', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const start = Math.min(a, b) % (t.length + 1);
        const end = Math.max(a, b) % (t.length + 1);
        const [s, e] = start <= end ? [start, end] : [end, start];
        return words.test(t, s, e) === KEY_WORD.test(t.slice(s, e));
      }),
      { numRuns: 500 },
    );
  });

  it('screen passes every key (key characters, at most MAX_KEY) that holds a word', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (let end = 0; end <= t.length; end++) {
          if (words.screen(t, end) === MAY_HOLD) continue;
          for (let start = Math.max(0, end - MAX_KEY); start < end; start++) {
            const key = t.slice(start, end);
            if (KEY_CHARS.test(key) && KEY_WORD.test(key)) return false;
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('screen tells where the key characters before the end start', () => {
    assert.equal(words.screen('order 123', 5), 0);
    assert.equal(words.screen('the (order) 123', 10), 5);
    assert.equal(words.screen('my Password 123', 11), MAY_HOLD);
  });

  it('rejects alternations it cannot screen', () => {
    assert.throws(() => keyWords(/p[aA]ss|key/i));
    assert.throws(() => keyWords(/pass|key/gi));
  });
});

describe('prose screen', () => {
  const STEM = /pass|pwd|hasło|secret/i;
  const stems = keyWords(STEM);
  it('passes every value prosePairBefore reads', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (let v = 0; v <= t.length; v++) {
          if (prosePairBefore(t, v, stems.test) !== null && !proseKeyPossible(t, v, stems)) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('literal index', () => {
  const LITERALS = ['sk-', 'sk-ant-', 'sk-or-', 'ghp_', 'AKIA', 'A3T', 'key-', '-us', 'pat', 'SK', 'EAA', 'EAAA'];
  const index = literalIndex(LITERALS);
  const sorted = [...LITERALS].sort((a, b) => b.length - a.length);
  const ALTERNATION = new RegExp(sorted.map((l) => l.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|'), 'g');
  const literalText = fc
    .array(fc.constantFrom(...LITERALS, 'a', 'k', '-', 'A', 'E', 's', 'u', '_', ' '), { maxLength: 25 })
    .map((parts) => parts.join(''));

  it('finds, left to right and longest first, what the alternation finds', () => {
    fc.assert(
      fc.property(literalText, (t) => {
        const expected = [...t.matchAll(ALTERNATION)].map((m) => `${m.index}:${m[0]}`);
        const found: string[] = [];
        index.eachIn(t, 0, t.length, (literal) => found.push(literal));
        return JSON.stringify(found) === JSON.stringify(expected.map((m) => m.slice(m.indexOf(':') + 1)));
      }),
      { numRuns: 500 },
    );
  });

  it('lists every literal that occurs, as includes does', () => {
    fc.assert(
      fc.property(literalText, (t) => {
        const expected = LITERALS.filter((l) => t.includes(l)).sort();
        return JSON.stringify([...index.allIn(t)].sort()) === JSON.stringify(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('finds only what lies inside the range', () => {
    const inside = (t: string, start: number, end: number): string[] => {
      const found: string[] = [];
      index.eachIn(t, start, end, (literal) => found.push(literal));
      return found;
    };
    assert.deepEqual(inside('xsk-ant-', 1, 6), ['sk-']);
    assert.deepEqual(inside('xsk-', 1, 3), []);
    assert.deepEqual(inside('ghp_ sk-ant-x', 5, 13), ['sk-ant-']);
  });
});

describe('placeholder test', () => {
  // The rule as first written: a run of six, or few distinct characters (code points, as a Set counts them).
  function reference(s: string): boolean {
    let same = 1;
    let step = 1;
    let runSame = 1;
    let runStep = 1;
    let dir = 0;
    for (let i = 1; i < s.length; i++) {
      const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
      runSame = d === 0 ? runSame + 1 : 1;
      runStep = d === 1 || d === -1 ? (d === dir ? runStep + 1 : 2) : 1;
      dir = d;
      same = Math.max(same, runSame);
      step = Math.max(step, runStep);
    }
    return same >= 6 || step >= 6 || new Set(s).size < Math.min(8, Math.ceil(s.length / 3));
  }
  const PLACEHOLDER = /example|sample|placeholder|dummy|redacted|changeme|insert|replace|xxxx|your|my|fake/i;

  it('counts distinct characters and runs as the Set-based rule did', () => {
    const chars = fc.constantFrom(...'aAbB01234567890xyz-_ñé€\ud83d\ude00\ud83d\ude01'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }).map((a) => a.join('')), (s) => {
        fc.pre(!PLACEHOLDER.test(s));
        return isPlaceholderToken(s) === reference(s);
      }),
      { numRuns: 2000 },
    );
  });
});
