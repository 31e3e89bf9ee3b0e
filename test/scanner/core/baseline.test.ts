/**
 * Baselines: a baseline written from one scan hides the same findings in a later scan even after lines were
 * inserted above them (the fingerprint has no line number), while a new occurrence of the same line or a
 * changed line is a new finding. Unreadable or foreign baseline files are refused.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BaselineError, fingerprintFindings, readBaseline, writeBaseline } from '../../../src/scanner/baseline.ts';
import { scanTree } from '../../../src/scanner/scan.ts';
import type { ScanFinding } from '../../../src/scanner/types.ts';
import { makeTree, tokenRule } from './helpers.ts';

const rules = [tokenRule('test.leak', 'LEAK')];

function baselinePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'airlock-baseline-')), 'baseline.json');
}

describe('scan baseline', () => {
  it('still matches after lines are inserted above the findings', async () => {
    const root = makeTree({ 'src/a.php': "<?php\n$key = 'LEAK';\n", 'src/b.txt': 'LEAK\n  LEAK\n' });
    const first = await scanTree(root, { rules });
    assert.equal(first.findings.length, 3);
    const path = baselinePath();
    await writeBaseline(path, first.findings);

    writeFileSync(join(root, 'src/a.php'), "<?php\n// new header\n\nuse Acme\\Client;\n$key   =   'LEAK';\n");
    writeFileSync(join(root, 'src/b.txt'), 'intro\n\nLEAK\nLEAK\n');
    const second = await scanTree(root, { rules, baseline: await readBaseline(path) });
    assert.deepEqual(second.findings, [], 'moved lines and changed indentation keep their fingerprint');
    assert.equal(second.baselined.length, 3);
    assert.equal(second.summary.suppressed.baseline, 3);
    assert.equal(second.baselined.find((f) => f.file === 'src/a.php')?.line, 5);
  });

  it('reports a further identical line and a changed line as new', async () => {
    const root = makeTree({ 'a.txt': 'LEAK\nLEAK\nx = LEAK\n' });
    const path = baselinePath();
    await writeBaseline(path, (await scanTree(root, { rules })).findings);
    writeFileSync(join(root, 'a.txt'), 'LEAK\nLEAK\nLEAK\nx = LEAK + 1\n');
    const after = await scanTree(root, { rules, baseline: await readBaseline(path) });
    assert.deepEqual(after.findings.map((f) => [f.line, f.fingerprint.split(':')[1]]), [[3, '2'], [4, '0']]);
  });

  it('writes a stable, readable file sorted by file and rule', async () => {
    const root = makeTree({ 'z.txt': 'LEAK', 'a.txt': 'LEAK' });
    const path = baselinePath();
    await writeBaseline(path, (await scanTree(root, { rules })).findings);
    const file = JSON.parse(readFileSync(path, 'utf8')) as { version: number; findings: { file: string; ruleId: string; fingerprint: string }[] };
    assert.equal(file.version, 1);
    assert.deepEqual(file.findings.map((f) => f.file), ['a.txt', 'z.txt']);
    assert.match(file.findings[0]?.fingerprint ?? '', /^[0-9a-f]{24}:0$/);
  });

  it('does not let the same line text match under another rule or file', () => {
    const base = { severity: 'high', line: 1, column: 1, message: 'm', remediation: 'r' } as const;
    const finding = (ruleId: string, file: string): ScanFinding => ({ ...base, ruleId, file });
    const [a, b, c] = fingerprintFindings([finding('x.a', 'f'), finding('x.b', 'f')], 'same line')
      .concat(fingerprintFindings([finding('x.a', 'g')], 'same line'));
    assert.notEqual(a?.fingerprint, b?.fingerprint);
    assert.notEqual(a?.fingerprint, c?.fingerprint);
  });

  it('refuses a missing or foreign baseline file', async () => {
    await assert.rejects(readBaseline(join(tmpdir(), 'does-not-exist-airlock.json')), BaselineError);
    const path = baselinePath();
    writeFileSync(path, JSON.stringify({ version: 2, findings: [] }));
    await assert.rejects(readBaseline(path), /not an airlock scan baseline/);
  });
});
