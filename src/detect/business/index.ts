/**
 * A tenant's business-confidential rules turned into detectors: term dictionaries, custom patterns and
 * sensitive JSON fields. Built once per policy when the configuration loads, so a bad rule fails the load.
 * Rules that carry their own classification level get detectors of their own, which stamp that level on what
 * they find; the others are classified by their type.
 */
import type { BusinessRuleEntry } from '../../config/schema.ts';
import type { Level } from '../../entities.ts';
import type { Detector } from '../types.ts';
import { createJsonFieldDetector } from './json-fields.ts';
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
    ...byLevel(rules.terms, createTermDetector),
    ...byLevel(rules.patterns, createPatternDetector),
    ...byLevel(rules.jsonFields, createJsonFieldDetector),
  ];
}

export function ruleText(rule: BusinessRuleEntry): string {
  return typeof rule === 'string' ? rule : rule.value;
}

export function ruleLevel(rule: BusinessRuleEntry): Level | undefined {
  return typeof rule === 'string' ? undefined : rule.level;
}

/** One detector per distinct level among the rules (one for the unlevelled ones), each stamping its level. */
function byLevel(rules: readonly BusinessRuleEntry[] | undefined, create: (texts: string[]) => Detector): Detector[] {
  if (!rules?.length) return [];
  const groups = new Map<Level | undefined, string[]>();
  for (const rule of rules) {
    const level = ruleLevel(rule);
    const texts = groups.get(level) ?? [];
    texts.push(ruleText(rule));
    groups.set(level, texts);
  }
  return [...groups].map(([level, texts]) => (level === undefined ? create(texts) : withLevel(create(texts), level)));
}

function withLevel(detector: Detector, level: Level): Detector {
  return { ...detector, detect: (text) => detector.detect(text).map((finding) => ({ ...finding, level })) };
}
