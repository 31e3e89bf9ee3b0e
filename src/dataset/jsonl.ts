/**
 * JSONL (also `.ndjson`): one JSON object per line, read line by line with the line length guard of lines.ts.
 * A line that is not JSON, not an object, not UTF-8 or too long is an invalid record, reported by its number
 * and never echoed. Blank lines are kept as they are, so output line N is input line N until a record is dropped.
 */
import type { DetectionEngine } from '../detect/engine.ts';
import type { DatasetItem } from './items.ts';
import { parseExact, serialize } from './json.ts';
import { splitLines } from './lines.ts';
import { recordValues } from './walk.ts';

export async function* jsonlItems(source: AsyncIterable<Buffer>, engine: DetectionEngine, maxLineBytes: number): AsyncGenerator<DatasetItem<string>> {
  for await (const line of splitLines(source, maxLineBytes)) {
    if ('error' in line) {
      yield { kind: 'invalid', entry: { line: line.number, reason: line.error } };
      continue;
    }
    if (line.text.trim() === '') {
      yield { kind: 'verbatim', output: line.text };
      continue;
    }
    const root = parseLine(line.text);
    if (typeof root === 'string') {
      yield { kind: 'invalid', entry: { line: line.number, reason: root } };
      continue;
    }
    const values = recordValues(root, engine);
    const output = (changed: boolean): string => {
      if (!changed) return line.text;
      values.settle();
      return serialize(root);
    };
    yield { kind: 'record', line: line.number, shape: values.shape, units: values.units, output };
  }
}

/** The line's object, or why it is not one. */
function parseLine(text: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = parseExact(text);
  } catch {
    return 'not valid JSON';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  return value as Record<string, unknown>;
}
