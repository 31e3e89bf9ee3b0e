/**
 * Loading files: binary and oversized files keep their head for content sniffing, unreadable entries (a FIFO,
 * a dangling symlink — chmod does not stop root) are skipped with a counted warning instead of hanging or
 * crashing, and text is decoded from UTF-8 (with or without BOM) and BOM-marked UTF-16 in both byte orders.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scanTree } from '../../../src/scanner/scan.ts';
import type { ScanFile, ScanRule } from '../../../src/scanner/types.ts';
import { makeTree, recordingRule, tokenRule } from './helpers.ts';

const MiB = 1024 * 1024;

async function load(files: Record<string, string | Buffer>, maxFileSize?: number) {
  const seen = new Map<string, ScanFile>();
  const result = await scanTree(makeTree(files), { rules: [recordingRule(seen)], maxFileSize });
  return { seen, result };
}

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const body = Buffer.from(text, 'utf16le');
  if (order === 'be') body.swap16();
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

describe('scanner files: binary and size', () => {
  it('gives binary files no text but their head, and counts them', async () => {
    const weights = Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(3 * MiB, 0)]);
    const { seen, result } = await load({ 'public/models/model.gguf': weights, 'img.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]) });
    const model = seen.get('public/models/model.gguf');
    assert.equal(model?.text, null);
    assert.equal(model?.size, weights.length);
    assert.equal(model?.head.length, 64 * 1024);
    assert.equal(model?.head.subarray(0, 4).toString(), 'GGUF');
    assert.equal(model?.readAll().length, 2 * MiB, 'readAll stops at the size limit');
    assert.equal(result.summary.warnings.binary, 2);
    assert.equal(result.summary.warnings['too-large'], 0, 'a big binary is a binary, not a too-large text');
    assert.equal(result.summary.filesScanned, 2);
  });

  it('skips text rules on text above the size limit, with a warning, but keeps the head', async () => {
    const big = 'a'.repeat(3 * MiB);
    const { seen, result } = await load({ 'dump.sql': big, 'small.txt': 'ok' });
    assert.equal(seen.get('dump.sql')?.text, null);
    assert.equal(seen.get('dump.sql')?.head.length, 64 * 1024);
    assert.equal(seen.get('small.txt')?.text, 'ok');
    assert.equal(result.summary.warnings['too-large'], 1);
    const raised = await load({ 'dump.sql': big }, 4 * MiB);
    assert.equal(raised.seen.get('dump.sql')?.text?.length, 3 * MiB);
    assert.equal(raised.result.summary.warnings['too-large'], 0);
  });
});

describe('scanner files: unreadable entries', () => {
  it('skips a FIFO and a dangling symlink with warnings, without blocking', async () => {
    const root = makeTree({ 'ok.txt': 'fine' });
    const fifo = spawnSync('mkfifo', [join(root, 'pipe.fifo')]);
    assert.equal(fifo.status, 0, 'mkfifo is needed for this test');
    symlinkSync(join(root, 'gone.txt'), join(root, 'dangling.txt'));
    const seen = new Map<string, ScanFile>();
    const result = await scanTree(root, { rules: [recordingRule(seen)] });
    assert.deepEqual([...seen.keys()], ['ok.txt']);
    assert.equal(result.summary.warnings.unreadable, 2);
    assert.deepEqual(result.warningSamples.map((w) => w.path).sort(), ['dangling.txt', 'pipe.fifo']);
  });

  it('does not warn about entries a .gitignore excludes', async () => {
    const root = makeTree({ '.gitignore': '*.fifo\nstale-link\n', 'ok.txt': 'fine' });
    assert.equal(spawnSync('mkfifo', [join(root, 'pipe.fifo')]).status, 0);
    symlinkSync(join(root, 'gone'), join(root, 'stale-link'));
    const result = await scanTree(root, { rules: [] });
    assert.equal(result.summary.warnings.unreadable, 0);
    assert.equal(result.summary.gitignored, 2);
  });

  it('treats a directory named like a file as a directory', async () => {
    const { seen, result } = await load({ 'weird.php/inside.txt': 'x' });
    assert.deepEqual([...seen.keys()], ['weird.php/inside.txt']);
    assert.equal(result.summary.warnings.unreadable, 0);
  });

  it('counts a rule that throws as a warning and goes on with the other rules', async () => {
    const broken: ScanRule = {
      rules: [{ id: 'broken.rule', severity: 'high', summary: 's', remediation: 'r' }],
      applies: () => true,
      scan: () => {
        throw new Error('boom');
      },
    };
    const result = await scanTree(makeTree({ 'a.txt': 'LEAK' }), { rules: [broken, tokenRule('test.leak', 'LEAK')] });
    assert.equal(result.summary.warnings['rule-error'], 1);
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['test.leak']);
  });
});

describe('scanner files: text encodings', () => {
  const text = 'line one\nMüller LEAK 🎉\n';

  it('decodes UTF-8 with and without a BOM and UTF-16 LE/BE with a BOM', async () => {
    const { seen, result } = await load({
      'plain.txt': text,
      'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'le.txt': utf16(text, 'le'),
      'be.txt': utf16(text, 'be'),
    });
    for (const name of ['plain.txt', 'bom.txt', 'le.txt', 'be.txt']) assert.equal(seen.get(name)?.text, text, name);
    assert.equal(result.summary.warnings.binary, 0, 'UTF-16 NUL bytes do not make a file binary');
    assert.equal(result.summary.warnings.encoding, 0);
  });

  it('reports findings in UTF-16 files at their line and column', async () => {
    const result = await scanTree(makeTree({ 'le.txt': utf16(text, 'le') }), { rules: [tokenRule('test.leak', 'LEAK')] });
    assert.deepEqual(result.findings.map((f) => [f.line, f.column]), [[2, 8]]);
  });

  it('warns on invalid UTF-8 and gives the file to rules without text but with its head', async () => {
    const invalid = Buffer.from([0x61, 0xc3, 0x28, 0x62]);
    const { seen, result } = await load({ 'latin.txt': invalid });
    assert.equal(seen.get('latin.txt')?.text, null);
    assert.deepEqual(seen.get('latin.txt')?.head, invalid);
    assert.equal(result.summary.warnings.encoding, 1);
  });
});
