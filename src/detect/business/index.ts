/**
 * A tenant's business-confidential rules turned into detectors: term dictionaries, custom patterns and
 * sensitive JSON fields. Built once per policy when the configuration loads, so a bad rule fails the load.
 */
import type { Detector } from '../types.ts';
import { createJsonFieldDetector } from './json-fields.ts';
import { createPatternDetector } from './patterns.ts';
import { createTermDetector } from './terms.ts';

export interface BusinessRules {
  readonly terms?: readonly string[];
  readonly patterns?: readonly string[];
  readonly jsonFields?: readonly string[];
}

export function createBusinessDetectors(rules: BusinessRules): Detector[] {
  const detectors: Detector[] = [];
  if (rules.terms?.length) detectors.push(createTermDetector(rules.terms));
  if (rules.patterns?.length) detectors.push(createPatternDetector(rules.patterns));
  if (rules.jsonFields?.length) detectors.push(createJsonFieldDetector(rules.jsonFields));
  return detectors;
}
