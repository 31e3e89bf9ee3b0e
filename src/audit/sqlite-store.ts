/**
 * The audit store on a local SQLite file (node:sqlite). WAL journal with `synchronous = FULL`, so a committed
 * batch is fsync'd before `append` resolves. Sequence numbers are taken inside a `BEGIN IMMEDIATE` transaction
 * (the database's single write lock), so every process sharing the file sees one gapless log from 0. The schema
 * version lives in `PRAGMA user_version`; a file from a newer Airlock, another application or not SQLite at all
 * is refused with a clear error instead of being written to.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { leafHash } from './hashes.ts';
import type { AppendItem, AuditRow, AuditStore, RowFilter, StoredCheckpoint } from './store.ts';
import { checkAllRows, checkRange, filterTerms, pageSizeOf } from './store-checks.ts';

/** Bumped whenever the tables below change shape; a file with a higher version is refused. */
const SQLITE_SCHEMA_VERSION = 1;

/** How long a writer waits for another process's write transaction before failing. */
const BUSY_TIMEOUT_MS = 10_000;

export interface SqliteStoreOptions {
  /** Rows fetched per query while streaming `rows()`; small values are for tests. */
  readonly pageSize?: number;
}

const SCHEMA_SQL = `
  CREATE TABLE IF NOT EXISTS audit_rows (
    seq INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    kind TEXT NOT NULL,
    tenant TEXT,
    body BLOB NOT NULL,
    leaf_hash BLOB NOT NULL
  );
  CREATE INDEX IF NOT EXISTS audit_rows_tenant_seq ON audit_rows (tenant, seq);
  CREATE INDEX IF NOT EXISTS audit_rows_time_seq ON audit_rows (time, seq);
  CREATE TABLE IF NOT EXISTS audit_checkpoints (
    size INTEGER PRIMARY KEY,
    root BLOB NOT NULL,
    note TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS audit_content (
    seq INTEGER PRIMARY KEY,
    tenant TEXT NOT NULL,
    ciphertext BLOB NOT NULL
  );
`;

const OUR_TABLES = new Set(['audit_rows', 'audit_checkpoints', 'audit_content']);

export function createSqliteStore(path: string, options: SqliteStoreOptions = {}): AuditStore {
  const pageSize = pageSizeOf(options.pageSize);
  const db = openDatabase(path);
  try {
    retryWhileBusy(() => {
      // busy_timeout first: every later step may need a lock another process holds.
      db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
      // Checked before anything is changed, so a refused file is left exactly as it was.
      refuseUnknownFile(db, path);
      useDurableWal(db);
      ensureSchema(db, path);
    });
  } catch (error) {
    db.close();
    throw describeOpenError(path, error);
  }
  return buildStore(db, pageSize);
}

function openDatabase(path: string): DatabaseSync {
  try {
    return new DatabaseSync(path);
  } catch (error) {
    throw describeOpenError(path, error);
  }
}

/** Errors we raise ourselves are already clear; SQLite's ("file is not a database") get the path and context. */
function describeOpenError(path: string, error: unknown): Error {
  if (error instanceof SchemaError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`audit store: cannot open ${path} as an Airlock SQLite audit log: ${reason}`, { cause: error });
}

class SchemaError extends Error {}

const SQLITE_BUSY = 5;
const OPEN_RETRY_PAUSE_MS = 10;

/**
 * Several processes opening the same fresh file race to switch it to WAL; SQLite answers some of those races
 * with SQLITE_BUSY at once instead of calling the busy handler, so opening retries until BUSY_TIMEOUT_MS.
 * The schema step is one transaction, so a retry never sees half of it.
 */
function retryWhileBusy(work: () => void): void {
  const deadline = performance.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      work();
      return;
    } catch (error) {
      if (!isBusy(error) || performance.now() > deadline) throw error;
      sleepSync(OPEN_RETRY_PAUSE_MS);
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  // Extended codes (SQLITE_BUSY_RECOVERY, …) keep the primary code in the low byte.
  return typeof code === 'number' && (code & 0xff) === SQLITE_BUSY;
}

/** Opening is synchronous (and happens once, at start-up), so the pause blocks the thread on purpose. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function useDurableWal(db: DatabaseSync): void {
  const mode = db.prepare('PRAGMA journal_mode = WAL').get();
  if (String(mode?.journal_mode).toLowerCase() !== 'wal') throw new Error('could not switch the journal to WAL');
  // FULL: the WAL is fsync'd at every commit, so a resolved append survives power loss, not only a crash.
  db.exec('PRAGMA synchronous = FULL');
}

function refuseUnknownFile(db: DatabaseSync, path: string): void {
  const version = userVersion(db);
  refuseNewerSchema(version, path);
  if (version === 0) refuseForeignTables(db, path);
}

function userVersion(db: DatabaseSync): number {
  return Number(db.prepare('PRAGMA user_version').get()?.user_version ?? 0);
}

function ensureSchema(db: DatabaseSync, path: string): void {
  if (userVersion(db) === SQLITE_SCHEMA_VERSION) return;
  // Re-checked under the write lock: another process may be creating the schema at the same moment.
  inWriteTransaction(db, () => {
    const version = userVersion(db);
    refuseNewerSchema(version, path);
    if (version === SQLITE_SCHEMA_VERSION) return;
    refuseForeignTables(db, path);
    db.exec(SCHEMA_SQL);
    db.exec(`PRAGMA user_version = ${SQLITE_SCHEMA_VERSION}`);
  });
}

function refuseNewerSchema(version: number, path: string): void {
  if (version > SQLITE_SCHEMA_VERSION) {
    throw new SchemaError(
      `audit store: ${path} has audit schema version ${version}, newer than this Airlock supports (${SQLITE_SCHEMA_VERSION}); upgrade Airlock instead of writing to it`,
    );
  }
}

/** A version-0 file holding someone else's tables is not ours to write into. */
function refuseForeignTables(db: DatabaseSync, path: string): void {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  const foreign = tables.map((row) => String(row.name)).filter((name) => !OUR_TABLES.has(name));
  if (foreign.length > 0) {
    throw new SchemaError(`audit store: ${path} is a SQLite database of another application (tables: ${foreign.join(', ')}); refusing to use it`);
  }
}

/** Runs `work` holding SQLite's write lock; commits if it returns, rolls back if it throws. */
function inWriteTransaction<R>(db: DatabaseSync, work: () => R): R {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** node:sqlite hands BLOBs back as Uint8Array; the interface promises Buffers (no copy). */
function toBuffer(value: unknown): Buffer {
  if (!(value instanceof Uint8Array)) throw new TypeError('audit store: expected a BLOB column');
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

interface Statements {
  readonly nextSeq: StatementSync;
  readonly insertRow: StatementSync;
  readonly leafHashes: StatementSync;
  readonly insertCheckpoint: StatementSync;
  readonly checkpoints: StatementSync;
  readonly insertContent: StatementSync;
  readonly content: StatementSync;
}

function prepareStatements(db: DatabaseSync): Statements {
  return {
    nextSeq: db.prepare('SELECT COALESCE(MAX(seq) + 1, 0) AS next FROM audit_rows'),
    insertRow: db.prepare('INSERT INTO audit_rows (seq, time, kind, tenant, body, leaf_hash) VALUES (?, ?, ?, ?, ?, ?)'),
    leafHashes: db.prepare('SELECT leaf_hash FROM audit_rows WHERE seq >= ? AND seq < ? ORDER BY seq'),
    insertCheckpoint: db.prepare('INSERT INTO audit_checkpoints (size, root, note) VALUES (?, ?, ?) ON CONFLICT (size) DO NOTHING'),
    checkpoints: db.prepare('SELECT size, root, note FROM audit_checkpoints ORDER BY size'),
    insertContent: db.prepare('INSERT INTO audit_content (seq, tenant, ciphertext) VALUES (?, ?, ?)'),
    content: db.prepare('SELECT tenant, ciphertext FROM audit_content WHERE seq = ?'),
  };
}

function buildStore(db: DatabaseSync, pageSize: number): AuditStore {
  const sql = prepareStatements(db);
  let closed = false;
  const open = (): void => {
    if (closed) throw new Error('audit store: the SQLite store is closed');
  };
  /** node:sqlite is synchronous: run the work now and hand its result or error back as a promise. */
  const run = <R>(work: () => R): Promise<R> => {
    try {
      open();
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  return {
    append: <T extends AppendItem>(items: readonly T[], encode: (item: T, seq: number) => Buffer) => run(() => appendBatch(db, sql, items, encode)),
    size: () => run(() => Number(sql.nextSeq.get()?.next)),
    rows: (filter: RowFilter = {}) => streamRows(db, filter, pageSize, open),
    leafHashes: (from, to) => run(() => readLeafHashes(sql, from, to)),
    addCheckpoint: (checkpoint: StoredCheckpoint) =>
      run(() => {
        sql.insertCheckpoint.run(checkpoint.size, checkpoint.root, checkpoint.note);
      }),
    checkpoints: () =>
      run(() => sql.checkpoints.all().map((row) => ({ size: Number(row.size), root: toBuffer(row.root), note: String(row.note) }))),
    putContent: (seq, tenant, ciphertext) =>
      run(() => {
        sql.insertContent.run(seq, tenant, ciphertext);
      }),
    content: (seq) =>
      run(() => {
        const row = sql.content.get(seq);
        return row === undefined ? null : { tenant: String(row.tenant), ciphertext: toBuffer(row.ciphertext) };
      }),
    close: () => {
      if (!closed) db.close();
      closed = true;
      return Promise.resolve();
    },
  };
}

function appendBatch<T extends AppendItem>(
  db: DatabaseSync,
  sql: Statements,
  items: readonly T[],
  encode: (item: T, seq: number) => Buffer,
): number {
  return inWriteTransaction(db, () => {
    // Read under the write lock, so no other writer can take the same numbers.
    const first = Number(sql.nextSeq.get()?.next);
    items.forEach((item, index) => {
      const seq = first + index;
      const body = encode(item, seq);
      sql.insertRow.run(seq, item.time, item.kind, item.tenant, body, leafHash(body));
    });
    return first;
  });
}

function readLeafHashes(sql: Statements, from: number, to: number): Buffer[] {
  checkRange(from, to);
  const hashes = sql.leafHashes.all(from, to).map((row) => toBuffer(row.leaf_hash));
  checkAllRows(hashes.length, from, to);
  return hashes;
}

/** WHERE clauses for a filter, `?` placeholders in order; the seq cursor is added by the pager. */
function filterClauses(filter: RowFilter): { clauses: string[]; params: SQLInputValue[] } {
  const terms = filterTerms(filter);
  return { clauses: terms.map((t) => `${t.column} ${t.operator} ?`), params: terms.map((t) => t.value) };
}

/** Keyset pagination over seq: each page is one short query, so no read snapshot is held between pages. */
async function* streamRows(db: DatabaseSync, filter: RowFilter, pageSize: number, open: () => void): AsyncGenerator<AuditRow> {
  open();
  const { clauses, params } = filterClauses(filter);
  const where = ['seq >= ?', ...clauses].join(' AND ');
  const page = db.prepare(`SELECT seq, body, leaf_hash FROM audit_rows WHERE ${where} ORDER BY seq LIMIT ${pageSize}`);
  let cursor = filter.fromSeq ?? 0;
  for (;;) {
    open();
    const rows = page.all(cursor, ...params);
    for (const row of rows) yield { seq: Number(row.seq), body: toBuffer(row.body), leafHash: toBuffer(row.leaf_hash) };
    if (rows.length < pageSize) return;
    cursor = Number(rows[rows.length - 1]?.seq) + 1;
    // Queries block the thread: let pending I/O run between pages of a long export.
    await yieldToEventLoop();
  }
}
