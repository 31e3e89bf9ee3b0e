/**
 * The places where a file sends data to a hosted AI provider, before they become findings: endpoint literals
 * (tied to the HTTP client that uses them, directly, in the same function, or through the name they are bound
 * to), SDK clients (with their base URL resolved: a gateway or self-hosted host is no egress, another provider's
 * host names that provider), and Apex `callout:NAME` endpoints resolved through the project's Named Credentials.
 * Each site also records the calls it stands for and the data visible in their functions.
 */

import type { ProjectFacts } from '../../types.ts';
import { AI_SDKS, providerById, providerForConfiguredUrl, providerForHost, type AiProvider } from '../providers.ts';
import { bindingNameOf, bindingsOf, usesOf } from './bindings.ts';
import { clientAround, firstClientIn, type ClientCall } from './clients.ts';
import { dataIn, type DataSeen } from './data.ts';
import { lookupName } from './facts.ts';
import { importsOf } from './imports.ts';
import { endpointOf, isDisplayText, literalExpressions, type LiteralExpr } from './literals.ts';
import { baseUrlOf, inferenceCalls, sdkCalls, type Literals, type SdkCall } from './sdk.ts';
import { enclosingScope, type Scope } from './scopes.ts';
import { isName, isPunct, nameKey, type Source } from './source.ts';
import { chainNames } from './syntax.ts';
import { HOLE } from './tokens.ts';

export type SiteDetail =
  | { readonly kind: 'literal'; readonly clientSeen: boolean }
  | { readonly kind: 'sdk'; readonly sdk: string; readonly baseUrl: 'default' | 'dynamic' | 'override' }
  | { readonly kind: 'callout'; readonly credential: string };

export interface Site {
  readonly ruleId: 'egress.host-literal' | 'egress.sdk' | 'egress.apex-callout';
  /** Token index the finding points at. */
  readonly at: number;
  /** Token indices of the calls this site stands for (HTTP call, SDK creation, inference calls). */
  readonly calls: readonly number[];
  readonly provider: AiProvider;
  readonly host: string;
  readonly client: string;
  readonly data: DataSeen;
  readonly detail: SiteDetail;
}

export function findSites(source: Source, facts: ProjectFacts | undefined): Site[] {
  const exprs = literalExpressions(source);
  const literals: Literals = {
    byString: new Map(exprs.flatMap((expr) => expr.strings.map((i) => [i, expr] as const))),
    bindings: bindingsOf(source, exprs),
  };
  const consumed = new Set<LiteralExpr>();
  const sites = sdkSites(source, literals, consumed);
  sites.push(...hostLiteralSites(source, exprs, consumed));
  if (source.language === 'apex') sites.push(...calloutSites(source, exprs, facts));
  return sites.sort((a, b) => a.at - b.at);
}

function scopesOf(source: Source, indices: readonly number[]): (Scope | null)[] {
  return [...new Set(indices.map((i) => enclosingScope(source, i)))];
}

function hostLiteralSites(source: Source, exprs: readonly LiteralExpr[], consumed: ReadonlySet<LiteralExpr>): Site[] {
  const sites: Site[] = [];
  for (const expr of exprs) {
    const endpoint = consumed.has(expr) ? null : endpointOf(expr.value);
    const match = endpoint === null ? null : providerForHost(endpoint.host, endpoint.path);
    if (endpoint === null || match === null) continue;
    const name = bindingNameOf(source, expr);
    if (isDisplayText(source, expr, name)) continue;
    const route = routeOf(source, expr, name);
    // A bare host in a file that makes no HTTP call is a list entry (allow-lists, provider tables), not an endpoint.
    if (!endpoint.isUrl && route.client === null) continue;
    sites.push({
      ruleId: 'egress.host-literal', at: expr.first, calls: route.anchors, provider: match.provider, host: displayHost(match.host),
      client: route.client?.name ?? 'unknown', data: dataIn(source, scopesOf(source, route.anchors)),
      detail: { kind: 'literal', clientSeen: route.client !== null },
    });
  }
  return sites;
}

interface Route {
  readonly client: ClientCall | null;
  /** Where the call happens, for the data around it. */
  readonly anchors: readonly number[];
}

/** The HTTP call that sends to a literal: around it, in its function, where its name is used, else the file's first. */
function routeOf(source: Source, expr: LiteralExpr, name: string | null): Route {
  const found = (client: ClientCall | null): Route | null => (client === null ? null : { client, anchors: [client.open] });
  const scope = enclosingScope(source, expr.first);
  const direct = found(clientAround(source, expr.first)) ?? (scope === null ? null : found(firstClientIn(source, scope)));
  if (direct !== null) return direct;
  const uses = name === null ? [] : usesOf(source, name, { from: expr.first - 2, to: expr.last });
  for (const use of uses) {
    const around = found(clientAround(source, use));
    if (around !== null) return around;
  }
  for (const use of uses) {
    const useScope = enclosingScope(source, use);
    const inScope = useScope === null ? null : found(firstClientIn(source, useScope));
    if (inScope !== null) return inScope;
  }
  return { client: firstClientIn(source, null), anchors: [expr.first] };
}

const SDK_MODULES = new Set(AI_SDKS.map((entry) => `${entry.language}:${entry.module.toLowerCase()}`));

/** Whether the file imports an AI SDK (its inference calls then count even when the client is made elsewhere). */
export function importsAiSdk(source: Source): boolean {
  if (source.language === 'apex') return false;
  for (const qualified of importsOf(source).values()) {
    const lower = qualified.toLowerCase();
    const module = source.language === 'js' ? lower.split('#')[0] ?? '' : lower;
    const parts = module.split(source.language === 'python' ? '.' : '\u0001');
    for (let n = parts.length; n > 0; n--) if (SDK_MODULES.has(`${source.language}:${parts.slice(0, n).join('.')}`)) return true;
  }
  return false;
}

function sdkSites(source: Source, literals: Literals, consumed: Set<LiteralExpr>): Site[] {
  const calls = sdkCalls(source);
  const allInference = calls.length > 0 || importsAiSdk(source) ? inferenceCalls(source) : [];
  const sites: Site[] = [];
  for (const call of calls) {
    const target = sdkTarget(source, call, literals, consumed);
    if (target === null) continue;
    const inference = inferenceOn(source, call, allInference);
    // A client made at top level is used in functions: their data is what flows, not the whole module's.
    const scopes = scopesOf(source, [call.at, ...inference]);
    const used = scopes.length > 1 && enclosingScope(source, call.at) === null ? scopes.filter((scope) => scope !== null) : scopes;
    sites.push({
      ruleId: 'egress.sdk', at: call.at, calls: [call.open, ...inference], provider: target.provider, host: target.host,
      client: call.entry.label ?? call.entry.module, data: dataIn(source, used),
      detail: { kind: 'sdk', sdk: call.entry.label ?? call.entry.module, baseUrl: target.baseUrl },
    });
  }
  return sites;
}

/**
 * The inference calls made on this client: those whose chain goes through the name it is assigned to
 * (`client = OpenAI()` … `client.chat.completions.create(`), else every inference call in the file.
 */
function inferenceOn(source: Source, call: SdkCall, inference: readonly number[]): readonly number[] {
  const target = isPunct(source.tokens[call.at - 1], '=') ? source.tokens[call.at - 2] : undefined;
  if (!isName(target)) return inference;
  const name = nameKey(source, target.text);
  const own = inference.filter((open) => chainNames(source, open - 1).slice(0, -1).some((n) => nameKey(source, n) === name));
  return own.length > 0 ? own : inference;
}

interface Target {
  readonly provider: AiProvider;
  readonly host: string;
  readonly baseUrl: 'default' | 'dynamic' | 'override';
}

/** The provider an SDK call reaches, or null when its base URL is a gateway, self-hosted or another non-AI host. */
function sdkTarget(source: Source, call: SdkCall, literals: Literals, consumed: Set<LiteralExpr>): Target | null {
  const provider = providerById(call.entry.provider);
  if (provider === undefined) return null;
  const fallback = { provider, host: (provider.hosts[0] ?? '').split('/')[0] ?? '' };
  const base = baseUrlOf(source, call, literals);
  if (base.kind === 'gateway') return null;
  if (base.kind !== 'endpoint') return { ...fallback, baseUrl: base.kind };
  consumed.add(base.expr);
  const match = providerForHost(base.endpoint.host, base.endpoint.path);
  if (match !== null) return { provider: match.provider, host: displayHost(match.host), baseUrl: 'override' };
  return base.endpoint.host.includes(HOLE) ? { ...fallback, baseUrl: 'dynamic' } : null;
}

/** A host as reports show it: parts code supplies at run time as `*`. */
function displayHost(host: string): string {
  return host.replaceAll(HOLE, '*');
}

const CALLOUT = /^callout:([A-Za-z0-9_]+)/i;

/** `callout:OpenAI_NC/v1/chat/completions`, resolved through the project's Named Credentials. */
function calloutSites(source: Source, exprs: readonly LiteralExpr[], facts: ProjectFacts | undefined): Site[] {
  const sites: Site[] = [];
  for (const expr of exprs) {
    const credential = CALLOUT.exec(expr.value)?.[1];
    const url = credential === undefined ? undefined : lookupName(facts?.namedCredentials, credential);
    const match = url === undefined ? null : (providerForConfiguredUrl(url)?.match ?? null);
    if (match === null || credential === undefined) continue;
    const client = clientAround(source, expr.first) ?? firstClientIn(source, enclosingScope(source, expr.first));
    const anchors = [client?.open ?? expr.first];
    sites.push({
      ruleId: 'egress.apex-callout', at: expr.first, calls: anchors, provider: match.provider, host: displayHost(match.host),
      client: client?.name ?? 'HttpRequest', data: dataIn(source, scopesOf(source, [expr.first])),
      detail: { kind: 'callout', credential },
    });
  }
  return sites;
}
