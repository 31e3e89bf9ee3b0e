import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ADDRESS_DETECTOR } from '../../../src/detect/pii/addresses.ts';

const addresses = (text: string): string[] => ADDRESS_DETECTOR.detect(text).map((f) => text.slice(f.start, f.end));

function expectAddresses(cases: readonly (readonly [string, readonly string[]])[]): void {
  for (const [text, expected] of cases) assert.deepEqual(addresses(text), expected, text);
}

describe('ADDRESS_DETECTOR: German, Austrian and Swiss addresses', () => {
  it('covers street, number, postcode and city in one span', () => {
    expectAddresses([
      ['Lieferung an Hauptstraße 12, 10115 Berlin bitte.', ['Hauptstraße 12, 10115 Berlin']],
      ['Anschrift:\nHauptstraße 12\n10115 Berlin', ['Hauptstraße 12\n10115 Berlin']],
      ['Berliner Straße 5a, 60311 Frankfurt am Main', ['Berliner Straße 5a, 60311 Frankfurt am Main']],
      ['Mariahilfer Straße 45/2/13, 1060 Wien', ['Mariahilfer Straße 45/2/13, 1060 Wien']],
      ['Bahnhofstrasse 10, 8001 Zürich', ['Bahnhofstrasse 10, 8001 Zürich']],
      ['Am Markt 5, 28195 Bremen', ['Am Markt 5, 28195 Bremen']],
      ['senden, Am Kirchberg 7, 82319 Starnberg.', ['Am Kirchberg 7, 82319 Starnberg']],
    ]);
  });

  it('takes a street with an unambiguous type alone, and a preposition street near an address cue', () => {
    expectAddresses([
      ['Kaiser-Wilhelm-Straße 3', ['Kaiser-Wilhelm-Straße 3']],
      ['Hauptstr. 5', ['Hauptstr. 5']],
      ['Kurfürstendamm 21', ['Kurfürstendamm 21']],
      ['Sie wohnt An der Alster 3.', ['An der Alster 3']],
    ]);
  });
});

describe('ADDRESS_DETECTOR: Dutch, French, Spanish and Italian addresses', () => {
  it('reads Dutch streets and 1234 AB postcodes', () => {
    expectAddresses([
      ['Kerkstraat 12, 1017 AB Amsterdam', ['Kerkstraat 12, 1017 AB Amsterdam']],
      ['Van Baerlestraat 27', ['Van Baerlestraat 27']],
      ['Prinsengracht 263-267', ['Prinsengracht 263-267']],
      ['Laan van Meerdervoort 12, 2517 AA Den Haag', ['Laan van Meerdervoort 12, 2517 AA Den Haag']],
      ['Damrak 1\n1012 LG Amsterdam', ['Damrak 1\n1012 LG Amsterdam']],
    ]);
  });

  it('reads French number-first streets, CEDEX included', () => {
    expectAddresses([
      ['12 rue de la Paix, 75002 Paris', ['12 rue de la Paix, 75002 Paris']],
      ['5 bd Haussmann', ['5 bd Haussmann']],
      ["3 rue d'Alésia", ["3 rue d'Alésia"]],
      ['12 bis, avenue des Champs-Élysées 75008 Paris CEDEX 08', ['12 bis, avenue des Champs-Élysées 75008 Paris CEDEX 08']],
    ]);
  });

  it('reads Spanish streets with nº, floor and door', () => {
    expectAddresses([
      ['Calle Mayor 5, 28013 Madrid', ['Calle Mayor 5, 28013 Madrid']],
      ['C/ Gran Vía, 28, 3º B', ['C/ Gran Vía, 28, 3º B']],
      ['Avenida de la Constitución, nº 12, 2º 1ª, 41001 Sevilla', ['Avenida de la Constitución, nº 12, 2º 1ª, 41001 Sevilla']],
      ['Avda. Diagonal 640', ['Avda. Diagonal 640']],
    ]);
  });

  it('reads floors as normalised text has them (NFKC folds º to o) and streets named only by a postcode', () => {
    expectAddresses([
      ['Calle de Serrano 21, 5o A, 28035 Madrid', ['Calle de Serrano 21, 5o A, 28035 Madrid']],
      ['Gran Vía 26, 1o dcha., 08025 Barcelona', ['Gran Vía 26, 1o dcha., 08025 Barcelona']],
      ['Quai d\'Assas 15, 5020 Namur', ['Quai d\'Assas 15, 5020 Namur']],
      ['z. Hd. Joana Oschkenat\nHof 19, 4036 Linz', ['Hof 19, 4036 Linz']],
      ['Versand an Robin Pohl, Steingrüneredt 33a, 6044 Innsbruck', ['Steingrüneredt 33a, 6044 Innsbruck']],
    ]);
  });

  it('reads Italian streets with CAP and province', () => {
    expectAddresses([
      ['Via Roma 1, 20121 Milano (MI)', ['Via Roma 1, 20121 Milano (MI)']],
      ['Via Giuseppe Garibaldi, 12', ['Via Giuseppe Garibaldi, 12']],
      ['Corso Vittorio Emanuele II 15', ['Corso Vittorio Emanuele II 15']],
      ['via dei Mille 4/B, 00185 Roma RM', ['via dei Mille 4/B, 00185 Roma RM']],
      ['Via Matteotti 27 - 00135 Roma (RM)', ['Via Matteotti 27 - 00135 Roma (RM)']],
    ]);
  });
});

describe('ADDRESS_DETECTOR: UK and US addresses', () => {
  it('reads UK streets, flats and postcodes', () => {
    expectAddresses([
      ['221B Baker Street, London NW1 6XE', ['221B Baker Street, London NW1 6XE']],
      ['12 High Street', ['12 High Street']],
      ['Flat 3, 12 High Street, Oxford OX1 4AA', ['Flat 3, 12 High Street, Oxford OX1 4AA']],
      ['I live in London SW1A 1AA now.', ['London SW1A 1AA']],
    ]);
  });

  it('reads US streets, suites, states and ZIP+4', () => {
    expectAddresses([
      ['1600 Pennsylvania Ave NW, Washington, DC 20500', ['1600 Pennsylvania Ave NW, Washington, DC 20500']],
      ['123 Main St, Suite 200, Springfield, IL 62704-1234', ['123 Main St, Suite 200, Springfield, IL 62704-1234']],
      ['350 5th Avenue, New York, NY 10118', ['350 5th Avenue, New York, NY 10118']],
      ['Springfield, IL 62704', ['Springfield, IL 62704']],
      ['6700 Nikolaus Overpass, Apt 8D, Seattle, WA 98172', ['6700 Nikolaus Overpass, Apt 8D, Seattle, WA 98172']],
      ['Bluebell Trading LLC\n1499 Shawna Keys\nDenver, CO 80203', ['1499 Shawna Keys\nDenver, CO 80203']],
    ]);
  });

  it('accepts an everyday street type only with a postcode or an address cue', () => {
    expectAddresses([
      ['4 Rosewood Close, Reading RG1 2AB', ['4 Rosewood Close, Reading RG1 2AB']],
      ['Ship to 9 Maple Court please', ['9 Maple Court']],
      ['We won 3 Supreme Court cases', []],
    ]);
  });
});

describe('ADDRESS_DETECTOR: postcode lines and what is not an address', () => {
  it('takes a postcode-and-city line after an address label', () => {
    expectAddresses([
      ['Adresse: 10115 Berlin', ['10115 Berlin']],
      ['Indirizzo:\n00185 Roma', ['00185 Roma']],
    ]);
  });

  it('ignores numbers, prices, dates, sizes and products', () => {
    expectAddresses([
      ['10115', []],
      ['Order 12345 ships in 10115 units', []],
      ['Price 12.50 EUR on 12.05.2024', []],
      ['Size 42, Room 12, Version 12', []],
      ['Platz 1 in der Tabelle', []],
      ['Avenue sofa in grey', []],
      ['Avenue Sofa 3', []],
      ['Berlin', []],
      ['500 GB Hard Drive', []],
      ['via DHL Express 2 days', []],
      ['Via Bluetooth 5.0', []],
      ['Goldring 585, Parkplatz 3, Sitzplatz 12, Wanderweg 5', []],
      ['Im Jahr 2023 haben wir Am Lager 5 Stück', []],
      ['1000 Stück', []],
      ['iPhone 15 Pro Max', []],
    ]);
  });
});

describe('ADDRESS_DETECTOR: robustness (property)', () => {
  const piece = fc.constantFrom(
    'Hauptstraße ', '12', ' ', ', ', '\n', '10115 ', 'Berlin', 'rue ', 'de la ', 'Paix', 'Via ', 'Calle ', 'nº ',
    '3º B', 'Street', 'Baker ', 'NW1 6XE', 'IL ', '62704', 'Flat 3', '-', '/', 'Am ', 'Markt ', 'Adresse: ', 'é',
  );

  it('never throws and keeps spans in bounds and ordered', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.array(piece, { maxLength: 60 }).map((a) => a.join(''))), (text) => {
        const found = ADDRESS_DETECTOR.detect(text);
        let last = 0;
        for (const f of found) {
          assert.ok(f.start >= 0 && f.start < f.end && f.end <= text.length);
          assert.ok(f.start >= last);
          assert.equal(f.type, 'ADDRESS');
          last = f.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  // The character checks before each pattern (addresses.ts) must keep what the patterns alone would find.
  it('keeps elisions, abbreviated types and postcodes next to codes and prices', () => {
    expectAddresses([
      ["Rue d'Alésia 12, 75014 Paris", ["Rue d'Alésia 12, 75014 Paris"]],
      ['wohnt in der Hauptstr. 5', ['Hauptstr. 5']],
      ['order 375-4747502-9671829 for $2.90, Kerkstraat 12, 1017 AB Amsterdam', ['Kerkstraat 12, 1017 AB Amsterdam']],
    ]);
  });

  it('stays fast on long digit-heavy input', () => {
    const text = 'Hauptstraße 1 Via 2 rue 3 12.03.2024 49,99 '.repeat(2000);
    const start = performance.now();
    ADDRESS_DETECTOR.detect(text);
    assert.ok(performance.now() - start < 2000);
  });
});
