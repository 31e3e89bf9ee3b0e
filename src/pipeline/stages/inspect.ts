/**
 * Inspect: runs the tenant's detection engine over every text slot of the request. Any failure here stops the
 * request (fail closed): an inspection that did not finish is never treated as one that found nothing.
 */
import { inspectRequest } from '../../detect/inspect.ts';
import { AirlockError } from '../../errors.ts';
import { need, type RequestContext } from '../context.ts';

export function createInspectStage() {
  return function inspect(ctx: RequestContext): void {
    const policy = ctx.runtime.policies.forTenant(need(ctx.principal).tenant);
    ctx.policy = policy;
    try {
      ctx.inspection = inspectRequest(policy.engine, ctx.endpoint, need(ctx.request));
    } catch (cause) {
      if (cause instanceof AirlockError) throw cause;
      throw new AirlockError('AIRLOCK_INSPECT_FAILED', { cause });
    }
  };
}
