import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { phoneDetector } from '../../../src/detect/pii/phone.ts';

const values = (text: string): string[] => phoneDetector.detect(text).map((f) => text.slice(f.start, f.end));

describe('phone detector', () => {
  it('reports the number from + to the last digit, with exact offsets', () => {
    const text = 'Ruf mich an: +49 30 1234567!';
    const [f] = phoneDetector.detect(text);
    assert.equal(f?.type, 'PHONE');
    assert.equal(f?.detector, 'pii.phone');
    assert.equal(f?.start, 13);
    assert.equal(f?.end, 27);
    assert.ok((f?.score ?? 0) >= 0.9);
  });

  it('finds international numbers of the supported countries', () => {
    for (const number of [
      '+49 30 1234567',
      '0049 30 1234567',
      '+1 (415) 555-0132',
      '+44 20 7946 0958',
      '+33 6 12 34 56 78',
      '+34 612 34 56 78',
      '+39 347 123 4567',
      '+31 6 12345678',
      '+32 470 12 34 56',
      '+41 44 668 18 00',
      '+43 664 1234567',
      '+353 87 123 4567',
      '+49 (0)30 1234567',
      '+49 030 1234567',
      '+4930123456',
    ]) {
      assert.deepEqual(values(`Nummer: ${number}.`), [number], number);
    }
  });

  it('finds national numbers written like phone numbers, without a context word', () => {
    for (const number of [
      '030 1234567',
      '030/1234567',
      '030-1234567',
      '030 / 123 45 67',
      '0171 1234567',
      '06 12 34 56 78',
      '(415) 555-0132',
      '415-555-0132',
      '07700 900123',
      '020 7946 0958',
      '612 345 678',
      '347 123 4567',
      '06 12345678',
      '0470 12 34 56',
      '044 668 18 00',
      '0664 1234567',
      '087 123 4567',
      '01711234567',
    ]) {
      assert.deepEqual(values(`bis bald, ${number} abends`), [number], number);
    }
  });

  it('accepts unformatted or unknown-range numbers next to a phone word in each language', () => {
    assert.deepEqual(values('phone 3012345678'), ['3012345678']);
    assert.deepEqual(values('3012345678'), []); // a bare ten-digit run is as likely an order number
    assert.deepEqual(values('Handy 01711234567'), ['01711234567']);
    assert.deepEqual(values('WhatsApp: 0612345678'), ['0612345678']);
    assert.deepEqual(values('portable : 0612345678'), ['0612345678']);
    assert.deepEqual(values('Llámame al 990 23 79 28'), ['990 23 79 28']);
    assert.deepEqual(values('cellulare 3471234567'), ['3471234567']);
    assert.deepEqual(values('mobiel 0612345678'), ['0612345678']);
  });

  it('catches numbers split by a line break or written with dots', () => {
    assert.deepEqual(values('Tel:\n030\n1234567'), ['030\n1234567']);
    assert.deepEqual(values('Tel: 030\r\n1234567'), ['030\r\n1234567']);
    assert.deepEqual(values('call 415.555.0132'), ['415.555.0132']);
  });

  it('does not swallow what follows the number', () => {
    assert.deepEqual(values('Tel: 030 1234567\n2. Punkt'), ['030 1234567']);
    assert.deepEqual(values('Tel: 030 1234567\n030 7654321'), ['030 1234567', '030 7654321']);
    assert.deepEqual(values('Tel 030 1234567 2 Stück'), ['030 1234567']);
    assert.deepEqual(values('call (415) 555-0132 x109 today'), ['(415) 555-0132 x109']);
  });

  it('ignores order numbers, dates, times, SKUs, prices and other numbers', () => {
    for (const text of [
      'Order #100012345',
      'Bestellnummer 4000123456',
      'Rechnung 030 1234567',
      'tracking 00340434161094042557',
      'geliefert am 2024-03-15 bzw. 15.03.2024 um 12:30:45',
      'SKU-10023-BLK',
      'kostet 1.299,00 € oder $1,299.99',
      'PLZ 10115 Berlin, 75008 Paris',
      'version 1.2.3.4 and v10.0.19045.2965',
      '3 x 250 g, 1 250 000 units, 100 000 km',
      'EAN 4006381333931',
      'ISBN 978-3-16-148410-0',
      'code-barres 0063642923008',
      'Ship to Fort Kent 86713-2508',
      'Wir haben 0815 4711 Teile',
      'IBAN DE89 3704 0044 0532 0130 00',
      'card 4111 1111 1111 1111',
      'numéro de commande 2024 0042 17',
      'Referenz 0301234567',
    ]) {
      assert.deepEqual(values(text), [], text);
    }
  });

  it('lets a phone word win over a nearby order word', () => {
    assert.deepEqual(values('Pour ma commande, appelez le 06 12 34 56 78'), ['06 12 34 56 78']);
  });

  it('never throws and reports well-formed spans (property)', () => {
    const unit = fc.constantFrom('0', '1', '3', '4', '6', '9', ' ', '.', '-', '/', '(', ')', '+', '\n', 'x', 'é', '€');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (s) =>
        phoneDetector
          .detect(s)
          .every((f) => f.start >= 0 && f.start < f.end && f.end <= s.length && f.type === 'PHONE'),
      ),
    );
  });

  it('finds any valid Berlin number however it is grouped (property)', () => {
    const subscriber = fc.stringMatching(/^[2-9]\d{6}$/);
    fc.assert(
      fc.property(subscriber, fc.constantFrom(' ', '/', '-'), (digits, sep) => {
        const number = `030${sep}${digits}`;
        return values(`Tel. ${number}`).includes(number);
      }),
    );
  });
});
