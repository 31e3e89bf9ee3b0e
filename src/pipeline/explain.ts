/**
 * What the gateway would do with one request, worked out offline for `airlock policy explain`: the findings,
 * the policy and its hash, the level, the decision, and which backend would serve the request and why. It runs
 * the gateway's own stages (validate, resolve model, inspect, classify, sanitize) on a context of its own and
 * judges each candidate with the catalogue and the jurisdiction check the router uses, so an explanation cannot
 * drift from what a real request gets. Only health is unknown offline: every backend is assumed in service.
 * Like every other record, the result carries types, offsets and paths, never the values found.
 */
import { createKeyRing, type Principal } from '../auth/api-keys.ts';
import { ANY_JURISDICTION, SCOPES, type Action, type AirlockConfig } from '../config/schema.ts';
import type { EntityType, Level } from '../entities.ts';
import { AirlockError, type ErrorCode } from '../errors.ts';
import { levelOf } from '../policy/classification.ts';
import type { ResidencyDecision } from '../policy/residency.ts';
import type { Endpoint } from '../protocol/openai.ts';
import { createJurisdictionTree, isAllowedJurisdiction, type JurisdictionTree } from '../routing/jurisdictions.ts';
import { createModelCatalog } from '../routing/model-catalog.ts';
import { noCompliantBackend } from '../routing/router.ts';
import { need, type RequestContext } from './context.ts';
import type { Decision } from './inspect-text.ts';
import { LEVEL_HEADER, createClassifyStage } from './stages/classify.ts';
import { createInspectStage } from './stages/inspect.ts';
import { createResolveModelStage } from './stages/resolve-model.ts';
import { createSanitizeStage } from './stages/sanitize.ts';
import { createValidateStage } from './stages/validate.ts';
import { createTenantPolicies } from './tenant-policies.ts';

export interface ExplainOptions {
  readonly config: AirlockConfig;
  readonly masterSecret: string;
  readonly tenant: string;
  /** The public model alias; it replaces any `model` in the body. */
  readonly model: string;
  readonly endpoint: Endpoint;
  /** The request body as a caller would send it (a JSON object). */
  readonly body: object;
  /** What the caller would send in `x-airlock-level`. */
  readonly level?: Level | undefined;
}

export interface ExplainedFinding {
  readonly type: EntityType;
  /** UTF-16 code-unit offsets into the text at `path`. */
  readonly start: number;
  readonly end: number;
  /** Where the text sits in the request (`messages[0].content`). */
  readonly path: string;
  readonly detector: string;
  readonly action: Action;
  readonly level: Level;
}

export interface ExplainedCandidate {
  readonly backend: string;
  readonly jurisdiction: string;
  readonly priority: number;
  readonly weight: number;
  readonly compliant: boolean;
  readonly reason: string;
  /** The fraction of requests this backend would receive first (0 for fallbacks and non-compliant ones). */
  readonly share: number;
}

export interface Explanation {
  readonly policy: { readonly name: string; readonly hash: string };
  readonly findings: readonly ExplainedFinding[];
  readonly level: Level;
  readonly requestedLevel: Level | null;
  /** True when the requested level is above what the findings and the base level give. */
  readonly levelRaised: boolean;
  readonly decision: Decision;
  /** How many values sanitize would replace; 0 when the request is blocked, since nothing is sent. */
  readonly redactions: number;
  readonly allowedJurisdictions: readonly string[];
  readonly candidates: readonly ExplainedCandidate[];
  /** The backend that would take the request (if it were not blocked); null when none is compliant. */
  readonly chosen: { readonly backend: string; readonly reason: string } | null;
  /** The error the gateway would answer with instead of forwarding; null when it would forward. */
  readonly refusal: { readonly code: ErrorCode; readonly message: string } | null;
}

/**
 * The body a plain-text prompt stands for: one user message, a prompt or an input. Text that parses as a JSON
 * object is taken as the body itself, so a request captured from a client can be replayed as it is.
 */
export function requestBodyFrom(content: string, endpoint: Endpoint): object {
  try {
    const parsed = JSON.parse(content) as unknown;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
  } catch {
    // not JSON: the whole text is the prompt
  }
  if (endpoint === 'chat') return { messages: [{ role: 'user', content }] };
  return endpoint === 'completions' ? { prompt: content } : { input: content };
}

/**
 * Throws what the gateway would throw before classification: AIRLOCK_MODEL_NOT_FOUND for a model the tenant may
 * not use, AIRLOCK_MODEL_WRONG_ENDPOINT, AIRLOCK_REQUEST_* for a body the endpoint does not accept.
 */
export function explainRequest(options: ExplainOptions): Explanation {
  const { config, tenant, model, endpoint } = options;
  const catalog = createModelCatalog(config);
  const policies = createTenantPolicies(config, options.masterSecret);
  // Every scope and no key-level model list: the explanation is about the tenant, not one of its keys.
  const principal: Principal = { tenant, keyId: 'policy-explain', scopes: new Set(SCOPES), models: null };
  const ctx: RequestContext = {
    requestId: 'policy-explain',
    endpoint,
    client: null,
    headers: options.level === undefined ? {} : { [LEVEL_HEADER]: options.level },
    body: { ...options.body, model },
    signal: new AbortController().signal,
    runtime: { keyRing: createKeyRing([]), catalog, policies },
    principal,
  };
  for (const stage of [createValidateStage(), createResolveModelStage(), createInspectStage(), createClassifyStage()]) stage(ctx);
  const policy = need(ctx.policy);
  const residency = need(ctx.residency);
  const findings = need(ctx.inspection).units.flatMap((unit) =>
    unit.findings.map((f) => ({
      type: f.type,
      start: f.start,
      end: f.end,
      path: unit.path,
      detector: f.detector,
      action: policy.actions.get(f.type) as Action,
      level: levelOf(f, policy.classification),
    })),
  );
  const unraised = policy.residency.decide(need(ctx.inspection).units.flatMap((u) => u.findings), policy.actions);
  const outcome = sanitizeOutcome(ctx);
  const tree = createJurisdictionTree(config.jurisdictions, config.backends.map((b) => b.jurisdiction));
  const route = explainRoute(config, need(ctx.candidates), residency, tree);
  return {
    policy: { name: policy.name, hash: policy.hash },
    findings,
    level: residency.level,
    requestedLevel: options.level ?? null,
    levelRaised: residency.level !== unraised.level,
    decision: outcome.decision,
    redactions: outcome.redactions,
    allowedJurisdictions: residency.allowedNames,
    candidates: route.candidates,
    chosen: route.chosen,
    // Sanitize runs before route, so a block is what the caller would see even when no backend is compliant.
    refusal: outcome.refusal ?? route.refusal,
  };
}

function sanitizeOutcome(ctx: RequestContext): { decision: Decision; redactions: number; refusal: Explanation['refusal'] } {
  try {
    createSanitizeStage()(ctx);
    const replaced = need(ctx.transform).replaced;
    return { decision: replaced > 0 ? 'sanitize' : 'allow', redactions: replaced, refusal: null };
  } catch (err) {
    if (!(err instanceof AirlockError) || err.code !== 'AIRLOCK_POLICY_BLOCKED_CONTENT') throw err;
    return { decision: 'block', redactions: 0, refusal: { code: err.code, message: err.message } };
  }
}

interface RouteExplanation {
  readonly candidates: ExplainedCandidate[];
  readonly chosen: Explanation['chosen'];
  readonly refusal: Explanation['refusal'];
}

/**
 * The router's first choice, without its random draw: the lowest compliant priority, shared by weight. Its
 * weighted shuffle puts a backend first with probability weight / total (Efraimidis–Spirakis), which is the
 * share reported; the "chosen" one is the likeliest, ties going to configuration order.
 */
function explainRoute(
  config: AirlockConfig,
  candidates: readonly { readonly backendId: string }[],
  residency: ResidencyDecision,
  tree: JurisdictionTree,
): RouteExplanation {
  const rows = candidates.map(({ backendId }) => {
    const backend = config.backends.find((b) => b.id === backendId);
    if (!backend) throw new AirlockError('AIRLOCK_INTERNAL');
    const { jurisdiction, priority, weight } = backend;
    return { backend: backend.id, jurisdiction, priority, weight, ...compliance(jurisdiction, residency, tree) };
  });
  const compliant = rows.filter((r) => r.compliant);
  if (compliant.length === 0) {
    const err = noCompliantBackend(residency, 'none serves this model');
    return { candidates: rows.map((r) => ({ ...r, share: 0 })), chosen: null, refusal: { code: err.code, message: err.message } };
  }
  const top = Math.min(...compliant.map((r) => r.priority));
  const total = compliant.filter((r) => r.priority === top).reduce((sum, r) => sum + r.weight, 0);
  const shared = rows.map((r) => ({ ...r, share: r.compliant && r.priority === top ? r.weight / total : 0 }));
  const first = shared.filter((r) => r.share > 0).reduce((best, r) => (r.weight > best.weight ? r : best));
  const reason =
    `lowest compliant priority; priority ${top}, weight ${first.weight} of ${total}: ${formatShare(first.share)} of requests; ` +
    'assumes every backend is in service';
  return { candidates: shared, chosen: { backend: first.backend, reason }, refusal: null };
}

function compliance(jurisdiction: string, residency: ResidencyDecision, tree: JurisdictionTree): { compliant: boolean; reason: string } {
  const names = residency.allowedNames;
  if (!isAllowedJurisdiction(jurisdiction, residency.allowed)) {
    const reason = names.length === 0 ? `no jurisdiction may receive this request` : `jurisdiction ${jurisdiction} is not within ${names.join(', ')}`;
    return { compliant: false, reason };
  }
  if (residency.allowed === ANY_JURISDICTION) return { compliant: true, reason: `level ${residency.level} may go to any jurisdiction` };
  const within = names.find((name) => isAllowedJurisdiction(jurisdiction, tree.expand([name]))) ?? jurisdiction;
  return { compliant: true, reason: within === jurisdiction ? `jurisdiction ${jurisdiction} is allowed` : `jurisdiction ${jurisdiction} is within ${within}` };
}

/** `75%`, `33.3%`: one decimal at most, so shares of three or seven backends stay readable. */
export function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}
