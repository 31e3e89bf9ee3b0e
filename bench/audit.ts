/**
 * `npm run bench:audit [-- --quick --postgres URL]`: what the tamper-evident audit log costs, in one run.
 *
 * 1. Durable events per second with group commit, on SQLite (a temporary file on disk) and on PostgreSQL (a
 *    uniquely named schema on the local server, dropped at the end; the row is skipped, saying why, when the
 *    server does not answer). Events go through `openAuditLog` with the gateway's defaults (group commit 2 ms,
 *    at most 512 per batch, a signed checkpoint every second while events arrive), so the checkpointer runs as
 *    in the gateway. The events are `request.decision` events built as the record-decision stage builds them
 *    (policy hash, findings and actions per type, targets, injection verdict, prompt HMAC). For 1, 16 and 256
 *    events in flight (each of that many writers appends, waits until its event is durable, appends the next),
 *    it reports events per second and the latency of each append from the call to the durable resolve (p50,
 *    p99, max). The store is wrapped (not modified) to count the batches group commit writes, their average
 *    size and commit time, and the checkpoints signed.
 * 2. Verify speed: N events written to a SQLite log (checkpoints signed every 5,000 events, as a gateway
 *    taking 5,000 events/s would sign each second), then `verifyLog` over `store.rows()` with the stored
 *    checkpoints and the verifier key, in events/s and MB/s of event bodies. Beside it, on the same bodies and
 *    in the same run: the raw SHA-256 rate for the hashing a verifier cannot avoid (one leaf hash per body and
 *    about one interior node hash per leaf), and the phases of verification timed one by one outside the
 *    module (reading the rows, JSON parsing, canonical JSON, the per-event checks, leaf hashing, rebuilding the
 *    tree), so a reader sees where verify's time goes. Every pass reports the fastest of a few runs.
 *
 * Temporary files and the schema are removed at the end. It measures, it asserts nothing.
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { pino } from 'pino';
import { encodeEvent, type DecisionEvent, type UnsequencedEvent } from '../src/audit/events.ts';
import { leafHash, nodeHash } from '../src/audit/hashes.ts';
import { openAuditLog, type AuditLog } from '../src/audit/log.ts';
import { Frontier } from '../src/audit/merkle.ts';
import { generateNoteKeys, noteSigner, type NoteKeys } from '../src/audit/note.ts';
import { createPostgresStore } from '../src/audit/postgres-store.ts';
import { createSqliteStore } from '../src/audit/sqlite-store.ts';
import type { AppendItem, AuditRow, AuditStore, StoredCheckpoint } from '../src/audit/store.ts';
import { checkEvent, verifyLog, type VerifyReport } from '../src/audit/verify.ts';
import { canonicalJson } from '../src/canonical-json.ts';
import { percentile } from './lib/detect-timing.ts';
import { grouped, printTable } from './lib/table.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    'group-commit-ms': { type: 'string' },
  },
  strict: true,
});
const QUICK = values.quick;
const POSTGRES_URL = values.postgres;
/** How long each concurrency row runs, and the warm-up before a store's first row. */
const ROW_SECONDS = QUICK ? 1 : 3;
const WARMUP_SECONDS = QUICK ? 0.3 : 1;
const CONCURRENCY = [1, 16, 256] as const;
const VERIFY_EVENTS = QUICK ? 5_000 : 50_000;
/** Runs of each verify-section pass; the fastest is reported (the first doubles as the warm-up). */
const PASSES = QUICK ? 3 : 5;
const CHECKPOINT_EVERY = 5_000;

/** The gateway's defaults (docs/audit.md, `audit` in the configuration). */
const ORIGIN = 'airlock/audit';
const CHECKPOINT_INTERVAL_MS = 1_000;
const GROUP_COMMIT_MS = values['group-commit-ms'] === undefined ? 0 : Number(values['group-commit-ms']);
const MAX_BATCH = 512;

const LATENCY_TARGET_MS = 2;
const SQLITE_RATE_TARGET = 5_000;
const VERIFY_SHARE_TARGET = 0.5;

type Decision = Omit<DecisionEvent, 'v' | 'seq'>;

/** A small deterministic generator, so every run writes the same mix of events. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Entity types a storefront prompt commonly holds, with the action a typical policy takes on each. */
const FOUND: readonly (readonly [string, string])[] = [
  ['EMAIL', 'pseudonymize'],
  ['PHONE', 'pseudonymize'],
  ['PERSON', 'pseudonymize'],
  ['ADDRESS', 'pseudonymize'],
  ['IBAN', 'mask'],
  ['CARD_NUMBER', 'redact'],
  ['DATE_OF_BIRTH', 'pseudonymize'],
  ['API_KEY', 'redact'],
  ['BUSINESS_TERM', 'pseudonymize'],
  ['DE_TAX_ID', 'redact'],
];
const TENANTS = ['shop', 'crm', 'support'] as const;
const BACKENDS = [
  { backend: 'vllm-fra-1', jurisdiction: 'DE' },
  { backend: 'vllm-ams-1', jurisdiction: 'NL' },
  { backend: 'tgi-par-2', jurisdiction: 'FR' },
] as const;
const SIGNALS = ['override.earlier-instructions', 'roleplay.persona-switch', 'extraction.system-prompt'] as const;

/** `count` distinct entries of `list` in random order (a partial Fisher–Yates shuffle). */
function sample<T>(list: readonly T[], count: number, pick: (n: number) => number): T[] {
  const copy = [...list];
  for (let i = 0; i < count; i++) {
    const j = i + pick(copy.length - i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, count);
}

/**
 * Decision events as the record-decision stage builds them: findings counted per type and per TYPE:action,
 * and the prompt HMAC over the sanitized request's canonical JSON under the tenant's audit key. Time and
 * request id are filled in when each event is appended.
 */
function decisionTemplates(count: number): Decision[] {
  const random = seeded(1);
  const pick = (n: number): number => Math.floor(random() * n);
  const auditKeys = new Map<string, Buffer>(TENANTS.map((t) => [t, randomBytes(32)]));
  const policyHash = `sha256:${createHash('sha256').update('storefront policy content').digest('hex').slice(0, 16)}`;
  const templates: Decision[] = [];
  for (let i = 0; i < count; i++) {
    const tenant = TENANTS[pick(TENANTS.length)] as string;
    const findings: Record<string, number> = {};
    const actions: Record<string, number> = {};
    const types = sample(FOUND, 1 + pick(3), pick);
    for (const [type, action] of types) {
      const n = 1 + pick(4);
      findings[type] = n;
      actions[`${type}:${action}`] = n;
    }
    const sanitized = {
      model: 'assistant-large',
      messages: [
        { role: 'system', content: 'You are the storefront assistant. Answer briefly.' },
        { role: 'user', content: `Customer <PERSON_1> (<EMAIL_1>) asks about order ${100_000 + i} shipped to <ADDRESS_1>.` },
      ],
    };
    const suspicious = random() < 0.1;
    templates.push({
      kind: 'request.decision',
      time: '',
      requestId: '',
      tenant,
      keyId: `${tenant}-key-${1 + pick(3)}`,
      client: `10.20.${pick(256)}.${pick(256)}`,
      endpoint: '/v1/chat/completions',
      model: 'assistant-large',
      stream: random() < 0.6,
      policy: { name: 'storefront', hash: policyHash },
      level: 'confidential',
      allowedJurisdictions: ['EU', 'DE'],
      targets: [...BACKENDS].slice(0, 1 + pick(2)),
      findings,
      actions,
      injection: suspicious
        ? { verdict: 'suspicious', score: (30 + pick(20)) / 100, action: 'flag', signals: SIGNALS.slice(0, 1 + pick(2)) }
        : { verdict: 'clean', score: 0, action: 'flag', signals: [] },
      bulk: random() < 0.1 ? { distinct: 40 + pick(200), action: 'flag' } : null,
      canary: random() < 0.3,
      promptHmac: `hmac-sha256:${createHmac('sha256', auditKeys.get(tenant) as Buffer).update(canonicalJson(sanitized)).digest('hex')}`,
    });
  }
  return templates;
}

const TEMPLATES = decisionTemplates(1_000);
let cursor = 0;
function nextEvent(): UnsequencedEvent {
  const template = TEMPLATES[cursor++ % TEMPLATES.length] as Decision;
  return { ...template, time: new Date().toISOString(), requestId: randomUUID() };
}

interface Counters {
  batches: number;
  events: number;
  commitMs: number;
  checkpoints: number;
}

const zeroCounters = (): Counters => ({ batches: 0, events: 0, commitMs: 0, checkpoints: 0 });

/** The store with every batch and checkpoint counted on the way through; nothing else changes. */
function counted(store: AuditStore, counters: Counters): AuditStore {
  return {
    async append<T extends AppendItem>(items: readonly T[], encode: (item: T, seq: number) => Buffer): Promise<number> {
      const start = performance.now();
      try {
        return await store.append(items, encode);
      } finally {
        counters.batches += 1;
        counters.events += items.length;
        counters.commitMs += performance.now() - start;
      }
    },
    size: () => store.size(),
    rows: (filter) => store.rows(filter),
    leafHashes: (from, to) => store.leafHashes(from, to),
    async addCheckpoint(checkpoint: StoredCheckpoint): Promise<void> {
      await store.addCheckpoint(checkpoint);
      counters.checkpoints += 1;
    },
    checkpoints: () => store.checkpoints(),
    putContent: (seq, tenant, ciphertext) => store.putContent(seq, tenant, ciphertext),
    content: (seq) => store.content(seq),
    close: () => store.close(),
  };
}

function openLog(store: AuditStore, keys: NoteKeys): Promise<AuditLog> {
  return openAuditLog({
    store,
    signer: noteSigner(keys.signerKey),
    origin: ORIGIN,
    checkpointIntervalMs: CHECKPOINT_INTERVAL_MS,
    groupCommitMs: GROUP_COMMIT_MS,
    maxBatch: MAX_BATCH,
    logger: pino({ level: 'silent' }),
  });
}

interface LoadResult {
  readonly events: number;
  readonly seconds: number;
  /** Ascending, ms. */
  readonly latencies: number[];
}

/** `concurrency` writers, each appending and awaiting durability in a loop until the time is up. */
async function drive(log: AuditLog, concurrency: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const writer = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const event = nextEvent();
      const called = performance.now();
      await log.append(event);
      latencies.push(performance.now() - called);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, writer));
  latencies.sort((a, b) => a - b);
  return { events: latencies.length, seconds: (performance.now() - start) / 1000, latencies };
}

interface LoadRow {
  readonly store: string;
  readonly concurrency: number;
  readonly result: LoadResult;
  readonly counters: Counters;
}

async function measureStore(name: string, store: AuditStore, keys: NoteKeys): Promise<LoadRow[]> {
  const counters = zeroCounters();
  const log = await openLog(counted(store, counters), keys);
  const rows: LoadRow[] = [];
  try {
    await drive(log, 16, WARMUP_SECONDS);
    for (const concurrency of CONCURRENCY) {
      Object.assign(counters, zeroCounters());
      const result = await drive(log, concurrency, ROW_SECONDS);
      rows.push({ store: name, concurrency, result, counters: { ...counters } });
    }
  } finally {
    await log.close();
  }
  return rows;
}

/** The server's version and durability settings when it answers, else why the PostgreSQL rows are skipped. */
async function postgresSettings(): Promise<{ settings: string } | { skipped: string }> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const read = async (name: string): Promise<string> => String((await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name]);
    const version = String((await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version);
    const fsync = await read('fsync');
    const syncMethod = await read('wal_sync_method');
    return { settings: `PostgreSQL ${version}, fsync ${fsync}, synchronous_commit on per batch, wal_sync_method ${syncMethod}` };
  } catch (error) {
    return { skipped: `PostgreSQL not reachable at ${redacted(POSTGRES_URL)}: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL without a password, for printing. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const ms = (n: number): string => n.toFixed(2);
const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

async function loadSection(dir: string, keys: NoteKeys): Promise<void> {
  const rows: LoadRow[] = [];
  rows.push(...(await measureStore('sqlite', createSqliteStore(join(dir, 'load.db')), keys)));

  const pgState = await postgresSettings();
  let pgNote: string;
  if ('settings' in pgState) {
    const schema = `airlock_bench_${randomBytes(6).toString('hex')}`;
    pgNote = `postgres: ${pgState.settings}; schema ${schema} (dropped at the end)`;
    try {
      rows.push(...(await measureStore('postgres', await createPostgresStore({ connectionString: POSTGRES_URL, schema }), keys)));
    } catch (error) {
      pgNote = `postgres: skipped: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      await dropSchema(schema).catch((error: unknown) => {
        console.log(`warning: could not drop schema ${schema}: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
  } else {
    pgNote = `postgres: skipped: ${pgState.skipped}`;
  }

  const sizes = TEMPLATES.map((t) => encodeEvent({ ...t, time: new Date().toISOString(), requestId: randomUUID() }, 123_456).length);
  console.log('## 1. Durable events per second with group commit (openAuditLog, checkpointer running)');
  const meanSize = Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length);
  console.log(
    `request.decision events of ${Math.min(...sizes)}–${Math.max(...sizes)} bytes (mean ${meanSize}); ` +
      `groupCommitMs ${GROUP_COMMIT_MS}, maxBatch ${MAX_BATCH}, checkpointIntervalMs ${CHECKPOINT_INTERVAL_MS}; ` +
      `${ROW_SECONDS} s per row after a ${WARMUP_SECONDS} s warm-up`,
  );
  console.log(`sqlite: WAL, synchronous = FULL, file in ${dir}`);
  console.log(pgNote);
  console.log('');
  printTable(
    ['store', 'in flight', 'events', 'events/s', 'p50 ms', 'p99 ms', 'max ms', 'batches', 'avg batch', 'commit ms avg', 'checkpoints'],
    rows.map(({ store, concurrency, result, counters }) => [
      store,
      String(concurrency),
      grouped(result.events),
      grouped(result.events / result.seconds),
      ms(percentile(result.latencies, 0.5)),
      ms(percentile(result.latencies, 0.99)),
      ms(result.latencies.at(-1) ?? NaN),
      grouped(counters.batches),
      counters.batches === 0 ? '-' : (counters.events / counters.batches).toFixed(1),
      counters.batches === 0 ? '-' : ms(counters.commitMs / counters.batches),
      String(counters.checkpoints),
    ]),
  );
  console.log('');
  const find = (store: string, concurrency: number): LoadRow | undefined => rows.find((r) => r.store === store && r.concurrency === concurrency);
  for (const store of ['sqlite', 'postgres']) {
    const row = find(store, 16);
    if (row === undefined) continue;
    const p99 = ms(percentile(row.result.latencies, 0.99));
    console.log(`added request latency from auditing (${store}, 16 in flight, p99): ${p99} ms (target ≤ ${LATENCY_TARGET_MS} ms p99)`);
  }
  const best = Math.max(...rows.filter((r) => r.store === 'sqlite').map((r) => r.result.events / r.result.seconds));
  console.log(`durable events/s on sqlite (best row): ${grouped(best)} (target ≥ ${grouped(SQLITE_RATE_TARGET)})`);
  console.log(
    `note: a batch's first event waits for companions until groupCommitMs (${GROUP_COMMIT_MS} ms, on Node's millisecond timers) ` +
      `has passed, unless ${MAX_BATCH} are queued; its commit time comes on top`,
  );
}

/** Best (smallest) duration in ms of `passes` runs of `work`. */
async function fastest(work: () => unknown, passes = PASSES): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < passes; i++) {
    const start = performance.now();
    await work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Rows already read, handed out one promise at a time as a store's stream hands them out. */
function fromMemory(rows: readonly AuditRow[]): AsyncIterable<AuditRow> {
  return {
    [Symbol.asyncIterator]: () => {
      let index = 0;
      return {
        next: (): Promise<IteratorResult<AuditRow>> => {
          const row = rows[index++];
          return Promise.resolve(row === undefined ? { done: true, value: undefined } : { done: false, value: row });
        },
      };
    },
  };
}

async function writeVerifyLog(path: string, keys: NoteKeys): Promise<void> {
  const log = await openLog(createSqliteStore(path), keys);
  try {
    let sinceCheckpoint = 0;
    for (let written = 0; written < VERIFY_EVENTS; ) {
      const count = Math.min(MAX_BATCH, VERIFY_EVENTS - written);
      await Promise.all(Array.from({ length: count }, () => log.append(nextEvent())));
      written += count;
      sinceCheckpoint += count;
      if (sinceCheckpoint >= CHECKPOINT_EVERY) {
        await log.checkpoint();
        sinceCheckpoint = 0;
      }
    }
  } finally {
    await log.close();
  }
}

async function verifySection(dir: string, keys: NoteKeys): Promise<void> {
  const path = join(dir, 'verify.db');
  const writeStart = performance.now();
  await writeVerifyLog(path, keys);
  const writeSeconds = (performance.now() - writeStart) / 1000;

  const store = createSqliteStore(path);
  try {
    const stored = await store.checkpoints();
    const checkpoints = stored.map((c) => ({ note: c.note, source: `stored checkpoint ${c.size}` }));
    const verifierKey = keys.verifierKey;

    let rows: AuditRow[] = [];
    const readMs = await fastest(async () => {
      const read: AuditRow[] = [];
      for await (const row of store.rows()) read.push(row);
      rows = read;
    });
    const events = rows.length;
    const bytes = rows.reduce((sum, row) => sum + row.body.length, 0);

    // The hashing no verifier can avoid: every body's leaf hash and, on average, one interior node per leaf.
    // Timed first, while the heap holds little but the rows.
    const rawMs = await fastest(() => {
      let node = leafHash(Buffer.alloc(0));
      for (const row of rows) node = nodeHash(node, leafHash(row.body));
    });

    let report: VerifyReport | undefined;
    const verifyMs = await fastest(async () => {
      report = await verifyLog({ rows: store.rows(), checkpoints, verifierKey });
    });
    const verifyMemoryMs = await fastest(() => verifyLog({ rows: fromMemory(rows), checkpoints, verifierKey }));

    let parsed: unknown[] = [];
    const parseMs = await fastest(() => {
      parsed = rows.map((row) => JSON.parse(row.body.toString('utf8')) as unknown);
    });
    const canonicalMs = await fastest(() => {
      for (const value of parsed) canonicalJson(value);
    });
    parsed = [];
    const checkMs = await fastest(() => {
      for (const row of rows) checkEvent(row.seq, row.body);
    });
    let leaves: Buffer[] = [];
    const leafMs = await fastest(() => {
      leaves = rows.map((row) => leafHash(row.body));
    });
    const treeMs = await fastest(() => {
      const frontier = new Frontier();
      for (const leaf of leaves) frontier.append(leaf);
      frontier.root();
    });
    // verifyLog hashes each body twice: once to compare with the stored leaf hash, once to feed the tree.
    const summedMs = readMs + checkMs + 2 * leafMs + treeMs;

    console.log('## 2. Verify speed (verifyLog over a SQLite log)');
    console.log(
      `${grouped(events)} events, ${(bytes / 1e6).toFixed(1)} MB of bodies (mean ${Math.round(bytes / Math.max(1, events))} bytes), ` +
        `${plural(stored.length, 'stored checkpoint')}; ` +
        `written in ${writeSeconds.toFixed(1)} s; fastest of ${PASSES} passes each`,
    );
    const outcome =
      report === undefined
        ? 'not run'
        : report.ok
          ? `ok (${grouped(report.events)} events, ${plural(report.checkpointsVerified, 'checkpoint')} verified)`
          : `NOT ok: ${JSON.stringify(report.problem)}`;
    console.log(`verify report: ${outcome}`);
    console.log('');
    const line = (name: string, timeMs: number): string[] => [
      name,
      timeMs.toFixed(1),
      grouped(events / (timeMs / 1000)),
      (bytes / 1e6 / (timeMs / 1000)).toFixed(1),
      `${((timeMs / verifyMs) * 100).toFixed(0)}%`,
    ];
    printTable(
      ['pass', 'ms', 'events/s', 'MB/s', 'of verify time'],
      [
        line('verifyLog, rows from SQLite', verifyMs),
        line('verifyLog, rows from memory', verifyMemoryMs),
        line('  read rows from SQLite', readMs),
        line('  JSON.parse', parseMs),
        line('  canonicalJson (parsed)', canonicalMs),
        line('  checkEvent (parse+canonical+fields)', checkMs),
        line('  leafHash, once per body', leafMs),
        line('  Frontier.append (tree rebuild)', treeMs),
        line('  sum: read+check+2×leaf+tree', summedMs),
        line('raw SHA-256 (leaf + node per event)', rawMs),
      ],
    );
    console.log('');
    console.log(`verify as a share of the raw SHA-256 rate: ${((rawMs / verifyMs) * 100).toFixed(0)}% (target ≥ ${VERIFY_SHARE_TARGET * 100}%)`);
    console.log('note: verifyLog hashes each body twice (the stored-hash check and the tree), hence 2×leaf in the sum');
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'airlock-bench-audit-'));
  const keys = generateNoteKeys(ORIGIN);
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(`node ${process.version}; CPU ${cpus()[0]?.model ?? 'unknown'}; ${cpus().length} cores; load average ${load}${QUICK ? '; --quick' : ''}`);
  console.log('');
  try {
    await loadSection(dir, keys);
    console.log('');
    await verifySection(dir, keys);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('');
  console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
