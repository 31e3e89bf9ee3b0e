/**
 * What a scan or sanitize run counts, in memory that does not grow with the file: totals per entity type and
 * per field (at most MAX_FIELDS distinct fields, the rest pooled), examples by position only (line, field path,
 * type, offsets — never the value), at most N per type, and the first MAX_LISTED invalid and dropped records by
 * line, with exact totals for all of them.
 */
import type { EntityType, Finding } from '../entities.ts';
import type { RecordShape } from './walk.ts';

const MAX_FIELDS = 1000;
export const MAX_LISTED = 100;
const OTHER_FIELDS = '(other fields)';

export interface Example {
  readonly line: number;
  readonly path: string;
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
}

/** A record that could not be read; `lastLine` when it spans several lines (CSV). */
export interface InvalidRecord {
  readonly line: number;
  readonly lastLine?: number;
  readonly reason: string;
}

export interface BlockedRecord {
  readonly line: number;
  readonly types: readonly EntityType[];
}

export class Tally {
  records = 0;
  values = 0;
  findings = 0;
  invalidCount = 0;
  blockedCount = 0;
  readonly shapes: Record<RecordShape | 'row', number> = { chat: 0, 'prompt-completion': 0, other: 0, row: 0 };
  readonly byType = new Map<EntityType, number>();
  readonly byField = new Map<string, Map<EntityType, number>>();
  readonly examples = new Map<EntityType, Example[]>();
  readonly invalid: InvalidRecord[] = [];
  readonly blocked: BlockedRecord[] = [];
  private readonly examplesPerType: number;

  constructor(examplesPerType: number) {
    this.examplesPerType = examplesPerType;
  }

  record(shape: RecordShape | 'row'): void {
    this.records++;
    this.shapes[shape]++;
  }

  invalidRecord(entry: InvalidRecord): void {
    this.records++;
    this.invalidCount++;
    if (this.invalid.length < MAX_LISTED) this.invalid.push(entry);
  }

  blockedRecord(entry: BlockedRecord): void {
    this.blockedCount++;
    if (this.blocked.length < MAX_LISTED) this.blocked.push(entry);
  }

  /** Counts one value's findings; `line` is where its record starts. */
  value(line: number, path: string, field: string, findings: readonly Finding[]): void {
    this.values++;
    if (findings.length === 0) return;
    const perField = this.fieldCounts(field);
    for (const f of findings) {
      this.findings++;
      this.byType.set(f.type, (this.byType.get(f.type) ?? 0) + 1);
      perField.set(f.type, (perField.get(f.type) ?? 0) + 1);
      this.example({ line, path, type: f.type, start: f.start, end: f.end });
    }
  }

  private fieldCounts(field: string): Map<EntityType, number> {
    let counts = this.byField.get(field);
    if (counts !== undefined) return counts;
    const key = this.byField.size < MAX_FIELDS ? field : OTHER_FIELDS;
    counts = this.byField.get(key) ?? new Map<EntityType, number>();
    this.byField.set(key, counts);
    return counts;
  }

  private example(example: Example): void {
    if (this.examplesPerType === 0) return;
    const list = this.examples.get(example.type) ?? [];
    if (list.length >= this.examplesPerType) return;
    list.push(example);
    this.examples.set(example.type, list);
  }
}
