/**
 * Child process for the multi-process sequencing test: opens the store named on the command line (creating
 * its schema, possibly at the same moment as its sibling) and appends `batches` batches of 1–8 events as fast
 * as it can, each event's body carrying the seq the store assigned. Prints "done <events>" and exits 0.
 * Both workers wait for the same wall-clock start time, so they open and write at the same moment rather than
 * one after the other because one process happened to start faster.
 * Usage: node append-worker.ts <target-json> <writer-id> <batches> <start-at-epoch-ms>
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { encodeEvent, testEvent } from './events.ts';
import { openTarget, parseTarget } from './targets.ts';

const target = parseTarget(process.argv[2]);
const writer = process.argv[3] ?? 'w';
const batches = Number(process.argv[4] ?? '50');
const startAt = Number(process.argv[5] ?? Date.now());

await sleep(Math.max(0, startAt - Date.now()));

const store = await openTarget(target);
let written = 0;
for (let batch = 0; batch < batches; batch += 1) {
  const size = 1 + Math.floor(Math.random() * 8);
  const items = Array.from({ length: size }, (_, index) => testEvent(`${writer}:${written + index}`, written + index));
  await store.append(items, encodeEvent);
  written += size;
  // A gateway's batches come with gaps between them. Without any, SQLite's lock (whose waiters poll with
  // sleeps) would let this process re-take it straight away and starve its sibling until it is done.
  await sleep(1);
}
await store.close();
process.stdout.write(`done ${written}\n`);
