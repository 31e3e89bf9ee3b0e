import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_HOLD, settledLength } from '../../src/transform/hold-back.ts';

/** What the guard may check and release now. */
const settled = (text: string, mode: 'text' | 'json' = 'text') => text.slice(0, settledLength(text, mode));

describe('hold-back: what a streamed field may release', () => {
  it('releases prose word by word and holds the unfinished last word', () => {
    assert.equal(settled('Your order ships tomor'), 'Your order ships ');
    assert.equal(settled('Your order ships tomorrow. '), 'Your order ships tomorrow. ');
  });

  it('holds a run of value-like words at the end until a plain word follows', () => {
    assert.equal(settled('Call us on +49 30 123 '), 'Call us on ');
    assert.equal(settled('Call us on +49 30 1234567 today '), 'Call us on +49 30 1234567 today ');
    assert.equal(settled('Write to anna@'), 'Write to ');
    assert.equal(settled('Write to anna@shop.example '), 'Write to ');
    assert.equal(settled('Write to anna@shop.example please '), 'Write to anna@shop.example please ');
  });

  it('does not follow a value run across a line break', () => {
    assert.equal(settled('Order 12345\nThanks 67 '), 'Order 12345\nThanks ');
  });

  it('holds a credential word with the word after it', () => {
    assert.equal(settled('The password: '), 'The ');
    assert.equal(settled('The password: hunter '), 'The ');
    assert.equal(settled('The password: hunter and more '), 'The password: hunter and more ');
  });

  it('holds an unfinished markdown image or link from its first character', () => {
    assert.equal(settled('See ![chart](https://ev'), 'See ');
    assert.equal(settled('See [the docs](https://docs.example/a '), 'See ');
    assert.equal(settled('See [the docs] '), 'See [the docs] ');
    assert.equal(settled('See [the docs]'), 'See ');
    assert.equal(settled('See [the docs][ref '), 'See ');
    assert.equal(settled('See ![chart](https://e.example/a.png) now '), 'See ![chart](https://e.example/a.png) now ');
    assert.equal(settled('Nested [![a](https://i.example/x.png)](https://l.exa'), 'Nested ');
  });

  it('lets a blank line end an unfinished bracket', () => {
    assert.equal(settled('A [note\n\nNext paragraph '), 'A [note\n\nNext paragraph ');
  });

  it('ignores escaped brackets', () => {
    assert.equal(settled('Use \\[x\\] here '), 'Use \\[x\\] here ');
  });

  it('holds an HTML tag until its > arrives, but not a lone less-than sign', () => {
    assert.equal(settled('Look <img src="https://e'), 'Look ');
    assert.equal(settled('Look <img src="https://e.example/x.png"> ok '), 'Look <img src="https://e.example/x.png"> ok ');
    assert.equal(settled('if a < b then '), 'if a < b then ');
  });

  it('holds a PEM block until its END line', () => {
    const begin = 'Key:\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n';
    assert.equal(settled(begin), 'Key:\n');
    const whole = `${begin}-----END PRIVATE KEY-----\nDone `;
    assert.equal(settled(whole), whole);
  });

  it('never holds more than MAX_HOLD characters', () => {
    const blob = 'x'.repeat(MAX_HOLD + 1);
    assert.equal(settled(blob), blob);
    assert.equal(settled('y'.repeat(MAX_HOLD)), '');
  });

  it('ends words at JSON punctuation in JSON text', () => {
    assert.equal(settled('{"city":"Berl', 'json'), '{"city":"');
    assert.equal(settled('{"email":"anna@shop.example","note":"', 'json'), '{"email":"anna@shop.example","note":"');
    assert.equal(settled('{"email":"anna@shop.example"', 'json'), '{"email":"');
  });
});
