/**
 * Audit bundles: what an operator hands an auditor instead of database access. A bundle holds the events of a
 * time range (their exact leaf bytes, one per line), every signed checkpoint up to the latest, an inclusion
 * proof of each event in the latest checkpoint, and a consistency proof from each earlier checkpoint to the
 * latest. `verifyBundle` needs nothing else: each event is checked like a row of the log and proven to be in the
 * signed tree, and the checkpoints are proven to be views of one append-only log.
 *
 *   manifest.json       origin, tree size, the range and the event count
 *   events.jsonl        canonical events, sequence order
 *   proofs.jsonl        { seq, proof: [base64…] } per event, against the latest checkpoint
 *   checkpoints/N.note  signed checkpoints by tree size
 *   consistency.jsonl   { from, to, proof: [base64…] } from each checkpoint to the latest
 *   audit.pub           the verifier key, when the operator supplied it (an auditor should use their own copy)
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { leafHash } from './hashes.ts';
import { consistencyProof, verifyConsistency, verifyInclusion } from './merkle.ts';
import { parseCheckpoint, type Checkpoint } from './note.ts';
import type { AuditStore } from './store.ts';
import { TreeLevels } from './tree-levels.ts';
import { checkEvent, Failure, openCheckpoints, type Problem, type VerifyReport } from './verify.ts';

export interface BundleManifest {
  readonly format: 'airlock-audit-bundle/1';
  readonly origin: string;
  readonly treeSize: number;
  readonly events: number;
  readonly firstSeq: number | null;
  readonly lastSeq: number | null;
  readonly since: string | null;
  readonly until: string | null;
}

export interface ExportOptions {
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly verifierKey: string | null;
}

export async function exportBundle(store: AuditStore, dir: string, options: ExportOptions): Promise<BundleManifest> {
  const checkpoints = await store.checkpoints();
  const latest = checkpoints.at(-1);
  if (!latest) throw new Error('the log has no signed checkpoint yet; wait for the gateway to write one');
  const leaves = await store.leafHashes(0, latest.size);
  const tree = new TreeLevels(leaves);
  mkdirSync(join(dir, 'checkpoints'), { recursive: true });
  const events: string[] = [];
  const proofs: string[] = [];
  let first: number | null = null;
  let last: number | null = null;
  const filter = { toSeq: latest.size, ...(options.since ? { since: options.since } : {}), ...(options.until ? { until: options.until } : {}) };
  for await (const row of store.rows(filter)) {
    events.push(row.body.toString('utf8'));
    proofs.push(JSON.stringify({ seq: row.seq, proof: tree.inclusionProof(row.seq).map(base64) }));
    first ??= row.seq;
    last = row.seq;
  }
  const consistency = checkpoints
    .filter((c) => c.size < latest.size)
    .map((c) => JSON.stringify({ from: c.size, to: latest.size, proof: consistencyProof(c.size, leaves).map(base64) }));
  for (const c of checkpoints) writeFileSync(join(dir, 'checkpoints', `${c.size}.note`), c.note);
  writeFileSync(join(dir, 'events.jsonl'), lines(events));
  writeFileSync(join(dir, 'proofs.jsonl'), lines(proofs));
  writeFileSync(join(dir, 'consistency.jsonl'), lines(consistency));
  if (options.verifierKey !== null) writeFileSync(join(dir, 'audit.pub'), `${options.verifierKey}\n`);
  const manifest: BundleManifest = {
    format: 'airlock-audit-bundle/1',
    origin: parseCheckpoint(latest.note.slice(0, latest.note.indexOf('\n\n') + 1)).origin,
    treeSize: latest.size,
    events: events.length,
    firstSeq: first,
    lastSeq: last,
    since: options.since ?? null,
    until: options.until ?? null,
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function verifyBundle(dir: string, verifierKey: string, extra: readonly { note: string; source: string }[]): VerifyReport {
  let verified = 0;
  let treeSize = 0;
  let root = '';
  let events = 0;
  try {
    const manifest = readJson(join(dir, 'manifest.json')) as BundleManifest;
    if (manifest.format !== 'airlock-audit-bundle/1') throw new Failure(null, 'manifest.json: not an Airlock audit bundle');
    const notes = readdirSync(join(dir, 'checkpoints'))
      .filter((name) => name.endsWith('.note'))
      .map((name) => ({ note: readFileSync(join(dir, 'checkpoints', name), 'utf8'), source: `checkpoints/${name}` }));
    const checkpoints = new Map([...openCheckpoints([...notes, ...extra], verifierKey, manifest.origin)].map(([size, opened]) => [size, opened.checkpoint]));
    verified = checkpoints.size;
    const latest = checkpoints.get(manifest.treeSize);
    if (!latest) throw new Failure(null, `no signed checkpoint for the bundle's tree size ${manifest.treeSize}`);
    treeSize = latest.size;
    root = latest.root.toString('base64');
    checkConsistency(dir, checkpoints, latest);
    events = checkEvents(dir, manifest, latest);
    return { ok: true, events, root, checkpointsVerified: verified, latestCheckpoint: treeSize, problem: null };
  } catch (err) {
    if (!(err instanceof Failure)) throw err;
    return { ok: false, events, root, checkpointsVerified: verified, latestCheckpoint: treeSize || null, problem: err.problem satisfies Problem };
  }
}

function checkConsistency(dir: string, checkpoints: ReadonlyMap<number, Checkpoint>, latest: Checkpoint): void {
  const proofs = new Map<number, Buffer[]>();
  for (const line of readLines(join(dir, 'consistency.jsonl'))) {
    const entry = JSON.parse(line) as { from: number; to: number; proof: string[] };
    if (entry.to === latest.size) proofs.set(entry.from, entry.proof.map((p) => Buffer.from(p, 'base64')));
  }
  for (const checkpoint of checkpoints.values()) {
    if (checkpoint.size === latest.size || checkpoint.size === 0) continue;
    const proof = proofs.get(checkpoint.size);
    if (!proof) throw new Failure(null, `no consistency proof from the checkpoint at size ${checkpoint.size} to ${latest.size}`);
    if (!verifyConsistency(checkpoint.size, latest.size, checkpoint.root, latest.root, proof)) {
      throw new Failure(checkpoint.size - 1, `the checkpoint at size ${checkpoint.size} is not consistent with the one at ${latest.size}: the log was rewritten`);
    }
  }
}

function checkEvents(dir: string, manifest: BundleManifest, latest: Checkpoint): number {
  const events = readLines(join(dir, 'events.jsonl'));
  const proofs = readLines(join(dir, 'proofs.jsonl'));
  if (events.length !== manifest.events) throw new Failure(null, `events.jsonl holds ${events.length} events, the manifest says ${manifest.events}`);
  let expected = manifest.firstSeq ?? 0;
  events.forEach((text, i) => {
    const body = Buffer.from(text, 'utf8');
    const seq = (JSON.parse(text) as { seq?: unknown }).seq;
    if (typeof seq !== 'number' || seq < expected) throw new Failure(expected, `event ${expected}: out of order or repeated`);
    expected = seq + 1;
    checkEvent(seq, body);
    const entry = proofs[i] === undefined ? undefined : (JSON.parse(proofs[i]) as { seq: number; proof: string[] });
    if (entry?.seq !== seq) throw new Failure(seq, `event ${seq} has no inclusion proof`);
    const proof = entry.proof.map((p) => Buffer.from(p, 'base64'));
    if (!verifyInclusion(seq, latest.size, leafHash(body), proof, latest.root)) {
      throw new Failure(seq, `event ${seq} is not in the signed tree of size ${latest.size}: changed after it was written`);
    }
  });
  return events.length;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new Failure(null, `${path}: missing or not JSON`);
  }
}

function readLines(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Failure(null, `${path}: missing`);
  }
  return text.split('\n').filter((line) => line !== '');
}

function lines(items: readonly string[]): string {
  return items.map((item) => `${item}\n`).join('');
}

function base64(hash: Buffer): string {
  return hash.toString('base64');
}
