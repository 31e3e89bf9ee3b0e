/**
 * Inline `airlock-ignore` comments: every comment syntax the scanner promises, on the finding's line or the
 * line above; a missing reason or rule id suppresses nothing and is reported; another rule's id or a comment
 * two lines up does not hide the finding; the marker outside a comment is not a directive.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { scanTree } from '../../../src/scanner/scan.ts';
import { applySuppressions, findDirectives, IGNORE_WITHOUT_REASON, IGNORE_WITHOUT_RULE } from '../../../src/scanner/suppress.ts';
import type { ScanFinding } from '../../../src/scanner/types.ts';
import { tokenRule } from './helpers.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/scan/core/suppress/', import.meta.url));

describe('airlock-ignore comments in a scanned tree', () => {
  it('suppresses only findings covered by a comment with the rule id and a reason', async () => {
    const result = await scanTree(FIXTURE, { rules: [tokenRule('test.leak', 'LEAK')] });
    const found = result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);
    assert.deepEqual(found, [
      `Checkout.php:5 ${IGNORE_WITHOUT_REASON}`,
      'Checkout.php:6 test.leak',
      'Checkout.php:8 test.leak',
      `Checkout.php:9 ${IGNORE_WITHOUT_RULE}`,
      'Checkout.php:10 test.leak',
      'Far.php:4 test.leak',
      'Far.php:5 test.leak',
      `Legacy.cls:1 ${IGNORE_WITHOUT_REASON}`,
      'Legacy.cls:1 test.leak',
    ]);
    assert.equal(result.summary.suppressed.inline, 4, 'Checkout.php lines 3 and 4, layout.xml, seed.sql');
    assert.equal(result.summary.bySeverity.low, 3, 'directive problems are low findings');
  });

  it('reports a directive problem at the comment, with a message naming the rule', async () => {
    const result = await scanTree(FIXTURE, { rules: [tokenRule('test.leak', 'LEAK')] });
    const missing = result.findings.find((f) => f.ruleId === IGNORE_WITHOUT_REASON && f.file === 'Checkout.php');
    assert.equal(missing?.severity, 'low');
    assert.equal(missing?.column, 4);
    assert.match(missing?.message ?? '', /test\.leak gives no reason/);
  });
});

describe('directive parsing', () => {
  it('reads the rule id and the reason, dropping a trailing comment closer', () => {
    const text = [
      '<!-- airlock-ignore: egress.openai-sdk demo page only -->',
      '/* airlock-ignore: keys.hardcoded rotated test key */',
      'x = 1 -- airlock-ignore: egress.http reason with  spaces  ',
      '# airlock-ignore:deployment.public-port',
    ].join('\r\n');
    assert.deepEqual(findDirectives(text).map((d) => [d.line, d.ruleId, d.reason]), [
      [1, 'egress.openai-sdk', 'demo page only'],
      [2, 'keys.hardcoded', 'rotated test key'],
      [3, 'egress.http', 'reason with  spaces'],
      [4, 'deployment.public-port', ''],
    ]);
  });

  it('ignores the marker outside a comment, and comments that quote it in code or prose', () => {
    assert.deepEqual(findDirectives('say("airlock-ignore: egress.http because")'), []);
    assert.deepEqual(findDirectives("const fixture = '// airlock-ignore: egress.http\\n$x = 1;';"), []);
    assert.deepEqual(findDirectives('/** Every `airlock-ignore:` comment in a text */'), []);
  });

  it('does not suppress another line or another rule', () => {
    const finding = (line: number, ruleId = 'a.b'): ScanFinding => ({
      ruleId, severity: 'high', file: 'f', line, column: 1, message: 'm', remediation: 'r',
    });
    const directives = findDirectives('// airlock-ignore: a.b fine here\nx\ny');
    const outcome = applySuppressions('f', [finding(1), finding(2), finding(3), finding(2, 'a.c')], directives);
    assert.deepEqual(outcome.kept.map((f) => `${f.line}${f.ruleId}`), ['3a.b', '2a.c']);
    assert.equal(outcome.suppressed, 2);
    assert.deepEqual(outcome.directiveFindings, []);
  });
});
