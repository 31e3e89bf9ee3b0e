/**
 * `airlock audit verify|export|proof|tail|query`: the auditor's and the operator's view of the audit log.
 * - verify [--db FILE | --postgres URL | --bundle DIR | --config FILE] --pubkey FILE [--checkpoint FILE…]
 *   checks every event, the tree and every signed checkpoint (src/audit/verify.ts, bundle.ts) and prints a
 *   JSON report; exit 0 when the log is intact, 4 when it is not, naming the first bad sequence number and why.
 * - export --out DIR [--since T] [--until T]: a bundle that verify accepts without the database.
 * - proof --seq N: an inclusion proof of one event in the latest checkpoint.
 * - tail [-n N] [--follow] and query [--tenant T] [--kind K] [--since T] [--until T]: events as JSON lines.
 * The log is read from the given SQLite file or PostgreSQL URL, or from the configuration's audit section.
 */
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { exportBundle, verifyBundle } from '../audit/bundle.ts';
import { inclusionProof } from '../audit/merkle.ts';
import { openConfiguredStore, sqlitePath } from '../audit/open.ts';
import { createPostgresStore } from '../audit/postgres-store.ts';
import { createSqliteStore } from '../audit/sqlite-store.ts';
import type { AuditStore, RowFilter } from '../audit/store.ts';
import { verifyLog, type VerifyReport } from '../audit/verify.ts';
import { loadConfig } from '../config/load.ts';
import { CliUsageError, parseCommandArgs } from './usage.ts';

/** The log is not intact: distinct from 1 (failure), 2 (usage) and 3 (a refused request in policy explain). */
export const EXIT_TAMPERED = 4;

const SOURCE_OPTIONS = {
  db: { type: 'string' },
  postgres: { type: 'string' },
  schema: { type: 'string' },
  config: { type: 'string', short: 'c' },
} as const;

export async function runAudit(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'verify':
      return runVerify(rest);
    case 'export':
      return runExport(rest);
    case 'proof':
      return runProof(rest);
    case 'tail':
      return runTail(rest);
    case 'query':
      return runQuery(rest);
    default:
      throw new CliUsageError(sub === undefined ? 'expected a subcommand: verify, export, proof, tail or query' : `unknown subcommand "${sub}"`);
  }
}

interface SourceValues {
  db?: string | undefined;
  postgres?: string | undefined;
  schema?: string | undefined;
  config?: string | undefined;
}

/** The store named on the command line, or the configuration's; a missing SQLite file is an error, never created. */
async function openStore(values: SourceValues): Promise<AuditStore> {
  if (values.db !== undefined && values.postgres !== undefined) throw new CliUsageError('give --db or --postgres, not both');
  if (values.db !== undefined) return openSqlite(values.db);
  if (values.postgres !== undefined) return createPostgresStore({ connectionString: values.postgres, ...(values.schema ? { schema: values.schema } : {}) });
  const { config } = loadConfig({ path: values.config });
  if (config.audit.store === 'sqlite') return openSqlite(sqlitePath(config));
  return openConfiguredStore(config);
}

function openSqlite(path: string): AuditStore {
  if (!existsSync(path)) throw new CliUsageError(`${path}: no such audit database`);
  return createSqliteStore(path);
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliUsageError(`${path}: cannot read the ${what} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

async function runVerify(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...SOURCE_OPTIONS,
    bundle: { type: 'string' },
    pubkey: { type: 'string' },
    checkpoint: { type: 'string', multiple: true },
  });
  if (values.pubkey === undefined) throw new CliUsageError('--pubkey FILE is required: the verifier key you trust, from the operator, not from the log');
  const verifierKey = readText(values.pubkey, 'verifier key').trim();
  const extra = (values.checkpoint ?? []).map((path) => ({ note: readText(path, 'checkpoint'), source: path }));
  let report: VerifyReport;
  if (values.bundle !== undefined) {
    report = verifyBundle(values.bundle, verifierKey, extra);
  } else {
    const store = await openStore(values);
    try {
      const stored = (await store.checkpoints()).map((c) => ({ note: c.note, source: `stored checkpoint ${c.size}` }));
      report = await verifyLog({ rows: store.rows(), checkpoints: [...stored, ...extra], verifierKey });
    } finally {
      await store.close();
    }
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return report.ok ? 0 : EXIT_TAMPERED;
}

async function runExport(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { ...SOURCE_OPTIONS, out: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' }, pubkey: { type: 'string' } });
  if (values.out === undefined) throw new CliUsageError('--out DIR is required');
  const store = await openStore(values);
  try {
    const verifierKey = values.pubkey !== undefined ? readText(values.pubkey, 'verifier key').trim() : null;
    const manifest = await exportBundle(store, values.out, { since: time(values.since, '--since'), until: time(values.until, '--until'), verifierKey });
    process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

async function runProof(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { ...SOURCE_OPTIONS, seq: { type: 'string' } });
  const seq = Number(values.seq);
  if (values.seq === undefined || !Number.isSafeInteger(seq) || seq < 0) throw new CliUsageError('--seq N is required (a sequence number)');
  const store = await openStore(values);
  try {
    const checkpoint = (await store.checkpoints()).at(-1);
    if (!checkpoint || checkpoint.size <= seq) throw new CliUsageError(`event ${seq} is not covered by a signed checkpoint yet`);
    const leaves = await store.leafHashes(0, checkpoint.size);
    const proof = inclusionProof(seq, leaves);
    const out = { seq, leafHash: (leaves[seq] as Buffer).toString('base64'), treeSize: checkpoint.size, proof: proof.map((h) => h.toString('base64')), checkpoint: checkpoint.note };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

async function runTail(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { ...SOURCE_OPTIONS, lines: { type: 'string', short: 'n', default: '20' }, follow: { type: 'boolean', short: 'f' } });
  const lines = Number(values.lines);
  if (!Number.isSafeInteger(lines) || lines < 0) throw new CliUsageError('-n must be a whole number');
  const store = await openStore(values);
  try {
    let from = Math.max(0, (await store.size()) - lines);
    for (;;) {
      for await (const row of store.rows({ fromSeq: from })) {
        process.stdout.write(`${row.body.toString('utf8')}\n`);
        from = row.seq + 1;
      }
      if (values.follow !== true) return 0;
      await sleep(500);
    }
  } finally {
    await store.close();
  }
}

async function runQuery(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { ...SOURCE_OPTIONS, tenant: { type: 'string' }, kind: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' } });
  const filter: RowFilter = {
    ...(values.tenant !== undefined ? { tenant: values.tenant } : {}),
    ...(values.kind !== undefined ? { kind: values.kind } : {}),
    ...(values.since !== undefined ? { since: time(values.since, '--since') } : {}),
    ...(values.until !== undefined ? { until: time(values.until, '--until') } : {}),
  };
  const store = await openStore(values);
  try {
    for await (const row of store.rows(filter)) process.stdout.write(`${row.body.toString('utf8')}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/** An ISO 8601 time (a date alone means its midnight UTC), normalised to the stored form. */
function time(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new CliUsageError(`${flag} must be an ISO 8601 time such as 2026-11-01 or 2026-11-01T12:00:00Z`);
  return new Date(ms).toISOString();
}
