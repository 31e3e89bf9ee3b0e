/**
 * What the readers hand to scan and sanitize: records with their values, records that could not be read, and
 * lines that are copied as they are (a blank JSONL line, the CSV header). `T` is a record's output form: a
 * JSONL line, or a CSV row.
 */
import type { InvalidRecord } from './tally.ts';
import type { RecordShape, ValueUnit } from './walk.ts';

export interface RecordItem<T> {
  readonly kind: 'record';
  /** The line the record starts on, from 1. */
  readonly line: number;
  readonly shape: RecordShape | 'row';
  readonly units: readonly ValueUnit[];
  /** The record to write: as read when nothing changed, else re-serialised with the units' writes. */
  output(changed: boolean): T;
}

export type DatasetItem<T> =
  | RecordItem<T>
  | { readonly kind: 'invalid'; readonly entry: InvalidRecord }
  | { readonly kind: 'verbatim'; readonly output: T };
