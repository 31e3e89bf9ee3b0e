import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../src/config/load.ts';
import { ConfigError } from '../../src/errors.ts';
import { resolveActions } from '../../src/policy/actions.ts';

const BASE = { backends: [{ id: 'b', kind: 'openai', url: 'http://127.0.0.1:9/v1', jurisdiction: 'on-prem', models: { m: 'm' } }] };

function issuesOf(raw: Record<string, unknown>): string[] {
  try {
    parseConfig({ ...BASE, ...raw }, { baseDir: '/tmp', env: {} });
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return [...err.issues];
  }
  return [];
}

describe('policy configuration', () => {
  it('accepts types, groups and actions, and fills the defaults', () => {
    const config = parseConfig({ ...BASE, policies: { shop: { entities: { EMAIL: 'hash', SECRET: 'redact' } } }, tenants: [{ id: 't', policy: 'shop' }] }, { baseDir: '/tmp', env: {} });
    const actions = resolveActions(config.policies.shop?.entities ?? {});
    assert.equal(actions.get('EMAIL'), 'hash');
    assert.equal(actions.get('API_KEY'), 'redact', 'the group entry applies to its types');
    assert.equal(actions.get('PHONE'), 'pseudonymize', 'unnamed types keep the default');
    assert.equal(actions.get('IBAN'), 'mask');
    assert.equal(actions.get('NL_BSN'), 'redact');
    assert.equal(config.tenants[0]?.policy, 'shop');
  });

  it('names the path of an unknown type, an unknown action and an undeclared policy', () => {
    const issues = issuesOf({ policies: { p: { entities: { EMAIL_ADDRESS: 'redact', PHONE: 'scramble' } } }, tenants: [{ id: 't', policy: 'nope' }] });
    assert.ok(issues.some((i) => i.startsWith('policies.p.entities.EMAIL_ADDRESS: expected an entity type or group')), issues.join('\n'));
    assert.ok(issues.some((i) => i === 'policies.p.entities.PHONE: expected one of allow, redact, mask, hash, pseudonymize, block'), issues.join('\n'));
    assert.ok(issues.some((i) => i === 'tenants[0].policy: policy is not declared under policies'), issues.join('\n'));
  });

  it('refuses a business pattern that can backtrack catastrophically, with the reason', () => {
    const issues = issuesOf({ policies: { p: { business: { patterns: ['SKU-\\d{6}', '^(\\w+\\s?)+$', '['] } } } });
    assert.deepEqual(issues.filter((i) => i.startsWith('policies.p.business.patterns')), [
      'policies.p.business.patterns[1]: the pattern can backtrack catastrophically (exponential time on crafted input)',
      'policies.p.business.patterns[2]: the pattern is not a valid regular expression',
    ]);
  });

  it('refuses short secret keys and terms without letters or digits', () => {
    const issues = issuesOf({ secretKey: 'too-short', policies: { p: { business: { terms: ['---'] } } } });
    assert.ok(issues.some((i) => i.startsWith('secretKey: expected at least 32 characters')), issues.join('\n'));
    assert.ok(issues.some((i) => i.startsWith('policies.p.business.terms[0]: expected a term with at least one letter or digit')), issues.join('\n'));
  });
});
