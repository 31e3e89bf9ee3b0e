// A policy's version is the hash of its content with defaults filled in: equal content gives an equal hash
// whatever the spelling or key order of the file, and any change that can alter a decision changes it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../src/config/load.ts';
import { createTenantPolicies } from '../../src/pipeline/tenant-policies.ts';

const SECRET = 'm'.repeat(40);
const backend = (id: string, jurisdiction: string) => ({ id, kind: 'openai', url: 'http://127.0.0.1:9/v1', jurisdiction, models: { m: 'm' } });

const POLICY = {
  entities: { EMAIL: 'hash', SECRET: 'block' },
  classification: { PII: 'confidential', IP_ADDRESS: 'internal' },
  baseLevel: 'internal',
  levels: { confidential: { jurisdictions: ['on-prem'], sanitized: ['EU'] }, restricted: ['on-prem'] },
  business: { terms: ['Project Falcon', { term: 'Nordwind', level: 'restricted' }], patterns: ['SKU-\\d{6}'], jsonFields: ['cost_price'] },
};

function rawConfig(policy: Record<string, unknown>, jurisdictions: Record<string, unknown> = { EU: {}, DE: { within: 'EU' }, 'on-prem': { within: 'DE' } }) {
  return {
    jurisdictions,
    backends: [backend('local', 'on-prem'), backend('fra', 'DE')],
    tenants: [{ id: 'shop', policy: 'p' }, { id: 'other' }],
    policies: { p: policy },
  };
}

function hashOf(policy: Record<string, unknown>, jurisdictions?: Record<string, unknown>): string {
  const config = parseConfig(rawConfig(policy, jurisdictions), { baseDir: '/tmp', env: {} });
  return createTenantPolicies(config, SECRET).hashes.p as string;
}

/** The same object with every key order reversed, recursively (arrays keep their order). */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
  }
  return value;
}

describe('policy hash', () => {
  const base = hashOf(POLICY);

  it('is "sha256:" and 16 lowercase hex digits', () => {
    assert.match(base, /^sha256:[0-9a-f]{16}$/);
    const config = parseConfig(rawConfig(POLICY), { baseDir: '/tmp', env: {} });
    for (const hash of Object.values(createTenantPolicies(config, SECRET).hashes)) assert.match(hash, /^sha256:[0-9a-f]{16}$/);
  });

  it('is the same across two parses and whatever the key order', () => {
    assert.equal(hashOf(POLICY), base);
    assert.equal(hashOf(reversedKeys(POLICY) as Record<string, unknown>), base);
    const jurisdictions = { 'on-prem': { within: 'DE' }, DE: { within: 'EU' }, EU: {} };
    assert.equal(hashOf(POLICY, jurisdictions), base);
  });

  it('does not depend on the secret, only on the policy', () => {
    const config = parseConfig(rawConfig(POLICY), { baseDir: '/tmp', env: {} });
    assert.equal(createTenantPolicies(config, 'x'.repeat(40)).hashes.p, base);
  });

  it('is the same when defaults are spelled out or a rule is written in list or object form', () => {
    const plain = hashOf({});
    assert.equal(hashOf({ entities: { EMAIL: 'pseudonymize' }, classification: { EMAIL: 'confidential' }, baseLevel: 'public' }), plain);
    assert.equal(hashOf({ levels: { restricted: ['on-prem'] } }), plain, 'the built-in restricted rule');
    assert.equal(hashOf({ levels: { restricted: { jurisdictions: ['on-prem'] } } }), plain);
    assert.equal(hashOf({ levels: { restricted: { jurisdictions: ['on-prem'], sanitized: ['on-prem'] } } }), plain);
    assert.equal(hashOf({ business: { terms: [], patterns: [], jsonFields: [] }, placeholderInstruction: false }), plain);
  });

  it('changes when anything that decides a request changes', () => {
    const variants: Record<string, Record<string, unknown>> = {
      'an action': { ...POLICY, entities: { ...POLICY.entities, EMAIL: 'redact' } },
      'a group action': { ...POLICY, entities: { ...POLICY.entities, PII: 'mask' } },
      'a level rule': { ...POLICY, levels: { ...POLICY.levels, restricted: ['DE'] } },
      'a sanitized rule': { ...POLICY, levels: { ...POLICY.levels, confidential: { jurisdictions: ['on-prem'], sanitized: ['DE'] } } },
      'an added level rule': { ...POLICY, levels: { ...POLICY.levels, internal: ['EU'] } },
      'a classification': { ...POLICY, classification: { ...POLICY.classification, IP_ADDRESS: 'confidential' } },
      'the base level': { ...POLICY, baseLevel: 'public' },
      'a business term': { ...POLICY, business: { ...POLICY.business, terms: ['Project Falcon', { term: 'Nordwind', level: 'restricted' }, 'Acme'] } },
      'a business term\'s level': { ...POLICY, business: { ...POLICY.business, terms: ['Project Falcon', { term: 'Nordwind', level: 'confidential' }] } },
      'a business pattern': { ...POLICY, business: { ...POLICY.business, patterns: ['SKU-\\d{7}'] } },
      'a sensitive field': { ...POLICY, business: { ...POLICY.business, jsonFields: ['cost_price', 'margin'] } },
      'the placeholder instruction': { ...POLICY, placeholderInstruction: true },
    };
    const seen = new Map<string, string>([[base, 'the original']]);
    for (const [what, policy] of Object.entries(variants)) {
      const hash = hashOf(policy);
      assert.equal(seen.get(hash), undefined, `${what} gives the hash of ${seen.get(hash)}`);
      seen.set(hash, what);
    }
  });

  it('changes when the jurisdiction tree changes, even though the policy text does not', () => {
    const tree = { EU: {}, DE: { within: 'EU' }, 'on-prem': { within: 'DE' } };
    const moved = { EU: {}, DE: { within: 'EU' }, 'on-prem': {} };
    const added = { ...tree, FR: { within: 'EU' } };
    const hashes = [hashOf(POLICY, tree), hashOf(POLICY, moved), hashOf(POLICY, added)];
    assert.equal(new Set(hashes).size, 3, hashes.join(' '));
  });

  it('is the hash of each tenant\'s policy; tenants without one share the default\'s', () => {
    const config = parseConfig(rawConfig(POLICY), { baseDir: '/tmp', env: {} });
    const policies = createTenantPolicies(config, SECRET);
    assert.deepEqual(Object.keys(policies.hashes).sort(), ['default', 'p']);
    assert.equal(policies.forTenant('shop').hash, policies.hashes.p);
    assert.equal(policies.forTenant('shop').name, 'p');
    assert.equal(policies.forTenant('other').hash, policies.hashes.default);
    assert.equal(policies.forTenant('from-key-file').hash, policies.hashes.default);
    assert.notEqual(policies.hashes.p, policies.hashes.default);
  });

  it('gives an overridden default policy the hash of its content', () => {
    const config = parseConfig({ ...rawConfig(POLICY), policies: { p: POLICY, default: POLICY } }, { baseDir: '/tmp', env: {} });
    const { hashes } = createTenantPolicies(config, SECRET);
    assert.equal(hashes.default, hashes.p);
    assert.equal(hashes.p, base);
    const plain = parseConfig({ ...rawConfig(POLICY), policies: { p: {} } }, { baseDir: '/tmp', env: {} });
    const built = createTenantPolicies(plain, SECRET).hashes;
    assert.equal(built.p, built.default, 'an empty policy is the built-in default');
  });
});
