/**
 * The facts pass: Salesforce Named Credentials (legacy `<endpoint>` and the newer `Url` parameter, with the
 * External Credential they authenticate with) are read before the main pass, so a rule resolving
 * `callout:NAME` in Apex gets the endpoint as its second argument.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { collectProjectFacts, scanTree } from '../../../src/scanner/scan.ts';
import type { ProjectFacts, ScanFile, ScanFinding, ScanRule } from '../../../src/scanner/types.ts';
import { makeTree } from './helpers.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/scan/core/salesforce/', import.meta.url));

/** Reports each `callout:NAME` with the endpoint the facts give for NAME. */
const calloutRule = {
  rules: [{ id: 'test.callout', severity: 'medium', summary: 'Callout.', remediation: 'Check it.' }],
  applies: (file: ScanFile) => file.extension === 'cls',
  scan(file: ScanFile, facts?: ProjectFacts): ScanFinding[] {
    return [...(file.text ?? '').matchAll(/callout:(\w+)/g)].map((m) => ({
      ruleId: 'test.callout',
      severity: 'medium',
      file: file.path,
      line: (file.text ?? '').slice(0, m.index).split('\n').length,
      column: 1,
      message: `${m[1]} → ${facts?.namedCredentials.get(m[1] ?? '') ?? 'unknown'}`,
      remediation: 'Check it.',
    }));
  },
} satisfies ScanRule;

describe('project facts', () => {
  it('maps Named Credential names to their endpoints in both metadata formats', async () => {
    const facts = await collectProjectFacts(FIXTURE, { includeDeps: false, maxFileSize: 1 << 20 });
    assert.deepEqual(Object.fromEntries(facts.namedCredentials), {
      OpenAI: 'https://api.openai.com',
      Claude_Api: 'https://api.anthropic.com/v1?client=a&b=c',
    });
    assert.deepEqual(Object.fromEntries(facts.externalCredentials), { Anthropic_Key: 'https://api.anthropic.com/v1?client=a&b=c' });
  });

  it('hands the facts to rules in the main pass', async () => {
    const result = await scanTree(FIXTURE, { rules: [calloutRule] });
    assert.deepEqual(result.findings.map((f) => `${f.line} ${f.message}`), [
      '4 OpenAI → https://api.openai.com',
      '6 Claude_Api → https://api.anthropic.com/v1?client=a&b=c',
      '8 Warehouse → unknown',
    ]);
  });

  it('also keys a credential by its <fullName> and accepts the short `.namedCredential` suffix', async () => {
    const root = makeTree({
      'src/namedCredentials/Gemini.namedCredential': '<NamedCredential><fullName>Gemini_Prod</fullName><endpoint>https://generativelanguage.googleapis.com</endpoint></NamedCredential>',
      'src/namedCredentials/Empty.namedCredential-meta.xml': '<NamedCredential><label>No URL</label></NamedCredential>',
    });
    const facts = await collectProjectFacts(root, { includeDeps: false, maxFileSize: 1 << 20 });
    assert.deepEqual([...facts.namedCredentials.keys()].sort(), ['Gemini', 'Gemini_Prod']);
  });
});
