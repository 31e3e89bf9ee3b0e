/**
 * Tests for the Salesforce metadata rules on single files: Named Credentials in the legacy and the API 56+ format
 * (and the Metadata API spelling without -meta.xml), wildcard hosts, External Credentials recognised by facts or
 * by name, Remote Site Settings and CSP Trusted Sites with their active and connect-src flags, and broken XML.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectSalesforceFacts, salesforceRules } from '../../../src/scanner/rules/salesforce.ts';
import type { ProjectFacts, ScanFile, ScanFinding } from '../../../src/scanner/types.ts';

function fileOf(path: string, text: string): ScanFile {
  const bytes = Buffer.from(text);
  const name = path.split('/').at(-1)?.toLowerCase() ?? '';
  return { path, extension: name.split('.').at(-1) ?? '', name, size: bytes.length, text, head: bytes.subarray(0, 65536), readAll: () => bytes };
}

function scan(path: string, xml: string, facts?: ProjectFacts): ScanFinding[] {
  const file = fileOf(path, `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
  assert.ok(salesforceRules.applies(file), path);
  return salesforceRules.scan(file, facts);
}

describe('salesforce.named-credential-ai', () => {
  it('reads the legacy endpoint element and the Metadata API file name', () => {
    const [finding] = scan('namedCredentials/Azure_GPT.namedCredential', '<NamedCredential>\n  <endpoint>https://shop-ai.openai.azure.com/openai</endpoint>\n</NamedCredential>');
    assert.equal(finding?.ruleId, 'salesforce.named-credential-ai');
    assert.deepEqual([finding?.line, finding?.column, finding?.properties?.provider], [3, 13, 'azure-openai']);
  });

  it('flags a wildcard host and ignores credentials for other hosts', () => {
    const [wildcard] = scan('X.namedCredential-meta.xml', '<NamedCredential><endpoint>https://*.openai.azure.com</endpoint></NamedCredential>');
    assert.equal(wildcard?.properties?.wildcard, true);
    assert.match(wildcard?.message ?? '', /wildcard host/);
    assert.deepEqual(scan('Y.namedCredential-meta.xml', '<NamedCredential><endpoint>https://erp.example.com</endpoint></NamedCredential>'), []);
  });
});

describe('salesforce.external-credential-ai', () => {
  const xml = '<ExternalCredential>\n  <authenticationProtocol>Custom</authenticationProtocol>\n  <externalCredentialParameters>\n' +
    '    <parameterName>Key</parameterName>\n    <parameterType>PerUserPrincipal</parameterType>\n  </externalCredentialParameters>\n' +
    '  <label>LLM key</label>\n</ExternalCredential>';

  it('recognises the credential through the Named Credential that uses it', () => {
    const facts: ProjectFacts = { namedCredentials: new Map(), externalCredentials: new Map([['LLM_EC', 'https://api.anthropic.com']]) };
    const [finding] = scan('LLM_EC.externalCredential-meta.xml', xml, facts);
    assert.deepEqual([finding?.ruleId, finding?.severity, finding?.properties?.provider], ['salesforce.external-credential-ai', 'medium', 'anthropic']);
    assert.match(finding?.message ?? '', /per-user principals/);
  });

  it('recognises it by name without facts, and not otherwise', () => {
    assert.equal(scan('Claude_Auth.externalCredential-meta.xml', xml)[0]?.properties?.provider, 'anthropic');
    assert.deepEqual(scan('LLM_EC.externalCredential-meta.xml', xml), []);
  });
});

describe('salesforce.remote-site-ai and salesforce.csp-trusted-site-ai', () => {
  it('lowers inactive remote sites and notes disabled protocol security', () => {
    const site = (active: string): string => `<RemoteSiteSetting><disableProtocolSecurity>true</disableProtocolSecurity><isActive>${active}</isActive>` +
      '<url>https://api.perplexity.ai</url></RemoteSiteSetting>';
    const [active] = scan('P.remoteSite-meta.xml', site('true'));
    assert.deepEqual([active?.severity, active?.properties?.provider], ['high', 'perplexity']);
    assert.match(active?.message ?? '', /protocol security disabled/);
    assert.equal(scan('P.remoteSite-meta.xml', site('false'))[0]?.severity, 'low');
  });

  it('grades CSP trusted sites by wildcard, activity and connect-src', () => {
    const csp = (url: string, connect = 'true'): string => `<CspTrustedSite><endpointUrl>${url}</endpointUrl><isActive>true</isActive>` +
      `<isApplicableToConnectSrc>${connect}</isApplicableToConnectSrc></CspTrustedSite>`;
    assert.equal(scan('A.cspTrustedSite-meta.xml', csp('https://*.anthropic.com'))[0]?.severity, 'high');
    assert.equal(scan('B.cspTrustedSite-meta.xml', csp('https://api.anthropic.com'))[0]?.severity, 'medium');
    assert.equal(scan('C.cspTrustedSite-meta.xml', csp('https://api.anthropic.com', 'false'))[0]?.severity, 'low');
    assert.deepEqual(scan('D.cspTrustedSite-meta.xml', csp('https://*.example.com')), []);
  });
});

describe('salesforce: robustness and facts', () => {
  it('survives broken XML and entities', () => {
    assert.deepEqual(scan('X.namedCredential-meta.xml', '<NamedCredential><endpoint>https://api.openai.com'), []);
    assert.equal(scan('Y.namedCredential-meta.xml', '<NamedCredential><!-- <endpoint>x</endpoint> --><endpoint>https://api.openai.com/v1?a=1&amp;b=2</endpoint></NamedCredential>').length, 1);
  });

  it('collects facts only from Named Credentials', () => {
    const facts = collectSalesforceFacts([
      fileOf('a/OpenAI_NC.namedCredential-meta.xml', '<NamedCredential><endpoint>https://api.openai.com</endpoint></NamedCredential>'),
      fileOf('a/Other.remoteSite-meta.xml', '<RemoteSiteSetting><url>https://api.x.ai</url></RemoteSiteSetting>'),
      fileOf('a/Thing.cls', 'public class Thing {}'),
    ]);
    assert.deepEqual([...facts.namedCredentials], [['OpenAI_NC', 'https://api.openai.com']]);
  });
});
