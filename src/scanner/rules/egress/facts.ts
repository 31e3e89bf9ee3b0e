/**
 * Reading the project facts (`ProjectFacts` in types.ts) the way Salesforce resolves names: Named and External
 * Credential developer names compare case-insensitively, as in Apex `callout:NAME`.
 */

/** Looks a Salesforce developer name up case-insensitively. */
export function lookupName(map: ReadonlyMap<string, string> | undefined, name: string): string | undefined {
  if (map === undefined) return undefined;
  const exact = map.get(name);
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  for (const [key, value] of map) if (key.toLowerCase() === lower) return value;
  return undefined;
}
