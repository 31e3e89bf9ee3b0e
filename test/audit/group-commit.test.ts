/**
 * Group commit over a real SQLite store, watched through a counting wrapper that records every append's batch
 * size (and can hold an append open, to see what arrives meanwhile): concurrent events share few appends,
 * every caller gets its own seq in arrival order, maxBatch and maxWaitMs are honoured, one append is in flight
 * at a time, a failed batch rejects all of its callers and the next batch still works, flush and close.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test, type TestContext } from 'node:test';
import { createGroupCommit } from '../../src/audit/group-commit.ts';
import { createSqliteStore } from '../../src/audit/sqlite-store.ts';
import type { AppendItem, AuditRow, AuditStore } from '../../src/audit/store.ts';
import { POISON_ID, decodeEvent, encodeEvent, testEvent } from './helpers/events.ts';

interface CountingStore extends AuditStore {
  /** Size of every append's batch, in call order. */
  readonly batches: number[];
  /** The most appends that were running at once. */
  readonly maxConcurrent: number;
  /** Makes the next appends wait until the returned function is called. */
  hold(): () => void;
}

/** Delegates to the real store, recording what group commit asked of it. */
function counting(store: AuditStore): CountingStore {
  const batches: number[] = [];
  let running = 0;
  let maxConcurrent = 0;
  let gate: Promise<void> = Promise.resolve();
  return {
    ...store,
    batches,
    get maxConcurrent() {
      return maxConcurrent;
    },
    hold() {
      let release = (): void => undefined;
      gate = new Promise((resolve) => (release = resolve));
      return release;
    },
    async append<T extends AppendItem>(items: readonly T[], encode: (item: T, seq: number) => Buffer): Promise<number> {
      batches.push(items.length);
      running += 1;
      maxConcurrent = Math.max(maxConcurrent, running);
      try {
        await gate;
        return await store.append(items, encode);
      } finally {
        running -= 1;
      }
    },
  };
}

let tempDir = '';
let fileCounter = 0;
before(async () => {
  tempDir = await mkdtemp(join(tmpdir(), 'airlock-group-commit-'));
});
after(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

function freshStore(t: TestContext): CountingStore {
  const store = createSqliteStore(join(tempDir, `log-${fileCounter++}.sqlite`));
  t.after(() => store.close());
  return counting(store);
}

async function allRows(store: AuditStore): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  for await (const row of store.rows()) rows.push(row);
  return rows;
}

test('many concurrent adds share few appends and each caller gets its own seq, in arrival order', async (t) => {
  const store = freshStore(t);
  const commit = createGroupCommit(store, encodeEvent, { maxWaitMs: 5, maxBatch: 1_000 });
  const seqs = await Promise.all(Array.from({ length: 500 }, (_, n) => commit.add(testEvent(`e${n}`, n))));
  assert.deepEqual(
    seqs,
    Array.from({ length: 500 }, (_, n) => n),
  );
  assert.ok(store.batches.length <= 2, `500 concurrent adds took ${store.batches.length} appends`);
  const rows = await allRows(store);
  assert.deepEqual(
    rows.map((row) => decodeEvent(row.body).id),
    seqs.map((_, n) => `e${n}`),
  );
});

test('maxBatch caps every append and the overflow forms the next batches', async (t) => {
  const store = freshStore(t);
  const commit = createGroupCommit(store, encodeEvent, { maxWaitMs: 5, maxBatch: 64 });
  const seqs = await Promise.all(Array.from({ length: 250 }, (_, n) => commit.add(testEvent(`e${n}`, n))));
  assert.deepEqual(store.batches, [64, 64, 64, 58]);
  assert.deepEqual(
    seqs,
    Array.from({ length: 250 }, (_, n) => n),
  );
});

test('a batch waits up to maxWaitMs for companions, then goes without them', async (t) => {
  const store = freshStore(t);
  const commit = createGroupCommit(store, encodeEvent, { maxWaitMs: 40, maxBatch: 100 });
  const started = performance.now();
  const first = commit.add(testEvent('a', 0));
  await sleep(10);
  const second = commit.add(testEvent('b', 1));
  assert.deepEqual(await Promise.all([first, second]), [0, 1]);
  assert.deepEqual(store.batches, [2]);
  // The oldest event set the deadline; the companion did not extend it.
  const waited = performance.now() - started;
  assert.ok(waited >= 38 && waited < 200, `waited ${waited} ms`);
  assert.equal(await commit.add(testEvent('c', 2)), 2);
  assert.deepEqual(store.batches, [2, 1]);
});

test('one append at a time: events arriving while one is in flight form the next batch', async (t) => {
  const store = freshStore(t);
  const commit = createGroupCommit(store, encodeEvent, { maxWaitMs: 1, maxBatch: 100 });
  const release = store.hold();
  const first = commit.add(testEvent('first', 0));
  await sleep(10);
  assert.deepEqual(store.batches, [1], 'the first event went alone after maxWaitMs');
  const later = Array.from({ length: 10 }, (_, n) => commit.add(testEvent(`later${n}`, n + 1)));
  await sleep(20);
  assert.deepEqual(store.batches, [1], 'nothing else starts while the first append is in flight');
  release();
  assert.equal(await first, 0);
  assert.deepEqual(await Promise.all(later), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(store.batches, [1, 10]);
  assert.equal(store.maxConcurrent, 1);
});

test('a failed batch rejects every event in it with the same error, and later batches still work', async (t) => {
  const store = freshStore(t);
  const commit = createGroupCommit(store, encodeEvent, { maxWaitMs: 5, maxBatch: 100 });
  assert.equal(await commit.add(testEvent('ok', 0)), 0);
  const doomed = [testEvent('x', 1), testEvent(POISON_ID, 2), testEvent('y', 3)].map((event) => commit.add(event));
  const outcomes = await Promise.allSettled(doomed);
  const reasons = outcomes.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as Error) : null));
  assert.ok(reasons[0] instanceof Error);
  assert.match(reasons[0].message, /poison event/);
  assert.ok(reasons.every((reason) => reason === reasons[0]), 'all callers see the one error');
  assert.equal(await store.size(), 1);
  assert.deepEqual(await Promise.all([commit.add(testEvent('after1', 4)), commit.add(testEvent('after2', 5))]), [1, 2]);
  assert.deepEqual(
    (await allRows(store)).map((row) => decodeEvent(row.body).id),
    ['ok', 'after1', 'after2'],
  );
});

test('flush writes queued events at once instead of waiting for companions', async (t) => {
  const store = freshStore(t);
  const commit = createGroupCommit(store, encodeEvent, { maxWaitMs: 60_000, maxBatch: 100 });
  const pending = [commit.add(testEvent('a', 0)), commit.add(testEvent('b', 1))];
  const started = performance.now();
  await commit.flush();
  assert.ok(performance.now() - started < 1_000);
  assert.deepEqual(await Promise.all(pending), [0, 1]);
  assert.deepEqual(store.batches, [2]);
  await commit.flush();
  assert.deepEqual(store.batches, [2], 'flushing nothing appends nothing');
});

test('flush also waits for the append already in flight', async (t) => {
  const store = freshStore(t);
  const commit = createGroupCommit(store, encodeEvent, { maxWaitMs: 0, maxBatch: 100 });
  const release = store.hold();
  const first = commit.add(testEvent('a', 0));
  await sleep(5);
  let flushed = false;
  const flushing = commit.flush().then(() => (flushed = true));
  await sleep(10);
  assert.equal(flushed, false);
  release();
  await flushing;
  assert.equal(await first, 0);
});

test('close writes what is queued, then refuses new events; the store stays open', async (t) => {
  const store = freshStore(t);
  const commit = createGroupCommit(store, encodeEvent, { maxWaitMs: 60_000, maxBatch: 100 });
  const queued = [commit.add(testEvent('a', 0)), commit.add(testEvent('b', 1)), commit.add(testEvent('c', 2))];
  await commit.close();
  assert.deepEqual(await Promise.all(queued), [0, 1, 2]);
  await assert.rejects(commit.add(testEvent('late', 3)), /closed/);
  assert.equal(await store.size(), 3);
  await commit.close();
});

test('options are checked', (t) => {
  const store = freshStore(t);
  assert.throws(() => createGroupCommit(store, encodeEvent, { maxWaitMs: -1, maxBatch: 10 }), RangeError);
  assert.throws(() => createGroupCommit(store, encodeEvent, { maxWaitMs: 1, maxBatch: 0 }), RangeError);
  assert.throws(() => createGroupCommit(store, encodeEvent, { maxWaitMs: 1, maxBatch: 1.5 }), RangeError);
});

test('a lazy event starts no commit of its own: it rides with the next urgent one, or goes after lazyMs', async (t) => {
  const store = freshStore(t);
  const commit = createGroupCommit(store, encodeEvent, { maxWaitMs: 0, maxBatch: 100, lazyMs: 60 });
  const lazy = commit.add(testEvent('completion', 0), true);
  await sleep(10);
  assert.deepEqual(store.batches, [], 'nothing written for a lazy event alone yet');
  const urgent = await commit.add(testEvent('decision', 1));
  assert.deepEqual(store.batches, [2], 'the lazy event rode along with the urgent one');
  assert.deepEqual([await lazy, urgent], [0, 1]);
  const started = performance.now();
  const alone = await commit.add(testEvent('completion', 2), true);
  const waited = performance.now() - started;
  assert.equal(alone, 2);
  assert.deepEqual(store.batches, [2, 1]);
  assert.ok(waited >= 50, `a lone lazy event waits about lazyMs (waited ${waited.toFixed(1)} ms)`);
});
