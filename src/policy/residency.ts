/**
 * The residency decision: from a request's findings, the policy's classification and actions, and a level the
 * caller may add, it derives the request's level and the jurisdictions allowed to receive it. Each finding
 * requires its level's rule for values sent as they are (`allow`) or for values that were replaced (every other
 * action); the request may go only where every requirement holds, so rules combine by intersection and a
 * stricter rule can never be bypassed by a laxer one. Rule sets are expanded once per policy and intersections
 * cached, so a request costs a lookup per finding.
 */
import { ANY_JURISDICTION, type Action, type LevelRule, type PolicyConfig } from '../config/schema.ts';
import { LEVELS, maxLevel, type Finding, type Level } from '../entities.ts';
import type { AllowedJurisdictions, JurisdictionTree } from '../routing/jurisdictions.ts';
import { levelOf, type ClassificationTable } from './classification.ts';

/** The built-in rule per level (the design's default policy); a policy overrides levels one by one. */
export const DEFAULT_LEVEL_RULES: Readonly<Record<Level, LevelRule>> = {
  restricted: { jurisdictions: ['on-prem'], sanitized: ['on-prem'] },
  confidential: { jurisdictions: ['on-prem', 'EU'], sanitized: ['on-prem', 'EU'] },
  internal: { jurisdictions: [ANY_JURISDICTION], sanitized: [ANY_JURISDICTION] },
  public: { jurisdictions: [ANY_JURISDICTION], sanitized: [ANY_JURISDICTION] },
};

export interface ResidencyDecision {
  /** The highest level among the findings, the policy's base level and the caller's requested level. */
  readonly level: Level;
  /** Where this request may be processed. */
  readonly allowed: AllowedJurisdictions;
  /** `allowed` as the fewest names, for messages and explanations. */
  readonly allowedNames: readonly string[];
}

export interface ResidencyRules {
  readonly levels: Readonly<Record<Level, LevelRule>>;
  decide(findings: Iterable<Finding>, actions: ReadonlyMap<string, Action>, requested?: Level): ResidencyDecision;
}

/** Bit of (level, basis): 2·rank + (1 when the value was replaced). */
const RAW = 0;
const SANITIZED = 1;

export function resolveLevelRules(levels: PolicyConfig['levels']): Record<Level, LevelRule> {
  return Object.fromEntries(LEVELS.map((level) => [level, levels[level] ?? DEFAULT_LEVEL_RULES[level]])) as Record<Level, LevelRule>;
}

export function createResidencyRules(policy: PolicyConfig, classification: ClassificationTable, tree: JurisdictionTree): ResidencyRules {
  const levels = resolveLevelRules(policy.levels);
  const sets: AllowedJurisdictions[] = LEVELS.flatMap((level) => [tree.expand(levels[level].jurisdictions), tree.expand(levels[level].sanitized)]);
  const rank = new Map<Level, number>(LEVELS.map((level, i) => [level, i]));
  const cache = new Map<number, { allowed: AllowedJurisdictions; allowedNames: string[] }>();

  function combine(mask: number) {
    let entry = cache.get(mask);
    if (!entry) {
      let allowed: AllowedJurisdictions = ANY_JURISDICTION;
      sets.forEach((set, bit) => {
        if (mask & (1 << bit)) allowed = tree.intersect(allowed, set);
      });
      entry = { allowed, allowedNames: tree.describe(allowed) };
      cache.set(mask, entry);
    }
    return entry;
  }

  return {
    levels,
    decide(findings, actions, requested) {
      let level = maxLevel(policy.baseLevel, requested ?? policy.baseLevel);
      let mask = (1 << (2 * (rank.get(policy.baseLevel) as number) + RAW)) | (1 << (2 * (rank.get(level) as number) + RAW));
      for (const finding of findings) {
        const found = levelOf(finding, classification);
        level = maxLevel(level, found);
        const basis = actions.get(finding.type) === 'allow' ? RAW : SANITIZED;
        mask |= 1 << (2 * (rank.get(found) as number) + basis);
      }
      return { level, ...combine(mask) };
    },
  };
}
