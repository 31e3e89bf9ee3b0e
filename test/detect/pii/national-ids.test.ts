import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  esDniValid,
  esNieValid,
  frNirValid,
  itFiscalCodeValid,
} from '../../../src/detect/pii/national-ids-fr-es-it.ts';
import { NATIONAL_ID_DETECTORS, deTaxIdValid, nlBsnValid, ssnValid } from '../../../src/detect/pii/national-ids.ts';
import { iso7064Mod1110, keyWords } from '../../../src/detect/pii/national-ids-shared.ts';
import type { EntityType } from '../../../src/detect/types.ts';

/** Values of `type` found by the national-id detectors. */
function ids(type: EntityType, text: string): string[] {
  return NATIONAL_ID_DETECTORS.flatMap((d) => d.detect(text))
    .filter((f) => f.type === type)
    .map((f) => text.slice(f.start, f.end));
}

/** NIR key computed independently: 97 − (n mod 97), Corsica's 2A/2B read as 19/18. */
function nirKey(first13: string): string {
  const n = BigInt(first13.replace('2A', '19').replace('2B', '18'));
  return String(97n - (n % 97n)).padStart(2, '0');
}

/** Codice fiscale check character computed independently from the published tables. */
function cfCheck(first15: string): string {
  const odd = '1,0,5,7,9,13,15,17,19,21,2,4,18,20,11,3,6,8,12,14,16,10,22,25,24,23'.split(',').map(Number);
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15.charCodeAt(i);
    const v = c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? (odd[v] ?? 0) : v;
  }
  return String.fromCharCode(65 + (sum % 26));
}

describe('US SSN', () => {
  it('finds dashed and spaced numbers, and bare ones only next to "SSN"', () => {
    assert.deepEqual(ids('US_SSN', 'SSN 123-45-6789'), ['123-45-6789']);
    assert.deepEqual(ids('US_SSN', 'my number 123 45 6789'), ['123 45 6789']);
    assert.deepEqual(ids('US_SSN', 'Social Security: 123456789'), ['123456789']);
    assert.deepEqual(ids('US_SSN', 'ref 123456789'), []);
  });

  it('applies the area, group and serial rules', () => {
    for (const bad of ['000-12-3456', '666-12-3456', '912-34-5678', '123-00-4567', '123-45-0000']) {
      assert.deepEqual(ids('US_SSN', `SSN ${bad}`), [], bad);
      assert.equal(ssnValid(bad.replace(/-/g, '')), false);
    }
    assert.deepEqual(ids('US_SSN', 'SSN 123-45 6789'), []); // mixed separators
  });

  it('leaves order and ticket numbers alone', () => {
    assert.deepEqual(ids('US_SSN', 'order 123-45-6789'), []);
    assert.deepEqual(ids('US_SSN', 'Ticket 123-45-6789 closed'), []);
  });
});

describe('UK NINO', () => {
  it('finds numbers with and without spaces', () => {
    assert.deepEqual(ids('UK_NINO', 'NI number AB 12 34 56 C'), ['AB 12 34 56 C']);
    assert.deepEqual(ids('UK_NINO', 'national insurance JG103759A'), ['JG103759A']);
  });

  it('applies the prefix and suffix rules', () => {
    for (const bad of ['QQ123456C', 'DA123456A', 'AO123456A', 'GB123456A', 'TN123456A', 'AB123456E']) {
      assert.deepEqual(ids('UK_NINO', `NINO ${bad}`), [], bad);
    }
  });
});

describe('German tax id (Steuer-IdNr)', () => {
  it('needs a context word and a valid check digit', () => {
    assert.deepEqual(ids('DE_TAX_ID', 'Steuer-ID: 86095742719'), ['86095742719']);
    assert.deepEqual(ids('DE_TAX_ID', 'Steueridentifikationsnummer 86 095 742 719'), ['86 095 742 719']);
    assert.deepEqual(ids('DE_TAX_ID', '86095742719'), []);
    assert.deepEqual(ids('DE_TAX_ID', 'Steuer-ID: 86095742718'), []);
  });

  it('accepts exactly the digit patterns the BZSt issues (property)', () => {
    const tenDigits = fc.stringMatching(/^[1-9]\d{9}$/);
    fc.assert(
      fc.property(tenDigits, (head) => {
        const counts = [...head].reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<string, number>());
        const repeated = [...counts.values()].filter((n) => n > 1);
        const shapeOk = repeated.length === 1 && (repeated[0] ?? 0) <= 3;
        return deTaxIdValid(head + iso7064Mod1110(head)) === shapeOk;
      }),
    );
  });
});

describe('Dutch BSN', () => {
  it('needs a context word and passes the eleven-test', () => {
    assert.deepEqual(ids('NL_BSN', 'mijn BSN is 123456782'), ['123456782']);
    assert.deepEqual(ids('NL_BSN', 'burgerservicenummer 1112.22.333'), ['1112.22.333']);
    assert.deepEqual(ids('NL_BSN', '123456782'), []);
    assert.deepEqual(ids('NL_BSN', 'BSN 123456789'), []);
    assert.deepEqual(ids('NL_BSN', 'Uw BSN, zoals vermeld op uw paspoort, is: 123456782.'), ['123456782']);
    assert.deepEqual(ids('NL_BSN', `BSN volgt later. ${'Lorem ipsum dolor sit amet. '.repeat(4)}123456782`), []);
    assert.equal(nlBsnValid('000000000'), false);
  });
});

describe('French NIR', () => {
  it('finds grouped and bare numbers with a valid key, Corsica included', () => {
    assert.deepEqual(ids('FR_NIR', 'N° sécu 2 55 08 14 168 025 38'), ['2 55 08 14 168 025 38']);
    assert.deepEqual(ids('FR_NIR', 'NIR 255081416802538'), ['255081416802538']);
    const corsica = `18001 2A123456${nirKey('180012A123456')}`.replace(' ', '');
    assert.ok(frNirValid(corsica));
    assert.deepEqual(ids('FR_NIR', `numéro ${corsica}`), [corsica]);
  });

  it('rejects a wrong key or month', () => {
    assert.deepEqual(ids('FR_NIR', 'NIR 255081416802539'), []);
    assert.equal(frNirValid(`1851578006084${nirKey('1851578006084')}`), false); // month 15
  });
});

describe('Spanish DNI and NIE', () => {
  it('checks the control letter', () => {
    assert.deepEqual(ids('ES_DNI', 'DNI 12345678Z'), ['12345678Z']);
    assert.deepEqual(ids('ES_DNI', 'DNI: 12.345.678-Z'), ['12.345.678-Z']);
    assert.deepEqual(ids('ES_DNI', 'DNI 12345678A'), []);
    assert.deepEqual(ids('ES_NIE', 'NIE X1234567L'), ['X1234567L']);
    assert.deepEqual(ids('ES_NIE', 'NIE X-1234567-L'), ['X-1234567-L']);
    assert.deepEqual(ids('ES_NIE', 'NIE X1234567A'), []);
    assert.ok(esDniValid('00000000T') && esNieValid('Y0000000Z') && esNieValid('Z0000000M'));
  });

  it('does not read a VAT number or a longer code as a DNI', () => {
    assert.deepEqual(ids('ES_DNI', 'ES12345678Z'), []);
    assert.deepEqual(ids('ES_DNI', '912345678Z'), []);
  });
});

describe('Italian codice fiscale', () => {
  it('checks the check character and accepts omocodia', () => {
    assert.deepEqual(ids('IT_FISCAL_CODE', 'codice fiscale RSSMRA85T10A562S'), ['RSSMRA85T10A562S']);
    assert.deepEqual(ids('IT_FISCAL_CODE', 'CF RSSMRA85T10A562X'), []);
    const omocodic = 'RSSMRA85T10A56N'; // the last digit 2 written as N
    assert.ok(itFiscalCodeValid(omocodic + cfCheck(omocodic)));
    assert.deepEqual(ids('IT_FISCAL_CODE', `c.f. ${omocodic}${cfCheck(omocodic)}`), [omocodic + cfCheck(omocodic)]);
  });

  it('rejects impossible days and month letters', () => {
    const badDay = 'RSSMRA85T35A562';
    assert.equal(itFiscalCodeValid(badDay + cfCheck(badDay)), false);
    const badMonth = 'RSSMRA85F10A562';
    assert.equal(itFiscalCodeValid(badMonth + cfCheck(badMonth)), false);
  });
});

describe('context words spelt as keys', () => {
  it('split at underscores and lower-to-upper humps', () => {
    assert.equal(keyWords('date_of_birth'), 'date of birth');
    assert.equal(keyWords('customerTaxId'), 'customer Tax Id');
    assert.equal(keyWords('"steuerId": 1'), '"steuer Id": 1');
    assert.equal(keyWords('GEBURTSDATUM plain words'), 'GEBURTSDATUM plain words');
  });

  it('count for every id that needs a context word', () => {
    assert.deepEqual(ids('DE_TAX_ID', '{"steuer_id":"86095742719"}'), ['86095742719']);
    assert.deepEqual(ids('DE_TAX_ID', '{"tax_id": "86 095 742 719"}'), ['86 095 742 719']);
    assert.deepEqual(ids('DE_TAX_ID', '{"steuerId": "86095742719"}'), ['86095742719']);
    assert.deepEqual(ids('DE_TAX_ID', '{"customerTaxId": "86095742719"}'), ['86095742719']);
    assert.deepEqual(ids('DE_TAX_ID', '{"kunden_nr": "86095742719"}'), []);
    assert.deepEqual(ids('NL_BSN', '{"bsn_nummer": "123456782"}'), ['123456782']);
    assert.deepEqual(ids('NL_BSN', '{"burger_service_nummer": "123456782"}'), ['123456782']);
    assert.deepEqual(ids('US_SSN', '{"social_security_number": "123456789"}'), ['123456789']);
    assert.deepEqual(ids('US_SSN', '{"socialSecurityNumber": "123456789"}'), ['123456789']);
    assert.deepEqual(ids('US_SSN', '{"order_number": "123456789"}'), []);
  });

  it('reads a value after key= as the value of that field', () => {
    assert.deepEqual(ids('NL_BSN', 'kyc_check bsn=123456782 status=ok'), ['123456782']);
    assert.deepEqual(ids('US_SSN', 'applicant ssn=123-45-6789'), ['123-45-6789']);
    assert.deepEqual(ids('US_SSN', 'total 2=123-45-6789'), []); // a digit before '=' is a sum, not a key
  });
});

describe('national-id detectors', () => {
  it('never throw and report well-formed spans (property)', () => {
    const unit = fc.constantFrom('1', '2', '5', '8', '0', 'A', 'B', 'X', 'Z', 'S', ' ', '.', '-', 'BSN ', 'SSN ');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (s) =>
        NATIONAL_ID_DETECTORS.every((d) =>
          d.detect(s).every((f) => f.start >= 0 && f.start < f.end && f.end <= s.length && d.types.includes(f.type)),
        ),
      ),
    );
  });
});
