/**
 * A tenant's business-confidential rules turned into detectors: term dictionaries, custom patterns and
 * sensitive JSON fields. Built once per policy when the configuration loads, so a bad rule fails the load.
 * Rules that carry their own classification level get detectors of their own, which stamp that level on what
 * they find; the others are classified by their type.
 */
import type { BusinessRuleEntry } from '../../config/schema.ts';
import { maxLevel, type Level } from '../../entities.ts';
import { foldString } from './fold.ts';
import type { Detector } from '../types.ts';
import { canonicalFieldName, createJsonFieldDetector } from './json-fields.ts';
import { createPatternDetector } from './patterns.ts';
import { createTermDetector } from './terms.ts';

export type { BusinessRuleEntry } from '../../config/schema.ts';

export interface BusinessRules {
  readonly terms?: readonly BusinessRuleEntry[];
  readonly patterns?: readonly BusinessRuleEntry[];
  readonly jsonFields?: readonly BusinessRuleEntry[];
}

export function createBusinessDetectors(rules: BusinessRules): Detector[] {
  return [
    ...byLevel(rules.terms, createTermDetector, (term) => foldString(term.trim().replace(/\s+/g, ' '))),
    ...byLevel(rules.patterns, createPatternDetector, (source) => source),
    ...byLevel(rules.jsonFields, createJsonFieldDetector, canonicalFieldName),
  ];
}

export function ruleText(rule: BusinessRuleEntry): string {
  return typeof rule === 'string' ? rule : rule.value;
}

export function ruleLevel(rule: BusinessRuleEntry): Level | undefined {
  return typeof rule === 'string' ? undefined : rule.level;
}

/**
 * One detector per distinct level among the rules (one for the unlevelled ones), each stamping its level. A rule
 * listed at several levels (in any spelling that matches the same text) keeps only the highest; an unlevelled
 * duplicate of a levelled rule is dropped, since a policy gives every rule a level before building its engine.
 */
function byLevel(rules: readonly BusinessRuleEntry[] | undefined, create: (texts: string[]) => Detector, keyOf: (text: string) => string): Detector[] {
  if (!rules?.length) return [];
  const strongest = new Map<string, { text: string; level: Level | undefined }>();
  for (const rule of rules) {
    const key = keyOf(ruleText(rule));
    const known = strongest.get(key);
    const level = ruleLevel(rule);
    if (!known || (level !== undefined && (known.level === undefined || maxLevel(known.level, level) !== known.level))) {
      strongest.set(key, { text: ruleText(rule), level });
    }
  }
  const groups = new Map<Level | undefined, string[]>();
  for (const { text, level } of strongest.values()) groups.set(level, [...(groups.get(level) ?? []), text]);
  return [...groups].map(([level, texts]) => (level === undefined ? create(texts) : withLevel(create(texts), level)));
}

function withLevel(detector: Detector, level: Level): Detector {
  return { ...detector, detect: (text) => detector.detect(text).map((finding) => ({ ...finding, level })) };
}
