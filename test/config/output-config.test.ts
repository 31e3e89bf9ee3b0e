// The reply guard and bulk-extraction settings of a policy: their defaults, the forms they accept, and every
// refusal by its exact `path: reason` line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../src/config/load.ts';
import { DEFAULT_LEAK_TYPES, type PolicyConfig } from '../../src/config/schema.ts';
import { createTenantPolicies } from '../../src/pipeline/tenant-policies.ts';
import { ConfigError } from '../../src/errors.ts';

const BASE = { backends: [{ id: 'b', kind: 'openai', url: 'http://127.0.0.1:9/v1', jurisdiction: 'on-prem', models: { m: 'm' } }] };
const SECRET = 'a-master-secret-of-at-least-32-characters';

const parse = (policy: Record<string, unknown>) => parseConfig({ ...BASE, policies: { p: policy }, tenants: [{ id: 't', policy: 'p' }] }, { baseDir: '/tmp', env: {} });

function issuesOf(policy: Record<string, unknown>): string[] {
  try {
    parse(policy);
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    return [...err.issues];
  }
  return assert.fail('expected the configuration to be refused');
}

describe('output and bulk configuration', () => {
  it('defaults to redacting leaks, neutralising links, no canary, and flagging bulk extraction', () => {
    const policy = parse({}).policies.p as PolicyConfig;
    assert.deepEqual(policy.output, { leaks: { action: 'redact', types: [...DEFAULT_LEAK_TYPES] }, links: { action: 'neutralize', allowHosts: [] }, canary: false });
    assert.deepEqual(policy.bulk, { action: 'flag', maxDistinctValues: 200, windowSeconds: 600 });
  });

  it('resolves leak groups to their types for the guard', () => {
    const config = parse({ output: { leaks: { types: ['NATIONAL_ID', 'PERSON'] } } });
    const types = createTenantPolicies(config, SECRET).forTenant('t').output.leaks.types;
    assert.deepEqual([...types].sort(), ['DE_TAX_ID', 'ES_DNI', 'ES_NIE', 'FR_NIR', 'IT_FISCAL_CODE', 'NL_BSN', 'PERSON', 'UK_NINO', 'US_SSN']);
  });

  it('lower-cases allowed hosts and accepts a leading wildcard label', () => {
    const policy = parse({ output: { links: { allowHosts: ['Shop.Example', '*.cdn.shop.example'] } } }).policies.p as PolicyConfig;
    assert.deepEqual(policy.output.links.allowHosts, ['shop.example', '*.cdn.shop.example']);
  });

  it('refuses hosts with a scheme, path, port or inner wildcard', () => {
    const reason = 'expected a host name such as shop.example or *.shop.example';
    assert.deepEqual(issuesOf({ output: { links: { allowHosts: ['https://shop.example', 'shop.example/x', 'shop.example:443', 'a.*.example'] } } }), [
      `policies.p.output.links.allowHosts[0]: ${reason}`,
      `policies.p.output.links.allowHosts[1]: ${reason}`,
      `policies.p.output.links.allowHosts[2]: ${reason}`,
      `policies.p.output.links.allowHosts[3]: ${reason}`,
    ]);
  });

  it('refuses unknown actions, unknown types, unknown keys and out-of-range numbers', () => {
    assert.deepEqual(issuesOf({ output: { leaks: { action: 'mask' } } }), ['policies.p.output.leaks.action: expected one of redact, block, flag, off']);
    assert.deepEqual(issuesOf({ output: { leaks: { types: ['EMAILS'] } } }), [
      'policies.p.output.leaks.types[0]: expected an entity type or group (PII, NATIONAL_ID, SECRET, BUSINESS, or a type such as EMAIL)',
    ]);
    assert.deepEqual(issuesOf({ output: { canary: true, links: { allow: [] } } }), ['policies.p.output.links.allow: unknown key']);
    assert.deepEqual(issuesOf({ bulk: { maxDistinctValues: 0, windowSeconds: 86_401 } }), [
      'policies.p.bulk.maxDistinctValues: Too small: expected number to be >=1',
      'policies.p.bulk.windowSeconds: Too big: expected number to be <=86400',
    ]);
  });
});
