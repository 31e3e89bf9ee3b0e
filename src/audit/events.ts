/**
 * The audit log's events: one typed, versioned record per decision, per finished request and per refused
 * request, and one per administrative change. An event holds ids from configuration, counts, codes, timings and
 * HMACs under the tenant's audit key — never prompt text, found values or keys. Its canonical JSON (RFC 8785),
 * with the sequence number the store gave it, is the Merkle leaf, so the bytes an auditor hashes are exactly
 * the bytes the gateway wrote.
 */
import { canonicalJson } from '../canonical-json.ts';

export const AUDIT_EVENT_VERSION = 1;

interface EventBase {
  readonly v: typeof AUDIT_EVENT_VERSION;
  readonly seq: number;
  /** ISO 8601, UTC, milliseconds. */
  readonly time: string;
}

/** A request that passed every check, written durably before anything is forwarded. */
export interface DecisionEvent extends EventBase {
  readonly kind: 'request.decision';
  readonly requestId: string;
  readonly tenant: string;
  readonly keyId: string;
  readonly client: string | null;
  readonly endpoint: string;
  readonly model: string;
  readonly stream: boolean;
  readonly policy: { readonly name: string; readonly hash: string };
  readonly level: string;
  readonly allowedJurisdictions: readonly string[];
  /** The compliant backends in the order they will be tried. */
  readonly targets: readonly { readonly backend: string; readonly jurisdiction: string }[];
  /** Findings by type, and by "TYPE:action". */
  readonly findings: Readonly<Record<string, number>>;
  readonly actions: Readonly<Record<string, number>>;
  readonly injection: InjectionRecord | null;
  readonly bulk: { readonly distinct: number; readonly action: string } | null;
  readonly canary: boolean;
  /** HMAC-SHA256 of the sanitized request body's canonical JSON under the tenant's audit key. */
  readonly promptHmac: string;
}

export interface InjectionRecord {
  readonly verdict: string;
  readonly score: number;
  readonly action: string;
  readonly signals: readonly string[];
}

/** How a forwarded request ended: written once its reply is finished. */
export interface CompletionEvent extends EventBase {
  readonly kind: 'request.completion';
  readonly requestId: string;
  readonly tenant: string;
  /** The sequence number of the request's decision event. */
  readonly decisionSeq: number;
  readonly backend: string | null;
  readonly jurisdiction: string | null;
  readonly attempts: number;
  readonly status: number;
  readonly code: string | null;
  readonly tokens: { readonly prompt: number; readonly completion: number; readonly total: number } | null;
  readonly latencyMs: number;
  /** HMAC-SHA256 of the reply's text as delivered under the tenant's audit key; null when nothing was delivered. */
  readonly replyHmac: string | null;
  readonly output: { readonly leaks?: Readonly<Record<string, number>>; readonly links?: Readonly<Record<string, number>>; readonly stopped?: string } | null;
  /** The sequence number's content row holds the encrypted prompt and reply (policy `captureContent`). */
  readonly contentCaptured: boolean;
}

/** A request refused before anything was forwarded (authentication, validation, policy, residency, audit). */
export interface RefusalEvent extends EventBase {
  readonly kind: 'request.refused';
  readonly requestId: string;
  readonly tenant: string | null;
  readonly keyId: string | null;
  readonly client: string | null;
  readonly endpoint: string;
  readonly model: string | null;
  readonly status: number;
  readonly code: string | null;
  readonly policy: { readonly name: string; readonly hash: string } | null;
  readonly level: string | null;
  readonly findings: Readonly<Record<string, number>> | null;
  readonly injection: InjectionRecord | null;
  readonly bulk: { readonly distinct: number; readonly action: string } | null;
  readonly latencyMs: number;
}

export interface KeysChangedEvent extends EventBase {
  readonly kind: 'admin.keys_changed';
  readonly added: readonly { readonly tenant: string; readonly id: string }[];
  readonly removed: readonly { readonly tenant: string; readonly id: string }[];
}

export interface ConfigAppliedEvent extends EventBase {
  readonly kind: 'admin.config_applied';
  /** `start` when the gateway started with it, `reload` when it replaced the running one. */
  readonly reason: 'start' | 'reload';
  /** Policy name → content hash. */
  readonly policies: Readonly<Record<string, string>>;
  /** The API keys in force, by tenant and id (never the key or its hash): a key changed while no gateway ran shows here. */
  readonly keys: readonly { readonly tenant: string; readonly id: string }[];
}

/** A training data file sanitized by `airlock dataset sanitize`: its lineage, by hashes and counts only. */
export interface DatasetSanitizedEvent extends EventBase {
  readonly kind: 'dataset.sanitized';
  readonly tenant: string;
  /** File names without their directories; the hashes identify the exact contents. */
  readonly input: { readonly name: string; readonly sha256: string; readonly bytes: number; readonly records: number };
  readonly output: { readonly name: string; readonly sha256: string; readonly bytes: number; readonly records: number };
  readonly policy: { readonly name: string; readonly hash: string };
  /** Values found, by entity type. */
  readonly counts: Readonly<Record<string, number>>;
  /** Records left out of the copy (a `block` finding, or invalid with --skip-invalid). */
  readonly dropped: number;
}

export type AuditEvent = DecisionEvent | CompletionEvent | RefusalEvent | KeysChangedEvent | ConfigAppliedEvent | DatasetSanitizedEvent;
export type AuditEventKind = AuditEvent['kind'];

/** An event before the store numbered it. */
export type UnsequencedEvent = AuditEvent extends infer E ? (E extends AuditEvent ? Omit<E, 'seq' | 'v'> : never) : never;

export const EVENT_KINDS: readonly AuditEventKind[] = [
  'request.decision',
  'request.completion',
  'request.refused',
  'admin.keys_changed',
  'admin.config_applied',
  'dataset.sanitized',
];

/** The event's leaf bytes: canonical JSON of the event with its version and sequence number. */
export function encodeEvent(event: UnsequencedEvent, seq: number): Buffer {
  return Buffer.from(canonicalJson({ ...event, v: AUDIT_EVENT_VERSION, seq }), 'utf8');
}

/** The tenant an event belongs to, for queries and content keys; null for administrative events. */
export function tenantOf(event: UnsequencedEvent): string | null {
  return 'tenant' in event ? event.tenant : null;
}
