/**
 * `airlock scan` as a command (in-process through `runScan`, which main.ts will dispatch to): exit codes from
 * `--fail-on`, usage errors, the three formats, `--out`, the baseline round trip and the size limit. The
 * findings come from the scanner's own rule (an `airlock-ignore` without a reason, low), so these tests do not
 * depend on the rule modules.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runScan } from '../../../src/cli/scan.ts';
import { CliUsageError } from '../../../src/cli/usage.ts';
import { captureIo, makeTree } from './helpers.ts';

const BARE_IGNORE = "<?php\n// airlock-ignore: egress.http\n$x = 1;\n";

async function scan(args: string[]) {
  const captured = captureIo();
  const code = await runScan(args, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

describe('airlock scan: exit codes', () => {
  it('exits 1 when a finding at or above --fail-on remains (default low), else 0', async () => {
    const root = makeTree({ 'x.php': BARE_IGNORE });
    assert.equal((await scan([root])).code, 1);
    assert.equal((await scan([root, '--fail-on', 'low'])).code, 1);
    assert.equal((await scan([root, '--fail-on', 'info'])).code, 1);
    assert.equal((await scan([root, '--fail-on', 'medium'])).code, 0);
    assert.equal((await scan([root, '--fail-on', 'none'])).code, 0);
    assert.equal((await scan([makeTree({ 'clean.php': '<?php echo 1;' })])).code, 0);
  });

  it('rejects bad usage with CliUsageError (main.ts exits 2)', async () => {
    const root = makeTree({ 'a.txt': 'x' });
    const bad = [
      [root, '--format', 'xml'],
      [root, '--fail-on', 'severe'],
      [root, '--max-file-size', 'lots'],
      [root, '--max-file-size', '0'],
      [root, root],
      [join(root, 'missing')],
      [join(root, 'a.txt')],
      [root, '--no-such-flag'],
      [root, '--baseline', join(root, 'missing.json')],
    ];
    for (const args of bad) await assert.rejects(runScan(args, captureIo().io), CliUsageError, args.join(' '));
  });
});

describe('airlock scan: output', () => {
  it('prints text grouped by severity with remediation and a summary', async () => {
    const root = makeTree({ 'x.php': BARE_IGNORE, 'vendor/acme/a.php': '<?php', 'vendor/acme/b.php': '<?php', 'logo.png': Buffer.from([0x89, 0]) });
    const { stdout } = await scan([root, '--fail-on', 'none']);
    assert.match(stdout, /^LOW \(1\)\n {2}x\.php:2:4 {2}scan\.ignore-without-reason {2}airlock-ignore comment for egress\.http gives no reason/);
    assert.match(stdout, /\n {6}Write why the finding is acceptable/);
    assert.match(stdout, /Summary\n {2}Scanned +2 files, 0\.0 MB in \d+\.\d\d s\n/);
    assert.match(stdout, /Findings +0 critical, 0 high, 0 medium, 1 low, 0 info/);
    assert.match(stdout, /Dependencies +2 files in node_modules\/ and vendor\/ not scanned \(--include-deps scans them\)/);
    assert.match(stdout, /Warnings +1 binary\n/);
  });

  it('prints JSON with version, fingerprinted findings and the summary', async () => {
    const { stdout } = await scan([makeTree({ 'x.php': BARE_IGNORE }), '--format', 'json']);
    const report = JSON.parse(stdout) as { version: number; findings: { ruleId: string; fingerprint: string }[]; summary: { filesScanned: number; durationMs: number } };
    assert.equal(report.version, 1);
    assert.deepEqual(report.findings.map((f) => f.ruleId), ['scan.ignore-without-reason']);
    assert.match(report.findings[0]?.fingerprint ?? '', /^[0-9a-f]{24}:0$/);
    assert.equal(report.summary.filesScanned, 1);
    assert.equal(typeof report.summary.durationMs, 'number');
  });

  it('writes the report to --out and a one-line summary to stderr', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'airlock-out-')), 'report.json');
    const { stdout, stderr } = await scan([makeTree({ 'x.php': BARE_IGNORE }), '--format', 'json', '--out', out]);
    assert.equal(stdout, '');
    assert.match(stderr, /1 finding\(s\) .* in 1 files; report written to /);
    assert.equal((JSON.parse(readFileSync(out, 'utf8')) as { version: number }).version, 1);
  });

  it('scans dependencies with --include-deps and honours --max-file-size', async () => {
    const root = makeTree({ 'vendor/acme/x.php': BARE_IGNORE, 'big.txt': 'a'.repeat(4096) });
    const skipped = JSON.parse((await scan([root, '--format', 'json', '--max-file-size', '1k'])).stdout) as { findings: unknown[]; summary: { warnings: Record<string, number> } };
    assert.equal(skipped.findings.length, 0);
    assert.equal(skipped.summary.warnings['too-large'], 1);
    const included = await scan([root, '--include-deps']);
    assert.equal(included.code, 1);
    assert.match(included.stdout, /vendor\/acme\/x\.php:2:4/);
  });
});

describe('airlock scan: baseline', () => {
  it('accepts current findings with --write-baseline and fails only on new ones after lines moved', async () => {
    const root = makeTree({ 'x.php': BARE_IGNORE });
    const baseline = join(mkdtempSync(join(tmpdir(), 'airlock-bl-')), 'baseline.json');
    const written = await scan([root, '--write-baseline', baseline]);
    assert.equal(written.code, 0, 'writing a baseline accepts what it lists');
    assert.match(written.stderr, /baseline of 1 finding\(s\) written/);

    writeFileSync(join(root, 'x.php'), `<?php\n\n// moved down\n${BARE_IGNORE.slice(6)}`);
    const moved = await scan([root, '--baseline', baseline]);
    assert.equal(moved.code, 0);
    assert.match(moved.stdout, /^No findings\.\n/);
    assert.match(moved.stdout, /Suppressed +0 by airlock-ignore comments, 1 by the baseline/);

    writeFileSync(join(root, 'y.yaml'), '# airlock-ignore: keys.hardcoded\n');
    const added = await scan([root, '--baseline', baseline]);
    assert.equal(added.code, 1);
    assert.match(added.stdout, /y\.yaml:1:3 {2}scan\.ignore-without-reason/);

    const rewritten = await scan([root, '--baseline', baseline, '--write-baseline', baseline]);
    assert.equal(rewritten.code, 0);
    assert.equal((JSON.parse(readFileSync(baseline, 'utf8')) as { findings: unknown[] }).findings.length, 2, 'keeps the baselined finding and adds the new one');
  });
});
