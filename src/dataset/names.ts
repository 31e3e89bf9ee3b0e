/**
 * Field names in reports. Keys and column headers are part of the file, and a file can use values as keys
 * (`{"anna@example.de": …}`), so a name is shown only when it looks like a schema name: letters, digits and a
 * few separators, at least one letter and no run of four digits. Anything else is shown as `*` (a JSON key) or
 * `column N` (a CSV header), so a report never carries a value.
 */

const JSON_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]{0,63}$/;
const HEADER = /^[\p{L}\p{N}_ .()/#-]{1,64}$/u;
const LETTER = /\p{L}/u;
const DIGIT_RUN = /[0-9]{4}/;

function looksLikeSchema(name: string, pattern: RegExp): boolean {
  return pattern.test(name) && LETTER.test(name) && !DIGIT_RUN.test(name);
}

/** A path segment for a JSON key: `.key`, or `.*` when the key may be data. */
export function keySegment(key: string): string {
  return looksLikeSchema(key, JSON_KEY) ? `.${key}` : '.*';
}

/** The field name of a CSV column: its header, or `column N` (1-based). */
export function columnName(header: string, index: number): string {
  const trimmed = header.trim();
  return looksLikeSchema(trimmed, HEADER) ? trimmed : `column ${index + 1}`;
}
