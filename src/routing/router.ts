/**
 * The router: which backend serves a request, and what happens when it fails. Candidates (already narrowed by
 * the catalogue to the tenant's grants) are filtered by residency, then by health; the rest are ordered by
 * priority and, within a priority, by a weighted random draw. Dispatch tries them in that order, retrying with
 * backoff on errors that say the backend never saw the request or could not serve it (connect errors, 5xx,
 * 429) — and only on those, and only while the caller has received nothing, which the caller of dispatch
 * guarantees by resolving an attempt before any byte is written. A retry never leaves the compliant set.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BackendAdapter } from '../backends/types.ts';
import type { RoutingConfig } from '../config/schema.ts';
import { AirlockError } from '../errors.ts';
import type { BackendHealth, Outcome } from './health.ts';
import { isAllowedJurisdiction, type AllowedJurisdictions } from './jurisdictions.ts';
import type { Candidate } from './model-catalog.ts';

export interface RouteTarget {
  readonly backend: BackendAdapter;
  /** The backend's own name for the model. */
  readonly model: string;
  readonly priority: number;
  readonly weight: number;
}

/** Why a request could not be routed, for the refusal message: the level and where it may go. */
export interface Residency {
  readonly level: string;
  readonly allowed: AllowedJurisdictions;
  readonly allowedNames: readonly string[];
}

export type AttemptResult = 'success' | 'retried' | 'failed';

export interface Dispatched<T> {
  readonly value: T;
  readonly target: RouteTarget;
  readonly attempts: number;
}

export interface Router {
  /** Compliant targets in the order they will be tried; refuses when none is compliant and in service. */
  plan(candidates: readonly Candidate[], residency: Residency): RouteTarget[];
  dispatch<T>(targets: readonly RouteTarget[], attempt: (target: RouteTarget) => Promise<T>, signal: AbortSignal): Promise<Dispatched<T>>;
}

export interface RouterOptions {
  readonly backends: ReadonlyMap<string, BackendAdapter>;
  /** Priority and weight per backend id. */
  readonly placement: ReadonlyMap<string, { readonly priority: number; readonly weight: number }>;
  readonly health: BackendHealth;
  readonly settings: RoutingConfig;
  readonly random?: () => number;
  readonly wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly onAttempt?: (backendId: string, result: AttemptResult) => void;
}

export function createRouter(options: RouterOptions): Router {
  const random = options.random ?? Math.random;
  const wait = options.wait ?? ((ms, signal) => sleep(ms, undefined, { signal }));
  const { health, settings } = options;

  function compliantTargets(candidates: readonly Candidate[], allowed: AllowedJurisdictions): RouteTarget[] {
    const targets: RouteTarget[] = [];
    for (const candidate of candidates) {
      const backend = options.backends.get(candidate.backendId);
      const placement = options.placement.get(candidate.backendId);
      if (!backend || !placement) throw new AirlockError('AIRLOCK_INTERNAL');
      if (isAllowedJurisdiction(backend.jurisdiction, allowed)) targets.push({ backend, model: candidate.backendModel, ...placement });
    }
    return targets;
  }

  return {
    plan(candidates, residency) {
      const compliant = compliantTargets(candidates, residency.allowed);
      const inService = compliant.filter((t) => health.isAvailable(t.backend.id));
      if (inService.length === 0) throw noCompliantBackend(residency, compliant.length === 0 ? 'none serves this model' : 'every one is out of service');
      return orderTargets(inService, random);
    },

    async dispatch(targets, attempt, signal) {
      let lastError: AirlockError | null = null;
      let cursor = -1;
      for (let n = 0; n <= settings.retries; n++) {
        if (n > 0) await wait(backoffMs(n, settings, random), signal);
        const next = takeNext(targets, cursor + 1, health);
        if (!next) break; // every target went out of service meanwhile
        const { target } = next;
        cursor = next.index;
        const id = target.backend.id;
        try {
          const value = await attempt(target);
          health.record(id, 'success');
          options.onAttempt?.(id, 'success');
          return { value, target, attempts: n + 1 };
        } catch (err) {
          health.record(id, signal.aborted ? 'neutral' : healthOutcome(err));
          const retry =
            !signal.aborted && err instanceof AirlockError && err.retryable && n < settings.retries && targets.some((t) => health.isAvailable(t.backend.id));
          options.onAttempt?.(id, retry ? 'retried' : 'failed');
          if (!retry) throw err;
          lastError = err;
        }
      }
      throw lastError ?? new AirlockError('AIRLOCK_POLICY_NO_COMPLIANT_BACKEND', { detail: '(every allowed backend went out of service)' });
    },
  };
}

/** The refusal when nothing may take the request: the level, where it may go, and why nothing there can. */
export function noCompliantBackend(residency: Residency, why: string): AirlockError {
  const detail = `(level ${residency.level}; allowed jurisdictions: ${residency.allowedNames.join(', ') || 'none'}; ${why})`;
  return new AirlockError('AIRLOCK_POLICY_NO_COMPLIANT_BACKEND', { detail });
}

/** Lowest priority first; within a priority, a weighted shuffle (Efraimidis–Spirakis keys u^(1/w)). */
export function orderTargets(targets: readonly RouteTarget[], random: () => number = Math.random): RouteTarget[] {
  if (targets.length <= 1) return [...targets];
  const keyed = targets.map((t) => ({ t, key: Math.pow(random(), 1 / t.weight) }));
  keyed.sort((a, b) => a.t.priority - b.t.priority || b.key - a.key);
  return keyed.map(({ t }) => t);
}

/**
 * The first target from `start` on (wrapping) that may take a request now: each retry moves past the target
 * that was just tried, to the untried ones first, and comes back round only when all were tried.
 */
function takeNext(targets: readonly RouteTarget[], start: number, health: BackendHealth): { target: RouteTarget; index: number } | undefined {
  for (let i = 0; i < targets.length; i++) {
    const index = (start + i) % targets.length;
    const target = targets[index] as RouteTarget;
    if (health.tryAcquire(target.backend.id)) return { target, index };
  }
  return undefined;
}

/** Full jitter over an exponential ceiling, so retries from many requests do not arrive in lockstep. */
function backoffMs(attempt: number, settings: RoutingConfig, random: () => number): number {
  return Math.floor(random() * Math.min(settings.retryMaxDelayMs, settings.retryBaseDelayMs * 2 ** (attempt - 1)));
}

/**
 * What an error says about the backend's health: it failed (no connection, timeout, 5xx, a broken reply), or
 * it worked and said no (429 means busy, not broken; 4xx means the request was wrong), or the error was ours.
 */
function healthOutcome(err: unknown): Outcome {
  if (!(err instanceof AirlockError)) return 'neutral';
  switch (err.code) {
    case 'AIRLOCK_BACKEND_UNREACHABLE':
    case 'AIRLOCK_BACKEND_TIMEOUT':
    case 'AIRLOCK_BACKEND_ERROR':
    case 'AIRLOCK_BACKEND_BAD_RESPONSE':
      return 'failure';
    default:
      return 'neutral';
  }
}
