/**
 * Gathers the key records the gateway accepts: keys declared under tenants in the config file plus the managed
 * key file. A managed key naming a tenant that is not configured is an error, not silently ignored.
 */
import type { AirlockConfig } from '../config/schema.ts';
import type { ManagedKey } from '../config/key-file.ts';
import { ConfigError } from '../errors.ts';
import type { KeyRecord } from './api-keys.ts';

export function collectKeyRecords(config: AirlockConfig, managed: readonly ManagedKey[]): KeyRecord[] {
  const tenants = new Set(config.tenants.map((t) => t.id));
  const records: KeyRecord[] = config.tenants.flatMap((t) =>
    t.keys.map((k) => ({ id: k.id, tenant: t.id, hash: k.hash, scopes: k.scopes, models: k.models })),
  );
  const seen = new Set(records.map((r) => r.hash));
  const issues: string[] = [];
  managed.forEach((k, i) => {
    if (!tenants.has(k.tenant)) issues.push(`keys[${i}].tenant: tenant is not configured`);
    else if (seen.has(k.hash)) issues.push(`keys[${i}].hash: duplicate key hash`);
    else records.push({ id: k.id, tenant: k.tenant, hash: k.hash, scopes: k.scopes, models: k.models });
    seen.add(k.hash);
  });
  if (issues.length > 0) throw new ConfigError(issues.map((i) => `key file: ${i}`));
  return records;
}
