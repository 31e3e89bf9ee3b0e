/**
 * The request context every stage reads and extends. Stages fill it in order; a field is set by exactly one
 * stage, and `need()` turns a missing one (a stage out of order) into an internal error, so a bug fails closed.
 */
import type { Principal } from '../auth/api-keys.ts';
import type { BackendAdapter, BackendReply, Sanitized } from '../backends/types.ts';
import { AirlockError } from '../errors.ts';
import type { ChatRequest, CompletionRequest, EmbeddingRequest, Endpoint } from '../protocol/openai.ts';
import type { RequestInspection } from '../detect/inspect.ts';
import type { SanitizeOutcome } from '../transform/sanitize.ts';
import type { TenantPolicy } from './tenant-policies.ts';

export type InferenceRequest = ChatRequest | CompletionRequest | EmbeddingRequest;

export interface RequestContext {
  readonly requestId: string;
  readonly endpoint: Endpoint;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The parsed JSON body as received; only the validate stage reads it. */
  readonly body: unknown;
  /** Aborted when the caller disconnects or the gateway shuts down; cancels the upstream request at once. */
  readonly signal: AbortSignal;
  principal?: Principal;
  request?: InferenceRequest;
  /** The public model alias, set once it is known to be one the caller may use. */
  alias?: string;
  /** The caller's tenant policy: actions, detection engine and keys. */
  policy?: TenantPolicy;
  inspection?: RequestInspection;
  sanitized?: Sanitized<InferenceRequest>;
  /** What sanitize did: the restore map for the reply and how many values it replaced. */
  transform?: Omit<SanitizeOutcome<InferenceRequest>, 'request'>;
  backend?: BackendAdapter;
  backendModel?: string;
  reply?: BackendReply;
}

export function need<T>(value: T | undefined): T {
  if (value === undefined) throw new AirlockError('AIRLOCK_INTERNAL');
  return value;
}

export type Stage = (ctx: RequestContext) => void | Promise<void>;
