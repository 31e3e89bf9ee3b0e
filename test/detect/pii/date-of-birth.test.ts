import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { dateOfBirthDetector } from '../../../src/detect/pii/date-of-birth.ts';

const values = (text: string): string[] => dateOfBirthDetector.detect(text).map((f) => text.slice(f.start, f.end));

describe('date-of-birth detector', () => {
  it('reports only the date, not the birth words', () => {
    const text = 'Patient born on 12 March 1985 in Leeds';
    const [f] = dateOfBirthDetector.detect(text);
    assert.deepEqual([f?.type, f?.start, f?.end, f?.detector], ['DATE_OF_BIRTH', 16, 29, 'pii.dob']);
  });

  it('understands the six languages and their date formats', () => {
    const cases: [string, string][] = [
      ['DOB: 03/12/1985', '03/12/1985'],
      ['date of birth March 12, 1985', 'March 12, 1985'],
      ['Date of birth: 12th of March 1985', '12th of March 1985'],
      ['geboren am 12.03.1985', '12.03.1985'],
      ['Geburtsdatum: 1985-03-12', '1985-03-12'],
      ['Geb. 12. März 1985', '12. März 1985'],
      ['née le 1er mars 1985', '1er mars 1985'],
      ['Date de naissance : 12 février 1985', '12 février 1985'],
      ['nacido el 12 de marzo de 1985', '12 de marzo de 1985'],
      ['Fecha de nacimiento: 12/03/1985', '12/03/1985'],
      ['nato il 12 marzo 1985 a Roma', '12 marzo 1985'],
      ['data di nascita: 12/03/85', '12/03/85'],
      ['geboren op 12 maart 1985', '12 maart 1985'],
      ['Geboortedatum: 12-03-1985', '12-03-1985'],
      ['Ich bin am 12.03.1985 geboren', '12.03.1985'],
    ];
    for (const [text, date] of cases) assert.deepEqual(values(text), [date], text);
  });

  it('ignores order, delivery and other dates', () => {
    for (const text of [
      'Bestellung vom 12.03.2024, geliefert am 15.03.2024',
      'Order date: March 12, 2024',
      'commande du 12 mars 2024, livraison le 15 mars 2024',
      'born in Berlin, ordered 12.03.2024',
      'Nato summit on 12 July 2023',
      'Geburtstagsfeier am 12.05.2025',
      'je ne sais pas, commande du 12.03.2024',
    ]) {
      assert.deepEqual(values(text), [], text);
    }
  });

  it('takes only the first date after a birth word, and gives a trailing word to the date that follows it', () => {
    assert.deepEqual(values('born on 12 March 1985, ordered on 15.03.2024'), ['12 March 1985']);
    assert.deepEqual(values('Bestellung 12.03.2024, geboren am 01.01.1980'), ['01.01.1980']);
    assert.deepEqual(values('Kunde seit 2020, 12.03.1985 (Geburtsdatum)'), ['12.03.1985']);
  });

  it('rejects impossible dates and years outside a lifetime', () => {
    assert.deepEqual(values('born 32.03.1985'), []);
    assert.deepEqual(values('born 12.13.1985'), []);
    assert.deepEqual(values('born 12.03.1850'), []);
    assert.deepEqual(values(`born 12.03.${new Date().getFullYear() + 1}`), []);
    assert.deepEqual(values('DOB 12/31/1985'), ['12/31/1985']); // month-first reading
  });

  it('accepts "birthday" only with a year far enough back', () => {
    assert.deepEqual(values('My birthday is 12 March 1985'), ['12 March 1985']);
    assert.deepEqual(values(`birthday party on 12 March ${new Date().getFullYear()}`), []);
  });

  it('finds any plausible numeric birth date (property)', () => {
    const day = fc.integer({ min: 1, max: 28 });
    const month = fc.integer({ min: 1, max: 12 });
    const year = fc.integer({ min: 1900, max: new Date().getFullYear() });
    fc.assert(
      fc.property(day, month, year, (d, m, y) => {
        const date = `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
        return values(`Geburtsdatum: ${date}`).join() === date;
      }),
    );
  });

  it('never throws and reports well-formed spans (property)', () => {
    const unit = fc.constantFrom('born ', 'né ', 'geb. ', '1', '2', '9', '8', '.', '/', '-', ' ', 'März', 'de ');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (s) =>
        dateOfBirthDetector
          .detect(s)
          .every((f) => f.start >= 0 && f.start < f.end && f.end <= s.length && f.type === 'DATE_OF_BIRTH'),
      ),
    );
  });
});
