/**
 * JSON that survives a parse and re-serialise unchanged apart from what sanitizing rewrote. `JSON.parse` turns
 * `12345678901234567890` into a nearby double and `1.50` into `1.5`; a sanitized copy of training data must not
 * change numbers behind the user's back, so every number whose source text differs from how it would be written
 * again is kept as raw JSON (`JSON.rawJSON`, Node ≥ 21) and written back byte for byte.
 */

interface RawJsonApi {
  rawJSON(text: string): object;
  isRawJSON(value: unknown): boolean;
}

const RAW = JSON as unknown as RawJsonApi;

function keepNumberSource(_key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value !== 'number' || context?.source === undefined) return value;
  return JSON.stringify(value) === context.source ? value : RAW.rawJSON(context.source);
}

/** Parses JSON text, keeping numbers exactly as written; throws like `JSON.parse`. */
export function parseExact(text: string): unknown {
  return JSON.parse(text, keepNumberSource) as unknown;
}

/** A number kept as written: not a container to walk. */
export function isRawNumber(value: unknown): boolean {
  return RAW.isRawJSON(value);
}

/** Compact JSON, raw numbers as written. */
export function serialize(value: unknown): string {
  return JSON.stringify(value);
}
