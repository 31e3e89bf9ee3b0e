import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { STRUCTURED_PII_DETECTORS } from '../../../src/detect/pii/structured.ts';
import { ENTITY_GROUPS } from '../../../src/detect/types.ts';

const OWN_TYPES = new Set<string>([
  'EMAIL',
  'PHONE',
  'CARD_NUMBER',
  'IBAN',
  'BIC',
  'IP_ADDRESS',
  'VAT_ID',
  'DATE_OF_BIRTH',
  ...ENTITY_GROUPS.NATIONAL_ID,
]);

function wellFormed(text: string): boolean {
  return STRUCTURED_PII_DETECTORS.every((d) =>
    d.detect(text).every(
      (f) =>
        Number.isInteger(f.start) &&
        Number.isInteger(f.end) &&
        f.start >= 0 &&
        f.start < f.end &&
        f.end <= text.length &&
        d.types.includes(f.type) &&
        f.detector === d.id &&
        f.score >= 0 &&
        f.score <= 1,
    ),
  );
}

/** Fragments that drive every detector past its prefilters: digits, separators, prefixes and context words. */
const FRAGMENT = fc.constantFrom(
  '4111', '1111', '0044', '030', '+49', '(0)', '00', '12', '1985', '192.168', '.1', '::', 'ff', ':',
  'DE89', 'FR', 'NL', 'ATU', 'B01', 'X', 'Z', 'RSSMRA', '85T10', 'A562S', '@', 'a.b', '.com', 'é',
  ' ', ' ', '-', '.', '/', '\n', '\r\n', '\u00a0', '\u{1F600}', '\ud800',
  'tel', 'IBAN', 'BIC', 'card', 'born', 'né le', 'SSN', 'BSN', 'Steuer-ID', 'VAT', 'IP', 'order', 'März',
);

describe('structured PII detectors', () => {
  it('have unique ids under pii.* and cover exactly the structured entity types', () => {
    const ids = STRUCTURED_PII_DETECTORS.map((d) => d.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.every((id) => id.startsWith('pii.')));
    assert.deepEqual(new Set(STRUCTURED_PII_DETECTORS.flatMap((d) => d.types)), OWN_TYPES);
  });

  it('return nothing for empty and PII-free text', () => {
    for (const text of ['', ' ', 'Please summarise this customer feedback in three bullet points.']) {
      assert.deepEqual(
        STRUCTURED_PII_DETECTORS.flatMap((d) => d.detect(text)),
        [],
      );
    }
  });

  it('never throw and report well-formed spans for any string (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), wellFormed));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), wellFormed));
  });

  it('never throw and report well-formed spans for PII-shaped noise (property)', () => {
    fc.assert(
      fc.property(fc.array(FRAGMENT, { maxLength: 60 }), (parts) => wellFormed(parts.join(''))),
      { numRuns: 500 },
    );
  });

  it('give the same answer when run twice on the same text (no state left behind)', () => {
    const text = 'Tel +49 30 1234567, card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, anna@example.com';
    for (const d of STRUCTURED_PII_DETECTORS) assert.deepEqual(d.detect(text), d.detect(text), d.id);
  });

  it('find every kind of value in one mixed prompt', () => {
    const text = [
      'Kunde: max@example.de, Tel. +49 30 1234567, Karte 4111 1111 1111 1111.',
      'IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX, USt-IdNr. DE136695976.',
      'Login von 192.168.10.25, geboren am 12.03.1985, SSN 123-45-6789, NI number AB 12 34 56 C.',
      'Steuer-ID 86095742719, BSN 123456782, NIR 2 55 08 14 168 025 38, DNI 12345678Z, NIE X1234567L,',
      'codice fiscale RSSMRA85T10A562S.',
    ].join('\n');
    const types = new Set(STRUCTURED_PII_DETECTORS.flatMap((d) => d.detect(text)).map((f) => f.type));
    assert.deepEqual(types, OWN_TYPES);
  });

  it('find the values of a JSON tool payload and a log line, and nothing else', () => {
    const text = [
      '{"order_id": "7001200103", "customer": {"date_of_birth": "1973-02-02", "steuer_id": "86095742719",',
      '"mobilePhone": "+49 171 6516794", "email": "k.weber@example.de"},',
      '"db": "postgres://app:Maple1974-@db-1.internal:5432/shop"}',
      '[10:02] payment_failed order=4001015015 card=4111 1111 1111 1111 amount=$12.99 ip=78.117.43.76',
    ].join('\n');
    const found = STRUCTURED_PII_DETECTORS.flatMap((d) => d.detect(text))
      .map((f) => `${f.type} ${text.slice(f.start, f.end)}`)
      .sort();
    assert.deepEqual(found, [
      'CARD_NUMBER 4111 1111 1111 1111',
      'DATE_OF_BIRTH 1973-02-02',
      'DE_TAX_ID 86095742719',
      'EMAIL k.weber@example.de',
      'IP_ADDRESS 78.117.43.76',
      'PHONE +49 171 6516794',
    ]);
  });
});
