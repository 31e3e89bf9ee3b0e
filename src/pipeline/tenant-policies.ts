/**
 * What each tenant's requests are inspected and transformed with: its policy's action table, a detection engine
 * carrying the policy's business rules, and the tenant's derived keys. Built once per configuration, so a bad
 * rule fails the load and requests pay for nothing but the lookup.
 */
import type { AirlockConfig, PolicyConfig } from '../config/schema.ts';
import { createDetectionEngine, type DetectionEngine } from '../detect/engine.ts';
import { resolveActions, type ActionTable } from '../policy/actions.ts';
import { deriveTenantKeys, type TenantKeys } from '../transform/tenant-keys.ts';

export interface TenantPolicy {
  readonly name: string;
  readonly actions: ActionTable;
  readonly engine: DetectionEngine;
  readonly placeholderInstruction: boolean;
  readonly keys: TenantKeys;
}

export interface TenantPolicies {
  forTenant(tenant: string): TenantPolicy;
}

const DEFAULT_POLICY: PolicyConfig = {
  entities: {},
  business: { terms: [], patterns: [], jsonFields: [] },
  placeholderInstruction: false,
};

export function createTenantPolicies(config: AirlockConfig, masterSecret: string): TenantPolicies {
  const compiled = new Map<string, Omit<TenantPolicy, 'keys'>>();
  const policies = { default: DEFAULT_POLICY, ...config.policies };
  for (const [name, policy] of Object.entries(policies)) {
    compiled.set(name, {
      name,
      actions: resolveActions(policy.entities),
      engine: createDetectionEngine({ business: policy.business }),
      placeholderInstruction: policy.placeholderInstruction,
    });
  }
  const byTenant = new Map<string, TenantPolicy>();
  for (const tenant of config.tenants) {
    const keys = deriveTenantKeys(masterSecret, tenant.id, tenant.secretKey);
    byTenant.set(tenant.id, { ...(compiled.get(tenant.policy) ?? (compiled.get('default') as TenantPolicy)), keys });
  }
  return {
    forTenant(tenant) {
      let policy = byTenant.get(tenant);
      // Tenants known only from the key file get the default policy.
      if (!policy) byTenant.set(tenant, (policy = { ...(compiled.get('default') as TenantPolicy), keys: deriveTenantKeys(masterSecret, tenant) }));
      return policy;
    },
  };
}
