/**
 * What a configuration reload may change while the gateway runs: who may call (tenants and their keys), what
 * happens to their data (policies) and the jurisdiction hierarchy the policies are read against. Everything
 * else (listening address, data directory, secrets, backends and their connection pools, routing) is built into
 * long-lived objects, so a change there is reported as needing a restart and the reload is refused as a whole:
 * the running configuration is then always exactly one valid version of the file, never a mixture.
 */
import { isDeepStrictEqual } from 'node:util';
import type { AirlockConfig } from './schema.ts';

export const RELOADABLE_SECTIONS = ['jurisdictions', 'tenants', 'policies'] as const;

/** Sections that differ between the running configuration and a new one but only take effect on restart. */
export function restartOnlyChanges(current: AirlockConfig, next: AirlockConfig): string[] {
  const keys = new Set([...Object.keys(current), ...Object.keys(next)]) as Set<keyof AirlockConfig>;
  return [...keys]
    .filter((key) => !(RELOADABLE_SECTIONS as readonly string[]).includes(key))
    .filter((key) => !isDeepStrictEqual(current[key], next[key]))
    .sort();
}
