/**
 * Record decision: the request's decision event — who asked, which policy version decided what, the level, the
 * findings and actions by type, the injection and bulk verdicts, the backends it may go to, and an HMAC of the
 * sanitized request under the tenant's audit key — is made durable before anything is forwarded. If the audit
 * log cannot take it, the request is refused (fail closed): nothing leaves unrecorded.
 */
import { createHmac } from 'node:crypto';
import type { AuditLog } from '../../audit/log.ts';
import type { DecisionEvent } from '../../audit/events.ts';
import { canonicalJson } from '../../canonical-json.ts';
import { AirlockError } from '../../errors.ts';
import { need, type RequestContext } from '../context.ts';
import { countFindings } from '../finding-counts.ts';
import { injectionSummary } from './screen.ts';

export function createRecordDecisionStage(audit: AuditLog) {
  return async function recordDecision(ctx: RequestContext): Promise<void> {
    const event = decisionEvent(ctx);
    try {
      ctx.auditSeq = await audit.append(event);
    } catch (cause) {
      throw new AirlockError('AIRLOCK_AUDIT_UNAVAILABLE', { cause });
    }
  };
}

function decisionEvent(ctx: RequestContext): Omit<DecisionEvent, 'v' | 'seq'> {
  const principal = need(ctx.principal);
  const policy = need(ctx.policy);
  const residency = need(ctx.residency);
  const counts = countFindings(ctx);
  const injection = ctx.injection;
  return {
    kind: 'request.decision',
    time: new Date().toISOString(),
    requestId: ctx.requestId,
    tenant: principal.tenant,
    keyId: principal.keyId,
    client: ctx.client,
    endpoint: ctx.endpoint,
    model: need(ctx.alias),
    stream: (ctx.request as { stream?: unknown } | undefined)?.stream === true,
    policy: { name: policy.name, hash: policy.hash },
    level: residency.level,
    allowedJurisdictions: residency.allowedNames,
    targets: need(ctx.targets).map((t) => ({ backend: t.backend.id, jurisdiction: t.backend.jurisdiction })),
    findings: counts?.byType ?? {},
    actions: counts?.byAction ?? {},
    injection: injection ? injectionSummary(injection) : null,
    bulk: ctx.bulk && ctx.bulk.action !== 'none' ? { distinct: ctx.bulk.distinct, action: ctx.bulk.action } : null,
    canary: ctx.canary !== undefined,
    promptHmac: `hmac-sha256:${createHmac('sha256', policy.keys.audit).update(canonicalJson(need(ctx.sanitized))).digest('hex')}`,
  };
}
