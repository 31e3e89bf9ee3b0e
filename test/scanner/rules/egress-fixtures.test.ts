/**
 * The egress, Salesforce and WordPress rule modules over the project fixtures under test/fixtures/scan/, file by
 * file as the scanner will run them (Salesforce facts collected in a first pass): the exact list of findings
 * (rule, file, line, column, provider, client) per fixture, zero findings for the negative control, and the
 * facts, data and messages the findings carry.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { egressRules } from '../../../src/scanner/rules/egress.ts';
import { collectSalesforceFacts, salesforceRules } from '../../../src/scanner/rules/salesforce.ts';
import { wordpressRules } from '../../../src/scanner/rules/wordpress.ts';
import type { ScanFile, ScanFinding } from '../../../src/scanner/types.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/scan');

/** Every file under a fixture root as a ScanFile (path relative to the root). */
function fixtureFiles(name: string): ScanFile[] {
  const root = join(FIXTURES, name);
  const files: ScanFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const bytes = readFileSync(full);
      files.push({
        path: relative(root, full).split('\\').join('/'), extension: extname(entry).slice(1).toLowerCase(), name: basename(entry).toLowerCase(),
        size: bytes.length, text: bytes.toString('utf8'), head: bytes.subarray(0, 65536), readAll: () => bytes,
      });
    }
  };
  walk(root);
  return files;
}

function scanFixture(name: string): ScanFinding[] {
  const files = fixtureFiles(name);
  const facts = collectSalesforceFacts(files);
  return files.flatMap((file) => [egressRules, salesforceRules, wordpressRules].flatMap((rule) => (rule.applies(file) ? rule.scan(file, facts) : [])));
}

type Row = [ruleId: string, file: string, line: number, column: number, provider: string, client: string];

function rows(findings: readonly ScanFinding[]): Row[] {
  return findings
    .map((f): Row => [f.ruleId, f.file, f.line, f.column, String(f.properties?.provider ?? ''), String(f.properties?.client ?? '')])
    .sort((a, b) => a[1].localeCompare(b[1]) || a[2] - b[2] || a[3] - b[3] || a[0].localeCompare(b[0]));
}

function byRule(findings: readonly ScanFinding[], ruleId: string, file: string): ScanFinding {
  const found = findings.find((f) => f.ruleId === ruleId && f.file === file);
  assert.ok(found, `${ruleId} in ${file}`);
  return found;
}

describe('fixture: wordpress-plugin', () => {
  const findings = scanFixture('wordpress-plugin');

  it('finds exactly the AI calls, the guest AJAX action, the public REST route and the reflected CORS', () => {
    assert.deepEqual(rows(findings), [
      ['wordpress.nopriv-ai-handler', 'includes/class-apa-ajax.php', 15, 15, 'openai', 'wp_remote_post'],
      ['egress.host-literal', 'includes/class-apa-ajax.php', 50, 4, 'openai', 'wp_remote_post'],
      ['egress.host-literal', 'includes/class-apa-anthropic-client.php', 30, 20, 'anthropic', 'curl_init'],
      ['egress.host-literal', 'includes/class-apa-gemini-client.php', 13, 19, 'google-gemini', 'wp_remote_request'],
      ['egress.host-literal', 'includes/class-apa-openai-client.php', 15, 19, 'openai', 'wp_remote_post'],
      ['wordpress.public-rest-ai', 'includes/class-apa-rest.php', 20, 4, 'mistral', 'wp_remote_post'],
      ['cors.reflected-origin-ai', 'includes/class-apa-rest.php', 53, 14, 'mistral', 'wp_remote_post'],
      ['egress.host-literal', 'includes/class-apa-rest.php', 92, 10, 'mistral', 'wp_remote_post'],
    ]);
  });

  it('names the commerce data in the calling function and in the guest handler', () => {
    assert.deepEqual(byRule(findings, 'egress.host-literal', 'includes/class-apa-ajax.php').properties?.data, ['address', 'order']);
    assert.deepEqual(byRule(findings, 'egress.host-literal', 'includes/class-apa-anthropic-client.php').properties?.data, ['order']);
    assert.deepEqual(byRule(findings, 'egress.host-literal', 'includes/class-apa-gemini-client.php').properties?.data, ['product']);
    const nopriv = byRule(findings, 'wordpress.nopriv-ai-handler', 'includes/class-apa-ajax.php');
    assert.equal(nopriv.properties?.handler, 'handle_order_help');
    assert.equal(nopriv.properties?.action, 'apa_order_help');
    assert.match(nopriv.message, /^Unauthenticated AJAX action apa_order_help runs handle_order_help, which calls OpenAI \(api\.openai\.com\) via wp_remote_post/);
    assert.equal(byRule(findings, 'wordpress.public-rest-ai', 'includes/class-apa-rest.php').properties?.route, 'apa/v1/describe');
  });

  it('gives every finding a severity, message and remediation', () => {
    for (const finding of findings) {
      assert.equal(finding.severity, 'high');
      assert.ok(finding.message.endsWith('.') && finding.remediation.length > 20, finding.ruleId);
    }
  });
});

describe('fixture: magento-module', () => {
  const findings = scanFixture('magento-module');

  it('finds the openai-php client and the Azure OpenAI URL from a config array used by Magento Curl', () => {
    assert.deepEqual(rows(findings), [
      ['egress.host-literal', 'Model/ReviewSummarizer.php', 19, 23, 'azure-openai', 'Magento\\Framework\\HTTP\\Client\\Curl'],
      ['egress.sdk', 'Service/DescriptionGenerator.php', 61, 29, 'openai', 'openai-php/client'],
    ]);
  });

  it('reports the wildcard Azure host and the data in the functions that use the client', () => {
    const azure = byRule(findings, 'egress.host-literal', 'Model/ReviewSummarizer.php');
    assert.equal(azure.properties?.host, '*.openai.azure.com');
    assert.deepEqual(azure.properties?.data, ['address', 'contact details', 'customer', 'order']);
    const sdk = byRule(findings, 'egress.sdk', 'Service/DescriptionGenerator.php');
    assert.deepEqual(sdk.properties?.data, ['address', 'contact details', 'customer', 'product']);
    assert.equal(sdk.message, 'SDK client (openai-php/client) sends to OpenAI (api.openai.com); address, contact details, customer and product data in the same function.');
  });
});

describe('fixture: salesforce-dx', () => {
  const findings = scanFixture('salesforce-dx');

  it('finds the AI metadata, the resolved callout, the direct callout and the browser call', () => {
    const base = 'force-app/main/default';
    assert.deepEqual(rows(findings), [
      ['egress.host-literal', `${base}/classes/CaseSummaryQueueable.cls`, 16, 29, 'anthropic', 'HttpRequest'],
      ['egress.apex-callout', `${base}/classes/OpportunityInsightService.cls`, 29, 25, 'openai', 'HttpRequest'],
      ['salesforce.csp-trusted-site-ai', `${base}/cspTrustedSites/Mistral_API.cspTrustedSite-meta.xml`, 4, 18, 'mistral', ''],
      ['salesforce.csp-trusted-site-ai', `${base}/cspTrustedSites/OpenAI_All.cspTrustedSite-meta.xml`, 5, 18, 'openai', ''],
      ['salesforce.external-credential-ai', `${base}/externalCredentials/OpenAI_EC.externalCredential-meta.xml`, 17, 12, 'openai', ''],
      ['egress.host-literal', `${base}/lwc/opportunityCoach/opportunityCoach.js`, 8, 20, 'openai', 'fetch'],
      ['salesforce.named-credential-ai', `${base}/namedCredentials/OpenAI_NC.namedCredential-meta.xml`, 11, 25, 'openai', ''],
      ['salesforce.remote-site-ai', `${base}/remoteSiteSettings/Anthropic_API.remoteSite-meta.xml`, 6, 10, 'anthropic', ''],
    ]);
  });

  it('flags the wildcard CSP site higher than the exact one and names the CRM records sent', () => {
    const base = 'force-app/main/default';
    assert.equal(byRule(findings, 'salesforce.csp-trusted-site-ai', `${base}/cspTrustedSites/OpenAI_All.cspTrustedSite-meta.xml`).severity, 'high');
    assert.equal(byRule(findings, 'salesforce.csp-trusted-site-ai', `${base}/cspTrustedSites/Mistral_API.cspTrustedSite-meta.xml`).severity, 'medium');
    const callout = byRule(findings, 'egress.apex-callout', `${base}/classes/OpportunityInsightService.cls`);
    assert.deepEqual(callout.properties?.data, ['Contact', 'Opportunity', 'contact details']);
    assert.equal(callout.properties?.namedCredential, 'OpenAI_NC');
  });

  it('collects Named Credential URLs and the External Credentials they use', () => {
    const facts = collectSalesforceFacts(fixtureFiles('salesforce-dx'));
    assert.deepEqual([...facts.namedCredentials].sort(), [['Billing_API', 'https://billing.example.com/api'], ['OpenAI_NC', 'https://api.openai.com']]);
    assert.deepEqual([...facts.externalCredentials], [['OpenAI_EC', 'https://api.openai.com']]);
  });

  it('reports no callout without facts', () => {
    const files = fixtureFiles('salesforce-dx').filter((file) => file.extension === 'cls');
    assert.deepEqual(files.flatMap((file) => egressRules.scan(file)).map((f) => f.ruleId), ['egress.host-literal']);
  });
});

describe('fixture: shopify-node-app', () => {
  const findings = scanFixture('shopify-node-app');

  it('finds the SDK clients that leave and the reflected CORS, not the one routed through the gateway', () => {
    assert.deepEqual(rows(findings), [
      ['egress.sdk', 'scripts/classify_reviews.py', 13, 10, 'anthropic', 'anthropic'],
      ['cors.reflected-origin-ai', 'web/routes/storefront-assistant.js', 14, 19, 'groq', 'openai'],
      ['egress.sdk', 'web/routes/storefront-assistant.js', 16, 14, 'groq', 'openai'],
      ['egress.sdk', 'web/services/embeddings.ts', 6, 16, 'openai', 'openai'],
    ]);
  });

  it('names the overriding provider and the data the route sends', () => {
    const groq = byRule(findings, 'egress.sdk', 'web/routes/storefront-assistant.js');
    assert.equal(groq.properties?.baseUrl, 'override');
    assert.deepEqual(groq.properties?.data, ['contact details', 'customer', 'order']);
    assert.equal(byRule(findings, 'egress.sdk', 'web/services/embeddings.ts').properties?.baseUrl, 'default');
  });
});

describe('fixture: negative-control', () => {
  it('gives zero findings for a plugin that only mentions AI hosts in text, comments, docs and UI strings', () => {
    assert.deepEqual(scanFixture('negative-control'), []);
  });
});
