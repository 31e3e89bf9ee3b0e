/**
 * Bounded memory: a generated tree of 20,000 small files is scanned with a trivial rule while the process's
 * resident set size is sampled. The walk streams and keeps only findings, so the growth stays well below the
 * tree's 320 MiB of content, which a scanner holding its files would need; the bound is generous (garbage
 * collection lags on a loaded machine) so the test is not flaky, and the measured figure is printed.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { scanTree } from '../../../src/scanner/scan.ts';
import type { ScanRule } from '../../../src/scanner/types.ts';

const DIRS = 200;
const FILES_PER_DIR = 100;
const MiB = 1024 * 1024;
const RSS_GROWTH_BOUND = 256 * MiB;

/** A trivial rule that allocates next to nothing, so the figure measures the scanner, not the rule. */
const leakRule: ScanRule = {
  rules: [{ id: 'test.leak', severity: 'high', summary: 'LEAK.', remediation: 'Remove it.' }],
  applies: (file) => file.text !== null,
  scan: (file) => {
    const at = file.text?.indexOf('LEAK') ?? -1;
    if (at === -1) return [];
    return [{ ruleId: 'test.leak', severity: 'high', file: file.path, line: 1, column: at + 1, message: 'LEAK.', remediation: 'Remove it.' }];
  },
};

/** A full collection before the baseline figure, so garbage from generating the tree does not count. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function generateTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'airlock-scan-memory-'));
  // 16 KiB each, 320 MiB in all: a scanner holding the files' contents could not stay under the bound.
  const body = `<?php\n// generated file\n${'$value = "padding padding padding padding padding padding";\n'.repeat(256)}`.slice(0, 16 * 1024);
  for (let d = 0; d < DIRS; d += 1) {
    const dir = join(root, `module-${d}`, 'src');
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < FILES_PER_DIR; f += 1) writeFileSync(join(dir, `File${f}.php`), f === 0 ? `${body}LEAK\n` : body);
  }
  return root;
}

describe('scanner memory', () => {
  it('scans 20,000 files with bounded resident memory', async (t) => {
    const root = generateTree();
    try {
      collectGarbage();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      const result = await scanTree(root, { rules: [leakRule] });
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const growth = peak - before;
      t.diagnostic(`20,000 files in ${Math.round(result.durationMs)} ms; RSS ${(before / MiB).toFixed(0)} MiB → peak ${(peak / MiB).toFixed(0)} MiB (+${(growth / MiB).toFixed(1)} MiB)`);
      assert.equal(result.summary.filesScanned, DIRS * FILES_PER_DIR);
      assert.equal(result.findings.length, DIRS);
      assert.ok(growth < RSS_GROWTH_BOUND, `RSS grew by ${(growth / MiB).toFixed(1)} MiB`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
