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
import type { Level } from '../entities.ts';
import type { ResidencyDecision } from '../policy/residency.ts';
import type { Candidate, ModelCatalog } from '../routing/model-catalog.ts';
import type { RouteTarget } from '../routing/router.ts';
import type { KeyRing } from '../auth/api-keys.ts';
import type { TenantPolicies, TenantPolicy } from './tenant-policies.ts';
import type { InjectionOutcome } from './stages/screen.ts';
import type { BulkOutcome } from './stages/watch-bulk.ts';
import type { DeliveredReply } from './stages/tap-reply.ts';
import type { ReplyGuardOutcome } from '../transform/reply-guard.ts';

/**
 * What a reload may replace: keys, the catalogue and the policies. A request takes one snapshot when it starts
 * and uses it throughout, so it never sees half of an old configuration and half of a new one.
 */
export interface Runtime {
  readonly keyRing: KeyRing;
  readonly catalog: ModelCatalog;
  readonly policies: TenantPolicies;
}

export type InferenceRequest = ChatRequest | CompletionRequest | EmbeddingRequest;

export interface RequestContext {
  readonly requestId: string;
  readonly endpoint: Endpoint;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The parsed JSON body as received; only the validate stage reads it. */
  readonly body: unknown;
  /** Aborted when the caller disconnects or the gateway shuts down; cancels the upstream request at once. */
  readonly signal: AbortSignal;
  readonly runtime: Runtime;
  /** The caller's address as the server saw it (no proxy headers are trusted). */
  readonly client: string | null;
  principal?: Principal;
  request?: InferenceRequest;
  /** The public model alias, set once it is known to be one the caller may use. */
  alias?: string;
  /** The backends that may serve the alias for this caller on this endpoint (tenant grants applied). */
  candidates?: readonly Candidate[];
  /** The caller's tenant policy: actions, detection engine and keys. */
  policy?: TenantPolicy;
  /** Set by inspect; the screen stage may replace units whose injected sentences it neutralised. */
  inspection?: RequestInspection;
  /** The prompt-injection verdict for the request's user and tool content. */
  injection?: InjectionOutcome;
  /** This key's distinct personal data values within the policy's window, and what was done about it. */
  bulk?: BulkOutcome;
  /** The canary put into this request's system prompt, if the policy asks for one. */
  canary?: string;
  /** What the reply guard found and did; filled in as the reply passes (for a stream, until its end). */
  output?: ReplyGuardOutcome;
  /** The level the caller asked for with x-airlock-level (it can raise the level, never lower it). */
  requestedLevel?: Level;
  /** The request's level and where it may be processed. */
  residency?: ResidencyDecision;
  sanitized?: Sanitized<InferenceRequest>;
  /** What sanitize did: the restore map for the reply and how many values it replaced. */
  transform?: Omit<SanitizeOutcome<InferenceRequest>, 'request'>;
  /** Compliant backends in service, in the order they will be tried. */
  targets?: RouteTarget[];
  /** The backend of the last attempt: the one that answered, or the last that failed. */
  backend?: BackendAdapter;
  /** How many backends were tried. */
  attempts?: number;
  reply?: BackendReply;
  /** The sequence number of the request's durable decision event in the audit log. */
  auditSeq?: number;
  /** What the caller received, as it passes: the reply's HMAC, tokens and (when captured) its text. */
  delivered?: DeliveredReply;
}

export function need<T>(value: T | undefined): T {
  if (value === undefined) throw new AirlockError('AIRLOCK_INTERNAL');
  return value;
}

export type Stage = (ctx: RequestContext) => void | Promise<void>;
