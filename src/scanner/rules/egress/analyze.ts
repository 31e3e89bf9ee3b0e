/**
 * One pass of the egress analysis over a file: lex it, find the AI egress sites, and turn them (plus reflected
 * CORS in files that have such sites) into findings. The result is kept per file object, because the WordPress
 * rules read the same sites to decide whether an unauthenticated handler ends in an AI call.
 */

import type { ProjectFacts, ScanFile, ScanFinding } from '../../types.ts';
import { reflectedOrigins } from './cors.ts';
import { corsFinding, siteFinding } from './findings.ts';
import { mayHaveEgress } from './prefilter.ts';
import { findSites, type Site } from './sites.ts';
import { lexSource, type Source } from './source.ts';
import { languageOf } from './tokens.ts';

export interface EgressAnalysis {
  readonly source: Source;
  readonly sites: readonly Site[];
  readonly findings: readonly ScanFinding[];
}

const cache = new WeakMap<ScanFile, { readonly facts: ProjectFacts | undefined; readonly analysis: EgressAnalysis }>();

/**
 * The egress analysis of a source file in a supported language; null for other files and for files that cannot have
 * an egress site (no provider host, SDK name or `callout:` in them: see prefilter.ts), which are never lexed.
 */
export function analyzeEgress(file: ScanFile, facts?: ProjectFacts, options: { prefilter?: boolean } = {}): EgressAnalysis | null {
  const language = languageOf(file.extension);
  if (language === null || file.text === null) return null;
  if (options.prefilter !== false && !mayHaveEgress(file.text)) return null;
  const cached = cache.get(file);
  if (cached !== undefined && cached.facts === facts) return cached.analysis;
  const source = lexSource(language, file.text);
  const sites = findSites(source, facts);
  const findings = sites.map((site) => siteFinding(source, file.path, site));
  const first = sites[0];
  if (first !== undefined) findings.push(...reflectedOrigins(source).map((at) => corsFinding(source, file.path, at, first)));
  const analysis = { source, sites, findings: dedupe(findings) };
  cache.set(file, { facts, analysis });
  return analysis;
}

function dedupe(findings: readonly ScanFinding[]): ScanFinding[] {
  const seen = new Set<string>();
  return findings
    .filter((finding) => {
      const key = `${finding.ruleId}:${finding.line}:${finding.column}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}
