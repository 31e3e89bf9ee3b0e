/**
 * The audit events a finished request leaves besides its decision: a completion event for a request that was
 * forwarded (backend, attempts, status, tokens, latency, the HMAC of what the caller received, what the reply
 * guard did), or a refusal event for an inference request stopped before anything was forwarded. With the
 * policy's `captureContent`, the sanitized request and the delivered reply are stored encrypted (AES-256-GCM
 * under the tenant's content key) beside the completion event; the event says so, and deleting the tenant's
 * key erases the content while the log stays verifiable.
 */
import { createCipheriv, randomBytes, type KeyObject } from 'node:crypto';
import type { CompletionEvent, RefusalEvent } from '../audit/events.ts';
import type { AuditLog } from '../audit/log.ts';
import type { RequestContext } from '../pipeline/context.ts';
import { injectionSummary } from '../pipeline/stages/screen.ts';
import { outputSummary, type RequestRecord } from './request-record.ts';

const INFERENCE = new Set(['chat', 'completions', 'embeddings']);

export function auditFinishedRequest(audit: AuditLog, requestId: string, record: RequestRecord, status: number): void {
  if (!INFERENCE.has(record.endpoint)) return;
  const latencyMs = Math.round((performance.now() - record.startedAt) * 1000) / 1000;
  const ctx = record.context;
  if (ctx?.auditSeq === undefined || ctx.principal === undefined) {
    audit.appendLater(refusal(requestId, record, status, latencyMs, ctx));
    return;
  }
  const policy = ctx.policy;
  const capture = policy?.captureContent === true && ctx.delivered !== undefined;
  const event = completion(requestId, record, status, latencyMs, ctx, ctx.auditSeq, capture);
  if (!capture || !policy) {
    audit.appendLater(event);
    return;
  }
  const content = JSON.stringify({ request: ctx.sanitized, reply: ctx.delivered?.capturedText() ?? null });
  audit
    .append(event)
    .then((seq) => audit.putContent(seq, event.tenant, encrypt(policy.keys.content, content, seq)))
    .catch(() => audit.appendLater({ ...event, time: new Date().toISOString(), contentCaptured: false }));
}

function completion(
  requestId: string,
  record: RequestRecord,
  status: number,
  latencyMs: number,
  ctx: RequestContext,
  decisionSeq: number,
  capture: boolean,
): Omit<CompletionEvent, 'v' | 'seq'> {
  const output = ctx.output ? (outputSummary(ctx.output) ?? null) : null;
  return {
    kind: 'request.completion',
    time: new Date().toISOString(),
    requestId,
    tenant: ctx.principal?.tenant as string,
    decisionSeq,
    backend: ctx.backend?.id ?? null,
    jurisdiction: ctx.backend?.jurisdiction ?? null,
    attempts: ctx.attempts ?? 0,
    status,
    code: record.code,
    tokens: ctx.delivered?.tokens ?? null,
    latencyMs,
    replyHmac: ctx.delivered?.digest() ?? null,
    output: output,
    contentCaptured: capture,
  };
}

function refusal(requestId: string, record: RequestRecord, status: number, latencyMs: number, ctx: RequestContext | undefined): Omit<RefusalEvent, 'v' | 'seq'> {
  const injection = ctx?.injection;
  return {
    kind: 'request.refused',
    time: new Date().toISOString(),
    requestId,
    tenant: record.tenant ?? null,
    keyId: record.keyId ?? null,
    client: ctx?.client ?? null,
    endpoint: record.endpoint,
    model: record.model ?? null,
    status,
    code: record.code,
    policy: ctx?.policy ? { name: ctx.policy.name, hash: ctx.policy.hash } : null,
    level: record.level ?? null,
    findings: record.findings ?? null,
    injection: injection ? injectionSummary(injection) : null,
    bulk: record.bulk ?? null,
    latencyMs,
  };
}

/** nonce ‖ ciphertext ‖ tag, with the event's sequence number bound in as associated data. */
function encrypt(key: KeyObject, text: string, seq: number): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(`airlock-content:${seq}`));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}
