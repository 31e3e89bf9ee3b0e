/**
 * `dataset scan`: reads the whole file once, streaming, and counts what the tenant policy's engine finds per
 * entity type and per field, with examples by position only, the invalid records by line, and the records a
 * sanitize run would drop. Nothing of the file's content is kept beyond the record being inspected.
 */
import type { FileDigest } from './digest.ts';
import type { DatasetItem } from './items.ts';
import { inspectRecord, type DatasetRun } from './records.ts';
import { dialectOf, openCsv, openJsonl } from './source.ts';
import { Tally } from './tally.ts';

export interface ScanResult {
  readonly tally: Tally;
  readonly input: FileDigest;
}

export async function scanDataset(run: DatasetRun): Promise<ScanResult> {
  const tally = new Tally(run.examples);
  const { engine } = run.policy;
  if (run.format === 'jsonl') {
    const opened = openJsonl(run.path, engine, run.maxRecordBytes);
    await count(opened.items, run, tally);
    return { tally, input: opened.digest() };
  }
  const opened = openCsv(run.path, dialectOf(run.format), engine, run.maxRecordBytes);
  await count(opened.items, run, tally);
  return { tally, input: opened.digest() };
}

async function count<T>(items: AsyncIterable<DatasetItem<T>>, run: DatasetRun, tally: Tally): Promise<void> {
  for await (const item of items) {
    if (item.kind === 'invalid') tally.invalidRecord(item.entry);
    else if (item.kind === 'record') inspectRecord(item, run.policy, tally);
  }
}
