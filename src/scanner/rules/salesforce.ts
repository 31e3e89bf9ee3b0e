/**
 * Salesforce metadata that opens the org to hosted AI: Named Credentials whose URL is an AI API (wildcards
 * flagged), External Credentials holding the authentication for one, Remote Site Settings that allow Apex
 * callouts to one, and CSP Trusted Sites that let Lightning pages call one from the browser (a wildcard such as
 * `*.openai.com` is worse: every host under it). This module owns the metadata format, so it also builds the
 * project facts the scanner collects in its first pass (`collectSalesforceFacts`), with which the egress rule
 * resolves Apex `callout:NAME` through the Named Credential's URL.
 */

import { LineIndex } from '../position.ts';
import type { ProjectFacts, RuleInfo, ScanFile, ScanFinding, ScanRule, Severity } from '../types.ts';
import { lookupName } from './egress/facts.ts';
import { AI_PROVIDERS, providerForConfiguredUrl } from './providers.ts';
import { childrenNamed, childText, parseXml, type XmlElement } from './xml.ts';

const RULES: readonly RuleInfo[] = [
  {
    id: 'salesforce.named-credential-ai', severity: 'high',
    summary: 'A Named Credential points Apex callouts at a hosted AI API.',
    remediation: 'Point the Named Credential at the Airlock gateway instead of the provider, so prompts carrying CRM records pass ' +
      'policy, redaction and audit; never use a wildcard host.',
  },
  {
    id: 'salesforce.external-credential-ai', severity: 'medium',
    summary: 'An External Credential holds the authentication for a hosted AI API.',
    remediation: 'Keep the provider key in the Airlock gateway only, and have Salesforce authenticate to the gateway with its own key.',
  },
  {
    id: 'salesforce.remote-site-ai', severity: 'high',
    summary: 'A Remote Site Setting allows Apex callouts to a hosted AI API.',
    remediation: 'Remove the Remote Site Setting, or replace its URL with the Airlock gateway\'s; keep protocol security on.',
  },
  {
    id: 'salesforce.csp-trusted-site-ai', severity: 'medium',
    summary: 'A CSP Trusted Site lets Lightning pages call a hosted AI API from the browser.',
    remediation: 'Remove the trusted site so components cannot send records to AI from the browser; call AI from Apex through the ' +
      'Airlock gateway instead. Never trust a wildcard such as *.openai.com.',
  },
];

type Kind = 'namedCredential' | 'externalCredential' | 'remoteSite' | 'cspTrustedSite';

const SUFFIXES: readonly (readonly [string, Kind])[] = [
  ['.namedcredential-meta.xml', 'namedCredential'], ['.namedcredential', 'namedCredential'],
  ['.externalcredential-meta.xml', 'externalCredential'], ['.externalcredential', 'externalCredential'],
  ['.remotesite-meta.xml', 'remoteSite'], ['.remotesite', 'remoteSite'],
  ['.csptrustedsite-meta.xml', 'cspTrustedSite'], ['.csptrustedsite', 'cspTrustedSite'],
];

function suffixOf(lowerName: string): readonly [string, Kind] | undefined {
  return SUFFIXES.find(([suffix]) => lowerName.endsWith(suffix));
}

/** The metadata kind and developer name of a file (`OpenAI_NC.namedCredential-meta.xml` → OpenAI_NC). */
function metadataOf(file: Pick<ScanFile, 'name' | 'path'>): { kind: Kind; name: string } | null {
  const entry = suffixOf(file.name);
  if (entry === undefined) return null;
  const base = file.path.split('/').at(-1) ?? file.name;
  return { kind: entry[1], name: base.slice(0, base.length - entry[0].length) };
}

interface Context {
  readonly file: ScanFile;
  readonly name: string;
  readonly root: XmlElement;
  readonly lines: LineIndex;
  readonly facts: ProjectFacts | undefined;
}

export const salesforceRules: ScanRule = {
  rules: RULES,
  applies(file: ScanFile): boolean {
    return file.text !== null && metadataOf(file) !== null;
  },
  scan(file: ScanFile, facts?: ProjectFacts): ScanFinding[] {
    const metadata = metadataOf(file);
    const root = file.text === null ? undefined : parseXml(file.text).children[0];
    if (metadata === null || root === undefined || file.text === null) return [];
    const context: Context = { file, name: metadata.name, root, lines: new LineIndex(file.text), facts };
    switch (metadata.kind) {
      case 'namedCredential': return namedCredentialFindings(context);
      case 'externalCredential': return externalCredentialFindings(context);
      case 'remoteSite': return remoteSiteFindings(context);
      case 'cspTrustedSite': return cspTrustedSiteFindings(context);
    }
  },
};

function finding(context: Context, ruleId: string, severity: Severity, offset: number, message: string,
  properties: Record<string, string | boolean>): ScanFinding {
  const rule = RULES.find((r) => r.id === ruleId) ?? RULES[0];
  const { line, column } = context.lines.position(offset);
  return { ruleId, severity, file: context.file.path, line, column, message, remediation: rule?.remediation ?? '', properties };
}

/** Endpoint URL elements: `<endpoint>` (legacy) or the `Url` parameter (API 56+). */
function namedCredentialUrls(root: XmlElement): XmlElement[] {
  const urls = childrenNamed(root, 'endpoint');
  for (const parameter of childrenNamed(root, 'namedCredentialParameters')) {
    if (childText(parameter, 'parameterType') === 'Url') urls.push(...childrenNamed(parameter, 'parameterValue'));
  }
  return urls;
}

function namedCredentialFindings(context: Context): ScanFinding[] {
  return namedCredentialUrls(context.root).flatMap((element) => {
    const reached = providerForConfiguredUrl(element.text);
    if (reached === null) return [];
    const { match, wildcard } = reached;
    const message = `Named Credential ${context.name} points at ${match.provider.name} (${match.host})` +
      (wildcard ? ', with a wildcard host that admits every host under it' : '') + '; Apex callout:' + context.name + ' sends there.';
    return [finding(context, 'salesforce.named-credential-ai', 'high', element.textOffset, message,
      { provider: match.provider.id, host: match.host, namedCredential: context.name, wildcard })];
  });
}

/** An External Credential is for AI when a Named Credential to an AI host uses it, or its name or label says so. */
function externalCredentialFindings(context: Context): ScanFinding[] {
  const label = childrenNamed(context.root, 'label')[0];
  const url = lookupName(context.facts?.externalCredentials, context.name);
  const provider = (url === undefined ? null : providerForConfiguredUrl(url)?.match.provider) ?? providerNamedIn(`${context.name} ${label?.text ?? ''}`);
  if (provider === null || provider === undefined) return [];
  const protocol = childText(context.root, 'authenticationProtocol') ?? 'unknown';
  const principals = context.root.children
    .filter((child) => child.name === 'externalCredentialParameters')
    .map((parameter) => childText(parameter, 'parameterType'))
    .filter((type) => type === 'NamedPrincipal' || type === 'PerUserPrincipal');
  const principal = principals.includes('PerUserPrincipal') ? 'per-user principals' : principals.length > 0 ? 'a named principal' : 'no principal';
  const message = `External Credential ${context.name} holds the ${protocol} authentication (${principal}) for ${provider.name} callouts.`;
  return [finding(context, 'salesforce.external-credential-ai', 'medium', label?.textOffset ?? context.root.offset, message,
    { provider: provider.id, externalCredential: context.name, authenticationProtocol: protocol })];
}

function providerNamedIn(text: string): (typeof AI_PROVIDERS)[number] | null {
  const words = text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
  const joined = words.join('');
  return AI_PROVIDERS.find((provider) => (provider.aliases ?? []).some((alias) => {
    const compact = alias.replace(/[^a-z0-9]/g, '');
    return compact.length >= 5 ? joined.includes(compact) : words.includes(compact);
  })) ?? null;
}

function remoteSiteFindings(context: Context): ScanFinding[] {
  const element = childrenNamed(context.root, 'url')[0];
  const reached = element === undefined ? null : providerForConfiguredUrl(element.text);
  if (element === undefined || reached === null) return [];
  const active = childText(context.root, 'isActive') !== 'false';
  const insecure = childText(context.root, 'disableProtocolSecurity') === 'true';
  const { match } = reached;
  const message = `Remote Site Setting ${context.name} allows Apex callouts to ${match.provider.name} (${match.host})` +
    (active ? '' : ' (inactive)') + (insecure ? ', with protocol security disabled' : '') + '.';
  return [finding(context, 'salesforce.remote-site-ai', active ? 'high' : 'low', element.textOffset, message,
    { provider: match.provider.id, host: match.host, remoteSite: context.name, active })];
}

function cspTrustedSiteFindings(context: Context): ScanFinding[] {
  const element = childrenNamed(context.root, 'endpointUrl')[0];
  const reached = element === undefined ? null : providerForConfiguredUrl(element.text);
  if (element === undefined || reached === null) return [];
  const active = childText(context.root, 'isActive') !== 'false';
  const connect = childText(context.root, 'isApplicableToConnectSrc') !== 'false';
  const { match, wildcard } = reached;
  const severity: Severity = !active || !connect ? 'low' : wildcard ? 'high' : 'medium';
  const message = `CSP Trusted Site ${context.name} lets Lightning pages ${connect ? 'connect to' : 'load from'} ${match.provider.name} ` +
    `(${match.host})` + (wildcard ? ' through a wildcard that trusts every host under it' : '') + (active ? '' : ' (inactive)') + '.';
  return [finding(context, 'salesforce.csp-trusted-site-ai', severity, element.textOffset, message,
    { provider: match.provider.id, host: match.host, cspTrustedSite: context.name, wildcard, active })];
}

/** Whether the facts pass needs a file, by its lower-case name: Named Credentials (both suffixes). */
export function isFactsFile(lowerName: string): boolean {
  return suffixOf(lowerName)?.[1] === 'namedCredential';
}

/**
 * The project facts from a project's Salesforce metadata: every Named Credential's URL (the first non-empty
 * `<endpoint>` or `Url` parameter) under its developer name and its `<fullName>` when it has one, and the
 * External Credentials those Named Credentials authenticate with. Other files are ignored.
 */
export function collectSalesforceFacts(files: Iterable<ScanFile>): ProjectFacts {
  const namedCredentials = new Map<string, string>();
  const externalCredentials = new Map<string, string>();
  for (const file of files) {
    const metadata = metadataOf(file);
    const root = metadata?.kind === 'namedCredential' && file.text !== null ? parseXml(file.text).children[0] : undefined;
    const url = root === undefined ? undefined : namedCredentialUrls(root).find((element) => element.text !== '')?.text;
    if (metadata === null || root === undefined || url === undefined) continue;
    namedCredentials.set(metadata.name, url);
    const fullName = childText(root, 'fullName');
    if (fullName !== undefined && fullName !== '') namedCredentials.set(fullName, url);
    for (const parameter of childrenNamed(root, 'namedCredentialParameters')) {
      const external = childText(parameter, 'externalCredential');
      if (external !== undefined && external !== '') externalCredentials.set(external, url);
    }
  }
  return { namedCredentials, externalCredentials };
}
