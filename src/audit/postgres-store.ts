/**
 * The audit store on PostgreSQL (`pg`), for several gateway replicas sharing one log. Each batch is one
 * transaction that takes its sequence numbers from a one-row counter (see `appendBatch` for why a counter row),
 * inserts all rows with one statement and commits with `synchronous_commit = on`, so `append` resolves only
 * once the batch is in the server's WAL on disk. All tables live in one schema (default `airlock_audit`), so
 * tests and tenants of a shared server can keep separate logs; the schema's version is recorded and a newer
 * one is refused.
 */
import pg from 'pg';
import { leafHash } from './hashes.ts';
import type { AppendItem, AuditRow, AuditStore, RowFilter, StoredCheckpoint } from './store.ts';
import { checkAllRows, checkRange, filterTerms, pageSizeOf } from './store-checks.ts';

/** Bumped whenever the tables below change shape; a schema with a higher version is refused. */
const POSTGRES_SCHEMA_VERSION = 1;

const DEFAULT_SCHEMA = 'airlock_audit';
const DEFAULT_POOL_SIZE = 10;

export interface PostgresStoreOptions {
  readonly connectionString: string;
  /** Schema holding the tables (created if missing); lower-case letters, digits and `_`. */
  readonly schema?: string;
  readonly poolSize?: number;
  /** Rows fetched per query while streaming `rows()`; small values are for tests. */
  readonly pageSize?: number;
}

type Queryable = Pick<pg.PoolClient, 'query'>;

export async function createPostgresStore(options: PostgresStoreOptions): Promise<AuditStore> {
  const schema = checkSchemaName(options.schema ?? DEFAULT_SCHEMA);
  const pageSize = pageSizeOf(options.pageSize);
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? DEFAULT_POOL_SIZE });
  // An idle client losing its connection must not crash the process; the next query gets a fresh one.
  pool.on('error', () => undefined);
  try {
    await inTransaction(pool, (client) => ensureSchema(client, schema));
  } catch (error) {
    await pool.end();
    throw describeOpenError(schema, error);
  }
  return buildStore(pool, tableNames(schema), pageSize);
}

function checkSchemaName(schema: string): string {
  // Validated rather than escaped: the name is spliced into SQL and shows up in operators' psql sessions.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new RangeError(`audit store: schema name ${JSON.stringify(schema)} must match [a-z_][a-z0-9_]* (at most 63 characters)`);
  }
  return schema;
}

class SchemaError extends Error {}

/** Never includes the connection string: it may carry a password. */
function describeOpenError(schema: string, error: unknown): Error {
  if (error instanceof SchemaError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`audit store: cannot open the PostgreSQL audit log in schema "${schema}": ${reason}`, { cause: error });
}

interface Tables {
  readonly schema: string;
  readonly rows: string;
  readonly checkpoints: string;
  readonly content: string;
  readonly sequence: string;
  readonly version: string;
}

function tableNames(schema: string): Tables {
  const table = (name: string): string => `"${schema}".${name}`;
  return {
    schema,
    rows: table('audit_rows'),
    checkpoints: table('audit_checkpoints'),
    content: table('audit_content'),
    sequence: table('audit_sequence'),
    version: table('audit_schema_version'),
  };
}

/** `time` and `tenant` use the "C" collation so text comparisons are bytewise, as in the SQLite store. */
function schemaSql(t: Tables): string {
  return `
    CREATE SCHEMA IF NOT EXISTS "${t.schema}";
    CREATE TABLE IF NOT EXISTS ${t.rows} (
      seq bigint PRIMARY KEY,
      time text COLLATE "C" NOT NULL,
      kind text NOT NULL,
      tenant text COLLATE "C",
      body bytea NOT NULL,
      leaf_hash bytea NOT NULL
    );
    CREATE INDEX IF NOT EXISTS audit_rows_tenant_seq ON ${t.rows} (tenant, seq);
    CREATE INDEX IF NOT EXISTS audit_rows_time_seq ON ${t.rows} (time, seq);
    CREATE TABLE IF NOT EXISTS ${t.checkpoints} (size bigint PRIMARY KEY, root bytea NOT NULL, note text NOT NULL);
    CREATE TABLE IF NOT EXISTS ${t.content} (seq bigint PRIMARY KEY, tenant text NOT NULL, ciphertext bytea NOT NULL);
    CREATE TABLE IF NOT EXISTS ${t.sequence} (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      next_seq bigint NOT NULL
    );
    INSERT INTO ${t.sequence} (next_seq) VALUES (0) ON CONFLICT DO NOTHING;
    CREATE TABLE IF NOT EXISTS ${t.version} (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      version integer NOT NULL
    );
    INSERT INTO ${t.version} (version) VALUES (${POSTGRES_SCHEMA_VERSION}) ON CONFLICT DO NOTHING;
  `;
}

async function ensureSchema(client: Queryable, schema: string): Promise<void> {
  const t = tableNames(schema);
  // CREATE ... IF NOT EXISTS is not safe against a concurrent CREATE of the same name; replicas starting
  // together take turns. The key only needs to be the same for the same schema, so a hash collision merely
  // serialises two unrelated start-ups.
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`airlock-audit-schema:${schema}`]);
  const version = await storedVersion(client, t);
  if (version !== null && version > POSTGRES_SCHEMA_VERSION) {
    throw new SchemaError(
      `audit store: schema "${schema}" has audit schema version ${version}, newer than this Airlock supports (${POSTGRES_SCHEMA_VERSION}); upgrade Airlock instead of writing to it`,
    );
  }
  if (version === POSTGRES_SCHEMA_VERSION) return;
  await client.query(schemaSql(t));
}

async function storedVersion(client: Queryable, t: Tables): Promise<number | null> {
  const exists = await client.query<{ table: string | null }>('SELECT to_regclass($1)::text AS table', [t.version]);
  if (exists.rows[0]?.table == null) return null;
  const result = await client.query<{ version: number }>(`SELECT version FROM ${t.version}`);
  return result.rows[0]?.version ?? null;
}

/** Runs `work` in a transaction on one pooled connection; commits if it resolves, rolls back if it throws. */
async function inTransaction<R>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<R>): Promise<R> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    broken = await rollback(client, error);
    throw error;
  } finally {
    // A connection whose rollback failed is in an unknown state: destroy it rather than reuse it.
    client.release(broken);
  }
}

async function rollback(client: pg.PoolClient, cause: unknown): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK');
    return undefined;
  } catch {
    return cause instanceof Error ? cause : new Error(String(cause));
  }
}

function buildStore(pool: pg.Pool, t: Tables, pageSize: number): AuditStore {
  let closed = false;
  const open = (): void => {
    if (closed) throw new Error('audit store: the PostgreSQL store is closed');
  };

  return {
    append: async <T extends AppendItem>(items: readonly T[], encode: (item: T, seq: number) => Buffer): Promise<number> => {
      open();
      return inTransaction(pool, (client) => appendBatch(client, t, items, encode));
    },
    size: async () => {
      open();
      const result = await pool.query<{ next_seq: string }>(`SELECT next_seq FROM ${t.sequence}`);
      return Number(result.rows[0]?.next_seq);
    },
    rows: (filter: RowFilter = {}) => streamRows(pool, t, filter, pageSize, open),
    leafHashes: async (from, to) => {
      open();
      return readLeafHashes(pool, t, from, to);
    },
    addCheckpoint: async (checkpoint: StoredCheckpoint) => {
      open();
      await pool.query(`INSERT INTO ${t.checkpoints} (size, root, note) VALUES ($1, $2, $3) ON CONFLICT (size) DO NOTHING`, [
        checkpoint.size,
        checkpoint.root,
        checkpoint.note,
      ]);
    },
    checkpoints: async () => {
      open();
      const result = await pool.query<{ size: string; root: Buffer; note: string }>(`SELECT size, root, note FROM ${t.checkpoints} ORDER BY size`);
      return result.rows.map((row) => ({ size: Number(row.size), root: row.root, note: row.note }));
    },
    putContent: async (seq, tenant, ciphertext) => {
      open();
      await pool.query(`INSERT INTO ${t.content} (seq, tenant, ciphertext) VALUES ($1, $2, $3)`, [seq, tenant, ciphertext]);
    },
    content: async (seq) => {
      open();
      const result = await pool.query<{ tenant: string; ciphertext: Buffer }>(`SELECT tenant, ciphertext FROM ${t.content} WHERE seq = $1`, [seq]);
      const row = result.rows[0];
      return row === undefined ? null : { tenant: row.tenant, ciphertext: row.ciphertext };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/**
 * Sequencing: the batch reserves its numbers with `UPDATE audit_sequence SET next_seq = next_seq + n RETURNING`.
 * The UPDATE row-locks the counter until COMMIT or ROLLBACK, so concurrent batches from any number of processes
 * queue on that one row and each sees the previous batch's committed value; a rolled-back batch rolls the counter
 * back with it, so no number is ever skipped (a SEQUENCE would leave gaps). Because the lock is released only
 * after the commit, rows become visible in sequence order and `size()` (the committed counter) never covers a
 * row a reader cannot see yet. A counter row rather than an advisory lock + MAX(seq): the lock and the number
 * come from one statement, the lock is tied to this schema's own table (advisory lock keys are global to the
 * database and would have to be derived from the schema name), and it works unchanged behind poolers.
 * One limit no store can remove: if the connection drops while COMMIT is in flight, the outcome is unknown here;
 * append rejects (the caller fails closed) even though the batch may have committed.
 */
async function appendBatch<T extends AppendItem>(
  client: Queryable,
  t: Tables,
  items: readonly T[],
  encode: (item: T, seq: number) => Buffer,
): Promise<number> {
  // Durable on COMMIT even if the server or role default was relaxed.
  await client.query('SET LOCAL synchronous_commit = on');
  const reserved = await client.query<{ first: string }>(
    `UPDATE ${t.sequence} SET next_seq = next_seq + $1 RETURNING next_seq - $1 AS first`,
    [items.length],
  );
  const first = Number(reserved.rows[0]?.first);
  if (items.length === 0) return first;
  const columns = encodeColumns(items, first, encode);
  // One statement for the whole batch whatever its size: six array parameters instead of 6 × n scalars.
  await client.query(
    `INSERT INTO ${t.rows} (seq, time, kind, tenant, body, leaf_hash)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bytea[], $6::bytea[])`,
    [columns.seqs, columns.times, columns.kinds, columns.tenants, columns.bodies, columns.leafHashes],
  );
  return first;
}

interface BatchColumns {
  readonly seqs: number[];
  readonly times: string[];
  readonly kinds: string[];
  readonly tenants: (string | null)[];
  readonly bodies: Buffer[];
  readonly leafHashes: Buffer[];
}

function encodeColumns<T extends AppendItem>(items: readonly T[], first: number, encode: (item: T, seq: number) => Buffer): BatchColumns {
  const columns: BatchColumns = { seqs: [], times: [], kinds: [], tenants: [], bodies: [], leafHashes: [] };
  items.forEach((item, index) => {
    const seq = first + index;
    const body = encode(item, seq);
    columns.seqs.push(seq);
    columns.times.push(item.time);
    columns.kinds.push(item.kind);
    columns.tenants.push(item.tenant);
    columns.bodies.push(body);
    columns.leafHashes.push(leafHash(body));
  });
  return columns;
}

async function readLeafHashes(pool: pg.Pool, t: Tables, from: number, to: number): Promise<Buffer[]> {
  checkRange(from, to);
  const result = await pool.query<{ leaf_hash: Buffer }>(
    `SELECT leaf_hash FROM ${t.rows} WHERE seq >= $1 AND seq < $2 ORDER BY seq`,
    [from, to],
  );
  checkAllRows(result.rows.length, from, to);
  return result.rows.map((row) => row.leaf_hash);
}

/** WHERE clauses for a filter with `$n` placeholders numbered after the seq cursor ($1). */
function filterClauses(filter: RowFilter): { clauses: string[]; params: unknown[] } {
  const terms = filterTerms(filter);
  return { clauses: terms.map((t, i) => `${t.column} ${t.operator} $${i + 2}`), params: terms.map((t) => t.value) };
}

/** Keyset pagination over seq: each page is one short query, so no cursor or transaction stays open between pages. */
async function* streamRows(pool: pg.Pool, t: Tables, filter: RowFilter, pageSize: number, open: () => void): AsyncGenerator<AuditRow> {
  open();
  const { clauses, params } = filterClauses(filter);
  const where = ['seq >= $1', ...clauses].join(' AND ');
  const text = `SELECT seq, body, leaf_hash FROM ${t.rows} WHERE ${where} ORDER BY seq LIMIT ${pageSize}`;
  let cursor = filter.fromSeq ?? 0;
  for (;;) {
    open();
    const page = await pool.query<{ seq: string; body: Buffer; leaf_hash: Buffer }>(text, [cursor, ...params]);
    for (const row of page.rows) yield { seq: Number(row.seq), body: row.body, leafHash: row.leaf_hash };
    if (page.rows.length < pageSize) return;
    cursor = Number(page.rows[page.rows.length - 1]?.seq) + 1;
  }
}
