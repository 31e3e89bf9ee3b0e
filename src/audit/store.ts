/**
 * What an audit store keeps and how it is asked for it. A store holds the log's rows — gapless sequence
 * numbers from 0, each with its event's canonical bytes (which contain the sequence number) and their RFC 6962
 * leaf hash — and the signed checkpoints. It assigns sequence numbers itself, inside the transaction that
 * writes the rows, so several gateway replicas sharing one store still produce one gapless log. A row is
 * durable when `append` resolves; nothing is ever updated or deleted.
 */

export interface AuditRow {
  readonly seq: number;
  /** The event's canonical JSON (RFC 8785) bytes. */
  readonly body: Buffer;
  /** SHA-256(0x00 ‖ body). */
  readonly leafHash: Buffer;
}

/** What the store needs to index a row besides its bytes (for queries); all of it is inside `body` too. */
export interface AppendItem {
  readonly time: string;
  readonly kind: string;
  readonly tenant: string | null;
}

export interface StoredCheckpoint {
  readonly size: number;
  readonly root: Buffer;
  /** The signed note, as written (docs/audit.md). */
  readonly note: string;
}

export interface RowFilter {
  /** First sequence number (inclusive); default 0. */
  readonly fromSeq?: number;
  /** Last sequence number (exclusive); default: the end. */
  readonly toSeq?: number;
  readonly tenant?: string;
  readonly kind?: string;
  /** ISO 8601 times: since inclusive, until exclusive. */
  readonly since?: string;
  readonly until?: string;
}

export interface AuditStore {
  /**
   * Writes the items as consecutive rows in one durable transaction. `encode` turns an item and the sequence
   * number the store gave it into the row's canonical bytes. Resolves with the first sequence number once the
   * transaction is durable (fsync'd); rejects if anything failed, in which case no row of the batch exists.
   */
  append<T extends AppendItem>(items: readonly T[], encode: (item: T, seq: number) => Buffer): Promise<number>;
  /** How many rows the log has (the next sequence number). */
  size(): Promise<number>;
  /** Rows in sequence order, optionally filtered; streamed, so memory stays bounded on large logs. */
  rows(filter?: RowFilter): AsyncIterable<AuditRow>;
  /** Leaf hashes of rows [from, to), in order. */
  leafHashes(from: number, to: number): Promise<Buffer[]>;
  /** Stores a checkpoint; a second one for the same size is ignored (replicas may race to write it). */
  addCheckpoint(checkpoint: StoredCheckpoint): Promise<void>;
  /** Every checkpoint, by size. */
  checkpoints(): Promise<StoredCheckpoint[]>;
  /** Encrypted captured content by the sequence number of its event (optional content capture). */
  putContent(seq: number, tenant: string, ciphertext: Buffer): Promise<void>;
  content(seq: number): Promise<{ tenant: string; ciphertext: Buffer } | null>;
  close(): Promise<void>;
}
