/**
 * Test events for the audit store tests: a small AppendItem whose encoding is JSON carrying the sequence
 * number the store assigned, so a test (or a crash check) can tell from a row's bytes alone which seq it was
 * written for and by whom.
 */
import type { AppendItem } from '../../../src/audit/store.ts';

export interface TestEvent extends AppendItem {
  /** Who wrote it and which of theirs it is, e.g. "w1:17"; "poison" makes `encodeEvent` throw. */
  readonly id: string;
}

export interface DecodedEvent {
  readonly seq: number;
  readonly id: string;
  readonly time: string;
  readonly kind: string;
  readonly tenant: string | null;
}

const BASE_TIME = Date.parse('2025-01-01T00:00:00.000Z');

/** Event n of a writer; time advances one second per n so time filters have something to select. */
export function testEvent(id: string, n: number, overrides: Partial<TestEvent> = {}): TestEvent {
  return { id, time: new Date(BASE_TIME + n * 1000).toISOString(), kind: 'request', tenant: 'acme', ...overrides };
}

export const POISON_ID = 'poison';

export function encodeEvent(item: TestEvent, seq: number): Buffer {
  if (item.id === POISON_ID) throw new Error(`encode refused the poison event at seq ${seq}`);
  const decoded: DecodedEvent = { seq, id: item.id, time: item.time, kind: item.kind, tenant: item.tenant };
  return Buffer.from(JSON.stringify(decoded));
}

export function decodeEvent(body: Buffer): DecodedEvent {
  return JSON.parse(body.toString('utf8')) as DecodedEvent;
}
