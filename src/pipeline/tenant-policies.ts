/**
 * What each tenant's requests are inspected, classified, transformed and routed with: its policy's action and
 * level tables, its residency rules, a detection engine carrying the policy's business rules, the policy's
 * content hash, and the tenant's derived keys. Built once per configuration, so a bad rule fails the load and
 * requests pay for nothing but the lookup.
 */
import type { AirlockConfig, BusinessRuleEntry, PolicyConfig } from '../config/schema.ts';
import { DEFAULT_LEAK_TYPES } from '../config/schema.ts';
import { ENTITY_GROUPS, type EntityGroup, type EntityType, type Level } from '../entities.ts';
import { createDetectionEngine, type DetectionEngine } from '../detect/engine.ts';
import { resolveActions, type ActionTable } from '../policy/actions.ts';
import { resolveClassification, type ClassificationTable } from '../policy/classification.ts';
import { hashPolicy } from '../policy/policy-hash.ts';
import { createResidencyRules, type ResidencyRules } from '../policy/residency.ts';
import { createJurisdictionTree } from '../routing/jurisdictions.ts';
import { deriveTenantKeys, type TenantKeys } from '../transform/tenant-keys.ts';

export interface TenantPolicy {
  readonly name: string;
  /** The policy's version: a hash of its content with defaults filled in (see policy-hash.ts). */
  readonly hash: string;
  readonly actions: ActionTable;
  readonly classification: ClassificationTable;
  readonly residency: ResidencyRules;
  readonly engine: DetectionEngine;
  readonly placeholderInstruction: boolean;
  readonly injection: PolicyConfig['injection'];
  readonly output: OutputRules;
  readonly bulk: PolicyConfig['bulk'];
  readonly captureContent: boolean;
  readonly keys: TenantKeys;
}

/** The policy's reply checks with the leak types resolved from groups to single types. */
export interface OutputRules {
  readonly leaks: { readonly action: PolicyConfig['output']['leaks']['action']; readonly types: ReadonlySet<EntityType> };
  readonly links: PolicyConfig['output']['links'];
  readonly canary: boolean;
}

export interface TenantPolicies {
  forTenant(tenant: string): TenantPolicy;
  /** Every named policy's content hash, for the reload log line. */
  readonly hashes: Readonly<Record<string, string>>;
}

const DEFAULT_POLICY: PolicyConfig = {
  entities: {},
  classification: {},
  baseLevel: 'public',
  levels: {},
  business: { terms: [], patterns: [], jsonFields: [] },
  injection: { action: 'block', threshold: 0.5 },
  output: { leaks: { action: 'redact', types: [...DEFAULT_LEAK_TYPES] }, links: { action: 'neutralize', allowHosts: [] }, canary: false },
  bulk: { action: 'flag', maxDistinctValues: 200, windowSeconds: 600 },
  captureContent: false,
  placeholderInstruction: false,
};

function resolveOutput(output: PolicyConfig['output']): OutputRules {
  const types = new Set<EntityType>();
  for (const name of output.leaks.types) {
    if (name in ENTITY_GROUPS) for (const type of ENTITY_GROUPS[name as EntityGroup]) types.add(type);
    else types.add(name as EntityType);
  }
  return { leaks: { action: output.leaks.action, types }, links: output.links, canary: output.canary };
}

/**
 * Every business rule gets an explicit level (its own, or its type's under this policy), so when two rules find
 * the same text the higher level wins in prompts and in JSON alike, whatever order they were listed in.
 */
function withLevels(business: PolicyConfig['business'], classification: ClassificationTable): PolicyConfig['business'] {
  const level = (type: 'BUSINESS_TERM' | 'BUSINESS_PATTERN' | 'BUSINESS_FIELD') => (rule: BusinessRuleEntry): BusinessRuleEntry =>
    typeof rule === 'string' ? { value: rule, level: classification.get(type) as Level } : rule;
  return {
    terms: business.terms.map(level('BUSINESS_TERM')),
    patterns: business.patterns.map(level('BUSINESS_PATTERN')),
    jsonFields: business.jsonFields.map(level('BUSINESS_FIELD')),
  };
}

export function createTenantPolicies(config: AirlockConfig, masterSecret: string): TenantPolicies {
  const tree = createJurisdictionTree(config.jurisdictions, config.backends.map((b) => b.jurisdiction));
  const compiled = new Map<string, Omit<TenantPolicy, 'keys'>>();
  const policies = { default: DEFAULT_POLICY, ...config.policies };
  for (const [name, policy] of Object.entries(policies)) {
    const actions = resolveActions(policy.entities);
    const classification = resolveClassification(policy.classification);
    const residency = createResidencyRules(policy, classification, tree);
    compiled.set(name, {
      name,
      hash: hashPolicy({ actions, classification, levels: residency.levels, policy, jurisdictions: config.jurisdictions }),
      actions,
      classification,
      residency,
      engine: createDetectionEngine({ business: withLevels(policy.business, classification) }),
      placeholderInstruction: policy.placeholderInstruction,
      injection: policy.injection,
      output: resolveOutput(policy.output),
      bulk: policy.bulk,
      captureContent: policy.captureContent,
    });
  }
  const byTenant = new Map<string, TenantPolicy>();
  for (const tenant of config.tenants) {
    const keys = deriveTenantKeys(masterSecret, tenant.id, tenant.secretKey);
    byTenant.set(tenant.id, { ...(compiled.get(tenant.policy) ?? (compiled.get('default') as TenantPolicy)), keys });
  }
  return {
    hashes: Object.fromEntries([...compiled].map(([name, policy]) => [name, policy.hash])),
    forTenant(tenant) {
      let policy = byTenant.get(tenant);
      // Tenants known only from the key file get the default policy.
      if (!policy) byTenant.set(tenant, (policy = { ...(compiled.get('default') as TenantPolicy), keys: deriveTenantKeys(masterSecret, tenant) }));
      return policy;
    },
  };
}
