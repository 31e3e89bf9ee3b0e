/**
 * Properties of the secret detectors as a whole: they never throw and keep spans in bounds on any input
 * (including fragments chosen to stress the parsers), answer the same for the same text whatever came before
 * (the shared scan is memoised), find a generated key with its exact span anywhere in prose, and find nothing
 * in prose that merely talks about passwords and tokens.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SECRET_DETECTORS } from '../../../src/detect/secrets/index.ts';
import type { RawFinding } from '../../../src/detect/types.ts';

function detectAll(text: string): RawFinding[] {
  return SECRET_DETECTORS.flatMap((d) => d.detect(text));
}

const FRAGMENTS = [
  'sk-', 'sk-proj-', 'ghp_', 'AKIA', 'AIza', 'xoxb-', 'eyJ', 'eyJhbGciOiJub25lIn0', '-----BEGIN PRIVATE KEY-----',
  '-----END PRIVATE KEY-----', '-----BEGIN RSA PRIVATE KEY-----', 'PuTTY-User-Key-File-2: ', 'Private-MAC: ab12',
  'password', 'Passwort', 'mot de passe', 'contraseña', ' is ', ' lautet: ', 'token', 'api_key', 'secret', 'Bearer ',
  'Basic ', 'AccountKey=', '://', '@', ':', '=', '==', ':=', '=>', '"', "'", '`', '\\', '\\n', '\\"', '\n', ' ', ';',
  '&', '?', '${', '}', '(', ')', '[', ']', '.', '-', '_', '/', '+', 'A', 'a', 'Z', '0', '9', 'f', 'ñ', 'ł', '€',
  '\u00e9', '\ud83d\ude00', 'x'.repeat(20), '0123456789abcdef'.repeat(3), 'Ab3dE9gH2jK7mN4pQ6rS8tU1vW5xY0z',
];

const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fragmentText);

function inBounds(text: string, findings: readonly RawFinding[]): boolean {
  return findings.every((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.start < f.end && f.end <= text.length);
}

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const base62 = (length: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...B62), { minLength: length, maxLength: length }).map((chars) => chars.join(''));

const WORDS = [
  'order', 'shipping', 'the', 'customer', 'asked', 'about', 'her', 'password', 'reset', 'link', 'token', 'key',
  'secret', 'sauce', 'is', 'was', 'forgotten', 'Passwort', 'vergessen', 'Bestellung', 'und', 'bitte', 'product',
  'description', 'api', 'access', 'bearer', 'bonds', 'private', 'public', 'red', 'shoes', 'for', 'running', 'auth',
  'credentials', 'expired', 'login', 'mot', 'de', 'passe', 'oublié', 'contraseña', 'es', 'incorrecta', 'Kennwort',
  'lautet', 'unknown', 'sunshine', 'required', 'new', 'pass', 'season', 'day', '.', ',', '\n',
];

describe('secret detectors (properties)', () => {
  it('never throw and keep spans inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const detector of SECRET_DETECTORS) {
          const found = detector.detect(text);
          if (!inBounds(text, found)) return false;
          if (found.some((f) => !detector.types.includes(f.type) || !f.detector.startsWith('secret.'))) return false;
        }
        return true;
      }),
      { numRuns: 400 },
    );
  });

  it('give the same answer for a text whatever was scanned before', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const first = JSON.stringify(detectAll(a));
        detectAll(b);
        return JSON.stringify(detectAll(a)) === first;
      }),
      { numRuns: 200 },
    );
  });

  it('find a generated key with its exact span anywhere in prose', () => {
    const key = fc.oneof(
      base62(36).map((body) => ({ value: `ghp_${body}`, type: 'ACCESS_TOKEN' })),
      base62(48).map((body) => ({ value: `sk-${body}`, type: 'API_KEY' })),
      base62(52).map((body) => ({ value: `gsk_${body}`, type: 'API_KEY' })),
      base62(24).map((body) => ({ value: `sk_live_${body}`, type: 'API_KEY' })),
    );
    const prose = fc.array(fc.constantFrom(...WORDS), { maxLength: 20 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.tuple(prose, key, prose), ([before, { value, type }, after]) => {
        fc.pre(!/x{4}|(.)\1{5}/i.test(value));
        const text = `${before} ${value} ${after}`;
        const start = before.length + 1;
        return detectAll(text).some((f) => f.start === start && f.end === start + value.length && f.type === type);
      }),
      { numRuns: 300 },
    );
  });

  it('find nothing in prose that only talks about passwords, keys and tokens', () => {
    const prose = fc.array(fc.constantFrom(...WORDS), { maxLength: 80 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(prose, (text) => detectAll(text).length === 0),
      { numRuns: 300 },
    );
  });

  it('report nothing for an empty text', () => {
    for (const detector of SECRET_DETECTORS) assert.deepEqual(detector.detect(''), []);
  });
});
