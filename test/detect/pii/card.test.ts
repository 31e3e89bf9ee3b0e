import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cardDetector, cardNetworkMatches } from '../../../src/detect/pii/card.ts';
import { luhnValid } from '../../../src/detect/pii/national-ids-shared.ts';

const values = (text: string): string[] => cardDetector.detect(text).map((f) => text.slice(f.start, f.end));

/** Appends the Luhn check digit to a payload. */
function withLuhn(payload: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(payload + d)) return payload + d;
  throw new Error('unreachable');
}

describe('card detector', () => {
  it('finds test numbers of every network, bare and grouped', () => {
    for (const number of [
      '4111 1111 1111 1111',
      '4012888888881881',
      '5555 5555 5555 4444',
      '2223 0031 2200 3222',
      '3782 822463 10005',
      '3714 496353 98431',
      '6011 1111 1111 1117',
      '3056 930902 5904',
      '3530 1113 3330 0000',
      '6200 0000 0000 0005',
      '6759 6498 2643 8453',
    ]) {
      assert.deepEqual(values(`Karte: ${number}, danke`), [number], number);
    }
  });

  it('reports exact offsets and a high score', () => {
    const text = 'Pay with 4111-1111-1111-1111 please';
    const [f] = cardDetector.detect(text);
    assert.deepEqual([f?.type, f?.start, f?.end, f?.detector], ['CARD_NUMBER', 9, 28, 'pii.card']);
    assert.ok((f?.score ?? 0) >= 0.95);
  });

  it('sees through spaces, dashes, dots and line breaks', () => {
    assert.deepEqual(values('4111.1111.1111.1111'), ['4111.1111.1111.1111']);
    assert.deepEqual(values('Karte 4111 1111\n1111 1111'), ['4111 1111\n1111 1111']);
    assert.deepEqual(values('carte 41111111\r\n11111111'), ['41111111\r\n11111111']);
  });

  it('stops at the card when a CVV, an expiry or a year surrounds it', () => {
    assert.deepEqual(values('card 4111 1111 1111 1111 123'), ['4111 1111 1111 1111']);
    assert.deepEqual(values('4111111111111111 exp 12/27'), ['4111111111111111']);
    assert.deepEqual(values('in 2023 4111 1111 1111 1111'), ['4111 1111 1111 1111']);
    assert.deepEqual(values('cards 4111 1111 1111 1111 5555 5555 5555 4444'), [
      '4111 1111 1111 1111',
      '5555 5555 5555 4444',
    ]);
  });

  it('rejects Luhn failures and numbers outside any network', () => {
    assert.deepEqual(values('card 4111 1111 1111 1112'), []);
    const noNetwork = withLuhn('911111111111111');
    assert.ok(luhnValid(noNetwork) && !cardNetworkMatches(noNetwork));
    assert.deepEqual(values(`card ${noNetwork}`), []);
    assert.deepEqual(values(`Amex ${withLuhn('3411111111111')}`), []); // 14 digits: not an Amex length
  });

  it('rejects groupings no card uses', () => {
    assert.deepEqual(values('41 11 11 11 11 11 11 11'), []);
    assert.deepEqual(values('411 111 111 111 111 1'), []);
    assert.deepEqual(values('4111 1111-1111 1111'), []); // mixed separators
  });

  it('finds cards in key=value log lines, next to an order reference', () => {
    assert.deepEqual(values('[09:12] charge_declined order=5000123456 card=5555 5555 5555 4444 amount=12.00'), [
      '5555 5555 5555 4444',
    ]);
    assert.deepEqual(values('txn failed ord=A-17 cc=4012888888881881 cvv=***'), ['4012888888881881']);
    assert.deepEqual(values('pan=3782 822463 10005&exp=0927'), ['3782 822463 10005']);
    assert.deepEqual(values('{"card_number":"6011111111111117","order":"77"}'), ['6011111111111117']);
    assert.deepEqual(values('sum 2+2=4111111111111111'), []); // a digit before '=': not a key
  });

  it('finds a card disguised by odd grouping when the text says it is a card', () => {
    for (const written of [
      '4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1',
      '41.11.11.11.11.11.11.11',
      '411-111-111-111-111-1',
      '4111  1111  1111  1111',
      '55 - 55 - 55 - 55 - 55 - 55 - 44 - 44',
      '4111-11111111-1111',
    ]) {
      assert.deepEqual(values(`Bitte auf die Karte ${written} zurückbuchen.`), [written], written);
      assert.deepEqual(values(`Zurückbuchen: ${written}.`), [], written);
    }
    // Only a whole run: an oddly grouped stretch of a longer run is part of that run.
    assert.deepEqual(values('card on file, ref 99 41 11 11 11 11 11 11 11'), []);
    assert.deepEqual(values('card 4111 1111-1111 1111'), []); // mixed separators are no disguise
  });

  it('does not take a random split of a reference number near a payment word for a disguised card', () => {
    const visa = withLuhn('411111111111111'); // 16 digits
    const split = `${visa.slice(0, 3)}.${visa.slice(3, 6)}.${visa.slice(6, 10)}.${visa.slice(10)}`; // 3-3-4-6
    assert.deepEqual(values(`paid, ref ${split}`), []);
    const amex = withLuhn('37828224631000'); // 15 digits, split 4-6-5-… is printed; 4-5-5-1 is not
    assert.deepEqual(values(`Zahlung ${amex.slice(0, 4)}.${amex.slice(4, 9)}.${amex.slice(9, 14)}.${amex.slice(14)}`), []);
    assert.deepEqual(values('payment 6484.5665.1364.7642.61 EUR'), []); // dotted with a fraction: an amount
    assert.deepEqual(values('Zahlung 12.4111111111111111 und 9.4111111111111111'), []);
  });

  it('does not take barcodes or order numbers for cards', () => {
    const ean = withLuhn('400638133393');
    assert.deepEqual(values(`EAN ${ean}`), []);
    assert.deepEqual(values(`code-barres ${ean}`), []);
    assert.deepEqual(values(`UPC ${withLuhn('51234567890')}`), []);
    assert.deepEqual(values('Bestellnummer 4111111111111111'), []);
    assert.deepEqual(values('tracking 4111 1111 1111 1111'), []);
    assert.deepEqual(values('IBAN DE89 3704 0044 0532 0130 00'), []);
    assert.deepEqual(values('price 1.299,00 and 4111111111111111.50'), []);
  });

  it('reads a long table of numbers as data unless a card is mentioned', () => {
    const table = '1234 4111 1111 1111 1111 2222 3333 4444 5555';
    assert.deepEqual(values(`Messwerte: ${table}`), []);
    assert.deepEqual(values(`card in row 2: ${table}`), ['4111 1111 1111 1111']);
  });

  it('keeps a 13-digit Visa only without a barcode word, at a lower score', () => {
    const [f] = cardDetector.detect('paid with 4222222222222');
    assert.equal(f?.score, 0.97);
    const [g] = cardDetector.detect('ref 4222222222222 ok');
    assert.ok(g !== undefined && g.score < 0.9);
  });

  it('finds any Luhn-valid Visa however it is grouped (property)', () => {
    const payload = fc.stringMatching(/^4\d{14}$/);
    fc.assert(
      fc.property(payload, fc.constantFrom(' ', '-', '.', '\n', ''), (p, sep) => {
        const digits = withLuhn(p);
        const grouped = digits.match(/\d{4}/g)?.join(sep) ?? digits;
        const text = `Visa: ${grouped} ok`;
        const found = cardDetector.detect(text);
        return found.length === 1 && found[0]?.start === 6 && found[0]?.end === 6 + grouped.length;
      }),
    );
  });

  it('never throws and reports well-formed spans (property)', () => {
    const unit = fc.constantFrom('4', '1', '5', '0', '3', ' ', '-', '.', '\n', '\r', 'a', '/');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 120 }), (s) =>
        cardDetector
          .detect(s)
          .every((f) => f.start >= 0 && f.start < f.end && f.end <= s.length && f.type === 'CARD_NUMBER'),
      ),
    );
  });
});
