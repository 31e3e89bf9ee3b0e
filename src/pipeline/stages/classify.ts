/**
 * Classify: the request's level is the highest of its findings' levels, the policy's base level and the level
 * the caller asks for in `x-airlock-level` (which can raise it, never lower it); the policy's residency rules
 * turn the findings and the actions taken on them into the jurisdictions allowed to receive the request.
 */
import { isLevel, type Level } from '../../entities.ts';
import { AirlockError } from '../../errors.ts';
import { need, type RequestContext } from '../context.ts';

export const LEVEL_HEADER = 'x-airlock-level';

export function createClassifyStage() {
  return function classify(ctx: RequestContext): void {
    const policy = need(ctx.policy);
    ctx.requestedLevel = requestedLevel(ctx.headers[LEVEL_HEADER]);
    ctx.residency = policy.residency.decide(findingsOf(ctx), policy.actions, ctx.requestedLevel);
  };
}

/** The header's level, or undefined when absent; anything else is refused rather than guessed at. */
export function requestedLevel(header: string | string[] | undefined): Level | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(',') : header).trim().toLowerCase();
  if (!isLevel(value)) throw new AirlockError('AIRLOCK_REQUEST_INVALID_LEVEL', { param: LEVEL_HEADER });
  return value;
}

function* findingsOf(ctx: RequestContext) {
  for (const unit of need(ctx.inspection).units) yield* unit.findings;
}
