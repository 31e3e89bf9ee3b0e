/**
 * The engine, injection scoring, the policy and the transforms run on one text without a server: what `airlock inspect` prints and
 * what `import { inspect } from 'airlock'` returns. It uses exactly the stages a request goes through, so an
 * offline answer is the gateway's answer for the same tenant and text.
 */
import type { Action } from '../config/schema.ts';
import type { Finding, Level } from '../entities.ts';
import { levelOf } from '../policy/classification.ts';
import { AirlockError } from '../errors.ts';
import { scoreInjection } from '../detect/injection/index.ts';
import { neutralizeUnit } from '../transform/neutralize.ts';
import { sanitizeRequest, type TextUnit } from '../transform/sanitize.ts';
import { assessInjection } from './stages/screen.ts';
import type { TenantPolicy } from './tenant-policies.ts';

export interface InspectedFinding extends Finding {
  readonly action: Action;
  readonly level: Level;
}

/** `allow`: nothing to change; `sanitize`: forwarded after replacing values; `block`: refused. */
export type Decision = 'allow' | 'sanitize' | 'block';

export interface InspectResult {
  readonly findings: InspectedFinding[];
  /** The prompt-injection score of the text read as a user's message, its verdict and the rules that fired. */
  readonly injection: { readonly score: number; readonly verdict: string; readonly signals: readonly string[] };
  /** The text's classification level under the tenant's policy (the highest of its findings' levels). */
  readonly level: Level;
  readonly decision: Decision;
  /** The text a model would receive; null when the request would be refused. */
  readonly sanitized: string | null;
}

/** The text is read as a user's message: screened for injection, then sanitized under the tenant's policy. */
export function inspectText(text: string, policy: TenantPolicy): InspectResult {
  const detected = policy.engine.detect(text);
  const findings = detected.map((f) => ({ ...f, action: policy.actions.get(f.type) as Action, level: levelOf(f, policy.classification) }));
  const { level } = policy.residency.decide(detected, policy.actions);
  let sanitized = text;
  let unit: TextUnit = { path: 'text', text, findings: detected, write: (t: string) => (sanitized = t) };
  const scored = policy.injection.action === 'off' ? { score: 0, verdict: 'clean' as const, signals: [], categories: [], spans: [] } : scoreInjection(text, 'user');
  const { outcome, injected } = assessInjection(scored.score > 0 ? [{ unit, result: scored }] : [], policy.injection);
  const injection = { score: outcome.score, verdict: outcome.verdict, signals: outcome.signals };
  const base = { findings, injection, level };
  if (outcome.action === 'block') return { ...base, decision: 'block', sanitized: null };
  if (outcome.action === 'sanitize' && injected.length > 0) unit = neutralizeUnit(unit, scored.spans);
  try {
    const result = sanitizeRequest({ units: [unit], finish: () => ({}) }, policy.actions, policy.keys);
    return { ...base, decision: result.replaced > 0 || sanitized !== text ? 'sanitize' : 'allow', sanitized };
  } catch (err) {
    if (err instanceof AirlockError && err.code === 'AIRLOCK_POLICY_BLOCKED_CONTENT') return { ...base, decision: 'block', sanitized: null };
    throw err;
  }
}
