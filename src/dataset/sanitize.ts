/**
 * `dataset sanitize`: a sanitized copy in the input's format, streamed through `stream.pipeline`, so a slow
 * disk holds the reader back instead of filling memory. Each value is rewritten by the policy's actions; a
 * record with a `block` finding is dropped and counted. JSONL records that did not change are copied as read,
 * changed ones are re-serialised (numbers kept as written); CSV goes through csv-stringify. The copy is written
 * to a hidden file beside the output and renamed into place only when complete, so a failed or refused run
 * never leaves a partial copy. An invalid record stops the run unless `skipInvalid` says to drop it.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { csvWriter } from './csv.ts';
import { DigestTap, type FileDigest } from './digest.ts';
import type { DatasetItem } from './items.ts';
import { inspectRecord, type DatasetRun } from './records.ts';
import { rewriteValue } from './rewrite.ts';
import { dialectOf, openCsv, openJsonl } from './source.ts';
import { Tally, type InvalidRecord } from './tally.ts';

export interface SanitizeRun extends DatasetRun {
  readonly out: string;
  readonly skipInvalid: boolean;
}

export interface FileRecord extends FileDigest {
  readonly records: number;
}

export interface SanitizeResult {
  readonly tally: Tally;
  readonly input: FileRecord;
  readonly output: FileRecord;
  /** Records left out: blocked, plus invalid ones with skipInvalid. */
  readonly dropped: number;
}

/** An invalid record without `skipInvalid`: the copy would silently lack it, so none is written. */
export class InvalidRecordError extends Error {
  override name = 'InvalidRecordError';
  readonly entry: InvalidRecord;

  constructor(entry: InvalidRecord) {
    super(`line ${entry.line}: ${entry.reason}`);
    this.entry = entry;
  }
}

const BATCH_CHARS = 64 * 1024;

export async function sanitizeDataset(run: SanitizeRun): Promise<SanitizeResult> {
  const tally = new Tally(run.examples);
  const partial = join(dirname(run.out), `.${basename(run.out)}.${randomBytes(6).toString('hex')}.partial`);
  const outTap = new DigestTap();
  let input: FileDigest;
  try {
    input = await writeCopy(run, tally, outTap, partial);
    await rename(partial, run.out);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  const dropped = tally.blockedCount + tally.invalidCount;
  return {
    tally,
    input: { ...input, records: tally.records },
    output: { ...outTap.result(), records: tally.records - dropped },
    dropped,
  };
}

async function writeCopy(run: SanitizeRun, tally: Tally, outTap: DigestTap, partial: string): Promise<FileDigest> {
  const file = createWriteStream(partial, { flags: 'wx' });
  const { engine } = run.policy;
  if (run.format === 'jsonl') {
    const opened = openJsonl(run.path, engine, run.maxRecordBytes);
    await pipeline(joinLines(sanitized(opened.items, run, tally)), outTap, file);
    return opened.digest();
  }
  const dialect = dialectOf(run.format);
  const opened = openCsv(run.path, dialect, engine, run.maxRecordBytes);
  await pipeline(sanitized(opened.items, run, tally), csvWriter(dialect), outTap, file);
  return opened.digest();
}

async function* sanitized<T>(items: AsyncIterable<DatasetItem<T>>, run: SanitizeRun, tally: Tally): AsyncGenerator<T> {
  const { policy } = run;
  for await (const item of items) {
    if (item.kind === 'verbatim') {
      yield item.output;
      continue;
    }
    if (item.kind === 'invalid') {
      tally.invalidRecord(item.entry);
      if (!run.skipInvalid) throw new InvalidRecordError(item.entry);
      continue;
    }
    const { findings, blocked } = inspectRecord(item, policy, tally);
    if (blocked.length > 0) continue;
    let changed = false;
    item.units.forEach((unit, i) => {
      const rewritten = rewriteValue(unit.text, findings[i] ?? [], policy.actions, policy.keys);
      if (rewritten === null) return;
      unit.write(rewritten);
      changed = true;
    });
    yield item.output(changed);
  }
}

/** JSONL lines joined into chunks of about 64 KiB: fewer, larger writes. */
async function* joinLines(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let batch = '';
  for await (const line of lines) {
    batch += `${line}\n`;
    if (batch.length >= BATCH_CHARS) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}
