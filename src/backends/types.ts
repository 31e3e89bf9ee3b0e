/**
 * The narrow interface every backend protocol adapter implements, and the branded request type it accepts.
 * The router and the pipeline know only this file; nothing here is specific to one backend kind.
 */
import type { ChatRequest, CompletionRequest, EmbeddingRequest, Endpoint, ReplyObject } from '../protocol/openai.ts';

declare const SANITIZED: unique symbol;

/**
 * A request body that has passed the sanitize stage (design rule 1). Only src/transform/sanitize.ts creates this
 * brand; adapters accept nothing else, so raw request text has no typed path to a socket.
 */
export type Sanitized<T> = T & { readonly [SANITIZED]: true };

export type BackendReply =
  | { readonly kind: 'json'; readonly body: ReplyObject }
  | { readonly kind: 'stream'; readonly batches: AsyncIterable<ChunkBatch> };

/**
 * The stream chunks decoded from one upstream network read, in order. Streams travel in batches so that every
 * later stage handles a read in one synchronous pass and the caller gets one socket write per read, not one per
 * chunk (a 200-chunk reply costs ~200 syscalls otherwise).
 */
export type ChunkBatch = ReplyObject[];

/** What an adapter needs for one call besides the body: the backend's own model name and a cancel signal. */
export interface CallOptions {
  readonly model: string;
  readonly signal: AbortSignal;
}

export interface BackendAdapter {
  readonly id: string;
  readonly kind: string;
  readonly jurisdiction: string;
  readonly endpoints: ReadonlySet<Endpoint>;
  chat(body: Sanitized<ChatRequest>, options: CallOptions): Promise<BackendReply>;
  completions(body: Sanitized<CompletionRequest>, options: CallOptions): Promise<BackendReply>;
  embeddings(body: Sanitized<EmbeddingRequest>, options: CallOptions): Promise<ReplyObject>;
  /** A cheap reachability check for /readyz; true when the backend answered with a success status. */
  probe(signal: AbortSignal): Promise<boolean>;
}
