/**
 * The jurisdiction hierarchy: named places where data may be processed, each optionally within a larger one
 * (`on-prem` within `DE` within `EU`). A policy allows a list of names; a backend qualifies when its own
 * jurisdiction is one of them or lies within one of them. Sets are expanded once into concrete names, so the
 * per-request check is a set lookup and two rules combine by intersection.
 */
import { ANY_JURISDICTION } from '../config/schema.ts';

/** Concrete jurisdiction names closed under "within", or every jurisdiction. */
export type AllowedJurisdictions = ReadonlySet<string> | typeof ANY_JURISDICTION;

export interface JurisdictionTree {
  /** The listed names and every jurisdiction within one of them; `any` in the list allows everything. */
  expand(names: readonly string[]): AllowedJurisdictions;
  /** Jurisdictions both allow. */
  intersect(a: AllowedJurisdictions, b: AllowedJurisdictions): AllowedJurisdictions;
  isAllowedJurisdiction(jurisdiction: string, allowed: AllowedJurisdictions): boolean;
  /** The fewest names that expand to `allowed` (those not within another allowed one), sorted; for messages. */
  describe(allowed: AllowedJurisdictions): string[];
}

export function isAllowedJurisdiction(jurisdiction: string, allowed: AllowedJurisdictions): boolean {
  return allowed === ANY_JURISDICTION || allowed.has(jurisdiction);
}

export function createJurisdictionTree(
  declared: Readonly<Record<string, { readonly within?: string | undefined }>>,
  backendJurisdictions: readonly string[],
): JurisdictionTree {
  const parent = new Map<string, string | undefined>(Object.entries(declared).map(([name, j]) => [name, j.within]));
  for (const name of backendJurisdictions) if (!parent.has(name)) parent.set(name, undefined);

  /** `name` and every jurisdiction it lies within, innermost first (the schema refuses cycles). */
  function chain(name: string): string[] {
    const out: string[] = [];
    for (let at: string | undefined = name; at !== undefined && !out.includes(at); at = parent.get(at)) out.push(at);
    return out;
  }

  return {
    expand(names) {
      if (names.includes(ANY_JURISDICTION)) return ANY_JURISDICTION;
      const wanted = new Set(names);
      const allowed = new Set(names);
      for (const name of parent.keys()) if (chain(name).some((n) => wanted.has(n))) allowed.add(name);
      return allowed;
    },
    intersect(a, b) {
      if (a === ANY_JURISDICTION) return b;
      if (b === ANY_JURISDICTION) return a;
      return new Set([...a].filter((name) => b.has(name)));
    },
    isAllowedJurisdiction,
    describe(allowed) {
      if (allowed === ANY_JURISDICTION) return [ANY_JURISDICTION];
      return [...allowed].filter((name) => !chain(name).slice(1).some((outer) => allowed.has(outer))).sort();
    },
  };
}
