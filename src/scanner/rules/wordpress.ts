/**
 * WordPress entry points that let anyone trigger paid inference: `wp_ajax_nopriv_*` AJAX actions and REST routes
 * whose `permission_callback` is `__return_true` (or missing, or a closure returning true) when their handler
 * calls a hosted AI API in the same file, directly or through functions and methods it calls there. Handlers are
 * named functions, `[$this, 'method']` / `array( __CLASS__, 'method' )`, `'Class::method'`, closures and arrow
 * functions. The AI calls themselves come from the egress analysis of the same file.
 */

import { ruleFinding, type ProjectFacts, type RuleInfo, type ScanFile, type ScanFinding, type ScanRule } from '../types.ts';
import { aiFunctions, handlerData, siteInRange, type AiFunctions } from './egress/ai-functions.ts';
import { analyzeEgress } from './egress/analyze.ts';
import type { DataSeen } from './egress/data.ts';
import { dataClause } from './egress/findings.ts';
import { literalExpressions } from './egress/literals.ts';
import type { Site } from './egress/sites.ts';
import { isPunct, nameKey, type Source } from './egress/source.ts';
import { argumentsOf, calleeAt, keyedValues, valueRange, type Range } from './egress/syntax.ts';
import { HOLE } from './egress/tokens.ts';

const NOPRIV_RULE: RuleInfo = {
  id: 'wordpress.nopriv-ai-handler', severity: 'high',
  summary: 'A wp_ajax_nopriv_ action (no login needed) runs a handler that calls a hosted AI API.',
  remediation: 'Register the action for logged-in users only (wp_ajax_), check a capability and a nonce in the handler, and rate-limit ' +
    'it; otherwise anyone can spend your AI credit and push data through your key.',
};
const PUBLIC_REST_RULE: RuleInfo = {
  id: 'wordpress.public-rest-ai', severity: 'high',
  summary: 'A REST route open to everyone (permission_callback __return_true or missing) calls a hosted AI API.',
  remediation: 'Give the route a permission_callback that checks a capability (current_user_can) and rate-limit it; never use ' +
    '__return_true on routes that spend AI credit.',
};
const RULES: readonly RuleInfo[] = [NOPRIV_RULE, PUBLIC_REST_RULE];

export const wordpressRules: ScanRule = {
  rules: RULES,
  applies(file: ScanFile): boolean {
    return file.text !== null && file.extension === 'php' && /wp_ajax_nopriv_|register_rest_route/i.test(file.text);
  },
  scan(file: ScanFile, facts?: ProjectFacts): ScanFinding[] {
    const analysis = analyzeEgress(file, facts);
    if (analysis === null || analysis.sites.length === 0) return [];
    const { source, sites } = analysis;
    const functions = aiFunctions(source, sites);
    const findings: ScanFinding[] = [];
    source.tokens.forEach((token, open) => {
      if (!isPunct(token, '(')) return;
      const name = calleeAt(source, open)?.path.join('').toLowerCase();
      if (name === 'add_action') findings.push(...noprivFindings(source, file.path, open, functions, sites));
      if (name === 'register_rest_route') findings.push(...restFindings(source, file.path, open, functions, sites));
    });
    return findings;
  },
};

interface Reached {
  readonly site: Site;
  readonly handler: string;
  /** Data in the handler and in the function making the call. */
  readonly data: DataSeen;
}

/** What the handler given in `range` reaches: a named function, a `[$obj, 'method']` pair, or an inline closure. */
function handlerReach(source: Source, range: Range, functions: AiFunctions, sites: readonly Site[]): Reached | null {
  const first = source.tokens[range.from];
  if (first === undefined) return null;
  if (/^(function|fn|static)$/i.test(first.text)) {
    const site = siteInRange(source, range, functions, sites);
    return site === null ? null : { site, handler: 'closure', data: handlerData(source, range, site) };
  }
  const strings: string[] = [];
  for (let i = range.from; i < range.to; i++) if (source.tokens[i]?.kind === 'string') strings.push(source.tokens[i]?.value ?? '');
  const handler = (strings.at(-1) ?? '').split('::').at(-1) ?? '';
  const site = functions.get(nameKey(source, handler));
  return site === undefined ? null : { site, handler, data: handlerData(source, handler, site) };
}

function noprivFindings(source: Source, file: string, open: number, functions: AiFunctions, sites: readonly Site[]): ScanFinding[] {
  const [hookArg, handlerArg] = argumentsOf(source, open);
  const hook = hookArg === undefined ? undefined : literalExpressions(source).find((expr) => expr.first === hookArg.from)?.value;
  if (hook === undefined || handlerArg === undefined || !hook.toLowerCase().startsWith('wp_ajax_nopriv_')) return [];
  const reached = handlerReach(source, handlerArg, functions, sites);
  if (reached === null || hookArg === undefined) return [];
  const action = hook.slice('wp_ajax_nopriv_'.length).replaceAll(HOLE, '*');
  const message = `Unauthenticated AJAX action ${action} runs ${reached.handler}, which calls ${describe(reached.site)}: anyone can ` +
    `trigger paid inference${dataClause(reached.data.data, 'in the handler and the call')}.`;
  return [finding(source, file, NOPRIV_RULE, hookArg.from, message, reached, { action })];
}

function restFindings(source: Source, file: string, open: number, functions: AiFunctions, sites: readonly Site[]): ScanFinding[] {
  const [namespace, route, options] = argumentsOf(source, open);
  const optionsOpen = options === undefined ? -1 : arrayOpen(source, options.from);
  if (route === undefined || optionsOpen < 0) return [];
  const path = `${stringAt(source, namespace?.from)}${stringAt(source, route.from)}`.replace(/\/+/g, '/');
  const findings: ScanFinding[] = [];
  for (const callback of keyedValues(source, optionsOpen, new Set(['callback']))) {
    const container = source.parent[callback.from - 2] ?? -1;
    const permission = keyedValues(source, container, new Set(['permission_callback'])).find((r) => source.parent[r.from - 2] === container);
    if (permission !== undefined && !isPublic(source, permission)) continue;
    const reached = handlerReach(source, callback, functions, sites);
    if (reached === null) continue;
    const why = permission === undefined ? 'no permission_callback' : 'permission_callback that allows everyone';
    const message = `REST route ${path} has ${why} and runs ${reached.handler}, which calls ${describe(reached.site)}: anyone can ` +
      `trigger paid inference${dataClause(reached.data.data, 'in the handler and the call')}.`;
    findings.push(finding(source, file, PUBLIC_REST_RULE, route.from, message, reached, { route: path }));
  }
  return findings;
}

/** The `[` or `array(` that starts an array literal at `i`, else -1. */
function arrayOpen(source: Source, i: number): number {
  if (isPunct(source.tokens[i], '[')) return i;
  return source.tokens[i]?.text.toLowerCase() === 'array' && isPunct(source.tokens[i + 1], '(') ? i + 1 : -1;
}

function stringAt(source: Source, i: number | undefined): string {
  return i === undefined ? '' : (source.tokens[i]?.value ?? '').replaceAll(HOLE, '*');
}

/** `'__return_true'`, `function () { return true; }`, `fn() => true`. */
function isPublic(source: Source, range: Range): boolean {
  const texts: string[] = [];
  for (let i = range.from; i < valueRange(source, range.from).to; i++) texts.push(source.tokens[i]?.value ?? source.tokens[i]?.text ?? '');
  const joined = texts.join(' ').toLowerCase();
  return joined === '__return_true' || /^(static )?(function|fn) \( \) (\{ return true ; \}|=> true)$/.test(joined);
}

function describe(site: Site): string {
  return `${site.provider.name} (${site.host}) via ${site.client}`;
}

function finding(source: Source, file: string, rule: RuleInfo, at: number, message: string, reached: Reached,
  extra: Record<string, string>): ScanFinding {
  return ruleFinding(rule, file, source.lines.position(source.tokens[at]?.start ?? 0), message,
    { provider: reached.site.provider.id, client: reached.site.client, data: reached.data.data, handler: reached.handler, ...extra });
}
