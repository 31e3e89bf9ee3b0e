/**
 * The engine, the policy and the transforms run on one text without a server: what `airlock inspect` prints and
 * what `import { inspect } from 'airlock'` returns. It uses exactly the stages a request goes through, so an
 * offline answer is the gateway's answer for the same tenant and text.
 */
import type { Action } from '../config/schema.ts';
import type { Finding } from '../entities.ts';
import { AirlockError } from '../errors.ts';
import { sanitizeRequest } from '../transform/sanitize.ts';
import type { TenantPolicy } from './tenant-policies.ts';

export interface InspectedFinding extends Finding {
  readonly action: Action;
}

/** `allow`: nothing to change; `sanitize`: forwarded after replacing values; `block`: refused. */
export type Decision = 'allow' | 'sanitize' | 'block';

export interface InspectResult {
  readonly findings: InspectedFinding[];
  readonly decision: Decision;
  /** The text a model would receive; null when the request would be refused. */
  readonly sanitized: string | null;
}

export function inspectText(text: string, policy: TenantPolicy): InspectResult {
  const detected = policy.engine.detect(text);
  const findings = detected.map((f) => ({ ...f, action: policy.actions.get(f.type) as Action }));
  let sanitized = text;
  const unit = { path: 'text', text, findings: detected, write: (t: string) => (sanitized = t) };
  try {
    const outcome = sanitizeRequest(
      { units: [unit], finish: () => ({}) },
      policy.actions,
      policy.keys,
    );
    return { findings, decision: outcome.replaced > 0 ? 'sanitize' : 'allow', sanitized };
  } catch (err) {
    if (err instanceof AirlockError && err.code === 'AIRLOCK_POLICY_BLOCKED_CONTENT') {
      return { findings, decision: 'block', sanitized: null };
    }
    throw err;
  }
}
