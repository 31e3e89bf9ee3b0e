/**
 * Child process for the crash test: appends to a SQLite audit file through group commit as fast as it can,
 * from many concurrent lanes, and prints each event's seq on its own line as soon as `add` resolves (that is,
 * once the row is durable). The test kills it with SIGKILL at a random moment; every printed seq must survive.
 * stdout is a pipe, whose writes are synchronous on Linux, so a printed line is never lost with the process.
 * Usage: node crash-writer.ts <sqlite-path> <writer-id>
 */
import { createGroupCommit } from '../../../src/audit/group-commit.ts';
import { createSqliteStore } from '../../../src/audit/sqlite-store.ts';
import { encodeEvent, testEvent } from './events.ts';

const LANES = 64;

const path = process.argv[2];
const writer = process.argv[3] ?? 'w';
if (path === undefined) throw new Error('usage: crash-writer.ts <sqlite-path> <writer-id>');

const store = createSqliteStore(path);
const commit = createGroupCommit(store, encodeEvent, { maxWaitMs: 1, maxBatch: 128 });
let counter = 0;

async function lane(): Promise<never> {
  for (;;) {
    const n = counter++;
    const seq = await commit.add(testEvent(`${writer}:${n}`, n));
    process.stdout.write(`${seq}\n`);
  }
}

await Promise.all(Array.from({ length: LANES }, lane));
