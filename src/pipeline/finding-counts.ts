/**
 * A request's findings as counts — by type, and by "TYPE:action" under its policy — for the log line, the
 * metrics and the audit events. Counts only: a value found never leaves inspection.
 */
import type { RequestContext } from './context.ts';

export interface FindingCounts {
  readonly byType: Record<string, number>;
  readonly byAction: Record<string, number>;
}

/** Undefined before inspection ran (the request was refused earlier). */
export function countFindings(ctx: RequestContext): FindingCounts | undefined {
  const { inspection, policy } = ctx;
  if (!inspection || !policy) return undefined;
  const byType: Record<string, number> = {};
  const byAction: Record<string, number> = {};
  for (const unit of inspection.units) {
    for (const finding of unit.findings) {
      byType[finding.type] = (byType[finding.type] ?? 0) + 1;
      const key = `${finding.type}:${policy.actions.get(finding.type) ?? 'unknown'}`;
      byAction[key] = (byAction[key] ?? 0) + 1;
    }
  }
  return { byType, byAction };
}
