/**
 * One behavioural suite for every audit store, run against a real SQLite file in a temp directory and a real
 * PostgreSQL schema made for each test: gapless sequence numbers across batches and across processes, exact
 * bytes and leaf hashes, filtered and paged row streams, leaf-hash ranges, checkpoints, captured content,
 * all-or-nothing batches and reopening. Store-specific tests (refused files, refused schemas) follow.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, before, describe, test, type TestContext } from 'node:test';
import { leafHash } from '../../src/audit/hashes.ts';
import { createPostgresStore } from '../../src/audit/postgres-store.ts';
import { createSqliteStore } from '../../src/audit/sqlite-store.ts';
import type { AuditRow, AuditStore, RowFilter } from '../../src/audit/store.ts';
import { POISON_ID, decodeEvent, encodeEvent, testEvent, type TestEvent } from './helpers/events.ts';
import { POSTGRES_URL, dropSchema, postgresUnavailableReason, runSql, uniqueSchemaName } from './helpers/postgres.ts';
import { openTarget, type StoreTarget } from './helpers/targets.ts';

const WORKER = join(import.meta.dirname, 'helpers', 'append-worker.ts');
const SMALL_PAGE = 4;
/** Enough for both worker processes to have started before they begin, so they really run at once. */
const WORKER_START_DELAY_MS = 600;

interface Backend {
  readonly name: string;
  /** Null when the backend can run here, else why its tests are skipped. */
  unavailable(): Promise<string | null>;
  /** A fresh, empty place for one test's log, removed when the test ends. */
  freshTarget(t: TestContext): StoreTarget;
}

let tempDir = '';
before(async () => {
  tempDir = await mkdtemp(join(tmpdir(), 'airlock-audit-stores-'));
});
after(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

let fileCounter = 0;
const sqliteBackend: Backend = {
  name: 'SQLite',
  unavailable: () => Promise.resolve(null),
  freshTarget: () => ({ store: 'sqlite', path: join(tempDir, `log-${fileCounter++}.sqlite`) }),
};

const postgresBackend: Backend = {
  name: 'PostgreSQL',
  unavailable: postgresUnavailableReason,
  freshTarget: (t) => {
    const schema = uniqueSchemaName();
    t.after(() => dropSchema(schema));
    return { store: 'postgres', connectionString: POSTGRES_URL, schema };
  },
};

/** Opens a store on the target and closes it when the test ends. */
async function openFor(t: TestContext, target: StoreTarget, pageSize?: number): Promise<AuditStore> {
  const store = await openTarget(target, pageSize);
  t.after(() => store.close());
  return store;
}

async function collect(rows: AsyncIterable<AuditRow>): Promise<AuditRow[]> {
  const all: AuditRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

function events(count: number, make: (n: number) => Partial<TestEvent> = () => ({})): TestEvent[] {
  return Array.from({ length: count }, (_, n) => testEvent(`e${n}`, n, make(n)));
}

/** Events with mixed tenants, kinds and rising times, for filter tests. */
function mixedEvents(count: number): TestEvent[] {
  return events(count, (n) => ({ tenant: [`acme`, `globex`, null][n % 3] ?? null, kind: n % 4 === 0 ? 'admin' : 'request' }));
}

function spawnWorker(target: StoreTarget, writer: string, batches: number, startAt: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const args = [WORKER, JSON.stringify(target), writer, String(batches), String(startAt)];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`worker ${writer} exited ${code}: ${stderr}`))));
  });
}

function defineSuite(backend: Backend): void {
  describe(`${backend.name} audit store`, () => {
    let skipReason: string | null = null;
    before(async () => {
      skipReason = await backend.unavailable();
    });

    /** Each test gets a fresh log; a backend that cannot run here skips instead. */
    async function fresh(t: TestContext, pageSize?: number): Promise<{ store: AuditStore; target: StoreTarget } | null> {
      if (skipReason !== null) {
        t.skip(skipReason);
        return null;
      }
      const target = backend.freshTarget(t);
      return { store: await openFor(t, target, pageSize), target };
    }

    test('sequence numbers are gapless from 0 across batches; an empty batch takes none', async (t) => {
      const opened = await fresh(t);
      if (opened === null) return;
      const { store } = opened;
      assert.equal(await store.size(), 0);
      assert.equal(await store.append(events(3), encodeEvent), 0);
      assert.equal(await store.append(events(1), encodeEvent), 3);
      assert.equal(await store.append([], encodeEvent), 4);
      assert.equal(await store.append(events(5), encodeEvent), 4);
      assert.equal(await store.size(), 9);
      const rows = await collect(store.rows());
      assert.deepEqual(
        rows.map((row) => row.seq),
        [0, 1, 2, 3, 4, 5, 6, 7, 8],
      );
      assert.deepEqual(
        rows.map((row) => decodeEvent(row.body).seq),
        [0, 1, 2, 3, 4, 5, 6, 7, 8],
      );
    });

    test('body and leaf hash are stored byte for byte', async (t) => {
      const opened = await fresh(t);
      if (opened === null) return;
      const { store } = opened;
      // Every byte value, including NUL and invalid UTF-8, plus the seq so each body differs.
      const binary = (_item: TestEvent, seq: number): Buffer => Buffer.concat([Buffer.from([seq]), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);
      await store.append(events(3), binary);
      const rows = await collect(store.rows());
      assert.equal(rows.length, 3);
      for (const row of rows) {
        assert.deepEqual(row.body, binary(testEvent('x', 0), row.seq));
        assert.ok(Buffer.isBuffer(row.body) && Buffer.isBuffer(row.leafHash));
        assert.deepEqual(row.leafHash, leafHash(row.body));
      }
    });

    test('rows() streams every row in order across many pages, and stopping early is harmless', async (t) => {
      const opened = await fresh(t, SMALL_PAGE);
      if (opened === null) return;
      const { store } = opened;
      await store.append(events(SMALL_PAGE * 7 + 2), encodeEvent);
      const rows = await collect(store.rows());
      assert.deepEqual(
        rows.map((row) => row.seq),
        Array.from({ length: SMALL_PAGE * 7 + 2 }, (_, i) => i),
      );
      let seen = 0;
      for await (const _row of store.rows()) if (++seen === SMALL_PAGE + 1) break;
      assert.equal(await store.append(events(1), encodeEvent), SMALL_PAGE * 7 + 2);
    });

    test('rows() filters by seq range, tenant, kind and time, also when matches are sparse across pages', async (t) => {
      const opened = await fresh(t, SMALL_PAGE);
      if (opened === null) return;
      const { store } = opened;
      const written = mixedEvents(40);
      await store.append(written, encodeEvent);
      const time = (n: number): string => testEvent('x', n).time;
      const filters: RowFilter[] = [
        {},
        { fromSeq: 5 },
        { toSeq: 9 },
        { fromSeq: 5, toSeq: 9 },
        { fromSeq: 39 },
        { fromSeq: 40 },
        { fromSeq: 7, toSeq: 7 },
        { tenant: 'acme' },
        { tenant: 'globex', fromSeq: 10, toSeq: 30 },
        { tenant: 'nobody' },
        { kind: 'admin' },
        { kind: 'admin', tenant: 'acme' },
        { since: time(12) },
        { until: time(12) },
        { since: time(12), until: time(20), tenant: 'acme' },
        { since: '2025-01-01', until: '2025-01-01T00:00:10' },
      ];
      for (const filter of filters) {
        const expected = written
          .map((event, seq) => ({ event, seq }))
          .filter(({ event, seq }) => matches(filter, event, seq))
          .map(({ seq }) => seq);
        const actual = (await collect(store.rows(filter))).map((row) => row.seq);
        assert.deepEqual(actual, expected, `filter ${JSON.stringify(filter)}`);
      }
    });

    test('leafHashes returns exactly the asked range and refuses one past the end', async (t) => {
      const opened = await fresh(t, SMALL_PAGE);
      if (opened === null) return;
      const { store } = opened;
      await store.append(events(10), encodeEvent);
      const rows = await collect(store.rows());
      assert.deepEqual(await store.leafHashes(0, 0), []);
      assert.deepEqual(await store.leafHashes(3, 7), rows.slice(3, 7).map((row) => row.leafHash));
      assert.deepEqual(await store.leafHashes(0, 10), rows.map((row) => row.leafHash));
      await assert.rejects(store.leafHashes(5, 11), RangeError);
      await assert.rejects(store.leafHashes(-1, 2), RangeError);
      await assert.rejects(store.leafHashes(4, 3), RangeError);
    });

    test('checkpoints: the first one per size wins, listed by size', async (t) => {
      const opened = await fresh(t);
      if (opened === null) return;
      const { store } = opened;
      const root = (byte: number): Buffer => Buffer.alloc(32, byte);
      await store.addCheckpoint({ size: 10, root: root(1), note: 'note for 10' });
      await store.addCheckpoint({ size: 5, root: root(2), note: 'note for 5' });
      await store.addCheckpoint({ size: 10, root: root(3), note: 'a racing replica' });
      await store.addCheckpoint({ size: 7, root: root(4), note: 'note for 7\nsecond line\n' });
      assert.deepEqual(await store.checkpoints(), [
        { size: 5, root: root(2), note: 'note for 5' },
        { size: 7, root: root(4), note: 'note for 7\nsecond line\n' },
        { size: 10, root: root(1), note: 'note for 10' },
      ]);
    });

    test('content is stored by seq, read back exactly, absent is null, and never overwritten', async (t) => {
      const opened = await fresh(t);
      if (opened === null) return;
      const { store } = opened;
      const ciphertext = Buffer.from([0, 255, 1, 254, 42]);
      await store.putContent(3, 'acme', ciphertext);
      assert.deepEqual(await store.content(3), { tenant: 'acme', ciphertext });
      assert.equal(await store.content(4), null);
      await assert.rejects(store.putContent(3, 'globex', Buffer.from('other')));
      assert.deepEqual(await store.content(3), { tenant: 'acme', ciphertext });
    });

    test('a failed batch leaves no row and takes no sequence number', async (t) => {
      const opened = await fresh(t);
      if (opened === null) return;
      const { store } = opened;
      await store.append(events(2), encodeEvent);
      const poisoned = [...events(2), testEvent(POISON_ID, 2), ...events(2)];
      await assert.rejects(store.append(poisoned, encodeEvent), /poison event at seq 4/);
      assert.equal(await store.size(), 2);
      assert.equal((await collect(store.rows())).length, 2);
      assert.equal(await store.append(events(3), encodeEvent), 2);
      assert.deepEqual(
        (await collect(store.rows())).map((row) => decodeEvent(row.body).seq),
        [0, 1, 2, 3, 4],
      );
    });

    test('reopening continues the same log', async (t) => {
      const opened = await fresh(t);
      if (opened === null) return;
      const { store, target } = opened;
      await store.append(events(4), encodeEvent);
      await store.addCheckpoint({ size: 4, root: Buffer.alloc(32, 9), note: 'n' });
      await store.close();
      const reopened = await openFor(t, target);
      assert.equal(await reopened.size(), 4);
      assert.equal(await reopened.append(events(2), encodeEvent), 4);
      assert.equal((await reopened.checkpoints()).length, 1);
      assert.deepEqual(
        (await collect(reopened.rows())).map((row) => row.seq),
        [0, 1, 2, 3, 4, 5],
      );
    });

    test('a closed store refuses work', async (t) => {
      const opened = await fresh(t);
      if (opened === null) return;
      const { store } = opened;
      await store.close();
      await store.close();
      await assert.rejects(store.size(), /closed/);
      await assert.rejects(store.append(events(1), encodeEvent), /closed/);
      await assert.rejects(collect(store.rows()), /closed/);
    });

    test('two processes appending at once produce one gapless log', async (t) => {
      if (skipReason !== null) return t.skip(skipReason);
      // Both workers create the schema of a fresh target themselves, racing each other.
      const target = backend.freshTarget(t);
      const batches = 150;
      const startAt = Date.now() + WORKER_START_DELAY_MS;
      const outputs = await Promise.all([spawnWorker(target, 'w1', batches, startAt), spawnWorker(target, 'w2', batches, startAt)]);
      const expected = outputs.map((output) => Number(/done (\d+)/.exec(output)?.[1])).reduce((a, b) => a + b, 0);
      const store = await openFor(t, target);
      const rows = await collect(store.rows());
      assert.equal(await store.size(), expected);
      assert.deepEqual(
        rows.map((row) => row.seq),
        Array.from({ length: expected }, (_, i) => i),
      );
      const decoded = rows.map((row) => decodeEvent(row.body));
      for (const [index, row] of rows.entries()) {
        assert.equal(decoded[index]?.seq, row.seq);
        assert.deepEqual(row.leafHash, leafHash(row.body));
      }
      // Each writer's events are all there, in its own order.
      for (const writer of ['w1', 'w2']) {
        const own = decoded.filter((event) => event.id.startsWith(`${writer}:`)).map((event) => Number(event.id.split(':')[1]));
        assert.deepEqual(own, Array.from({ length: own.length }, (_, i) => i));
      }
      // The writers really overlapped: their batches interleave instead of one running after the other.
      const switches = decoded.filter((event, i) => i > 0 && event.id.slice(0, 2) !== decoded[i - 1]?.id.slice(0, 2)).length;
      assert.ok(switches > 2, `expected interleaved writers, saw ${switches} switches`);
    });
  });
}

function matches(filter: RowFilter, event: TestEvent, seq: number): boolean {
  return (
    seq >= (filter.fromSeq ?? 0) &&
    (filter.toSeq === undefined || seq < filter.toSeq) &&
    (filter.tenant === undefined || event.tenant === filter.tenant) &&
    (filter.kind === undefined || event.kind === filter.kind) &&
    (filter.since === undefined || event.time >= filter.since) &&
    (filter.until === undefined || event.time < filter.until)
  );
}

defineSuite(sqliteBackend);
defineSuite(postgresBackend);

describe('SQLite audit store files', () => {
  test('uses WAL and records its schema version', async (t) => {
    const path = join(tempDir, 'pragmas.sqlite');
    await openFor(t, { store: 'sqlite', path });
    const db = new DatabaseSync(path);
    t.after(() => db.close());
    assert.equal(db.prepare('PRAGMA journal_mode').get()?.journal_mode, 'wal');
    assert.equal(db.prepare('PRAGMA user_version').get()?.user_version, 1);
  });

  test('a file that is not SQLite is refused with a clear error', async () => {
    const path = join(tempDir, 'not-a-database.sqlite');
    await writeFile(path, 'this is a text file, not a database, and it is long enough to have a header page.'.repeat(20));
    assert.throws(() => createSqliteStore(path), /cannot open .*not-a-database\.sqlite as an Airlock SQLite audit log: file is not a database/);
  });

  test('a path that cannot be opened is refused with a clear error', () => {
    assert.throws(() => createSqliteStore(join(tempDir, 'no-such-dir', 'log.sqlite')), /cannot open .*log\.sqlite as an Airlock SQLite audit log/);
  });

  test('a file from a newer schema version is refused and left untouched', async (t) => {
    const path = join(tempDir, 'newer.sqlite');
    const store = createSqliteStore(path);
    await store.append(events(2), encodeEvent);
    await store.close();
    const db = new DatabaseSync(path);
    db.exec('PRAGMA user_version = 99');
    db.close();
    assert.throws(() => createSqliteStore(path), /schema version 99, newer than this Airlock supports \(1\)/);
    const check = new DatabaseSync(path);
    t.after(() => check.close());
    assert.equal(check.prepare('SELECT count(*) AS n FROM audit_rows').get()?.n, 2);
    assert.equal(check.prepare('PRAGMA user_version').get()?.user_version, 99);
  });

  test("another application's database is refused and left untouched", (t) => {
    const path = join(tempDir, 'foreign.sqlite');
    const db = new DatabaseSync(path);
    db.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    db.close();
    assert.throws(() => createSqliteStore(path), /another application \(tables: customers\)/);
    const check = new DatabaseSync(path);
    t.after(() => check.close());
    assert.equal(check.prepare('PRAGMA journal_mode').get()?.journal_mode, 'delete', 'its journal mode was not switched');
  });

  test('opening an existing log again is idempotent', async (t) => {
    const path = join(tempDir, 'idempotent.sqlite');
    const first = await openFor(t, { store: 'sqlite', path });
    const second = await openFor(t, { store: 'sqlite', path });
    await first.append(events(2), encodeEvent);
    assert.equal(await second.append(events(1), encodeEvent), 2);
  });
});

describe('PostgreSQL audit store schemas', () => {
  let skipReason: string | null = null;
  before(async () => {
    skipReason = await postgresUnavailableReason();
  });

  test('a schema from a newer version is refused', async (t) => {
    if (skipReason !== null) return t.skip(skipReason);
    const schema = uniqueSchemaName();
    t.after(() => dropSchema(schema));
    const store = await createPostgresStore({ connectionString: POSTGRES_URL, schema });
    await store.close();
    await runSql(`UPDATE "${schema}".audit_schema_version SET version = 99`);
    await assert.rejects(createPostgresStore({ connectionString: POSTGRES_URL, schema }), /schema version 99, newer than this Airlock supports \(1\)/);
  });

  test('schema names that are not plain identifiers are refused before connecting', async () => {
    await assert.rejects(createPostgresStore({ connectionString: POSTGRES_URL, schema: 'x"; DROP TABLE y; --' }), RangeError);
    await assert.rejects(createPostgresStore({ connectionString: POSTGRES_URL, schema: 'Mixed' }), RangeError);
  });

  test('an unreachable server gives a clear error without the connection string', async () => {
    const secretUrl = 'postgres://airlock:s3cret-password@127.0.0.1:1/test';
    await assert.rejects(createPostgresStore({ connectionString: secretUrl, schema: 'airlock_unreachable' }), (error: Error) => {
      assert.match(error.message, /cannot open the PostgreSQL audit log in schema "airlock_unreachable"/);
      assert.doesNotMatch(error.message, /s3cret/);
      return true;
    });
  });
});
