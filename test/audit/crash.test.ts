/**
 * Crash safety of the SQLite store with group commit: a writer process appending as fast as it can is killed
 * with SIGKILL at random moments, round after round, each round reopening and continuing the same file. After
 * all rounds the log must still be one gapless run of rows whose bodies carry their own seq and whose leaf
 * hashes match, and every seq a writer had reported durable must be in it, holding that writer's event.
 * (SIGKILL loses the process, not the OS page cache: this checks atomicity and the seq protocol under process
 * crashes, not fsync against power loss.)
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { leafHash } from '../../src/audit/hashes.ts';
import { createSqliteStore } from '../../src/audit/sqlite-store.ts';
import { decodeEvent } from './helpers/events.ts';

const WRITER = join(import.meta.dirname, 'helpers', 'crash-writer.ts');
const ROUNDS = 15;
/** Every few rounds the kill comes at a random moment from spawn, possibly while the file is being opened. */
const EARLY_KILL_EVERY = 4;
const MAX_KILL_DELAY_MS = 250;

interface Round {
  readonly writer: string;
  /** Seqs the writer printed, i.e. reported durable before it died. */
  readonly reported: number[];
}

/** Runs one writer until a random moment, SIGKILLs it and returns what it had reported. */
async function crashRound(path: string, round: number): Promise<Round> {
  const writer = `r${round}`;
  const child = spawn(process.execPath, [WRITER, path, writer], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const firstOutput = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );

  // Either kill at a random moment of the writing, or at a random moment from spawn (maybe mid-open).
  if (round % EARLY_KILL_EVERY !== 0) await Promise.race([firstOutput, exited]);
  await sleep(Math.random() * MAX_KILL_DELAY_MS);
  child.kill('SIGKILL');
  const { code, signal } = await exited;
  assert.ok(signal === 'SIGKILL', `writer ${writer} ended by itself (code ${code}): ${stderr}`);

  // A line cut off by the kill was never fully reported, so only complete lines count.
  const complete = stdout.slice(0, stdout.lastIndexOf('\n') + 1);
  const reported = complete.split('\n').filter((line) => line !== '').map(Number);
  return { writer, reported };
}

test('SIGKILLed writers never leave a gap, a torn row or a lost durable event', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'airlock-audit-crash-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'audit.sqlite');

  const rounds: Round[] = [];
  for (let round = 0; round < ROUNDS; round += 1) rounds.push(await crashRound(path, round));
  const totalReported = rounds.reduce((sum, round) => sum + round.reported.length, 0);
  assert.ok(totalReported > ROUNDS * 10, `writers reported only ${totalReported} durable events`);

  const check = new DatabaseSync(path);
  assert.equal(check.prepare('PRAGMA integrity_check').get()?.integrity_check, 'ok');
  check.close();

  const store = createSqliteStore(path);
  t.after(() => store.close());
  const writerOf: string[] = [];
  let expectedSeq = 0;
  for await (const row of store.rows()) {
    assert.equal(row.seq, expectedSeq++, 'rows are contiguous from 0');
    const event = decodeEvent(row.body);
    assert.equal(event.seq, row.seq, 'the body carries its own seq');
    assert.deepEqual(row.leafHash, leafHash(row.body));
    writerOf.push(event.id.split(':')[0] ?? '');
  }
  assert.equal(await store.size(), expectedSeq);
  t.diagnostic(`${ROUNDS} kills, ${expectedSeq} rows, ${totalReported} reported durable (${rounds.map((r) => r.reported.length).join(' ')})`);

  for (const { writer, reported } of rounds) {
    for (const seq of reported) assert.equal(writerOf[seq], writer, `seq ${seq}, reported durable by ${writer}, holds its event`);
  }
  // The file keeps working after all that.
  assert.equal(
    await store.append([{ time: new Date().toISOString(), kind: 'request', tenant: null }], () => Buffer.from('{}')),
    expectedSeq,
  );
});
