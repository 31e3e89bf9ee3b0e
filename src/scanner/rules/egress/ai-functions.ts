/**
 * Which functions of a file end in an AI call: those whose body holds an egress site's call, and, transitively,
 * those that call such a function by name (`$this->ask_openai()`, `self::complete()`, `helper()`). Used to decide
 * whether an entry point (an AJAX action, a REST route) triggers inference. Names compare as PHP does
 * (case-insensitively); a name defined twice counts when either definition calls AI.
 */

import { dataIn, type DataSeen } from './data.ts';
import type { Scope } from './scopes.ts';
import type { Site } from './sites.ts';
import { isPunct, nameKey, type Source } from './source.ts';
import { calleeAt, type Range } from './syntax.ts';

/** Function name (as nameKey gives it) → a site it reaches. */
export type AiFunctions = ReadonlyMap<string, Site>;

export function aiFunctions(source: Source, sites: readonly Site[]): AiFunctions {
  const found = new Map<string, Site>();
  const named = source.scopes.filter((scope): scope is Scope & { name: string } => scope.name !== null);
  for (const scope of named) {
    const site = sites.find((s) => s.calls.some((call) => call >= scope.from && call < scope.to));
    if (site !== undefined) found.set(nameKey(source, scope.name), site);
  }
  const callees = new Map(named.map((scope) => [scope, calledNames(source, scope)]));
  for (let changed = true, rounds = 0; changed && rounds < 16; rounds++) {
    changed = false;
    for (const scope of named) {
      const key = nameKey(source, scope.name);
      if (found.has(key)) continue;
      const reached = (callees.get(scope) ?? []).map((name) => found.get(name)).find((site) => site !== undefined);
      if (reached !== undefined) {
        found.set(key, reached);
        changed = true;
      }
    }
  }
  return found;
}

function calledNames(source: Source, range: Range): string[] {
  const names: string[] = [];
  for (let i = range.from; i < range.to; i++) {
    if (!isPunct(source.tokens[i], '(')) continue;
    const name = calleeAt(source, i)?.path.at(-1);
    if (name !== undefined) names.push(nameKey(source, name));
  }
  return names;
}

/** A site whose call lies in the range, or the site of an AI function called there. */
export function siteInRange(source: Source, range: Range, functions: AiFunctions, sites: readonly Site[]): Site | null {
  const direct = sites.find((site) => site.calls.some((call) => call >= range.from && call < range.to));
  if (direct !== undefined) return direct;
  return calledNames(source, range).map((name) => functions.get(name)).find((site) => site !== undefined) ?? null;
}

/** Data seen in the named function(s) or, for an inline handler, in its range's function, joined with the site's. */
export function handlerData(source: Source, handler: string | Range, site: Site): DataSeen {
  const scopes = typeof handler === 'string'
    ? source.scopes.filter((scope) => scope.name !== null && nameKey(source, scope.name) === nameKey(source, handler))
    : source.scopes.filter((scope) => scope.from > handler.from && scope.to <= handler.to).slice(0, 1);
  const own = dataIn(source, scopes);
  const data = [...new Set([...own.data, ...site.data.data])].sort();
  const evidence = [...new Set([...own.evidence, ...site.data.evidence])].slice(0, 8);
  return { data, evidence };
}
