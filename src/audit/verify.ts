/**
 * Offline verification of an audit log, for an auditor on their own machine: every event is read once, in
 * order, and checked for its sequence number (gapless, in place), its canonical form (RFC 8785), its version and
 * kind, and its stored leaf hash; the tree is rebuilt from the events themselves (never from stored hashes) and
 * its root compared with every signed checkpoint — the log's own and any the auditor kept from earlier — after
 * checking each checkpoint's Ed25519 signature and origin. Equal roots at a checkpoint's size prove the log
 * is consistent with it. The first problem ends the run and is named by sequence number and reason.
 */
import { canonicalJson } from '../canonical-json.ts';
import { AUDIT_EVENT_VERSION, EVENT_KINDS } from './events.ts';
import { leafHash } from './hashes.ts';
import { Frontier } from './merkle.ts';
import { openNote, parseCheckpoint, type Checkpoint } from './note.ts';
import type { AuditRow } from './store.ts';

export interface VerifyInput {
  readonly rows: AsyncIterable<AuditRow>;
  /** Signed notes: the log's checkpoints and any the auditor brought. */
  readonly checkpoints: readonly { readonly note: string; readonly source: string }[];
  readonly verifierKey: string;
  /** Expected origin; default: whatever the first checkpoint says (all must agree). */
  readonly origin?: string;
}

export interface Problem {
  /** The first sequence number that is wrong or missing; null when no event is to blame (a bad checkpoint). */
  readonly seq: number | null;
  readonly reason: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly events: number;
  readonly root: string;
  readonly checkpointsVerified: number;
  readonly latestCheckpoint: number | null;
  readonly problem: Problem | null;
}

/** A problem found; verification stops at the first. */
export class Failure extends Error {
  readonly problem: Problem;
  constructor(seq: number | null, reason: string) {
    super(reason);
    this.problem = { seq, reason };
  }
}

export async function verifyLog(input: VerifyInput): Promise<VerifyReport> {
  const frontier = new Frontier();
  let verified = 0;
  let checkpoints: ReadonlyMap<number, OpenedCheckpoint> = new Map();
  try {
    checkpoints = openCheckpoints(input.checkpoints, input.verifierKey, input.origin);
    const sizes = [...checkpoints.keys()].sort((a, b) => a - b);
    let lastGood = 0;
    const checkAt = (size: number) => {
      const opened = checkpoints.get(size);
      if (opened) {
        if (!opened.checkpoint.root.equals(frontier.root())) {
          const span = lastGood === size - 1 ? `event ${size - 1}` : `events ${lastGood}–${size - 1}`;
          throw new Failure(lastGood, `${span} do not match the signed root of the checkpoint at size ${size} (${opened.sources.join(', ')}): changed, removed or reordered`);
        }
        verified += opened.sources.length;
      }
      lastGood = size;
    };
    checkAt(0);
    for await (const row of input.rows) {
      frontier.append(checkRow(row, frontier.size));
      if (checkpoints.has(frontier.size)) checkAt(frontier.size);
    }
    const beyond = sizes.find((size) => size > frontier.size);
    if (beyond !== undefined) {
      throw new Failure(frontier.size, `the log ends at ${frontier.size} events but a checkpoint covers ${beyond}: events were removed from the end`);
    }
    return report(frontier, verified, sizes, null);
  } catch (err) {
    if (!(err instanceof Failure)) throw err;
    return report(frontier, verified, [...checkpoints.keys()], err.problem);
  }
}

function report(frontier: Frontier, verified: number, sizes: readonly number[], problem: Problem | null): VerifyReport {
  return {
    ok: problem === null,
    events: frontier.size,
    root: frontier.root().toString('base64'),
    checkpointsVerified: verified,
    latestCheckpoint: sizes.length > 0 ? Math.max(...sizes) : null,
    problem,
  };
}

export interface OpenedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** Where each note for this size came from (the log's own, a file the auditor kept, a bundle's). */
  readonly sources: readonly string[];
}

/**
 * Every checkpoint by size, signature and origin checked first: a replaced checkpoint fails here. Two notes for
 * one size must sign the same root; two roots for one size is a forked log.
 */
export function openCheckpoints(notes: readonly { note: string; source: string }[], verifierKey: string, origin?: string): Map<number, OpenedCheckpoint> {
  const bySize = new Map<number, OpenedCheckpoint>();
  let expected = origin;
  for (const { note, source } of notes) {
    let checkpoint: Checkpoint;
    try {
      checkpoint = parseCheckpoint(openNote(note, verifierKey));
    } catch (err) {
      throw new Failure(null, `checkpoint ${source}: ${(err as Error).message}`);
    }
    expected ??= checkpoint.origin;
    if (checkpoint.origin !== expected) throw new Failure(null, `checkpoint ${source}: origin "${checkpoint.origin}" is not this log's ("${expected}")`);
    const known = bySize.get(checkpoint.size);
    if (known && !known.checkpoint.root.equals(checkpoint.root)) {
      throw new Failure(null, `checkpoint ${source}: two signed roots for tree size ${checkpoint.size} (a forked log)`);
    }
    bySize.set(checkpoint.size, { checkpoint, sources: [...(known?.sources ?? []), source] });
  }
  return bySize;
}

const KINDS = new Set<string>(EVENT_KINDS);

/** Checks one row and returns the leaf hash of its bytes (computed once: the tree is rebuilt from it). */
function checkRow(row: AuditRow, expected: number): Buffer {
  if (row.seq > expected) throw new Failure(expected, `event ${expected} is missing (the next one is ${row.seq})`);
  if (row.seq < expected) throw new Failure(row.seq, `event ${row.seq} appears again after event ${expected - 1}`);
  checkEvent(row.seq, row.body);
  const hash = leafHash(row.body);
  if (!row.leafHash.equals(hash)) throw new Failure(row.seq, `event ${row.seq} does not match its stored leaf hash: changed after it was written`);
  return hash;
}

/** One event's bytes: JSON, canonical, the given sequence number, a known version and kind. */
export function checkEvent(seq: number, body: Buffer): void {
  const row = { seq, body };
  const text = row.body.toString('utf8');
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Failure(row.seq, `event ${row.seq} is not valid JSON`);
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event)) throw new Failure(row.seq, `event ${row.seq} is not a JSON object`);
  if (canonicalJson(event) !== text) throw new Failure(row.seq, `event ${row.seq} is not in canonical form (RFC 8785)`);
  if (event.seq !== row.seq) throw new Failure(row.seq, `event ${row.seq} says it is event ${String(event.seq)}: moved or reordered`);
  if (event.v !== AUDIT_EVENT_VERSION) throw new Failure(row.seq, `event ${row.seq} has an unknown version ${String(event.v)}`);
  if (typeof event.kind !== 'string' || !KINDS.has(event.kind)) throw new Failure(row.seq, `event ${row.seq} has an unknown kind`);
}
