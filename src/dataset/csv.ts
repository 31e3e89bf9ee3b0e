/**
 * CSV and TSV through csv-parse's stream: the first row is the header, and every cell of a later row is a value
 * whose field is its column's header. CSV quotes with `"`; TSV has no quoting (a cell holds no tab or line
 * break). A row with the wrong number of cells or broken quoting is an invalid record, reported by the lines it
 * spans (a broken quote can swallow the rows after it, and the range says so). A row over the size limit fails
 * the run: csv-parse cannot find the next row after it, and what it cannot read it must not silently skip.
 * Bytes are decoded as strict UTF-8 before parsing: a file that is not UTF-8 fails the run instead of being
 * altered. Line numbers are csv-parse's, less the CRLFs inside quoted cells that it counts as two lines.
 */
import { isUtf8 } from 'node:buffer';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse, type CsvError, type Info } from 'csv-parse';
import { stringify, type Stringifier } from 'csv-stringify';
import type { DetectionEngine } from '../detect/engine.ts';
import type { DatasetItem } from './items.ts';
import type { InvalidRecord } from './tally.ts';
import { columnName } from './names.ts';
import type { ValueUnit } from './walk.ts';

export interface CsvDialect {
  readonly delimiter: ',' | '\t';
  readonly quoted: boolean;
}

export const CSV: CsvDialect = { delimiter: ',', quoted: true };
export const TSV: CsvDialect = { delimiter: '\t', quoted: false };

interface Column {
  readonly label: string;
  readonly field: string;
  readonly sensitive: boolean;
}

type Parsed = { readonly record: string[]; readonly info: Info } | { readonly skipped: CsvError };

const REASONS: Readonly<Record<string, string>> = {
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'wrong number of columns',
  CSV_INVALID_CLOSING_QUOTE: 'malformed quoting',
  CSV_INVALID_OPENING_QUOTE: 'malformed quoting',
  CSV_QUOTE_NOT_CLOSED: 'malformed quoting',
};

export async function* csvItems(source: Readable, dialect: CsvDialect, engine: DetectionEngine, maxRecordChars: number): AsyncGenerator<DatasetItem<string[]>> {
  const parser = parse({
    delimiter: dialect.delimiter,
    quote: dialect.quoted ? '"' : false,
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: maxRecordChars,
    // Called while parsing, so the marker lands in order between the rows around it.
    on_skip: (err) => void (err && parser.push({ skipped: err } satisfies Parsed)),
  });
  source.on('error', (err) => parser.destroy(err));
  source.pipe(new Utf8Check()).on('error', (err) => parser.destroy(err)).pipe(parser);
  let columns: Column[] | undefined;
  let lastLine = 0;
  let drift = 0;
  for await (const chunk of parser as AsyncIterable<Parsed>) {
    if ('skipped' in chunk) {
      const entry = invalidEntry(chunk.skipped, lastLine, drift);
      yield { kind: 'invalid', entry };
      lastLine = entry.lastLine ?? entry.line;
      continue;
    }
    const { record, info } = chunk;
    drift += countOf(record, '\r\n');
    lastLine = info.lines - drift;
    const line = lastLine - countOf(record, '\n') - countOf(record, '\r') + countOf(record, '\r\n');
    if (columns === undefined) {
      columns = record.map((header, i) => columnOf(engine, header, i, record));
      yield { kind: 'verbatim', output: record };
    } else yield rowItem(record, line, columns);
  }
}

/** The lines since the last record up to where csv-parse gave up on this one. */
function invalidEntry(err: CsvError, lastLine: number, drift: number): InvalidRecord {
  const reported = typeof err.lines === 'number' ? err.lines - drift : lastLine + 1;
  if (err.code === 'CSV_MAX_RECORD_SIZE') {
    throw new Error(`line ${reported}: a record is longer than the limit (--max-record-mb); nothing after it can be read reliably`);
  }
  const first = Math.min(lastLine + 1, reported);
  return { line: first, ...(reported > first ? { lastLine: reported } : {}), reason: REASONS[err.code] ?? 'malformed record' };
}

function rowItem(cells: string[], line: number, columns: readonly Column[]): DatasetItem<string[]> {
  const units: ValueUnit[] = [];
  cells.forEach((text, i) => {
    const column = columns[i] as Column;
    if (text.length === 0) return;
    const write = (value: string): void => void (cells[i] = value);
    units.push({ path: column.field, field: column.field, label: column.label, text, sensitive: column.sensitive, write });
  });
  return { kind: 'record', line, shape: 'row', units, output: () => cells };
}

function columnOf(engine: DetectionEngine, header: string, index: number, headers: readonly string[]): Column {
  const name = columnName(header, index);
  const repeated = headers.filter((h) => h === header).length > 1;
  const label = header.trim();
  return { label, field: repeated && !name.startsWith('column ') ? `${name} (column ${index + 1})` : name, sensitive: label !== '' && engine.isSensitiveField(label) };
}

function countOf(cells: readonly string[], text: string): number {
  let count = 0;
  for (const cell of cells) for (let at = cell.indexOf(text); at !== -1; at = cell.indexOf(text, at + text.length)) count++;
  return count;
}

export function csvWriter(dialect: CsvDialect): Stringifier {
  return stringify({ delimiter: dialect.delimiter, quote: dialect.quoted ? '"' : '', record_delimiter: 'unix' });
}

/** Decodes strict UTF-8 across chunk boundaries; invalid bytes fail the stream, naming the line. */
class Utf8Check extends Transform {
  // Streaming decode drops a byte order mark at the start of the file only.
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private line = 1;

  constructor() {
    super({ decodeStrings: true, encoding: 'utf8' });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      callback(notUtf8(this.locate(chunk)));
      return;
    }
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.line++;
    callback(null, text);
  }

  override _flush(callback: TransformCallback): void {
    try {
      callback(null, this.decoder.decode());
    } catch {
      callback(notUtf8(this.line));
    }
  }

  /** The first line of the chunk that is not UTF-8 (a character split at the chunk's start points at its first line). */
  private locate(chunk: Buffer): number {
    let line = this.line;
    let at = 0;
    for (let lf = chunk.indexOf(0x0a); lf !== -1; lf = chunk.indexOf(0x0a, at)) {
      if (!isUtf8(chunk.subarray(at, lf))) return line;
      line++;
      at = lf + 1;
    }
    return line;
  }
}

function notUtf8(line: number): Error {
  return new Error(`the file is not valid UTF-8 (near line ${line})`);
}
