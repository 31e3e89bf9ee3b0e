/**
 * Facts about the scanned project that one file cannot show, collected by the scanner in a first pass over all
 * files and handed to the rules as `scan(file, facts)`: Salesforce Named Credential endpoints (so an Apex
 * `callout:OpenAI_NC` can be resolved) and which External Credentials those Named Credentials authenticate with.
 * Candidate for src/scanner/types.ts once the core scanner passes it.
 */

export interface ScanFacts {
  /** Named Credential developer name → endpoint URL. Names compare case-insensitively, as in Apex. */
  readonly namedCredentials: ReadonlyMap<string, string>;
  /** External Credential developer name → endpoint URL of a Named Credential that uses it. */
  readonly externalCredentials?: ReadonlyMap<string, string>;
}

/** Looks a Salesforce developer name up case-insensitively. */
export function lookupName(map: ReadonlyMap<string, string> | undefined, name: string): string | undefined {
  if (map === undefined) return undefined;
  const exact = map.get(name);
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  for (const [key, value] of map) if (key.toLowerCase() === lower) return value;
  return undefined;
}
