/**
 * The gateway's audit log: events go through group commit into the store (a request waits for its own event to
 * be durable, and shares the fsync with whatever arrived in the same few milliseconds), and a checkpointer signs
 * the tree's size and root at least every `checkpointIntervalMs` while events arrive. The checkpointer reads new
 * leaf hashes from the store rather than from this process, so with several replicas writing one PostgreSQL log
 * every replica signs the same tree.
 */
import type { Logger } from 'pino';
import { encodeEvent, tenantOf, type UnsequencedEvent } from './events.ts';
import { createGroupCommit } from './group-commit.ts';
import { Frontier } from './merkle.ts';
import { checkpointText, type NoteSigner } from './note.ts';
import type { AppendItem, AuditStore } from './store.ts';

export interface AuditLogOptions {
  readonly store: AuditStore;
  readonly signer: NoteSigner;
  readonly origin: string;
  readonly checkpointIntervalMs: number;
  readonly groupCommitMs: number;
  readonly maxBatch: number;
  readonly logger: Logger;
  /** Called for every event that could not be written (the caller counts it). */
  readonly onFailure?: (kind: string) => void;
}

export interface AuditLog {
  /** Writes the event; resolves with its sequence number once durable, rejects if it could not be written. */
  append(event: UnsequencedEvent): Promise<number>;
  /** Writes the event without waiting; a failure is logged and counted, never thrown. */
  appendLater(event: UnsequencedEvent): void;
  /** Stores encrypted content for an event. */
  putContent(seq: number, tenant: string, ciphertext: Buffer): Promise<void>;
  /** Signs a checkpoint now if the tree grew since the last one. */
  checkpoint(): Promise<void>;
  /** Writes what is pending, signs a last checkpoint, closes the store. */
  close(): Promise<void>;
}

interface Pending extends AppendItem {
  readonly event: UnsequencedEvent;
}

export async function openAuditLog(options: AuditLogOptions): Promise<AuditLog> {
  const { store, signer, origin, logger } = options;
  const commits = createGroupCommit<Pending>(store, (item, seq) => encodeEvent(item.event, seq), {
    maxWaitMs: options.groupCommitMs,
    maxBatch: options.maxBatch,
  });
  const frontier = new Frontier();
  await catchUp(store, frontier);
  let signed = (await store.checkpoints()).at(-1)?.size ?? -1;
  let checkpointing: Promise<void> | null = null;

  const checkpoint = async (): Promise<void> => {
    await catchUp(store, frontier);
    if (frontier.size === signed) return;
    const note = signer.sign(checkpointText({ origin, size: frontier.size, root: frontier.root() }));
    await store.addCheckpoint({ size: frontier.size, root: frontier.root(), note });
    signed = frontier.size;
  };
  const runCheckpoint = (): Promise<void> => {
    checkpointing ??= checkpoint().finally(() => (checkpointing = null));
    return checkpointing;
  };
  const timer = setInterval(() => {
    runCheckpoint().catch((err: unknown) => logger.error({ err: { type: (err as Error).name } }, 'audit checkpoint failed'));
  }, options.checkpointIntervalMs);
  timer.unref();

  const append = (event: UnsequencedEvent, lazy = false): Promise<number> =>
    commits.add({ event, time: event.time, kind: event.kind, tenant: tenantOf(event) }, lazy);

  return {
    append,
    appendLater(event) {
      // Nobody waits for it: it rides along with the next decision's commit, or goes within 25 ms.
      append(event, true).catch((err: unknown) => {
        options.onFailure?.(event.kind);
        logger.error({ kind: event.kind, err: { type: (err as Error).name } }, 'audit event not written');
      });
    },
    putContent: (seq, tenant, ciphertext) => store.putContent(seq, tenant, ciphertext),
    checkpoint: runCheckpoint,
    async close() {
      clearInterval(timer);
      await commits.close();
      await runCheckpoint().catch(() => undefined);
      await store.close();
    },
  };
}

/** Feeds the frontier the leaf hashes the store has beyond it, a page at a time. */
async function catchUp(store: AuditStore, frontier: Frontier): Promise<void> {
  const size = await store.size();
  const PAGE = 10_000;
  for (let from = frontier.size; from < size; from += PAGE) {
    for (const hash of await store.leafHashes(from, Math.min(size, from + PAGE))) frontier.append(hash);
  }
}
