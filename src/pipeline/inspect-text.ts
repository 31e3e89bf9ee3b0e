/**
 * The engine, the policy and the transforms run on one text without a server: what `airlock inspect` prints and
 * what `import { inspect } from 'airlock'` returns. It uses exactly the stages a request goes through, so an
 * offline answer is the gateway's answer for the same tenant and text.
 */
import type { Action } from '../config/schema.ts';
import type { Finding, Level } from '../entities.ts';
import { levelOf } from '../policy/classification.ts';
import { AirlockError } from '../errors.ts';
import { sanitizeRequest } from '../transform/sanitize.ts';
import type { TenantPolicy } from './tenant-policies.ts';

export interface InspectedFinding extends Finding {
  readonly action: Action;
  readonly level: Level;
}

/** `allow`: nothing to change; `sanitize`: forwarded after replacing values; `block`: refused. */
export type Decision = 'allow' | 'sanitize' | 'block';

export interface InspectResult {
  readonly findings: InspectedFinding[];
  /** The text's classification level under the tenant's policy (the highest of its findings' levels). */
  readonly level: Level;
  readonly decision: Decision;
  /** The text a model would receive; null when the request would be refused. */
  readonly sanitized: string | null;
}

export function inspectText(text: string, policy: TenantPolicy): InspectResult {
  const detected = policy.engine.detect(text);
  const findings = detected.map((f) => ({ ...f, action: policy.actions.get(f.type) as Action, level: levelOf(f, policy.classification) }));
  const { level } = policy.residency.decide(detected, policy.actions);
  let sanitized = text;
  const unit = { path: 'text', text, findings: detected, write: (t: string) => (sanitized = t) };
  try {
    const outcome = sanitizeRequest(
      { units: [unit], finish: () => ({}) },
      policy.actions,
      policy.keys,
    );
    return { findings, level, decision: outcome.replaced > 0 ? 'sanitize' : 'allow', sanitized };
  } catch (err) {
    if (err instanceof AirlockError && err.code === 'AIRLOCK_POLICY_BLOCKED_CONTENT') {
      return { findings, level, decision: 'block', sanitized: null };
    }
    throw err;
  }
}
