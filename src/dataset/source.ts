/**
 * Opening a dataset: the format from `--input-format` or the file's extension, a read stream hashed as it is
 * consumed, and the reader for the format. Only one chunk, one record and the parser's small buffer are ever
 * held, whatever the file's size.
 */
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import type { DetectionEngine } from '../detect/engine.ts';
import { CSV, csvItems, TSV, type CsvDialect } from './csv.ts';
import { DigestTap, type FileDigest } from './digest.ts';
import type { DatasetItem } from './items.ts';
import { jsonlItems } from './jsonl.ts';

export const DATASET_FORMATS = ['jsonl', 'csv', 'tsv'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, DatasetFormat>> = { '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv', '.tsv': 'tsv', '.tab': 'tsv' };

/**
 * The format named, or the one the extension implies; undefined when neither says. `.json` implies nothing: it
 * is as often one document (an array) as one object per line, so it needs `--input-format jsonl`.
 */
export function formatOf(path: string, named?: string): DatasetFormat | undefined {
  if (named !== undefined) return DATASET_FORMATS.find((f) => f === named);
  return BY_EXTENSION[extname(path).toLowerCase()];
}

export function dialectOf(format: 'csv' | 'tsv'): CsvDialect {
  return format === 'csv' ? CSV : TSV;
}

export interface OpenedDataset<T> {
  readonly items: AsyncGenerator<DatasetItem<T>>;
  /** The input's SHA-256 and size; valid once `items` is exhausted. */
  digest(): FileDigest;
}

const READ_CHUNK = 64 * 1024;

export function openJsonl(path: string, engine: DetectionEngine, maxRecordBytes: number): OpenedDataset<string> {
  const { tap, close } = openHashed(path);
  return { items: closing(jsonlItems(tap, engine, maxRecordBytes), close), digest: () => tap.result() };
}

export function openCsv(path: string, dialect: CsvDialect, engine: DetectionEngine, maxRecordBytes: number): OpenedDataset<string[]> {
  const { tap, close } = openHashed(path);
  return { items: closing(csvItems(tap, dialect, engine, maxRecordBytes), close), digest: () => tap.result() };
}

function openHashed(path: string): { tap: DigestTap; close: () => void } {
  const file = createReadStream(path, { highWaterMark: READ_CHUNK });
  const tap = new DigestTap();
  file.on('error', (err) => tap.destroy(err));
  file.pipe(tap);
  return { tap, close: () => file.destroy() };
}

/** Releases the file however the reader stops: at the end, on an error, or when its consumer gives up. */
async function* closing<T>(items: AsyncGenerator<T>, close: () => void): AsyncGenerator<T> {
  try {
    yield* items;
  } finally {
    close();
  }
}
