/**
 * `inspect(text)` for applications that embed Airlock: the same answer `airlock inspect` gives, on the embedded
 * default policy or a parsed configuration's tenant policy. Policies are compiled once per configuration object.
 */
import { randomBytes } from 'node:crypto';
import { DEV_TENANT, embeddedDefaults } from '../config/defaults.ts';
import { parseConfig } from '../config/load.ts';
import type { AirlockConfig } from '../config/schema.ts';
import { inspectText, type InspectResult } from './inspect-text.ts';
import { createTenantPolicies, type TenantPolicies } from './tenant-policies.ts';

export interface InspectOptions {
  /** A parsed configuration (`parseConfig`); default: the embedded defaults. */
  readonly config?: AirlockConfig;
  /** Whose policy applies; default: the configuration's first tenant. */
  readonly tenant?: string;
}

const compiled = new WeakMap<AirlockConfig, TenantPolicies>();
let defaults: AirlockConfig | undefined;

export function inspect(text: string, options: InspectOptions = {}): InspectResult {
  const config = options.config ?? (defaults ??= parseConfig(embeddedDefaults(), { baseDir: process.cwd(), env: {} }));
  let policies = compiled.get(config);
  if (!policies) {
    // Without a configured secret the pseudonyms are stable for the life of this process only.
    policies = createTenantPolicies(config, config.secretKey ?? randomBytes(32).toString('base64url'));
    compiled.set(config, policies);
  }
  return inspectText(text, policies.forTenant(options.tenant ?? config.tenants[0]?.id ?? DEV_TENANT));
}
