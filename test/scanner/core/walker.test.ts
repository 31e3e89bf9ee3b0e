/**
 * The walk: nested `.gitignore` files (checked against git itself), dependency directories skipped and counted
 * or scanned on request, and symlinks (loops counted once, no hang; links to other directories followed).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scanTree } from '../../../src/scanner/scan.ts';
import type { ScanFile } from '../../../src/scanner/types.ts';
import { makeTree, recordingRule } from './helpers.ts';

async function scannedPaths(root: string, includeDeps = false) {
  const seen = new Map<string, ScanFile>();
  const result = await scanTree(root, { rules: [recordingRule(seen)], includeDeps });
  return { paths: [...seen.keys()].sort(), result };
}

const GITIGNORE_TREE = {
  '.gitignore': '*.log\nbuild/\n',
  'a.log': 'x',
  'local.txt': 'root copy, not ignored: the pattern below lives in sub/',
  'build/out.js': 'x',
  'src/main.php': '<?php',
  'sub/.gitignore': '!keep.log\nlocal.txt\n/only-here.txt\n',
  'sub/keep.log': 'a deeper negation wins',
  'sub/local.txt': 'x',
  'sub/only-here.txt': 'x',
  'sub/deeper/only-here.txt': 'anchored to sub/, so this one stays',
  'sub/build/y.js': 'x',
  'sub/deeper/.gitignore': '*.md\n!README.md\n',
  'sub/deeper/notes.md': 'x',
  'sub/deeper/README.md': 'x',
};

describe('scanner walk: .gitignore', () => {
  it('applies nested .gitignore files relative to their own directory, deeper ones first', async () => {
    const root = makeTree(GITIGNORE_TREE);
    const { paths, result } = await scannedPaths(root);
    assert.deepEqual(paths, [
      '.gitignore',
      'local.txt',
      'src/main.php',
      'sub/.gitignore',
      'sub/deeper/.gitignore',
      'sub/deeper/README.md',
      'sub/deeper/only-here.txt',
      'sub/keep.log',
    ]);
    assert.equal(result.summary.gitignored, 6, 'a.log, build/, sub/local.txt, sub/only-here.txt, sub/build/, notes.md');
    assert.equal(Object.values(result.summary.warnings).reduce((a, b) => a + b, 0), 0, 'ignored files are not warnings');
  });

  it('agrees with git on which files are ignored', { skip: spawnSync('git', ['--version']).status !== 0 }, async () => {
    const root = makeTree(GITIGNORE_TREE);
    spawnSync('git', ['init', '-q'], { cwd: root });
    const git = spawnSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
    const { paths } = await scannedPaths(root);
    assert.deepEqual(paths, git.stdout.trim().split('\n').sort());
  });
});

describe('scanner walk: dependencies', () => {
  const deps = {
    'app/code/Acme/Module/Model.php': '<?php',
    'node_modules/a/index.js': 'x',
    'node_modules/a/lib/b.js': 'x',
    'vendor/magento/module-x/Model.php': '<?php',
    'packages/ui/node_modules/c/index.js': 'x',
  };

  it('skips node_modules/ and vendor/ at any depth and counts their files', async () => {
    const { paths, result } = await scannedPaths(makeTree(deps));
    assert.deepEqual(paths, ['app/code/Acme/Module/Model.php']);
    assert.equal(result.summary.skippedDependencyFiles, 4);
    assert.equal(result.summary.includeDeps, false);
  });

  it('counts dependency directories even when a .gitignore lists them (Magento ignores /vendor/)', async () => {
    const { paths, result } = await scannedPaths(makeTree({ ...deps, '.gitignore': '/vendor/\nnode_modules/\n' }));
    assert.deepEqual(paths, ['.gitignore', 'app/code/Acme/Module/Model.php']);
    assert.equal(result.summary.skippedDependencyFiles, 4);
  });

  it('scans them with includeDeps, even when gitignored', async () => {
    const { paths, result } = await scannedPaths(makeTree({ ...deps, '.gitignore': '/vendor/\nnode_modules/\n' }), true);
    assert.equal(paths.length, 6);
    assert.ok(paths.includes('vendor/magento/module-x/Model.php'));
    assert.ok(paths.includes('packages/ui/node_modules/c/index.js'));
    assert.equal(result.summary.skippedDependencyFiles, 0);
  });
});

describe('scanner walk: symlinks', () => {
  it('counts a directory symlink back to an ancestor once and does not descend into it', async () => {
    const root = makeTree({ 'sub/inner/file.txt': 'x' });
    symlinkSync('..', join(root, 'sub', 'inner', 'up'));
    symlinkSync(root, join(root, 'sub', 'to-root'));
    const { paths, result } = await scannedPaths(root);
    assert.deepEqual(paths, ['sub/inner/file.txt']);
    assert.equal(result.summary.warnings['symlink-loop'], 2, 'one per looping link');
  });

  it('counts a self-referencing symlink chain as a loop', async () => {
    const root = makeTree({ 'a.txt': 'x' });
    symlinkSync('self', join(root, 'self'));
    const { paths, result } = await scannedPaths(root);
    assert.deepEqual(paths, ['a.txt']);
    assert.equal(result.summary.warnings['symlink-loop'], 1);
  });

  it('follows symlinks to other directories and files', async () => {
    const root = makeTree({ 'shared/config.php': '<?php', 'real.txt': 'x' });
    mkdirSync(join(root, 'site'));
    symlinkSync(join(root, 'shared'), join(root, 'site', 'linked'));
    symlinkSync(join(root, 'real.txt'), join(root, 'alias.txt'));
    const { paths } = await scannedPaths(root);
    assert.deepEqual(paths, ['alias.txt', 'real.txt', 'shared/config.php', 'site/linked/config.php']);
  });
});
