/**
 * Egress to hosted AI in source code (PHP, JavaScript/TypeScript, Python, Apex): endpoint URLs and hosts used as
 * data (`egress.host-literal`), SDK clients created without a URL (`egress.sdk`; a base URL on a gateway or
 * self-hosted host is no finding, one on another provider names that provider), Apex `callout:NAME` resolved
 * through the project's Named Credentials (`egress.apex-callout`), and CORS that reflects any Origin with
 * credentials in files that call AI (`cors.reflected-origin-ai`). The analysis lives in egress/.
 */

import type { ProjectFacts, ScanFile, ScanFinding, ScanRule } from '../types.ts';
import { analyzeEgress } from './egress/analyze.ts';
import { EGRESS_RULES } from './egress/findings.ts';
import { languageOf } from './egress/tokens.ts';

export const egressRules: ScanRule = {
  rules: EGRESS_RULES,
  applies(file: ScanFile): boolean {
    return file.text !== null && languageOf(file.extension) !== null;
  },
  scan(file: ScanFile, facts?: ProjectFacts): ScanFinding[] {
    return [...(analyzeEgress(file, facts)?.findings ?? [])];
  },
};
