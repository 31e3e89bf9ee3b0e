// The configuration for classification, residency and routing: policy levels, level rules, business rules with
// their own level, backend placement and health, the routing settings, and the cross-checks between policies and
// the jurisdiction hierarchy. Every refusal is checked by its exact `path: reason` line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../src/config/load.ts';
import type { AirlockConfig, PolicyConfig } from '../../src/config/schema.ts';
import { createDetectionEngine } from '../../src/detect/engine.ts';
import { inspectRequest } from '../../src/detect/inspect.ts';
import { ConfigError } from '../../src/errors.ts';

const backend = (over: Record<string, unknown> = {}) => ({ id: 'b', kind: 'openai', url: 'http://127.0.0.1:9/v1', jurisdiction: 'on-prem', models: { m: 'm' }, ...over });
const BASE = { backends: [backend()] };

function parse(raw: Record<string, unknown>, env: NodeJS.ProcessEnv = {}): AirlockConfig {
  return parseConfig({ ...BASE, ...raw }, { baseDir: '/tmp', env });
}

function issuesOf(raw: Record<string, unknown>): string[] {
  try {
    parse(raw);
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    return [...err.issues];
  }
  return assert.fail('expected the configuration to be refused');
}

function policyOf(policy: Record<string, unknown>, raw: Record<string, unknown> = {}): PolicyConfig {
  return parse({ ...raw, policies: { p: policy } }).policies.p as PolicyConfig;
}

const NOT_DECLARED = 'jurisdiction is not declared and no backend is in it';

describe('routing configuration: defaults', () => {
  it('gives a backend priority 0, weight 1 and the default health settings', () => {
    const [b] = parse({}).backends;
    assert.equal(b?.priority, 0);
    assert.equal(b?.weight, 1);
    assert.deepEqual(b?.health, { failureThreshold: 3, openMs: 10_000, maxOpenMs: 300_000, checkIntervalMs: 10_000, probeTimeoutMs: 2_000 });
  });

  it('fills the routing defaults', () => {
    assert.deepEqual(parse({}).routing, { retries: 2, retryBaseDelayMs: 50, retryMaxDelayMs: 1_000 });
  });

  it('fills a policy\'s classification, base level, levels and business rules', () => {
    const policy = policyOf({});
    assert.deepEqual(policy.classification, {});
    assert.equal(policy.baseLevel, 'public');
    assert.deepEqual(policy.levels, {});
    assert.deepEqual(policy.business, { terms: [], patterns: [], jsonFields: [] });
  });

  it('keeps the defaults of health fields that were not given', () => {
    const [b] = parse({ backends: [backend({ health: { failureThreshold: 5, checkIntervalMs: 0 } })] }).backends;
    assert.deepEqual(b?.health, { failureThreshold: 5, openMs: 10_000, maxOpenMs: 300_000, checkIntervalMs: 0, probeTimeoutMs: 2_000 });
  });
});

describe('routing configuration: accepted values', () => {
  it('reads placement, health and routing numbers, also as digit strings from the environment', () => {
    const config = parse(
      {
        backends: [backend({ priority: '${PRIO}', weight: 7, health: { failureThreshold: 1, openMs: '500', maxOpenMs: 2_000, checkIntervalMs: 0, probeTimeoutMs: 100 } })],
        routing: { retries: '${RETRIES}', retryBaseDelayMs: 0, retryMaxDelayMs: 0 },
      },
      { PRIO: '3', RETRIES: '10' },
    );
    const [b] = config.backends;
    assert.equal(b?.priority, 3);
    assert.equal(b?.weight, 7);
    assert.deepEqual(b?.health, { failureThreshold: 1, openMs: 500, maxOpenMs: 2_000, checkIntervalMs: 0, probeTimeoutMs: 100 });
    assert.deepEqual(config.routing, { retries: 10, retryBaseDelayMs: 0, retryMaxDelayMs: 0 });
  });

  it('reads the list form of a level rule as the same rule for both bases', () => {
    const { levels } = policyOf({ levels: { confidential: ['on-prem'], internal: [] } });
    assert.deepEqual(levels.confidential, { jurisdictions: ['on-prem'], sanitized: ['on-prem'] });
    assert.deepEqual(levels.internal, { jurisdictions: [], sanitized: [] });
    assert.equal(levels.restricted, undefined, 'unlisted levels stay unset (the built-in rule applies)');
  });

  it('reads the object form, copying jurisdictions to sanitized when it is absent', () => {
    const { levels } = policyOf(
      { levels: { confidential: { jurisdictions: ['on-prem'], sanitized: ['EU'] }, restricted: { jurisdictions: ['on-prem'] } } },
      { jurisdictions: { EU: {}, 'on-prem': { within: 'EU' } } },
    );
    assert.deepEqual(levels.confidential, { jurisdictions: ['on-prem'], sanitized: ['EU'] });
    assert.deepEqual(levels.restricted, { jurisdictions: ['on-prem'], sanitized: ['on-prem'] });
  });

  it('lets a level rule name a declared jurisdiction, a backend\'s undeclared one, or any', () => {
    const declared = policyOf({ levels: { confidential: ['EU'], internal: ['on-prem'] } }, { jurisdictions: { EU: {}, 'on-prem': { within: 'EU' } } });
    assert.deepEqual(declared.levels.confidential?.jurisdictions, ['EU']);
    const fromBackend = policyOf({ levels: { restricted: ['on-prem'], public: { jurisdictions: ['any'], sanitized: ['any'] } } });
    assert.deepEqual(fromBackend.levels.restricted?.jurisdictions, ['on-prem']);
    assert.deepEqual(fromBackend.levels.public?.sanitized, ['any']);
  });

  it('reads classification by type and group, and a base level', () => {
    const policy = policyOf({ classification: { PII: 'internal', EMAIL: 'restricted', BUSINESS: 'public' }, baseLevel: 'confidential' });
    assert.deepEqual(policy.classification, { PII: 'internal', EMAIL: 'restricted', BUSINESS: 'public' });
    assert.equal(policy.baseLevel, 'confidential');
  });

  it('reads business rules as plain text or as text with a level', () => {
    const { business } = policyOf({
      business: {
        terms: ['Project Falcon', { term: ' Nordwind ', level: 'restricted' }],
        patterns: [{ pattern: 'SKU-\\d{6}', level: 'internal' }, 'CTR-\\d{4}'],
        jsonFields: [{ field: 'cost_price', level: 'restricted' }, 'margin'],
      },
    });
    assert.deepEqual(business.terms, ['Project Falcon', { value: 'Nordwind', level: 'restricted' }]);
    assert.deepEqual(business.patterns, [{ value: 'SKU-\\d{6}', level: 'internal' }, 'CTR-\\d{4}']);
    assert.deepEqual(business.jsonFields, [{ value: 'cost_price', level: 'restricted' }, 'margin']);
  });
});

describe('routing configuration: refusals', () => {
  it('names an undeclared jurisdiction in a level rule by its path, in list and object form', () => {
    const jurisdictions = { EU: {}, 'on-prem': { within: 'EU' } };
    assert.deepEqual(issuesOf({ jurisdictions, policies: { P: { levels: { confidential: ['EU', 'EUX'] } } } }), [
      `policies.P.levels.confidential[1]: ${NOT_DECLARED}`,
    ]);
    assert.deepEqual(issuesOf({ jurisdictions, policies: { P: { levels: { confidential: { jurisdictions: ['on-prem'], sanitized: ['Europe'] } } } } }), [
      `policies.P.levels.confidential.sanitized[0]: ${NOT_DECLARED}`,
    ]);
    assert.deepEqual(issuesOf({ jurisdictions, policies: { P: { levels: { restricted: { jurisdictions: ['onprem'], sanitized: ['EU'] } } } } }), [
      `policies.P.levels.restricted.jurisdictions[0]: ${NOT_DECLARED}`,
    ]);
    assert.deepEqual(issuesOf({ policies: { P: { levels: { internal: ['DE'] } } } }), [`policies.P.levels.internal[0]: ${NOT_DECLARED}`], 'without declared jurisdictions, only backends\' count');
  });

  it(
    'names an undeclared jurisdiction of an object-form rule without sanitized once, under the path written',
    () => {
      assert.deepEqual(issuesOf({ policies: { P: { levels: { confidential: { jurisdictions: ['EUX'] } } } } }), [
        `policies.P.levels.confidential.jurisdictions[0]: ${NOT_DECLARED}`,
      ]);
    },
  );

  it('refuses a level rule of the wrong shape or for an unknown level', () => {
    const shape = 'expected a list of jurisdictions or { jurisdictions, sanitized }';
    assert.deepEqual(issuesOf({ policies: { P: { levels: { confidential: 'on-prem' } } } }), [`policies.P.levels.confidential: ${shape}`]);
    assert.deepEqual(issuesOf({ policies: { P: { levels: { confidential: { sanitized: ['on-prem'] } } } } }), [`policies.P.levels.confidential: ${shape}`]);
    assert.deepEqual(issuesOf({ policies: { P: { levels: { secret: ['on-prem'] } } } }), ['policies.P.levels.secret: unknown key']);
    assert.ok(issuesOf({ policies: { P: { levels: { confidential: { jurisdictions: ['on-prem'], extra: [] } } } } }).includes('policies.P.levels.confidential.extra: unknown key'));
    assert.deepEqual(issuesOf({ policies: { P: { levels: { confidential: { jurisdictions: ['on-prem'], sanitized: 'on-prem' } } } } }), [`policies.P.levels.confidential: ${shape}`]);
  });

  it(
    'names a level rule entry that is not a jurisdiction name by its path, in list and object form',
    () => {
      const list = issuesOf({ policies: { P: { levels: { confidential: ['on-prem', 'not a name!'] } } } });
      assert.ok(list.some((i) => i.startsWith('policies.P.levels.confidential[1]: expected 1-64 letters')), list.join('\n'));
      const object = issuesOf({ policies: { P: { levels: { restricted: { jurisdictions: ['bad name'] } } } } });
      assert.ok(object.some((i) => i.startsWith('policies.P.levels.restricted.jurisdictions[0]: expected 1-64 letters')), object.join('\n'));
    },
  );

  it('refuses an unknown base level and bad classification entries', () => {
    assert.deepEqual(issuesOf({ policies: { P: { baseLevel: 'secret' } } }), ['policies.P.baseLevel: expected one of public, internal, confidential, restricted']);
    assert.deepEqual(issuesOf({ policies: { P: { classification: { EMAIL: 'secret', FOO: 'public' } } } }), [
      'policies.P.classification.EMAIL: expected one of public, internal, confidential, restricted',
      'policies.P.classification.FOO: expected an entity type or group (PII, NATIONAL_ID, SECRET, BUSINESS, or a type such as EMAIL)',
    ]);
  });

  it('refuses business rules of the wrong shape, with a bad level or bad text', () => {
    const issues = issuesOf({
      policies: {
        P: {
          business: {
            terms: [{ term: 'Falcon' }, { term: 'Falcon', level: 'secret' }, { value: 'Falcon', level: 'public' }, 5, { term: '---', level: 'public' }],
            patterns: [{ pattern: '^(\\w+\\s?)+$', level: 'restricted' }, { term: 'x', level: 'public' }],
            jsonFields: [{ field: '  ', level: 'restricted' }, { field: 'margin', level: 'internal', note: 'x' }, ['margin']],
          },
        },
      },
    });
    assert.deepEqual(issues, [
      'policies.P.business.terms[0]: expected a string or { term, level }',
      'policies.P.business.terms[1]: expected a string or { term, level }',
      'policies.P.business.terms[2]: expected a string or { term, level }',
      'policies.P.business.terms[3]: expected a string or { term, level }',
      'policies.P.business.terms[4].term: expected a term with at least one letter or digit',
      'policies.P.business.patterns[0].pattern: the pattern can backtrack catastrophically (exponential time on crafted input)',
      'policies.P.business.patterns[1]: expected a string or { pattern, level }',
      'policies.P.business.jsonFields[0].field: Too small: expected string to have >=1 characters',
      'policies.P.business.jsonFields[1].note: unknown key',
      'policies.P.business.jsonFields[2]: expected a string or { field, level }',
    ]);
  });

  it('refuses declaring a jurisdiction named any, a within that is not declared, and a cycle', () => {
    const b = [backend({ jurisdiction: 'EU' })];
    assert.deepEqual(issuesOf({ backends: b, jurisdictions: { EU: {}, any: {} } }), ['jurisdictions.any: "any" means every jurisdiction and cannot be declared']);
    assert.deepEqual(issuesOf({ backends: b, jurisdictions: { EU: { within: 'any' } } }), ['jurisdictions.EU.within: jurisdiction is not declared']);
    assert.deepEqual(issuesOf({ backends: b, jurisdictions: { EU: { within: 'DE' }, DE: { within: 'EU' } } }), [
      'jurisdictions.EU.within: jurisdictions contain each other in a cycle',
      'jurisdictions.DE.within: jurisdictions contain each other in a cycle',
    ]);
  });

  it('refuses out-of-range placement and health settings, and unknown keys', () => {
    assert.deepEqual(issuesOf({ backends: [backend({ priority: 1001, weight: 0, health: { failureThreshold: 0, openMs: 0, maxOpenMs: 0, checkIntervalMs: -1, probeTimeoutMs: 0, x: 1 } })] }), [
      'backends[0].priority: Too big: expected number to be <=1000',
      'backends[0].weight: Too small: expected number to be >=1',
      'backends[0].health.failureThreshold: Too small: expected number to be >=1',
      'backends[0].health.openMs: Too small: expected number to be >0',
      'backends[0].health.maxOpenMs: Too small: expected number to be >0',
      'backends[0].health.checkIntervalMs: Too small: expected number to be >=0',
      'backends[0].health.probeTimeoutMs: Too small: expected number to be >0',
      'backends[0].health.x: unknown key',
    ]);
    assert.deepEqual(issuesOf({ backends: [backend({ priority: -1, weight: 1001, health: { failureThreshold: 1001, openMs: 3_600_001 } })] }), [
      'backends[0].priority: Too small: expected number to be >=0',
      'backends[0].weight: Too big: expected number to be <=1000',
      'backends[0].health.failureThreshold: Too big: expected number to be <=1000',
      'backends[0].health.openMs: Too big: expected number to be <=3600000',
    ]);
    assert.deepEqual(issuesOf({ backends: [backend({ priority: 1.5, weight: 'heavy' })] }), [
      'backends[0].priority: expected int, got number',
      'backends[0].weight: expected number, got string',
    ]);
  });

  it('refuses out-of-range routing settings and unknown keys', () => {
    assert.deepEqual(issuesOf({ routing: { retries: 11, retryBaseDelayMs: -1, retryMaxDelayMs: 3_600_001, retry: 1 } }), [
      'routing.retries: Too big: expected number to be <=10',
      'routing.retryBaseDelayMs: Too small: expected number to be >=0',
      'routing.retryMaxDelayMs: Too big: expected number to be <=3600000',
      'routing.retry: unknown key',
    ]);
    assert.deepEqual(issuesOf({ routing: { retries: -1 } }), ['routing.retries: Too small: expected number to be >=0']);
  });
});

describe('business rules with a level of their own', () => {
  const business = policyOf({
    business: {
      terms: ['Project Falcon', { term: 'Nordwind', level: 'restricted' }],
      patterns: [{ pattern: 'SKU-\\d{6}', level: 'internal' }],
      jsonFields: [{ field: 'cost_price', level: 'restricted' }, 'margin'],
    },
  }).business;
  const engine = createDetectionEngine({ business });

  it('stamp their level on what the engine finds in text; plain rules leave it to the type', () => {
    const text = 'Project Falcon ships SKU-123456 from Nordwind; {"cost_price": 12.5, "margin": 3}';
    const found = engine.detect(text).map((f) => ({ type: f.type, value: text.slice(f.start, f.end), level: f.level }));
    assert.deepEqual(found, [
      { type: 'BUSINESS_TERM', value: 'Project Falcon', level: undefined },
      { type: 'BUSINESS_PATTERN', value: 'SKU-123456', level: 'internal' },
      { type: 'BUSINESS_TERM', value: 'Nordwind', level: 'restricted' },
      { type: 'BUSINESS_FIELD', value: '12.5', level: 'restricted' },
      { type: 'BUSINESS_FIELD', value: '3', level: undefined },
    ]);
  });

  it('give a sensitive field its level in any spelling of its name', () => {
    assert.equal(engine.sensitiveFieldLevel('cost_price'), 'restricted');
    assert.equal(engine.sensitiveFieldLevel('costPrice'), 'restricted');
    assert.equal(engine.sensitiveFieldLevel('Cost-Price'), 'restricted');
    assert.equal(engine.isSensitiveField('margin'), true);
    assert.equal(engine.sensitiveFieldLevel('margin'), undefined);
    assert.equal(engine.sensitiveFieldLevel('price'), undefined);
  });

  it('take the highest level when several rules name one field', () => {
    const rules = policyOf({ business: { jsonFields: [{ field: 'margin', level: 'internal' }, { field: 'Margin', level: 'restricted' }, { field: 'MARGIN', level: 'confidential' }] } }).business;
    assert.equal(createDetectionEngine({ business: rules }).sensitiveFieldLevel('margin'), 'restricted');
  });

  it('stamp the level on findings in tool-call arguments, field by field', () => {
    const request = {
      model: 'm',
      messages: [
        { role: 'user', content: 'Price it.' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'quote', arguments: JSON.stringify({ cost_price: 12.5, customer: { margin: { pct: 3 } }, note: 'ask Nordwind', sku: 'none' }) } }],
        },
      ],
    };
    const at = 'messages[1].tool_calls[0].function.arguments';
    const units = inspectRequest(engine, 'chat', request).units.filter((u) => u.findings.length > 0);
    const seen = units.map((u) => ({ path: u.path, findings: u.findings.map((f) => ({ type: f.type, value: u.text.slice(f.start, f.end), level: f.level })) }));
    assert.deepEqual(seen, [
      { path: `${at}.cost_price`, findings: [{ type: 'BUSINESS_FIELD', value: '12.5', level: 'restricted' }] },
      { path: `${at}.customer.margin`, findings: [{ type: 'BUSINESS_FIELD', value: '{"pct":3}', level: undefined }] },
      { path: `${at}.note`, findings: [{ type: 'BUSINESS_TERM', value: 'Nordwind', level: 'restricted' }] },
    ]);
  });

  it(
    'give a value that several rules match the highest of their levels, in prompt text as in tool arguments',
    () => {
      const rules = policyOf({
        business: {
          jsonFields: [{ field: 'margin', level: 'internal' }, { field: 'Margin', level: 'restricted' }],
          terms: [{ term: 'Nordwind', level: 'internal' }, { term: 'nordwind', level: 'restricted' }],
        },
      }).business;
      const e = createDetectionEngine({ business: rules });
      assert.equal(e.sensitiveFieldLevel('margin'), 'restricted');
      const text = '{"margin": 3} from Nordwind';
      assert.deepEqual(e.detect(text).map((f) => [text.slice(f.start, f.end), f.level]), [['3', 'restricted'], ['Nordwind', 'restricted']]);
    },
  );
});
