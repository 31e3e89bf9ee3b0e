/**
 * Screen: scores the user's content and every tool or function result (indirect injection) for prompt
 * injection, and applies the tenant's policy: `block` refuses the request, naming the categories that fired but
 * never the text; `sanitize` replaces the injected sentences with a marker and forwards the rest; `flag` and
 * `allow` forward unchanged. The verdict, score and signals are recorded either way and reported in
 * `x-airlock-injection`. System messages and the model's own turns are not screened: they are not attacker text.
 */
import { SUSPICIOUS_THRESHOLD, scoreInjection, type InjectionResult } from '../../detect/injection/index.ts';
import type { PolicyConfig } from '../../config/schema.ts';
import { AirlockError } from '../../errors.ts';
import { authorOf } from '../../protocol/text-slots.ts';
import { neutralizeUnit } from '../../transform/neutralize.ts';
import type { TextUnit } from '../../transform/sanitize.ts';
import { need, type RequestContext } from '../context.ts';

export interface InjectionOutcome {
  readonly score: number;
  readonly verdict: InjectionResult['verdict'];
  readonly signals: readonly string[];
  readonly categories: readonly string[];
  /** What the policy did: its action when the verdict is `injection`, otherwise `none`. */
  readonly action: 'block' | 'sanitize' | 'flag' | 'allow' | 'none';
}

/** The verdict as logs and audit events record it: score, verdict, action and rule names, never text. */
export function injectionSummary(outcome: InjectionOutcome): { score: number; verdict: string; action: string; signals: readonly string[] } {
  return { score: outcome.score, verdict: outcome.verdict, action: outcome.action, signals: outcome.signals };
}

export interface ScoredUnit {
  readonly unit: TextUnit;
  readonly result: InjectionResult;
}

/** The request's verdict from its units' scores under the policy's threshold, and the units at or above it. */
export function assessInjection(hits: readonly ScoredUnit[], settings: PolicyConfig['injection']): { outcome: InjectionOutcome; injected: ScoredUnit[] } {
  const score = Math.max(0, ...hits.map((h) => h.result.score));
  const suspicious = Math.min(SUSPICIOUS_THRESHOLD, settings.threshold);
  const verdict = score >= settings.threshold ? 'injection' : score >= suspicious && score > 0 ? 'suspicious' : 'clean';
  const signals = [...new Set(hits.flatMap((h) => h.result.signals))].sort();
  const categories = [...new Set(hits.flatMap((h) => h.result.categories))].sort();
  const action = verdict === 'injection' && settings.action !== 'off' ? settings.action : 'none';
  const outcome: InjectionOutcome = { score, verdict, signals, categories, action };
  return { outcome, injected: hits.filter((h) => h.result.score >= settings.threshold) };
}

export function injectionBlocked(outcome: InjectionOutcome, param: string | undefined): AirlockError {
  return new AirlockError('AIRLOCK_POLICY_INJECTION_BLOCKED', { param, detail: `(categories: ${outcome.categories.join(', ')})` });
}

export function createScreenStage() {
  return function screen(ctx: RequestContext): void {
    if (ctx.endpoint === 'embeddings' || need(ctx.policy).injection.action === 'off') return;
    const inspection = need(ctx.inspection);
    const request = need(ctx.request);
    const hits: ScoredUnit[] = [];
    for (const unit of inspection.units) {
      const author = authorOf(ctx.endpoint, request, unit.path);
      if (author === null) continue;
      const result = scoreInjection(unit.text, author);
      if (result.score > 0) hits.push({ unit, result });
    }
    const { outcome, injected } = assessInjection(hits, need(ctx.policy).injection);
    ctx.injection = outcome;
    if (outcome.action === 'block') throw injectionBlocked(outcome, injected[0]?.unit.path);
    if (outcome.action === 'sanitize') {
      const replaced = new Map(injected.map((h) => [h.unit, neutralizeUnit(h.unit, h.result.spans)]));
      ctx.inspection = { units: inspection.units.map((u) => replaced.get(u) ?? u), finish: () => inspection.finish() };
    }
  };
}
