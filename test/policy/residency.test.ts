// The residency decision: a request's level is the highest of its findings', the policy's base level and the
// caller's; each finding requires its level's rule for values sent as they are or for replaced values, and the
// request may go only where every requirement holds. Policies are parsed from configuration as in production.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseConfig } from '../../src/config/load.ts';
import { ACTIONS, ANY_JURISDICTION, type Action, type PolicyConfig } from '../../src/config/schema.ts';
import { ENTITY_TYPES, groupOf, LEVELS, maxLevel, type EntityType, type Finding, type Level } from '../../src/entities.ts';
import { resolveActions } from '../../src/policy/actions.ts';
import { DEFAULT_CLASSIFICATION, levelOf, resolveClassification } from '../../src/policy/classification.ts';
import { createResidencyRules, DEFAULT_LEVEL_RULES, type ResidencyRules } from '../../src/policy/residency.ts';
import { createJurisdictionTree, type AllowedJurisdictions, type JurisdictionTree } from '../../src/routing/jurisdictions.ts';

const JURISDICTIONS = {
  EU: {},
  DE: { within: 'EU' },
  FR: { within: 'EU' },
  'on-prem': { within: 'DE' },
  US: {},
};
const PLACES = ['EU', 'DE', 'FR', 'on-prem', 'US'] as const;
const backend = (id: string, jurisdiction: string) => ({ id, kind: 'openai', url: 'http://127.0.0.1:9/v1', jurisdiction, models: { m: 'm' } });

interface Compiled {
  readonly rules: ResidencyRules;
  readonly actions: ReadonlyMap<string, Action>;
  readonly tree: JurisdictionTree;
  readonly policy: PolicyConfig;
}

/** Parses a configuration holding `policy` as `p` and compiles it the way tenant-policies.ts does. */
function compile(policy: Record<string, unknown> = {}): Compiled {
  const config = parseConfig(
    { jurisdictions: JURISDICTIONS, backends: PLACES.map((j) => backend(`b-${j}`, j)), policies: { p: policy } },
    { baseDir: '/tmp', env: {} },
  );
  const parsed = config.policies.p as PolicyConfig;
  const tree = createJurisdictionTree(config.jurisdictions, config.backends.map((b) => b.jurisdiction));
  const rules = createResidencyRules(parsed, resolveClassification(parsed.classification), tree);
  return { rules, actions: resolveActions(parsed.entities), tree, policy: parsed };
}

let offset = 0;
function finding(type: EntityType, level?: Level): Finding {
  const start = offset++;
  const base = { type, start, end: start + 1, score: 0.9, detector: 'test' };
  return level === undefined ? base : { ...base, level };
}

function places(allowed: AllowedJurisdictions): string[] {
  return PLACES.filter((j) => allowed === ANY_JURISDICTION || allowed.has(j));
}

describe('residency: the request level', () => {
  const { rules, actions } = compile();

  it('is the highest level among the findings', () => {
    assert.equal(rules.decide([], actions).level, 'public');
    assert.equal(rules.decide([finding('IP_ADDRESS')], actions).level, 'internal');
    assert.equal(rules.decide([finding('IP_ADDRESS'), finding('EMAIL')], actions).level, 'confidential');
    assert.equal(rules.decide([finding('EMAIL'), finding('CARD_NUMBER'), finding('IP_ADDRESS')], actions).level, 'restricted');
    assert.equal(rules.decide([finding('CARD_NUMBER'), finding('IP_ADDRESS')], actions).level, 'restricted', 'order does not matter');
  });

  it('is raised by the requested level and never lowered by it', () => {
    const none = rules.decide([], actions, 'restricted');
    assert.equal(none.level, 'restricted');
    assert.deepEqual(none.allowedNames, ['on-prem']);
    const lower = rules.decide([finding('EMAIL')], actions, 'public');
    assert.equal(lower.level, 'confidential');
    assert.deepEqual(lower.allowedNames, ['EU']);
    assert.equal(rules.decide([finding('IP_ADDRESS')], actions, 'confidential').level, 'confidential');
  });

  it('starts at the policy base level, which a requested level cannot lower', () => {
    const { rules: based, actions: a } = compile({ baseLevel: 'internal', levels: { internal: ['EU', 'US'] } });
    const none = based.decide([], a);
    assert.equal(none.level, 'internal');
    assert.deepEqual(places(none.allowed), ['EU', 'DE', 'FR', 'on-prem', 'US']);
    assert.equal(based.decide([], a, 'public').level, 'internal');
    const restricted = compile({ baseLevel: 'restricted' });
    const decided = restricted.rules.decide([], restricted.actions, 'public');
    assert.equal(decided.level, 'restricted');
    assert.deepEqual(decided.allowedNames, ['on-prem']);
  });

  it('keeps the base level\'s rule even when a finding raises the level', () => {
    // internal allows only US, confidential only EU: a confidential finding in an internal-based policy goes nowhere.
    const { rules: r, actions: a } = compile({ baseLevel: 'internal', levels: { internal: ['US'], confidential: ['EU'] } });
    const decided = r.decide([finding('EMAIL')], a);
    assert.equal(decided.level, 'confidential');
    assert.deepEqual(decided.allowedNames, []);
  });

  it('defaults to public with the built-in rules', () => {
    const { policy } = compile();
    assert.equal(policy.baseLevel, 'public');
    assert.deepEqual(rules.levels, DEFAULT_LEVEL_RULES);
    assert.deepEqual(DEFAULT_LEVEL_RULES.restricted, { jurisdictions: ['on-prem'], sanitized: ['on-prem'] });
    assert.deepEqual(DEFAULT_LEVEL_RULES.confidential, { jurisdictions: ['on-prem', 'EU'], sanitized: ['on-prem', 'EU'] });
    assert.equal(rules.decide([], actions).allowed, ANY_JURISDICTION);
    assert.equal(rules.decide([finding('IP_ADDRESS')], actions).allowed, ANY_JURISDICTION);
  });
});

describe('residency: values sent as they are vs replaced values', () => {
  const policy = { levels: { confidential: { jurisdictions: ['on-prem'], sanitized: ['EU'] } } };

  it('lets a pseudonymized e-mail go anywhere in the EU, an allowed one only on premises', () => {
    const pseudonymized = compile(policy);
    assert.equal(pseudonymized.actions.get('EMAIL'), 'pseudonymize');
    const a = pseudonymized.rules.decide([finding('EMAIL')], pseudonymized.actions);
    assert.equal(a.level, 'confidential');
    assert.deepEqual(places(a.allowed), ['EU', 'DE', 'FR', 'on-prem']);
    assert.deepEqual(a.allowedNames, ['EU']);

    const allowed = compile({ ...policy, entities: { EMAIL: 'allow' } });
    const b = allowed.rules.decide([finding('EMAIL')], allowed.actions);
    assert.equal(b.level, 'confidential');
    assert.deepEqual(places(b.allowed), ['on-prem']);
  });

  it('treats every action other than allow as replaced', () => {
    for (const action of ACTIONS.filter((x) => x !== 'allow')) {
      const { rules, actions } = compile({ ...policy, entities: { EMAIL: action } });
      assert.deepEqual(rules.decide([finding('EMAIL')], actions).allowedNames, ['EU'], action);
    }
  });

  it('needs both bases when one value of a level is sent as is and another replaced', () => {
    const { rules, actions } = compile({ ...policy, entities: { EMAIL: 'allow' } });
    assert.equal(actions.get('PHONE'), 'pseudonymize');
    assert.deepEqual(rules.decide([finding('PHONE')], actions).allowedNames, ['EU']);
    assert.deepEqual(rules.decide([finding('PHONE'), finding('EMAIL')], actions).allowedNames, ['on-prem']);
  });

  it('applies the requested level\'s rule for values sent as they are', () => {
    const { rules, actions } = compile(policy);
    assert.deepEqual(rules.decide([], actions, 'confidential').allowedNames, ['on-prem']);
    assert.deepEqual(rules.decide([finding('EMAIL')], actions, 'confidential').allowedNames, ['on-prem']);
  });

  it('keeps restricted data on premises by default, even when pseudonymized', () => {
    const { rules, actions } = compile({ entities: { CARD_NUMBER: 'pseudonymize', API_KEY: 'redact', US_SSN: 'hash' } });
    for (const type of ['CARD_NUMBER', 'API_KEY', 'US_SSN'] as const) {
      const decided = rules.decide([finding(type)], actions);
      assert.equal(decided.level, 'restricted', type);
      assert.deepEqual(places(decided.allowed), ['on-prem'], type);
    }
  });
});

describe('residency: combining requirements', () => {
  it('intersects the rules of two findings of different levels', () => {
    const { rules, actions } = compile({ levels: { internal: ['DE', 'US'], confidential: ['EU'] } });
    assert.deepEqual(rules.decide([finding('IP_ADDRESS')], actions).allowedNames, ['DE', 'US']);
    assert.deepEqual(rules.decide([finding('EMAIL')], actions).allowedNames, ['EU']);
    const both = rules.decide([finding('IP_ADDRESS'), finding('EMAIL')], actions);
    assert.equal(both.level, 'confidential');
    assert.deepEqual(places(both.allowed), ['DE', 'on-prem'], 'FR is allowed by the higher level alone, not by both');
    assert.deepEqual(both.allowedNames, ['DE']);
  });

  it('allows nowhere when a level rule is empty', () => {
    const { rules, actions } = compile({ levels: { confidential: [] } });
    const decided = rules.decide([finding('EMAIL')], actions);
    assert.equal(decided.level, 'confidential');
    assert.deepEqual(places(decided.allowed), []);
    assert.deepEqual(decided.allowedNames, []);
    assert.deepEqual(places(rules.decide([finding('IP_ADDRESS')], actions).allowed), [...PLACES], 'other levels unaffected');
  });

  it('gives a business finding its own level, over its type\'s', () => {
    const { rules, actions } = compile();
    const plain = rules.decide([finding('BUSINESS_TERM')], actions);
    assert.equal(plain.level, 'confidential');
    const raised = rules.decide([finding('BUSINESS_TERM', 'restricted')], actions);
    assert.equal(raised.level, 'restricted');
    assert.deepEqual(raised.allowedNames, ['on-prem']);
    const lowered = rules.decide([finding('BUSINESS_PATTERN', 'internal')], actions);
    assert.equal(lowered.level, 'internal');
    assert.equal(lowered.allowed, ANY_JURISDICTION);
  });

  it('equals the intersection of each requirement on its own (property)', () => {
    const { rules, actions, tree } = compile({
      entities: { EMAIL: 'allow', PHONE: 'hash', CARD_NUMBER: 'allow' },
      levels: { internal: { jurisdictions: ['DE', 'US'], sanitized: ['EU', 'US'] }, confidential: { jurisdictions: ['on-prem'], sanitized: ['EU'] } },
    });
    const arbFinding = fc.record({ type: fc.constantFrom(...ENTITY_TYPES), level: fc.option(fc.constantFrom(...LEVELS), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(arbFinding, { maxLength: 6 }), fc.option(fc.constantFrom(...LEVELS), { nil: undefined }), (specs, requested) => {
        const findings = specs.map((s) => finding(s.type, s.level));
        const decided = rules.decide(findings, actions, requested);
        let level: Level = maxLevel('public', requested ?? 'public');
        let allowed: AllowedJurisdictions = tree.expand(rules.levels[level].jurisdictions);
        for (const f of findings) {
          const own = f.level ?? DEFAULT_CLASSIFICATION[f.type] ?? DEFAULT_CLASSIFICATION[groupOf(f.type)] ?? 'restricted';
          level = maxLevel(level, own);
          const rule = rules.levels[own];
          allowed = tree.intersect(allowed, tree.expand(actions.get(f.type) === 'allow' ? rule.jurisdictions : rule.sanitized));
        }
        assert.equal(decided.level, level);
        assert.deepEqual(places(decided.allowed), places(allowed));
        assert.deepEqual(decided.allowedNames, tree.describe(allowed));
      }),
      { numRuns: 300 },
    );
  });
});

describe('classification', () => {
  it('has the documented defaults', () => {
    const table = resolveClassification({});
    const expected: Partial<Record<EntityType, Level>> = {
      CARD_NUMBER: 'restricted',
      EMAIL: 'confidential',
      PHONE: 'confidential',
      IP_ADDRESS: 'internal',
      BIC: 'internal',
      API_KEY: 'restricted',
      PRIVATE_KEY: 'restricted',
      US_SSN: 'restricted',
      BUSINESS_TERM: 'confidential',
      BUSINESS_FIELD: 'confidential',
    };
    for (const [type, level] of Object.entries(expected)) assert.equal(table.get(type as EntityType), level, type);
    assert.equal(table.size, ENTITY_TYPES.length, 'every type has a level');
  });

  it('lets a type entry win over its group entry, and a group entry over the defaults', () => {
    const { policy } = compile({ classification: { PII: 'internal', EMAIL: 'restricted', SECRET: 'confidential' } });
    const table = resolveClassification(policy.classification);
    assert.equal(table.get('EMAIL'), 'restricted', 'the type wins');
    assert.equal(table.get('PHONE'), 'internal', 'the group applies to its other types');
    assert.equal(table.get('CARD_NUMBER'), 'internal', 'the group entry overrides the built-in type default');
    assert.equal(table.get('API_KEY'), 'confidential');
    assert.equal(table.get('US_SSN'), 'restricted', 'unnamed groups keep their defaults');
  });

  it('decides residency with the policy\'s classification', () => {
    const { rules, actions } = compile({ classification: { PII: 'internal', EMAIL: 'restricted' } });
    assert.equal(rules.decide([finding('PHONE')], actions).level, 'internal');
    assert.deepEqual(rules.decide([finding('EMAIL')], actions).allowedNames, ['on-prem']);
  });

  it('takes a finding\'s own level over its type\'s', () => {
    const table = resolveClassification({});
    assert.equal(levelOf(finding('EMAIL'), table), 'confidential');
    assert.equal(levelOf(finding('EMAIL', 'public'), table), 'public');
    assert.equal(levelOf(finding('BUSINESS_FIELD', 'restricted'), table), 'restricted');
  });
});
