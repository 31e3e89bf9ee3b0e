/**
 * Tenant-defined regular expressions run on every prompt, so one that can backtrack catastrophically would let
 * a caller stall the gateway with a crafted prompt (ReDoS). Each pattern is proven safe by recheck's automaton
 * analysis when the configuration loads; a vulnerable or unprovable one is refused with the reason.
 */
import { checkSync } from 'recheck';

/** Patterns are matched with the `u` flag (Unicode aware) and globally. */
export const PATTERN_FLAGS = 'gu';

// Config validation and the pattern detector both ask; the analysis (tens of ms) runs once per pattern.
const VERDICTS = new Map<string, string | null>();

/** Why `source` may not be used as a detection pattern, or null when it is safe. */
export function patternProblem(source: string): string | null {
  let verdict = VERDICTS.get(source);
  if (verdict === undefined) VERDICTS.set(source, (verdict = analyse(source)));
  return verdict;
}

function analyse(source: string): string | null {
  let regex: RegExp;
  try {
    regex = new RegExp(source, PATTERN_FLAGS);
  } catch {
    return 'is not a valid regular expression';
  }
  if (regex.test('')) return 'matches the empty string';
  const diagnostics = checkSync(source, 'u', { timeout: 5000 });
  if (diagnostics.status === 'vulnerable') {
    return `can backtrack catastrophically (${diagnostics.complexity.summary} time on crafted input)`;
  }
  if (diagnostics.status === 'unknown') return 'could not be proven free of catastrophic backtracking';
  return null;
}
