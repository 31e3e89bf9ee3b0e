/**
 * How egress sites read as findings: the rule metadata of the egress family, and one sentence per finding that
 * names the provider and host, the HTTP client or SDK, and the commerce data seen in the same function.
 */

import { ruleFinding, type RuleInfo, type ScanFinding } from '../../types.ts';
import type { Site } from './sites.ts';
import type { Source } from './source.ts';

export const EGRESS_RULES: readonly RuleInfo[] = [
  {
    id: 'egress.host-literal',
    severity: 'high',
    summary: 'Code calls a hosted AI API by its URL or host.',
    remediation: 'Send this traffic through the Airlock gateway (or a self-hosted model) instead of calling the provider directly, ' +
      'and keep order, customer and CRM data out of prompts unless a data processing agreement covers it.',
  },
  {
    id: 'egress.sdk',
    severity: 'high',
    summary: 'Code creates a hosted AI provider\'s SDK client that sends to the provider.',
    remediation: 'Set the SDK\'s base URL to the Airlock gateway (for example `baseURL: \'http://airlock:8080/v1\'`) so policies, ' +
      'redaction and audit apply, or use a self-hosted model.',
  },
  {
    id: 'egress.apex-callout',
    severity: 'high',
    summary: 'An Apex callout goes through a Named Credential that points at a hosted AI API.',
    remediation: 'Point the Named Credential at the Airlock gateway instead of the provider, and review which Salesforce records ' +
      'the callout sends.',
  },
  {
    id: 'cors.reflected-origin-ai',
    severity: 'high',
    summary: 'CORS echoes any Origin with credentials in code that calls a hosted AI API.',
    remediation: 'Allow only your own origins (an explicit allow-list) on routes that call AI, or drop credentials; never echo the ' +
      'request\'s Origin header.',
  },
];

const RULES_BY_ID = new Map(EGRESS_RULES.map((rule) => [rule.id, rule]));

export function ruleInfo(id: string): RuleInfo {
  const rule = RULES_BY_ID.get(id);
  if (rule === undefined) throw new Error(`unknown egress rule ${id}`);
  return rule;
}

/** `; order and customer data in the same function` or ''. */
export function dataClause(data: readonly string[], where = 'in the same function'): string {
  if (data.length === 0) return '';
  const list = data.length === 1 ? data[0] : `${data.slice(0, -1).join(', ')} and ${data.at(-1)}`;
  return `; ${list} data ${where}`;
}

function siteMessage(site: Site): string {
  const target = `${site.provider.name} (${site.host})`;
  const detail = site.detail;
  if (detail.kind === 'literal') {
    const how = detail.clientSeen ? ` via ${site.client}` : ' (no HTTP call to it seen in this file)';
    return `Calls ${target}${how}${dataClause(site.data.data)}.`;
  }
  if (detail.kind === 'callout') {
    return `Apex callout through Named Credential ${detail.credential} reaches ${target} via ${site.client}${dataClause(site.data.data)}.`;
  }
  const where = detail.baseUrl === 'override' ? `has its base URL set to ${target}` :
    detail.baseUrl === 'dynamic' ? `gets its base URL at run time (default ${target})` : `sends to ${target}`;
  return `SDK client (${detail.sdk}) ${where}${dataClause(site.data.data)}.`;
}

export function findingAt(source: Source, file: string, ruleId: string, tokenIndex: number, message: string,
  properties: ScanFinding['properties']): ScanFinding {
  return ruleFinding(ruleInfo(ruleId), file, source.lines.position(source.tokens[tokenIndex]?.start ?? 0), message, properties);
}

export function siteFinding(source: Source, file: string, site: Site): ScanFinding {
  const properties: Record<string, string | readonly string[]> = {
    provider: site.provider.id, host: site.host, client: site.client, data: site.data.data,
  };
  if (site.data.evidence.length > 0) properties.dataEvidence = site.data.evidence;
  if (site.detail.kind === 'sdk') properties.baseUrl = site.detail.baseUrl;
  if (site.detail.kind === 'callout') properties.namedCredential = site.detail.credential;
  return findingAt(source, file, site.ruleId, site.at, siteMessage(site), properties);
}

export function corsFinding(source: Source, file: string, at: number, site: Site): ScanFinding {
  const message = `CORS echoes any Origin with credentials in code that calls ${site.provider.name} (${site.host}): any website can ` +
    'make a logged-in visitor\'s browser trigger these AI calls.';
  return findingAt(source, file, 'cors.reflected-origin-ai', at, message, { provider: site.provider.id, client: site.client });
}
