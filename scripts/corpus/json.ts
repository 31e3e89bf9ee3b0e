/**
 * A JSON writer that knows which values are gold entities. Tool payloads and product exports are JSON, and the
 * span of a sensitive field is its value only: the characters between the quotes for a string, the literal
 * for a number. Writing the JSON ourselves (instead of JSON.stringify and searching afterwards) makes the
 * offsets exact even when the same value occurs twice. Styles mimic pretty-printers and compact API bodies.
 */
import type { TextSink } from './template.ts';
import type { GoldType, Marked, Piece } from './types.ts';

/** A number (or other bare literal) that is a gold entity, written without quotes. */
export interface MarkedLiteral {
  literal: string;
  type: GoldType;
}

/** A string value assembled from pieces, e.g. "Bearer <JWT>" or a connection URL with a password inside. */
export interface Parts {
  parts: readonly Piece[];
}

export type Json =
  | string
  | number
  | boolean
  | null
  | Marked
  | MarkedLiteral
  | Parts
  | readonly Json[]
  | { readonly [key: string]: Json };

export type JsonStyle = 'pretty2' | 'pretty4' | 'compact' | 'spaced';

function isMarked(value: object): value is Marked {
  return 'type' in value && 'text' in value;
}

function isLiteral(value: object): value is MarkedLiteral {
  return 'type' in value && 'literal' in value;
}

/** The inner text of a JSON string literal (JSON.stringify without the surrounding quotes). */
function escapeInner(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

export function writeJson(sink: TextSink, value: Json, style: JsonStyle, depth = 0): void {
  if (value === null || typeof value !== 'object') {
    sink.push(JSON.stringify(value));
    return;
  }
  if (isMarked(value)) {
    sink.push('"');
    sink.push({ ...value, text: escapeInner(value.text) });
    sink.push('"');
    return;
  }
  if ('parts' in value) {
    sink.push('"');
    for (const part of (value as Parts).parts) {
      sink.push(typeof part === 'string' ? escapeInner(part) : { ...part, text: escapeInner(part.text) });
    }
    sink.push('"');
    return;
  }
  if (isLiteral(value)) {
    sink.push({ text: value.literal, type: value.type });
    return;
  }
  const isArray = Array.isArray(value);
  const entries: [string | null, Json][] = isArray
    ? (value as readonly Json[]).map((v) => [null, v])
    : Object.entries(value as { readonly [key: string]: Json });
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    sink.push(open + close);
    return;
  }
  const pretty = style === 'pretty2' || style === 'pretty4';
  const unit = style === 'pretty4' ? '    ' : '  ';
  const pad = pretty ? `\n${unit.repeat(depth + 1)}` : '';
  const colon = style === 'compact' ? ':' : ': ';
  const comma = style === 'spaced' ? ', ' : ',';
  sink.push(open);
  entries.forEach(([key, item], i) => {
    sink.push((i > 0 ? comma : '') + pad + (key === null ? '' : JSON.stringify(key) + colon));
    writeJson(sink, item, style, depth + 1);
  });
  sink.push((pretty ? `\n${unit.repeat(depth)}` : '') + close);
}
