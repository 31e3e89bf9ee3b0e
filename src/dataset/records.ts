/**
 * What scan and sanitize share: the run's settings and the inspection of one record — every value through the
 * tenant policy's engine, counted into the tally — and whether the policy would drop it (a `block` finding).
 */
import type { EntityType, Finding } from '../entities.ts';
import type { TenantPolicy } from '../pipeline/tenant-policies.ts';
import type { RecordItem } from './items.ts';
import { blockedTypes, findingsOf } from './rewrite.ts';
import type { DatasetFormat } from './source.ts';
import type { Tally } from './tally.ts';

export interface DatasetRun {
  readonly path: string;
  readonly format: DatasetFormat;
  readonly policy: TenantPolicy;
  /** The longest record read: a longer JSONL line or CSV row is an invalid record, never buffered whole. */
  readonly maxRecordBytes: number;
  /** Examples kept per entity type. */
  readonly examples: number;
}

export interface InspectedRecord {
  /** Per unit, in the item's unit order. */
  readonly findings: readonly (readonly Finding[])[];
  /** Types whose action is `block`; empty when the record may be written. */
  readonly blocked: readonly EntityType[];
}

export function inspectRecord(item: RecordItem<unknown>, policy: TenantPolicy, tally: Tally): InspectedRecord {
  tally.record(item.shape);
  const findings = item.units.map((unit) => {
    const found = findingsOf(policy.engine, unit);
    tally.value(item.line, unit.path, unit.field, found);
    return found;
  });
  const blocked = blockedTypes(findings, policy.actions);
  if (blocked.length > 0) tally.blockedRecord({ line: item.line, types: blocked });
  return { findings, blocked };
}
