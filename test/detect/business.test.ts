import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createBusinessDetectors } from '../../src/detect/business/index.ts';
import { createJsonFieldDetector } from '../../src/detect/business/json-fields.ts';
import { createPatternDetector } from '../../src/detect/business/patterns.ts';
import { createTermDetector } from '../../src/detect/business/terms.ts';
import { patternProblem } from '../../src/config/regex-safety.ts';

const spans = (text: string, found: { start: number; end: number }[]) => found.map((f) => text.slice(f.start, f.end));

describe('business terms', () => {
  const detector = createTermDetector(['Project Falcon', 'Société Générale Fournitures', 'Falc', 'Acme Supplies']);

  it('matches case- and accent-insensitively, across a line break, on word boundaries only', () => {
    const text = 'About PROJECT falcon and project\nFalcon: ask societe generale fournitures, not Falcons or xAcme Supplies.';
    assert.deepEqual(spans(text, detector.detect(text)), ['PROJECT falcon', 'project\nFalcon', 'societe generale fournitures']);
  });

  it('finds overlapping dictionary entries in one pass', () => {
    const terms = createTermDetector(['he', 'she', 'hers', 'his']);
    assert.deepEqual(spans('ushers she his', terms.detect('ushers she his')), ['she', 'his']);
  });
});

describe('business patterns', () => {
  it('finds custom formats', () => {
    const detector = createPatternDetector(['CTR-\\d{4}-\\d{5}']);
    const text = 'Contract CTR-2024-00123 and CTR-99-1';
    assert.deepEqual(spans(text, detector.detect(text)), ['CTR-2024-00123']);
  });

  it('refuses patterns that can backtrack catastrophically, saying why', () => {
    assert.match(patternProblem('^(a+)+$') ?? '', /backtrack catastrophically \(exponential/);
    assert.match(patternProblem('(\\w|\\d)*x') ?? '', /backtrack catastrophically/);
    assert.equal(patternProblem('SKU-\\d{6}'), null);
    assert.equal(patternProblem('a*'), 'matches the empty string');
    assert.equal(patternProblem('(unclosed'), 'is not a valid regular expression');
    assert.throws(() => createPatternDetector(['(a|a)*b']), /backtrack/);
  });
});

describe('sensitive JSON fields', () => {
  const detector = createJsonFieldDetector(['cost_price', 'supplier', 'margin']);

  it('finds values of the named fields in any spelling, nested, escaped or single-quoted', () => {
    const text = [
      '{"sku":"A1","costPrice": 12.5, "Supplier": "Nordwind GmbH", "margin": {"pct": 31, "note": "a}b"}}',
      ' and {\\"cost_price\\": \\"9.99\\"} and {\'supplier\': \'Acme\'}',
    ].join('');
    assert.deepEqual(spans(text, detector.detect(text)), ['12.5', 'Nordwind GmbH', '{"pct": 31, "note": "a}b"}', '9.99', 'Acme']);
  });

  it('ignores other fields and prose', () => {
    const text = '{"price": 19.99, "name": "cost_price"} The supplier: unknown';
    assert.deepEqual(detector.detect(text), []);
  });

  it('never throws and keeps spans in bounds (property)', () => {
    const all = createBusinessDetectors({ terms: ['ab', 'b c'], patterns: ['x\\d+'], jsonFields: ['a', 'cost'] });
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '"', ':', '{', '}', '[', ']', '\\', 'x', '1', "'", ',', 'é'), maxLength: 60 }), (text) => {
        for (const d of all) for (const f of d.detect(text)) assert.ok(f.start >= 0 && f.start < f.end && f.end <= text.length);
      }),
      { numRuns: 2000 },
    );
  });
});
