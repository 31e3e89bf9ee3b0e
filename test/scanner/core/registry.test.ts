/**
 * The rule registry: every rule id the modules declare is a well-formed `family.name`, declared once across
 * modules (SARIF rule metadata and baselines key on it), and the catalogue includes the scanner's own rules.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULE_MODULES, ruleCatalog } from '../../../src/scanner/registry.ts';
import { SUPPRESSION_RULES } from '../../../src/scanner/suppress.ts';
import { SEVERITIES } from '../../../src/scanner/types.ts';

describe('scanner rule registry', () => {
  it('declares each rule id once, as family.name, with a severity, summary and remediation', () => {
    const ids = RULE_MODULES.flatMap((m) => m.rules.map((r) => r.id));
    assert.equal(new Set(ids).size, ids.length, `duplicate rule ids: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`);
    for (const rule of [...RULE_MODULES.flatMap((m) => m.rules), ...SUPPRESSION_RULES]) {
      assert.match(rule.id, /^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/, rule.id);
      assert.ok(SEVERITIES.includes(rule.severity), rule.id);
      assert.ok(rule.summary.trim() !== '' && rule.remediation.trim() !== '', rule.id);
    }
  });

  it('catalogues every module rule and the scanner rules, sorted by id', () => {
    const catalog = ruleCatalog().map((r) => r.id);
    assert.deepEqual(catalog, [...catalog].sort());
    for (const id of [...RULE_MODULES.flatMap((m) => m.rules.map((r) => r.id)), 'scan.ignore-without-reason', 'scan.ignore-without-rule']) {
      assert.ok(catalog.includes(id), id);
    }
  });
});
