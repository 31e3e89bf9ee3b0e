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

  it('reads birth words spelt as JSON keys and identifiers', () => {
    const cases: [string, string][] = [
      ['{"name":"A. B.","date_of_birth":"1973-02-02","city":"Bonn"}', '1973-02-02'],
      ['{"dob": "02/03/1971"}', '02/03/1971'],
      ['{"dateOfBirth": "1980-12-24", "orderDate": "2024-01-05"}', '1980-12-24'],
      ['customer.birthDate = 1966-06-30', '1966-06-30'],
      ['{"geburtsdatum":"24.12.1980"}', '24.12.1980'],
      ['{"fecha_nacimiento": "30/06/1966"}', '30/06/1966'],
      ['{"data_di_nascita": "30/06/1966"}', '30/06/1966'],
      ['{"date_naissance": "30/06/1966"}', '30/06/1966'],
      ['{"geboortedatum": "30-06-1966"}', '30-06-1966'],
      ['<birth_date>1966-06-30</birth_date>', '1966-06-30'],
    ];
    for (const [text, date] of cases) assert.deepEqual(values(text), [date], text);
    assert.deepEqual(values('{"birthDate": "1966-06-30", "created_at": "2024-02-01"}'), ['1966-06-30']);
    assert.deepEqual(values('{"order_date": "2024-02-01", "delivery_date": "2024-02-03"}'), []);
    assert.deepEqual(values('{"dob_verified": true, "created_at": "2021-02-01"}'), []);
    assert.deepEqual(values('{"birthplace": "Lyon", "updatedAt": "2021-02-01"}'), []);
  });

  it('understands first-person and gender-open birth phrases', () => {
    const cases: [string, string][] = [
      ['Nací el 21/09/1969 en Málaga.', '21/09/1969'],
      ['Naci el 5 de junio de 1973', '5 de junio de 1973'],
      ['nato/a il 26/05/1981 a Torino', '26/05/1981'],
      ['nata il 26 gennaio 1947', '26 gennaio 1947'],
      ['nato(a) il 01/12/1971', '01/12/1971'],
      ['Je suis née le 3 mars 1990 à Lyon', '3 mars 1990'],
      ['né le 03/03/1963', '03/03/1963'],
    ];
    for (const [text, date] of cases) assert.deepEqual(values(text), [date], text);
    assert.deepEqual(values("L'année 2023 s'est bien passée, livraison le 12/03/2023."), []);
  });

  it('does not read a date out of a longer dotted or dashed run of numbers', () => {
    assert.deepEqual(values('Date de naissance : voir fiche, portable 07.91.11.06.62'), []);
    assert.deepEqual(values('geboren: siehe Akte 2024-01-12-03-1985'), []);
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
