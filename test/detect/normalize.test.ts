import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeText } from '../../src/detect/normalize.ts';

describe('normalizeText', () => {
  it('leaves ASCII untouched with an identity map', () => {
    const n = normalizeText('Order #123 for anna@example.com');
    assert.equal(n.text, 'Order #123 for anna@example.com');
    assert.deepEqual(n.toOriginal(15, 31), [15, 31]);
  });

  it('folds full-width characters and maps spans back to the original', () => {
    const original = 'card ４１１１ end';
    const n = normalizeText(original);
    assert.equal(n.text, 'card 4111 end');
    assert.deepEqual(n.toOriginal(5, 9), [5, 9]);
  });

  it('removes zero-width and bidi characters, keeping them inside the original span', () => {
    const original = 'mail an\u200Bna@ex\u202Eample.com now';
    const n = normalizeText(original);
    assert.equal(n.text, 'mail anna@example.com now');
    const [start, end] = n.toOriginal(5, 21);
    assert.equal(original.slice(start, end), 'an\u200Bna@ex\u202Eample.com');
  });

  it('folds Cyrillic look-alikes only inside mixed-script words', () => {
    assert.equal(normalizeText('j\u043Ehn@example.com').text, 'john@example.com');
    assert.equal(normalizeText('\u043C\u043E\u0441\u043A\u0432\u0430 city').text, '\u043C\u043E\u0441\u043A\u0432\u0430 city');
  });

  it('composes decomposed accents and folds unicode dashes and spaces', () => {
    const n = normalizeText('Mu\u0308ller\u00A0\u2013 4111\u2011');
    assert.equal(n.text, 'Müller - 4111-');
    assert.deepEqual(n.toOriginal(0, 6), [0, 7]);
  });

  it('maps every span into bounds, in order (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.nat(), fc.nat(), (text, a, b) => {
        const n = normalizeText(text);
        const s = a % (n.text.length + 1);
        const e = s + (b % (n.text.length - s + 1));
        const [os, oe] = n.toOriginal(s, e);
        assert.ok(os >= 0 && os <= oe && oe <= text.length);
      }),
      { numRuns: 1000 },
    );
  });
});
