/**
 * The reports of `dataset scan` and `dataset sanitize`, as JSON (the documented shape, docs/dataset.md) or as
 * text. Both carry counts, field names, line numbers and offsets — never a value from the file.
 */
import { basename } from 'node:path';
import type { Action } from '../config/schema.ts';
import type { EntityType } from '../entities.ts';
import type { TenantPolicy } from '../pipeline/tenant-policies.ts';
import type { FileDigest } from './digest.ts';
import type { SanitizeResult } from './sanitize.ts';
import type { DatasetFormat } from './source.ts';
import { MAX_LISTED, type BlockedRecord, type Example, type InvalidRecord, type Tally } from './tally.ts';

export interface ReportContext {
  readonly path: string;
  readonly format: DatasetFormat;
  readonly tenant: string;
  readonly policy: TenantPolicy;
}

type Counts = Record<string, number>;

function sortedCounts(map: ReadonlyMap<string, number>): Counts {
  return Object.fromEntries([...map].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));
}

function findingsJson(tally: Tally, policy: TenantPolicy) {
  const byType = sortedCounts(tally.byType);
  const actions = Object.fromEntries(Object.keys(byType).map((t) => [t, policy.actions.get(t as EntityType) as Action]));
  const byField = Object.fromEntries([...tally.byField].sort(([a], [b]) => (a < b ? -1 : 1)).map(([field, counts]) => [field, sortedCounts(counts)]));
  return { values: tally.values, findings: tally.findings, byType, actions, byField };
}

function recordsJson(tally: Tally) {
  const byShape = Object.fromEntries(Object.entries(tally.shapes).filter(([, n]) => n > 0));
  return { total: tally.records, invalid: tally.invalidCount, blocked: tally.blockedCount, byShape };
}

function examplesJson(tally: Tally): Record<string, Omit<Example, 'type'>[]> {
  const sorted = [...tally.examples].sort(([a], [b]) => (a < b ? -1 : 1));
  return Object.fromEntries(sorted.map(([type, list]) => [type, list.map(({ line, path, start, end }) => ({ line, path, start, end }))]));
}

export function scanJson(ctx: ReportContext, tally: Tally, input: FileDigest) {
  return {
    file: { name: basename(ctx.path), format: ctx.format, sha256: input.sha256, bytes: input.bytes },
    tenant: ctx.tenant,
    policy: { name: ctx.policy.name, hash: ctx.policy.hash },
    records: recordsJson(tally),
    ...findingsJson(tally, ctx.policy),
    examples: examplesJson(tally),
    invalid: tally.invalid,
    blocked: tally.blocked,
  };
}

export function sanitizeJson(ctx: ReportContext, out: string, result: SanitizeResult, lineageSeq: number | null) {
  const { tally } = result;
  return {
    input: { name: basename(ctx.path), format: ctx.format, ...result.input },
    output: { name: basename(out), ...result.output },
    tenant: ctx.tenant,
    policy: { name: ctx.policy.name, hash: ctx.policy.hash },
    records: recordsJson(tally),
    dropped: result.dropped,
    ...findingsJson(tally, ctx.policy),
    invalid: tally.invalid,
    blocked: tally.blocked,
    lineage: lineageSeq === null ? null : { seq: lineageSeq },
  };
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ')}`.trimEnd();
  return [line(headers), ...rows.map(line)];
}

function recordLine(tally: Tally): string {
  const shapes = Object.entries(tally.shapes).filter(([, n]) => n > 0).map(([shape, n]) => `${n} ${shape === 'row' ? 'rows' : shape}`);
  const parts = [`${tally.records} records${shapes.length > 0 ? ` (${shapes.join(', ')})` : ''}`];
  if (tally.invalidCount > 0) parts.push(`${tally.invalidCount} invalid`);
  return parts.join(', ');
}

function findingLines(tally: Tally, policy: TenantPolicy): string[] {
  const { byType, actions, byField } = findingsJson(tally, policy);
  const lines = [`Findings  ${tally.findings} found in ${tally.values} values`];
  if (tally.findings === 0) return lines;
  lines.push(...table(['TYPE', 'COUNT', 'ACTION'], Object.entries(byType).map(([t, n]) => [t, String(n), actions[t] ?? ''])));
  const fieldRows = Object.entries(byField).flatMap(([field, counts]) => Object.entries(counts).map(([t, n]) => [field, t, String(n)]));
  lines.push('By field', ...table(['FIELD', 'TYPE', 'COUNT'], fieldRows));
  return lines;
}

function invalidText(entry: InvalidRecord): string {
  return `${entry.lastLine === undefined ? `line ${entry.line}` : `lines ${entry.line}-${entry.lastLine}`}: ${entry.reason}`;
}

function listLines(title: string, total: number, lines: readonly string[]): string[] {
  if (total === 0) return [];
  const more = total > lines.length ? [`  … and ${total - lines.length} more (the first ${MAX_LISTED} are listed)`] : [];
  return [title, ...lines.map((l) => `  ${l}`), ...more];
}

function droppedLines(tally: Tally, verb: string): string[] {
  const blocked = (b: BlockedRecord) => `line ${b.line}: ${b.types.join(', ')}`;
  return [
    ...listLines('Invalid records', tally.invalidCount, tally.invalid.map(invalidText)),
    ...listLines(`Records ${verb} by a block action`, tally.blockedCount, tally.blocked.map(blocked)),
  ];
}

export function scanText(ctx: ReportContext, tally: Tally, input: FileDigest): string {
  const sorted = [...tally.examples].sort(([a], [b]) => (a < b ? -1 : 1));
  const examples = sorted.flatMap(([type, list]) => list.map((e) => [type, String(e.line), e.path, `${e.start}-${e.end}`]));
  const lines = [
    `File      ${basename(ctx.path)} (${ctx.format}, ${input.bytes} bytes, sha256 ${input.sha256})`,
    `Policy    ${ctx.policy.name} (${ctx.policy.hash}), tenant ${ctx.tenant}`,
    `Records   ${recordLine(tally)}`,
    ...findingLines(tally, ctx.policy),
    ...(examples.length > 0 ? ['Examples (positions only)', ...table(['TYPE', 'LINE', 'PATH', 'OFFSETS'], examples)] : []),
    ...droppedLines(tally, 'a sanitize run would drop'),
  ];
  return `${lines.join('\n')}\n`;
}

export function sanitizeText(ctx: ReportContext, out: string, result: SanitizeResult, lineageSeq: number | null): string {
  const { tally, input, output } = result;
  const lines = [
    `Input     ${basename(ctx.path)} (${ctx.format}, ${input.bytes} bytes, ${input.records} records, sha256 ${input.sha256})`,
    `Output    ${basename(out)} (${output.bytes} bytes, ${output.records} records, sha256 ${output.sha256})`,
    `Policy    ${ctx.policy.name} (${ctx.policy.hash}), tenant ${ctx.tenant}`,
    `Dropped   ${result.dropped} (${tally.blockedCount} blocked, ${tally.invalidCount} invalid)`,
    ...findingLines(tally, ctx.policy),
    ...droppedLines(tally, 'dropped'),
    `Lineage   ${lineageSeq === null ? 'none' : `audit event ${lineageSeq} (dataset.sanitized)`}`,
  ];
  return `${lines.join('\n')}\n`;
}
