/**
 * The rule modules `airlock scan` runs, in one list, the catalogue of every rule id they (and the scanner
 * itself) can report, for the docs and for SARIF's rule metadata, and the reader of the project facts the
 * scanner's first pass collects (the Salesforce module's: it owns that metadata format). A new rule family is
 * one import and one entry in RULE_MODULES; nothing else in the scanner names rule modules.
 */
import { artifactRules } from './rules/artifacts.ts';
import { deploymentRules } from './rules/deployment.ts';
import { egressRules } from './rules/egress.ts';
import { keyRules } from './rules/keys.ts';
import { magentoRules } from './rules/magento.ts';
import { collectSalesforceFacts, isFactsFile, salesforceRules } from './rules/salesforce.ts';
import { wordpressRules } from './rules/wordpress.ts';
import { SUPPRESSION_RULES } from './suppress.ts';
import type { ProjectFacts, RuleInfo, ScanFile, ScanRule } from './types.ts';

export const RULE_MODULES: readonly ScanRule[] = [
  egressRules,
  keyRules,
  artifactRules,
  deploymentRules,
  salesforceRules,
  wordpressRules,
  magentoRules,
];

/** Every rule id the given modules and the scanner's own suppression checks can report, sorted by id. */
export function ruleCatalog(modules: readonly ScanRule[] = RULE_MODULES): RuleInfo[] {
  const byId = new Map<string, RuleInfo>();
  for (const info of [...modules.flatMap((m) => m.rules), ...SUPPRESSION_RULES]) {
    if (!byId.has(info.id)) byId.set(info.id, info);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Where the project facts come from: the files the first pass reads, and what it makes of them. */
export interface FactsReader {
  /** Whether the first pass reads a file, by its lower-case name. */
  readonly wants: (lowerName: string) => boolean;
  readonly collect: (files: Iterable<ScanFile>) => ProjectFacts;
}

export const FACTS_READER: FactsReader = { wants: isFactsFile, collect: collectSalesforceFacts };
