import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createDetectionEngine, resolveOverlaps } from '../../src/detect/engine.ts';
import type { Detector, RawFinding } from '../../src/detect/types.ts';
import { AirlockError } from '../../src/errors.ts';

const fixed = (id: string, findings: RawFinding[]): Detector => ({ id, types: ['EMAIL'], detect: () => findings });

describe('detection engine', () => {
  it('fails closed when a detector throws or reports an impossible span', () => {
    const throwing: Detector = { id: 'x', types: ['EMAIL'], detect: () => { throw new Error('boom'); } };
    const outOfBounds = fixed('y', [{ type: 'EMAIL', start: 2, end: 99, score: 1, detector: 'y' }]);
    for (const detector of [throwing, outOfBounds]) {
      assert.throws(() => createDetectionEngine({ detectors: [detector] }).detect('hello'), (err: unknown) => {
        assert.ok(err instanceof AirlockError);
        assert.equal(err.code, 'AIRLOCK_INSPECT_FAILED');
        return true;
      });
    }
  });

  it('maps spans found in the folded text back to the original, disguise included', () => {
    const text = 'mail ａｎｎａ@exa\u200Bmple.com now';
    const found = createDetectionEngine().detect(text);
    assert.deepEqual(found.map((f) => [f.type, text.slice(f.start, f.end)]), [['EMAIL', 'ａｎｎａ@exa\u200Bmple.com']]);
  });

  it('lets the stronger claim win an overlap: score, then length, then the more damaging kind', () => {
    const a: RawFinding = { type: 'EMAIL', start: 0, end: 10, score: 0.9, detector: 'a' };
    const b: RawFinding = { type: 'PASSWORD', start: 5, end: 12, score: 0.95, detector: 'b' };
    const c: RawFinding = { type: 'PHONE', start: 20, end: 30, score: 0.8, detector: 'c' };
    const d: RawFinding = { type: 'API_KEY', start: 20, end: 30, score: 0.8, detector: 'd' };
    assert.deepEqual(resolveOverlaps([a, b, c, d]), [b, d]);
    const person: RawFinding = { type: 'PERSON', start: 0, end: 5, score: 0.8, detector: 'x' };
    const address: RawFinding = { ...person, type: 'ADDRESS' };
    assert.deepEqual(resolveOverlaps([person, address]), resolveOverlaps([address, person]), 'a full tie still has one answer');
  });

  it('resolves overlaps the same way whatever order the findings come in (property)', () => {
    const finding = fc.record({
      type: fc.constantFrom('EMAIL' as const, 'PHONE' as const, 'API_KEY' as const, 'PERSON' as const),
      start: fc.nat(50),
      length: fc.integer({ min: 1, max: 20 }),
      score: fc.constantFrom(0.7, 0.8, 0.9),
      detector: fc.constantFrom('a', 'b', 'c'),
    }).map(({ length, ...f }): RawFinding => ({ ...f, end: f.start + length }));
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 12 }), fc.infiniteStream(fc.nat()), (findings, seeds) => {
        const shuffled = [...findings].sort(() => (seeds.next().value % 3) - 1);
        const result = resolveOverlaps(findings);
        assert.deepEqual(resolveOverlaps(shuffled), result);
        for (let i = 1; i < result.length; i++) assert.ok((result[i - 1] as RawFinding).end <= (result[i] as RawFinding).start);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws and keeps spans in bounds on any text (property)', () => {
    const engine = createDetectionEngine({ business: { terms: ['Falcon'], patterns: ['SKU-\\d+'], jsonFields: ['margin'] } });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        for (const f of engine.detect(text)) assert.ok(f.start >= 0 && f.start < f.end && f.end <= text.length);
      }),
      { numRuns: 300 },
    );
  });
});
