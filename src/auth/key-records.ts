/**
 * Gathers the key records the gateway accepts: keys declared under tenants in the config file plus the managed
 * key file. A managed key naming an unknown tenant or model alias, or repeating a key or id, is an error, not
 * silently ignored.
 */
import type { AirlockConfig } from '../config/schema.ts';
import type { ManagedKey } from '../config/key-file.ts';
import { ConfigError } from '../errors.ts';
import type { KeyRecord } from './api-keys.ts';

export function collectKeyRecords(config: AirlockConfig, managed: readonly ManagedKey[]): KeyRecord[] {
  const tenants = new Set(config.tenants.map((t) => t.id));
  const aliases = new Set(config.backends.flatMap((b) => Object.keys(b.models)));
  const records: KeyRecord[] = config.tenants.flatMap((t) =>
    t.keys.map((k) => ({ id: k.id, tenant: t.id, hash: k.hash, scopes: k.scopes, models: k.models })),
  );
  const hashes = new Set(records.map((r) => r.hash));
  const ids = new Set(records.map((r) => `${r.tenant}/${r.id}`));
  const issues: string[] = [];
  managed.forEach((k, i) => {
    if (!tenants.has(k.tenant)) issues.push(`keys[${i}].tenant: tenant is not configured`);
    else if (hashes.has(k.hash)) issues.push(`keys[${i}].hash: duplicate key hash`);
    else if (ids.has(`${k.tenant}/${k.id}`)) issues.push(`keys[${i}].id: duplicate key id in this tenant`);
    else if (k.models?.some((m) => !aliases.has(m))) issues.push(`keys[${i}].models: no backend serves one of these model aliases`);
    else records.push({ id: k.id, tenant: k.tenant, hash: k.hash, scopes: k.scopes, models: k.models });
    hashes.add(k.hash);
    ids.add(`${k.tenant}/${k.id}`);
  });
  if (issues.length > 0) throw new ConfigError(issues.map((i) => `key file: ${i}`));
  return records;
}
