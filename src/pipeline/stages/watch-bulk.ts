/**
 * Watch bulk: adds the distinct personal data values of this request (PII and national ids, known only by an
 * HMAC under the tenant's hash key) to its API key's sliding window. Above the policy's threshold the request
 * is flagged (`x-airlock-bulk`, the log line, `airlock_bulk_extraction_total`) or, under `block`, refused before
 * anything is forwarded; a refused request's values are not counted, so the key recovers as its window slides.
 */
import { createHmac } from 'node:crypto';
import { groupOf } from '../../entities.ts';
import { AirlockError } from '../../errors.ts';
import type { BulkVerdict, BulkWatch } from '../../policy/bulk-extraction.ts';
import { canonicalValue } from '../../transform/placeholders.ts';
import { need, type RequestContext } from '../context.ts';

export interface BulkOutcome extends BulkVerdict {
  readonly action: 'flag' | 'block' | 'none';
}

export function createWatchBulkStage(watch: BulkWatch) {
  return function watchBulk(ctx: RequestContext): void {
    const policy = need(ctx.policy);
    const settings = policy.bulk;
    if (settings.action === 'off') return;
    const principal = need(ctx.principal);
    const key = `${principal.tenant}\0${principal.keyId}`;
    const digests: string[] = [];
    for (const unit of need(ctx.inspection).units) {
      for (const finding of unit.findings) {
        const group = groupOf(finding.type);
        if (group !== 'PII' && group !== 'NATIONAL_ID') continue;
        const value = canonicalValue(finding.type, unit.text.slice(finding.start, finding.end));
        digests.push(createHmac('sha256', policy.keys.hash).update(`bulk\0${finding.type}\0${value}`).digest('base64url').slice(0, 16));
      }
    }
    if (settings.action === 'block') {
      const peek = watch.peek(key, digests, settings);
      if (peek.exceeded && digests.length > 0) {
        ctx.bulk = { ...peek, action: 'block' };
        throw new AirlockError('AIRLOCK_POLICY_BULK_EXTRACTION', { detail: `(more than ${settings.maxDistinctValues} within ${settings.windowSeconds} s)` });
      }
    }
    const verdict = watch.record(key, digests, settings);
    ctx.bulk = { ...verdict, action: verdict.exceeded ? settings.action : 'none' };
  };
}
