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

  it('reads French dotted numbers and one-digit area codes after a country code', () => {
    assert.deepEqual(values('portable 06.28.20.27.42'), ['06.28.20.27.42']);
    assert.deepEqual(values('Sekretariat: 01.72.86.44.96, danke'), ['01.72.86.44.96']);
    assert.deepEqual(values('Büro Wien 0043 1 2957124'), ['0043 1 2957124']);
    assert.deepEqual(values('Bruxelles : 0032 2 618 60 86'), ['0032 2 618 60 86']);
    assert.deepEqual(values('Zentrale 0049 30 12345678'), ['0049 30 12345678']);
    assert.deepEqual(values('Fon +49 (0) 30 1234567'), ['+49 (0) 30 1234567']);
    assert.deepEqual(values('bureau +33 (0)1 47 97 73 65'), ['+33 (0)1 47 97 73 65']);
  });

  it('finds a number that ends the text or is followed by a word in brackets', () => {
    assert.deepEqual(values('Fragen? info@example.de oder +49 221 4374689'), ['+49 221 4374689']);
    assert.deepEqual(values('Reach Ms Lee on (646) 519-1580 (mobile) or by e-mail'), ['(646) 519-1580']);
    assert.deepEqual(values('Herr Kraus erreichbar unter 0171-3835309 (mobil)'), ['0171-3835309']);
    assert.deepEqual(values('Contattare il sig. Neri al 3471234567 (cellulare)'), ['3471234567']);
  });

  it('gives a reference number to the order word unless a phone word is closer', () => {
    assert.deepEqual(values('tool call:\n{"order_id": "7001200103", "status": "ok"}'), []);
    assert.deepEqual(values('Contactez-nous en indiquant la commande 4001556762.'), []);
    assert.deepEqual(values('{"order_id": "7001200103", "phone": "0612345678"}'), ['0612345678']);
    assert.deepEqual(values('order 4001556762 (call center)'), []);
    assert.deepEqual(values('Zur Rechnung: buchhaltung@example.de oder 030 1234567'), ['030 1234567']);
    assert.deepEqual(values('{"customerPhone": "0612345678"}'), ['0612345678']);
    assert.deepEqual(values('user_id=0612345678 tel=0698765432'), ['0698765432']);
    assert.deepEqual(values('order=4001015015 amount=12.00 phone=+4915112345678'), ['+4915112345678']);
  });

  it('never reads an IP address or a version and date as a phone number', () => {
    assert.deepEqual(values('login from 78.117.43.76 at 21:42'), []);
    assert.deepEqual(values('Tel. Zentrale, Server 192.168.100.200'), []);
    assert.deepEqual(values('phone lib 0.2.6 / 22.12.2016 released'), []);
  });

  it('sees through evenly spaced-out digits next to a phone word, but not without one', () => {
    for (const written of ['0-0-4-4-1-4-1-4-3-1-5-7-9-6', '0  4  0  5  3  4  4  5  4  3  5', '0.1.5.2.8.3.7.0.6.9']) {
      assert.deepEqual(values(`Direct line ${written}, thanks`), [written], written);
      assert.deepEqual(values(`Werte ${written}, danke`), [], written);
    }
    assert.deepEqual(values('Teléfono directo 784  773  431'), ['784  773  431']);
    assert.deepEqual(values('telefoon +3  1  2  0  9  4  6  0  5  3  6'), ['+3  1  2  0  9  4  6  0  5  3  6']);
    assert.deepEqual(values('Tabelle 612  345  678'), []); // wide gaps alone are columns, not a number
    assert.deepEqual(values('phone model 1540 590320 9'), []); // uneven chunks: not a number cut up
  });

  it('reads pairs as a phone number only when it starts with 0 or a country code', () => {
    assert.deepEqual(values('Größen 36/38/40/42/44 und 36 38 40 42 44 lieferbar'), []);
    assert.deepEqual(values('bureau 01 42 68 53 00'), ['01 42 68 53 00']);
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
