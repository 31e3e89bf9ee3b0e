import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bicDetector, ibanDetector } from '../../../src/detect/pii/iban.ts';
import { modOfDigits } from '../../../src/detect/pii/national-ids-shared.ts';

const ibans = (text: string): string[] => ibanDetector.detect(text).map((f) => text.slice(f.start, f.end));
const bics = (text: string): string[] => bicDetector.detect(text).map((f) => text.slice(f.start, f.end));

/** A German IBAN for an 18-digit BBAN, check digits computed the ISO 13616 way ("DE" = 13 14). */
function germanIban(bban: string): string {
  const check = 98 - modOfDigits(`${bban}131400`, 97);
  return `DE${String(check).padStart(2, '0')}${bban}`;
}

describe('IBAN detector', () => {
  it('finds IBANs of many countries, grouped in fours or not', () => {
    for (const iban of [
      'DE89 3704 0044 0532 0130 00',
      'GB82 WEST 1234 5698 7654 32',
      'FR14 2004 1010 0505 0001 3M02 606',
      'NL91 ABNA 0417 1643 00',
      'ES91 2100 0418 4502 0005 1332',
      'IT60 X054 2811 1010 0000 0123 456',
      'BE68 5390 0754 7034',
      'AT61 1904 3002 3457 3201',
      'CH93 0076 2011 6238 5295 7',
      'IE29 AIBK 9311 5212 3456 78',
      'PL61109010140000071219812874',
    ]) {
      assert.deepEqual(ibans(`Bitte auf ${iban} überweisen.`), [iban], iban);
    }
  });

  it('reports exact offsets including internal spaces', () => {
    const text = 'IBAN: DE89 3704 0044 0532 0130 00 danke';
    const [f] = ibanDetector.detect(text);
    assert.deepEqual([f?.type, f?.start, f?.end, f?.detector], ['IBAN', 6, 33, 'pii.iban']);
    assert.ok((f?.score ?? 0) >= 0.95);
  });

  it('sees through lower case, dots, dashes and line breaks', () => {
    assert.deepEqual(ibans('iban: de89370400440532013000'), ['de89370400440532013000']);
    assert.deepEqual(ibans('DE89.3704.0044.0532.0130.00'), ['DE89.3704.0044.0532.0130.00']);
    assert.deepEqual(ibans('DE89-3704-0044-0532-0130-00'), ['DE89-3704-0044-0532-0130-00']);
    assert.deepEqual(ibans('FR76 3000 6000 0112\n3456 7890 189'), ['FR76 3000 6000 0112\n3456 7890 189']);
    assert.deepEqual(ibans('NL91 ABNA\r\n0417 1643 00'), ['NL91 ABNA\r\n0417 1643 00']);
  });

  it('reads an IBAN however it is taken apart: groups of any size, wide or spaced separators', () => {
    for (const written of [
      'DE 89 37 04 00 44 05 32 01 30 00',
      'DE - 89 - 37 - 04 - 00 - 44 - 05 - 32 - 01 - 30 - 00',
      'D E 8 9 3 7 0 4 0 0 4 4 0 5 3 2 0 1 3 0 0 0',
      'D.E.8.9.3.7.0.4.0.0.4.4.0.5.3.2.0.1.3.0.0.0',
      'DE8 937 040 044 053 201 300 0',
      'DE8-937-040-044-053-201-300-0',
      'DE89  3704  0044  0532  0130  00',
      'DE89  3704 0044 0532 0130 00',
      'GB8 2WE ST1 234 569 876 543 2',
      'N L 9 1 A B N A 0 4 1 7 1 6 4 3 0 0',
    ]) {
      assert.deepEqual(ibans(`Überweisung auf ${written}, danke.`), [written], written);
    }
  });

  it('still needs the checksum and the exact length when the IBAN is taken apart', () => {
    assert.deepEqual(ibans('D E 8 8 3 7 0 4 0 0 4 4 0 5 3 2 0 1 3 0 0 0'), []);
    assert.deepEqual(ibans('DE 89 37 04 00 44 05 32 01 30 0'), []);
    assert.deepEqual(ibans('DE 89 37 04    00 44 05 32 01 30 00'), []); // four spaces end the value
  });

  it('still reports an IBAN whose bank-level check digits fail, at a lower score', () => {
    const [f] = ibanDetector.detect('IBAN BE33403090500577');
    assert.ok(f !== undefined && f.score < 0.99 && f.score >= 0.9);
  });

  it('rejects wrong checksums, wrong lengths and IBAN-like words', () => {
    for (const text of [
      'DE88 3704 0044 0532 0130 00',
      'DE89 3704 0044 0532 0130 0',
      'DE89 3704 0044 0532 0130 001',
      'XDE89370400440532013000',
      'QQ89370400440532013000',
      'Invoice AB12 CD34',
    ]) {
      assert.deepEqual(ibans(text), [], text);
    }
  });

  it('finds any valid German IBAN in any grouping and case (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{18}$/), fc.constantFrom(' ', '', '-', '.'), fc.boolean(), (bban, sep, low) => {
        const compact = germanIban(bban);
        let written = compact.match(/.{1,4}/g)?.join(sep) ?? compact;
        if (low) written = written.toLowerCase();
        const found = ibanDetector.detect(`IBAN ${written} bitte`);
        return found.length === 1 && found[0]?.start === 5 && found[0]?.end === 5 + written.length;
      }),
    );
  });

  it('never throws and reports well-formed spans (property)', () => {
    const unit = fc.constantFrom('D', 'E', 'd', '8', '9', '0', '3', ' ', '-', '.', '\n', 'X');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (s) =>
        ibanDetector.detect(s).every((f) => f.start >= 0 && f.start < f.end && f.end <= s.length && f.type === 'IBAN'),
      ),
    );
  });
});

describe('BIC detector', () => {
  it('reports a BIC next to BIC or SWIFT', () => {
    assert.deepEqual(bics('BIC: DEUTDEFF'), ['DEUTDEFF']);
    assert.deepEqual(bics('SWIFT code NWBKGB2L for the transfer'), ['NWBKGB2L']);
    assert.deepEqual(bics('BIC DEUTDEFF500'), ['DEUTDEFF500']);
    assert.deepEqual(bics('COBADEFFXXX (BIC)'), ['COBADEFFXXX']);
  });

  it('reads a lower-case BIC only right after its label', () => {
    assert.deepEqual(bics('bic: deutdeff'), ['deutdeff']);
    assert.deepEqual(bics('Swift-Code Cobadeffxxx'), ['Cobadeffxxx']);
    assert.deepEqual(bics('bic is database'), []);
  });

  it('reports a BIC near "bank" only when it carries a digit or the XXX branch', () => {
    assert.deepEqual(bics('Bank: Commerzbank, COBADEFFXXX'), ['COBADEFFXXX']);
    assert.deepEqual(bics('Banque ABNANL2A'), ['ABNANL2A']);
    assert.deepEqual(bics('bank CUSTOMER DATABASE'), []);
  });

  it('ignores capitalised words without a context word', () => {
    assert.deepEqual(bics('DEUTDEFF'), []);
    assert.deepEqual(bics('PLEASE CUSTOMER DATABASE SHIPPING'), []);
    assert.deepEqual(bics('BIC: DEUTDEFFX'), []); // nine characters
  });
});
