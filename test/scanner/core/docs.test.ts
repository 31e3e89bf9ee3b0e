/**
 * Keeps docs/scanner.md and the rule registry in step: the tables of the doc's "Rules" section list every rule id
 * `ruleCatalog()` reports (the rule modules' and the scanner's own `scan.*` rules), each once and with its default
 * severity, and no other; and every rule id the doc mentions anywhere (in backticks or an `airlock-ignore:`
 * example) is one the scanner can report.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ruleCatalog } from '../../../src/scanner/registry.ts';

const doc = readFileSync(new URL('../../../docs/scanner.md', import.meta.url), 'utf8');
const catalog = ruleCatalog();
const ids = new Set(catalog.map((rule) => rule.id));

/** The text of the `## Rules` section, up to the next second-level heading. */
function rulesSection(): string {
  const start = doc.indexOf('\n## Rules\n');
  assert.notEqual(start, -1, 'docs/scanner.md has no "## Rules" section');
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end === -1 ? doc.length : end);
}

/** Cells of the section's table rows whose first cell is a rule id in backticks. */
function ruleRows(section: string): string[][] {
  return section
    .split('\n')
    .filter((line) => line.trimStart().startsWith('|'))
    .map((line) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()))
    .filter((cells) => /^`[a-z0-9-]+\.[a-z0-9.-]+`$/.test(cells[0] ?? ''));
}

describe('docs/scanner.md', () => {
  it('lists exactly the registry\'s rule ids in the Rules tables, once each, with their default severity', () => {
    const rows = ruleRows(rulesSection());
    const listed = rows.map((cells) => (cells[0] ?? '').slice(1, -1));
    assert.deepEqual([...listed].sort(), [...ids].sort(), 'the Rules tables and ruleCatalog() list different ids');
    assert.equal(new Set(listed).size, listed.length, 'a rule id is listed twice');
    for (const rule of catalog) {
      const cells = rows.find((row) => row[0] === `\`${rule.id}\``) ?? [];
      assert.equal(cells[1], rule.severity, `${rule.id}: the doc's severity differs from the registry's (${rule.severity})`);
      assert.ok((cells[2] ?? '') !== '', `${rule.id}: no description`);
    }
  });

  it('mentions no rule id the scanner cannot report', () => {
    const families = [...new Set([...ids].map((id) => id.split('.')[0]))].join('|');
    const inBackticks = [...doc.matchAll(new RegExp(`\`((?:${families})\\.[a-z0-9-]+)\``, 'g'))].map((m) => m[1] ?? '');
    const inDirectives = [...doc.matchAll(/airlock-ignore:\s+([a-z0-9][\w.-]*\.[\w.-]+)/g)].map((m) => m[1] ?? '');
    const unknown = [...inBackticks, ...inDirectives].filter((id) => !ids.has(id));
    assert.deepEqual(unknown, [], `docs/scanner.md mentions rule ids the registry does not have: ${unknown.join(', ')}`);
    assert.ok(inDirectives.length > 0, 'the airlock-ignore examples were not found');
  });
});
