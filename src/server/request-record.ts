/**
 * What the gateway records about each request once its reply is finished: one log line and the metrics. Only
 * ids from config (tenant, key id, alias, backend, policy and its hash), the endpoint, status, error code, level,
 * attempts, finding counts per type and action, and timings; a model name the caller typed is recorded only after it was found to be a real alias.
 */
import type { Logger } from 'pino';
import { outcomeTotals, type ReplyGuardOutcome } from '../transform/reply-guard.ts';
import type { GatewayMetrics } from './metrics.ts';
import type { RequestContext } from '../pipeline/context.ts';

export interface RequestRecord {
  endpoint: string;
  tenant?: string | undefined;
  keyId?: string | undefined;
  model?: string | undefined;
  backend?: string | undefined;
  stream: boolean;
  code: string | null;
  /** How many backends were tried (more than one after a retry or fallback). */
  attempts?: number | undefined;
  /** The policy as `name@sha256:…`: its content hash is its version. */
  policy?: string | undefined;
  /** The request's classification level. */
  level?: string | undefined;
  /** How many values the policy replaced before forwarding. */
  redactions?: number | undefined;
  /** A prompt-injection verdict other than clean: score, verdict, the action taken and the rule names. */
  injection?: { score: number; verdict: string; action: string; signals: readonly string[] } | undefined;
  /** Distinct PII values of the key within its window, when above the policy's threshold, and the action. */
  bulk?: { distinct: number; action: string } | undefined;
  /** The reply guard's outcome (filled in while a stream passes) and the policy's actions for it. */
  output?: { outcome: ReplyGuardOutcome; leakAction: string; linkAction: string } | undefined;
  /** Findings by "TYPE:action" (`EMAIL:pseudonymize`): counts, never values. */
  findings?: Readonly<Record<string, number>> | undefined;
  /** The pipeline's context of an inference request, for its audit event. */
  context?: RequestContext | undefined;
  /** Set once the record was written, so a reply is never counted twice. */
  written: boolean;
  readonly startedAt: number;
}

export function newRequestRecord(endpoint: string): RequestRecord {
  return { endpoint, stream: false, code: null, written: false, startedAt: performance.now() };
}

export function writeRequestRecord(
  logger: Logger,
  metrics: GatewayMetrics,
  requestId: string,
  record: RequestRecord,
  status: number,
): void {
  if (record.written) return;
  record.written = true;
  const elapsedMs = performance.now() - record.startedAt;
  const latencyMs = Math.round(elapsedMs * 1000) / 1000;
  logger.info(
    {
      reqId: requestId,
      endpoint: record.endpoint,
      tenant: record.tenant,
      keyId: record.keyId,
      model: record.model,
      backend: record.backend,
      attempts: record.attempts,
      policy: record.policy,
      level: record.level,
      redactions: record.redactions,
      stream: record.stream,
      status,
      code: record.code ?? undefined,
      findings: record.findings,
      injection: record.injection,
      bulk: record.bulk,
      output: record.output && outputSummary(record.output.outcome),
      latencyMs,
    },
    'request finished',
  );
  metrics.countRequest(record.endpoint, record.tenant ?? 'none', record.backend ?? 'none', status, record.code ?? 'none');
  metrics.observeDuration(record.endpoint, record.stream, elapsedMs / 1000);
  if (record.findings) metrics.countFindings(record.tenant ?? 'none', record.findings);
  if (record.injection) metrics.countInjection(record.tenant ?? 'none', record.injection.verdict, record.injection.action);
  if (record.bulk) metrics.countBulk(record.tenant ?? 'none', record.bulk.action);
  if (record.output) countOutput(metrics, record.tenant ?? 'none', record.output);
}

/** The guard's findings for the log line (counts by type and reason, and why a reply was stopped), or nothing. */
export function outputSummary(outcome: ReplyGuardOutcome): object | undefined {
  const leaks = Object.keys(outcome.leaks).length > 0 ? outcome.leaks : undefined;
  const links = Object.keys(outcome.links).length > 0 ? outcome.links : undefined;
  if (!leaks && !links && outcome.stopped === null) return undefined;
  return { leaks, links, stopped: outcome.stopped ?? undefined };
}

function countOutput(metrics: GatewayMetrics, tenant: string, output: NonNullable<RequestRecord['output']>): void {
  const { outcome } = output;
  const { leaks, links } = outcomeTotals(outcome);
  // A stop ends the reply at the first finding, so its check is counted as stopped and the rest as found.
  if (leaks > 0) metrics.countReplyGuard(tenant, 'leak', outcome.stopped === 'leak' ? 'block' : output.leakAction, leaks);
  if (links > 0) metrics.countReplyGuard(tenant, 'link', outcome.stopped === 'link' ? 'block' : output.linkAction, links);
  if (outcome.stopped === 'canary') metrics.countReplyGuard(tenant, 'canary', 'block', 1);
}
