/**
 * The SARIF 2.1.0 report of `airlock scan`, for GitHub code scanning and other CI tools: one run whose driver
 * lists every rule the scan could report (so a rule with no result still has its description), results with
 * the rule index, a level from the severity (critical/high → error, medium → warning, low/info → note),
 * locations relative to `SRCROOT` (the scanned directory, left unresolved so no local path leaks), the
 * baseline fingerprint as a partial fingerprint (so code scanning tracks an alert across line moves as the
 * baseline does) and GitHub's `security-severity` on each rule.
 */
import type { FingerprintedFinding } from '../baseline.ts';
import type { ScanResult } from '../scan.ts';
import type { RuleInfo, Severity } from '../types.ts';

const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = 'SRCROOT';
/** Key of the partial fingerprint: our scheme, versioned in case it ever changes. */
export const FINGERPRINT_KEY = 'airlockFingerprint/v1';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** GitHub's scale: ≥ 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low; info findings get none. */
const SECURITY_SEVERITY: Record<Severity, string | undefined> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: undefined };

export function renderSarif(result: ScanResult): string {
  const rules = rulesFor(result);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'airlock', rules: rules.map(ruleDescriptor) } },
      originalUriBaseIds: { [SRCROOT]: { description: { text: 'The directory given to airlock scan.' } } },
      columnKind: 'utf16CodeUnits',
      results: result.findings.map((f) => sarifResult(f, index.get(f.ruleId) ?? 0)),
      invocations: [invocation(result)],
      properties: { summary: { ...result.summary, durationMs: Math.round(result.durationMs) } },
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** The run's rule catalogue, plus a plain descriptor for any reported rule id the catalogue lacks. */
function rulesFor(result: ScanResult): RuleInfo[] {
  const known = new Set(result.rules.map((r) => r.id));
  const extra = new Map<string, RuleInfo>();
  for (const f of [...result.findings, ...result.baselined]) {
    if (!known.has(f.ruleId) && !extra.has(f.ruleId)) {
      extra.set(f.ruleId, { id: f.ruleId, severity: f.severity, summary: f.message, remediation: f.remediation });
    }
  }
  return [...result.rules, ...extra.values()];
}

function ruleDescriptor(rule: RuleInfo) {
  const securitySeverity = SECURITY_SEVERITY[rule.severity];
  return {
    id: rule.id,
    shortDescription: { text: rule.summary },
    fullDescription: { text: `${rule.summary} ${rule.remediation}` },
    help: { text: rule.remediation },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', `airlock/${rule.id.split('.')[0] ?? rule.id}`],
      severity: rule.severity,
      ...(securitySeverity === undefined ? {} : { 'security-severity': securitySeverity }),
    },
  };
}

function sarifResult(finding: FingerprintedFinding, ruleIndex: number) {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: relativeUri(finding.file), uriBaseId: SRCROOT },
        region: { startLine: finding.line, startColumn: finding.column },
      },
    }],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    properties: { ...finding.properties, severity: finding.severity, remediation: finding.remediation },
  };
}

/** Files the scan skipped become tool notifications, so CI shows that coverage was incomplete. */
function invocation(result: ScanResult) {
  return {
    executionSuccessful: true,
    toolExecutionNotifications: result.warningSamples.map((w) => ({
      descriptor: { id: `scan.${w.kind}` },
      level: 'warning' as const,
      message: { text: `${w.kind}: ${w.detail}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(w.path), uriBaseId: SRCROOT } } }],
    })),
  };
}

/** A relative URI reference for a `/`-separated path: each segment percent-encoded (spaces, `#`, `%`, `?`). */
export function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
