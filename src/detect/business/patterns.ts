/**
 * Tenant-defined patterns (SKU or contract-number formats), run on the normalised text. Each pattern is proven
 * free of catastrophic backtracking before use (see config/regex-safety.ts); the configuration refuses unsafe
 * ones at load, and this module refuses them again for callers that build an engine without a configuration.
 */
import { PATTERN_FLAGS, patternProblem } from '../../config/regex-safety.ts';
import type { Detector, RawFinding } from '../types.ts';

export function compileBusinessPattern(source: string): RegExp {
  const problem = patternProblem(source);
  if (problem !== null) throw new Error(`business pattern ${problem}`);
  return new RegExp(source, PATTERN_FLAGS);
}

export function createPatternDetector(sources: readonly string[]): Detector {
  const patterns = sources.map(compileBusinessPattern);
  return {
    id: 'business.pattern',
    types: ['BUSINESS_PATTERN'],
    detect(text) {
      const findings: RawFinding[] = [];
      for (const pattern of patterns) {
        pattern.lastIndex = 0;
        for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
          if (match[0].length === 0) {
            pattern.lastIndex++;
            continue;
          }
          const end = match.index + match[0].length;
          findings.push({ type: 'BUSINESS_PATTERN', start: match.index, end, score: 0.9, detector: 'business.pattern' });
        }
      }
      return findings;
    },
  };
}
