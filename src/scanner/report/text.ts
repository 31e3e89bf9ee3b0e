/**
 * The human report of `airlock scan`: findings grouped by severity, critical first, each as
 * `file:line:col  ruleId  message` with its remediation indented below, then a summary block (files, size,
 * time, counts per severity, suppressions, skipped dependency files, warnings). Plain text without colours, so
 * it reads the same in a terminal and in a CI log.
 */
import type { ScanResult } from '../scan.ts';
import { SEVERITIES, type ScanFinding, type Severity } from '../types.ts';
import { WARNING_KINDS } from '../walker.ts';

const SAMPLE_LINES = 5;

export function renderText(result: ScanResult): string {
  const lines: string[] = [];
  const order = [...SEVERITIES].reverse();
  for (const severity of order) {
    const group = result.findings.filter((f) => f.severity === severity);
    if (group.length > 0) lines.push(...severityGroup(severity, group), '');
  }
  if (result.findings.length === 0) lines.push('No findings.', '');
  lines.push(...summaryBlock(result));
  return `${lines.join('\n')}\n`;
}

function severityGroup(severity: Severity, findings: readonly ScanFinding[]): string[] {
  const lines = [`${severity.toUpperCase()} (${findings.length})`];
  for (const f of findings) {
    lines.push(`  ${f.file}:${f.line}:${f.column}  ${f.ruleId}  ${f.message}`);
    lines.push(`      ${f.remediation}`);
  }
  return lines;
}

function summaryBlock(result: ScanResult): string[] {
  const s = result.summary;
  const lines = [
    'Summary',
    `  Scanned       ${count(s.filesScanned)} files, ${megabytes(s.bytesScanned)} in ${seconds(result.durationMs)}`,
    `  Findings      ${order(s.bySeverity)}`,
    `  Suppressed    ${count(s.suppressed.inline)} by airlock-ignore comments, ${count(s.suppressed.baseline)} by the baseline`,
    `  Dependencies  ${dependencyLine(s.skippedDependencyFiles, s.includeDeps)}`,
    `  Warnings      ${warningLine(s.warnings)}`,
  ];
  for (const sample of result.warningSamples.slice(0, SAMPLE_LINES)) {
    lines.push(`                ${sample.kind}: ${sample.path} (${sample.detail})`);
  }
  return lines;
}

function order(bySeverity: Record<Severity, number>): string {
  return [...SEVERITIES].reverse().map((s) => `${count(bySeverity[s])} ${s}`).join(', ');
}

function dependencyLine(skipped: number, included: boolean): string {
  if (included) return 'node_modules/ and vendor/ scanned (--include-deps)';
  if (skipped === 0) return 'none found in node_modules/ or vendor/';
  return `${count(skipped)} files in node_modules/ and vendor/ not scanned (--include-deps scans them)`;
}

function warningLine(warnings: Record<string, number>): string {
  const parts = WARNING_KINDS.filter((k) => (warnings[k] ?? 0) > 0).map((k) => `${count(warnings[k] ?? 0)} ${k}`);
  return parts.length === 0 ? 'none' : parts.join(', ');
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
