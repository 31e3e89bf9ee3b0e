import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { vatDetector } from '../../../src/detect/pii/vat.ts';

const values = (text: string): string[] => vatDetector.detect(text).map((f) => text.slice(f.start, f.end));

/** Published or registry-valid numbers, one per country with a check-digit algorithm. */
const VALID = [
  'ATU13585627',
  'BE0202239951',
  'DE136695976',
  'DK13585628',
  'EE100247019',
  'EL094259216',
  'ESA58818501',
  'FI20774740',
  'FR40303265045',
  'GB980780684',
  'HR33392005961',
  'HU12892312',
  'IT00743110157',
  'LU26375245',
  'NL004495445B01',
  'PL5260250274',
  'PT501964843',
  'SE556036079301',
  'SI50223054',
  'SK2022749619',
];

/** Changes the last digit a check covers (for NL the ninth body digit; its B01 suffix is a branch number). */
function corrupt(vat: string): string {
  const i = vat.startsWith('NL') ? 10 : vat.search(/\d(?=\D*$)/);
  return vat.slice(0, i) + String((Number(vat[i]) + 1) % 10) + vat.slice(i + 1);
}

describe('VAT detector', () => {
  it('reports valid numbers of every checked country without a context word', () => {
    for (const vat of VALID) assert.deepEqual(values(`Lieferant ${vat}.`), [vat], vat);
  });

  it('rejects the same numbers with a wrong check digit', () => {
    for (const vat of VALID) assert.deepEqual(values(`USt-IdNr. ${corrupt(vat)}`), [], corrupt(vat));
  });

  it('accepts Spanish NIF/NIE-based and Dutch post-2020 numbers', () => {
    assert.deepEqual(values('NIF ES12345678Z'), ['ES12345678Z']);
    assert.deepEqual(values('IVA ESX1234567L'), ['ESX1234567L']);
  });

  it('reads grouped numbers and reports the span with its prefix', () => {
    const text = 'USt-IdNr.: DE 136 695 976, Sitz Berlin';
    const [f] = vatDetector.detect(text);
    assert.deepEqual([f?.type, f?.start, f?.end, f?.detector], ['VAT_ID', 11, 25, 'pii.vat']);
    assert.ok((f?.score ?? 0) >= 0.95);
    assert.deepEqual(values('TVA FR 40 303 265 045'), ['FR 40 303 265 045']);
    assert.deepEqual(values('BTW BE 0202.239.951'), ['BE 0202.239.951']);
    assert.deepEqual(values('UID ATU-13585627'), []); // a dash inside the body after the U is not a grouping
  });

  it('needs a context word for formats without a check digit', () => {
    assert.deepEqual(values('CZ12345678'), []);
    assert.deepEqual(values('DIČ: CZ12345678'), ['CZ12345678']);
    assert.deepEqual(values('VAT no. IE6388047V'), ['IE6388047V']);
    assert.deepEqual(values('IE6388047V'), []);
    assert.deepEqual(values('TVA intracommunautaire FRXX999999999'), ['FRXX999999999']);
  });

  it('requires the country prefix at a word start', () => {
    assert.deepEqual(values('136695976'), []);
    assert.deepEqual(values('CODE136695976'), []);
    assert.deepEqual(values('XDE136695976'), []);
    assert.deepEqual(values('IT DEPARTMENT, AT HOME, DE 12'), []);
  });

  it('never throws and reports well-formed spans (property)', () => {
    const unit = fc.constantFrom('D', 'E', 'F', 'R', 'N', 'L', 'B', 'U', '1', '3', '6', '9', '0', ' ', '.', '-');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (s) =>
        vatDetector.detect(s).every((f) => f.start >= 0 && f.start < f.end && f.end <= s.length && f.type === 'VAT_ID'),
      ),
    );
  });
});
