/**
 * The JSON report of `airlock scan`: `{ version: 1, findings, summary, warnings }`, one object for tools that
 * post-process results. Findings carry their fingerprint (the baseline key), the summary its duration, and
 * `warnings` lists the first skipped files with the reason.
 */
import type { ScanResult } from '../scan.ts';

export const JSON_REPORT_VERSION = 1;

export function renderJson(result: ScanResult): string {
  const report = {
    version: JSON_REPORT_VERSION,
    findings: result.findings,
    summary: { ...result.summary, durationMs: Math.round(result.durationMs) },
    warnings: result.warningSamples,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
