/**
 * Keeps docs/errors.md and the error catalogue in step: every catalogue code has a row in the doc's table with its
 * HTTP status and OpenAI type, and every AIRLOCK_… code the doc mentions exists in the catalogue.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ERROR_CATALOGUE, type ErrorCode } from '../../src/errors.ts';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
const codes = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

/** Cells of the markdown table rows whose first cell is exactly `CODE` in backticks. */
function rowsFor(code: string): string[][] {
  return doc
    .split('\n')
    .filter((line) => line.trimStart().startsWith('|'))
    .map((line) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()))
    .filter((cells) => cells[0] === `\`${code}\``);
}

describe('docs/errors.md', () => {
  it('has one table row per catalogue code, with its HTTP status and OpenAI type', () => {
    for (const code of codes) {
      const rows = rowsFor(code);
      assert.equal(rows.length, 1, `${code}: expected exactly one table row in docs/errors.md, found ${rows.length}`);
      const cells = rows[0] as string[];
      const spec = ERROR_CATALOGUE[code];
      assert.equal(cells[1], String(spec.status), `${code}: the doc's status differs from the catalogue (${spec.status})`);
      assert.equal(cells[2], `\`${spec.type}\``, `${code}: the doc's type differs from the catalogue (${spec.type})`);
    }
  });

  it('mentions no AIRLOCK_ code that the catalogue does not have', () => {
    const mentioned = new Set(doc.match(/\bAIRLOCK_[A-Z0-9_]+\b/g) ?? []);
    const unknown = [...mentioned].filter((code) => !Object.hasOwn(ERROR_CATALOGUE, code));
    assert.deepEqual(unknown, [], `docs/errors.md mentions codes that are not in ERROR_CATALOGUE: ${unknown.join(', ')}`);
  });
});
