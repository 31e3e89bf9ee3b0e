/**
 * The lineage record of a sanitize run: a `dataset.sanitized` event in the configured audit log, naming the
 * input and the output by base name, SHA-256, size and record count, with the policy's name and hash, the
 * tenant, the counts of values found by type and the records dropped. Hashes and counts only: no path beyond
 * the base name, no value. The event is durable (and in the next signed checkpoint) when `recordLineage` resolves.
 */
import { basename } from 'node:path';
import { pino } from 'pino';
import type { DatasetSanitizedEvent } from '../audit/events.ts';
import { openConfiguredAuditLog } from '../audit/open.ts';
import type { AirlockConfig } from '../config/schema.ts';
import type { TenantPolicy } from '../pipeline/tenant-policies.ts';
import type { SanitizeResult } from './sanitize.ts';

export type LineageEvent = Omit<DatasetSanitizedEvent, 'v' | 'seq'>;

export interface LineageInput {
  readonly inputPath: string;
  readonly outputPath: string;
  readonly tenant: string;
  readonly policy: TenantPolicy;
  readonly result: SanitizeResult;
  readonly time?: Date;
}

export function lineageEvent(input: LineageInput): LineageEvent {
  const { result } = input;
  const counts = Object.fromEntries([...result.tally.byType].sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    kind: 'dataset.sanitized',
    time: (input.time ?? new Date()).toISOString(),
    tenant: input.tenant,
    input: { name: basename(input.inputPath), sha256: result.input.sha256, bytes: result.input.bytes, records: result.input.records },
    output: { name: basename(input.outputPath), sha256: result.output.sha256, bytes: result.output.bytes, records: result.output.records },
    policy: { name: input.policy.name, hash: input.policy.hash },
    counts,
    dropped: result.dropped,
  };
}

/** Appends the event and closes the log; resolves with its sequence number, rejects when it was not written. */
export async function recordLineage(config: AirlockConfig, event: LineageEvent): Promise<number> {
  const log = await openConfiguredAuditLog(config, pino({ level: 'silent' }));
  let seq: number;
  try {
    seq = await log.append(event);
  } catch (err) {
    await log.close().catch(() => undefined);
    throw err;
  }
  // The event is durable once append resolved: a failure to sign the last checkpoint now is made good next time.
  await log.close().catch(() => undefined);
  return seq;
}
