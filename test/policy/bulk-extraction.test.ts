import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBulkWatch } from '../../src/policy/bulk-extraction.ts';

const SETTINGS = { maxDistinctValues: 3, windowSeconds: 60 };

function fakeClock() {
  let t = 1_000_000;
  return { now: () => t, advance: (seconds: number) => (t += seconds * 1000) };
}

describe('bulk-extraction watch', () => {
  it('counts distinct values per key and flags above the threshold', () => {
    const watch = createBulkWatch(fakeClock().now);
    assert.deepEqual(watch.record('k1', ['a', 'b'], SETTINGS), { distinct: 2, exceeded: false });
    assert.deepEqual(watch.record('k1', ['a', 'b', 'c'], SETTINGS), { distinct: 3, exceeded: false });
    assert.deepEqual(watch.record('k1', ['d'], SETTINGS), { distinct: 4, exceeded: true });
    assert.deepEqual(watch.record('k2', ['a', 'b', 'c', 'd'].slice(0, 1), SETTINGS), { distinct: 1, exceeded: false });
  });

  it('forgets values once the window has passed them', () => {
    const clock = fakeClock();
    const watch = createBulkWatch(clock.now);
    watch.record('k', ['a', 'b', 'c'], SETTINGS);
    clock.advance(30);
    watch.record('k', ['c'], SETTINGS); // seen again: its time moves on
    clock.advance(31);
    assert.deepEqual(watch.record('k', ['d'], SETTINGS), { distinct: 2, exceeded: false });
  });

  it('peek reports the verdict without recording anything', () => {
    const watch = createBulkWatch(fakeClock().now);
    watch.record('k', ['a', 'b', 'c'], SETTINGS);
    assert.deepEqual(watch.peek('k', ['c', 'd', 'd'], SETTINGS), { distinct: 4, exceeded: true });
    assert.deepEqual(watch.record('k', [], SETTINGS), { distinct: 3, exceeded: false });
  });

  it('keeps at most twice the threshold per key, however much a key sends', () => {
    const watch = createBulkWatch(fakeClock().now);
    const many = Array.from({ length: 10_000 }, (_, i) => `v${i}`);
    const verdict = watch.record('k', many, SETTINGS);
    assert.deepEqual(verdict, { distinct: 6, exceeded: true });
    assert.deepEqual(watch.peek('k', [], SETTINGS), { distinct: 6, exceeded: true });
  });
});
