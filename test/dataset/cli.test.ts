/**
 * `airlock dataset` as a user runs it: exit codes, usage errors, the refusal to drop invalid records silently,
 * and the lineage record — one `dataset.sanitized` event in the SQLite audit log under the configuration's
 * dataDir, with the files' hashes and the counts, and no value from the file anywhere in the log's files.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createSqliteStore } from '../../src/audit/sqlite-store.ts';
import { runDataset } from '../../src/cli/dataset.ts';
import { CliUsageError } from '../../src/cli/usage.ts';
import { runDatasetCli } from './helpers/cli.ts';
import { PLANTED, tempDir, writeChatJsonl, writeConfig, writeCustomerCsv } from './helpers/fixtures.ts';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function auditEvents(dbPath: string): Promise<Record<string, unknown>[]> {
  const store = createSqliteStore(dbPath);
  const events: Record<string, unknown>[] = [];
  for await (const row of store.rows()) events.push(JSON.parse(row.body.toString('utf8')) as Record<string, unknown>);
  await store.close();
  return events;
}

describe('airlock dataset scan', () => {
  it('prints the summary and exits 0, or 3 with --fail-on-findings', () => {
    const dir = tempDir();
    writeConfig(dir);
    writeChatJsonl(dir);
    const text = runDatasetCli(['scan', 'chat.jsonl'], dir);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /Findings {2}16 found in 15 values/);
    const json = runDatasetCli(['scan', 'chat.jsonl', '--format', 'json', '--fail-on-findings', '--examples', '1'], dir);
    assert.equal(json.status, 3, json.stderr);
    const report = JSON.parse(json.stdout) as { tenant: string; byType: Record<string, number>; examples: Record<string, unknown[]> };
    assert.equal(report.tenant, 'shop');
    assert.equal(report.byType.EMAIL, 6);
    assert.ok(Object.values(report.examples).every((list) => list.length === 1));
    for (const value of PLANTED) assert.ok(!text.stdout.includes(value) && !json.stdout.includes(value));
  });

  it('rejects usage errors before reading anything, naming the problem (main.ts exits 2 on them)', async () => {
    const dir = tempDir();
    const config = writeConfig(dir, 'tenants: [{ id: shop }, { id: crm }]');
    const data = join(dir, 'data.json');
    writeFileSync(data, '{}\n');
    const cases: [string[], RegExp][] = [
      [['scan', data, '--tenant', 'shop'], /cannot tell the format from the extension; pass --input-format jsonl\|csv\|tsv/],
      [['scan', data, '--input-format', 'jsonl'], /several tenants; choose one with --tenant/],
      [['scan', data, '--input-format', 'jsonl', '--tenant', 'nope'], /tenant "nope" is not in the configuration/],
      [['scan', data, '--input-format', 'xml'], /--input-format must be one of jsonl, csv, tsv/],
      [['scan', data, '--input-format', 'jsonl', '--examples', '1.5'], /--examples must be a whole number from 0 to 1000/],
      [['sanitize', data, '--input-format', 'jsonl', '--tenant', 'shop'], /--out is required/],
      [['sanitize', data, '--input-format', 'jsonl', '--out', join(dir, '.', 'data.json')], /--out must not be the input file/],
      [['sanitize', data, '--input-format', 'jsonl', '--tenant', 'shop', '--out', dir], /is a directory; name the file to write/],
      [['sanitize', data, '--input-format', 'jsonl', '--tenant', 'shop', '--out', join(dir, 'no', 'x.jsonl')], /the directory does not exist/],
      [['scan', join(dir, 'missing.csv')], /missing\.csv: no such file/],
      [['export'], /unknown subcommand "export"; expected scan or sanitize/],
    ];
    for (const [args, message] of cases) {
      await assert.rejects(runDataset([...args, '--config', config]), (err: unknown) => err instanceof CliUsageError && message.test(err.message), args.join(' '));
    }
  });
});

describe('airlock dataset sanitize', () => {
  it('refuses to drop an invalid record silently: exit 3, no copy', () => {
    const dir = tempDir();
    writeConfig(dir);
    writeChatJsonl(dir);
    const r = runDatasetCli(['sanitize', 'chat.jsonl', '--out', 'clean.jsonl'], dir);
    assert.equal(r.status, 3);
    assert.match(r.stderr, /line 4: not valid JSON; no copy was written .*--skip-invalid/);
    assert.equal(existsSync(join(dir, 'clean.jsonl')), false);
  });

  it('writes the copy and one lineage event with the hashes and counts, and no value in the audit log', async () => {
    const dir = tempDir();
    writeConfig(dir);
    const input = writeCustomerCsv(dir);
    const r = runDatasetCli(['sanitize', 'customers.csv', '--out', 'clean.csv', '--skip-invalid', '--format', 'json'], dir);
    assert.equal(r.status, 0, r.stderr);
    const output = join(dir, 'clean.csv');
    const report = JSON.parse(r.stdout) as { lineage: { seq: number }; output: { sha256: string } };
    assert.deepEqual(report.lineage, { seq: 0 });
    assert.equal(report.output.sha256, sha256(output));
    const events = await auditEvents(join(dir, 'data', 'audit.db'));
    assert.equal(events.length, 1);
    const { time, policy, ...event } = events[0] as { time: string; policy: { name: string; hash: string } };
    assert.match(time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(policy.name, 'default');
    assert.match(policy.hash, /^sha256:[0-9a-f]{16}$/);
    assert.deepEqual(event, {
      v: 1,
      seq: 0,
      kind: 'dataset.sanitized',
      tenant: 'shop',
      input: { name: 'customers.csv', sha256: sha256(input), bytes: readFileSync(input).length, records: 5 },
      output: { name: 'clean.csv', sha256: sha256(output), bytes: readFileSync(output).length, records: 4 },
      counts: { EMAIL: 4, IBAN: 1, PERSON: 5, PHONE: 4 },
      dropped: 1,
    });
    for (const file of readdirSync(join(dir, 'data'))) {
      const bytes = readFileSync(join(dir, 'data', file));
      for (const value of PLANTED) assert.ok(!bytes.includes(value), `a planted value is in ${file}`);
    }
  });

  it('keeps the copy but fails with exit 1 when the audit log cannot be written', () => {
    const dir = tempDir();
    writeConfig(dir);
    writeCustomerCsv(dir);
    // The audit database path names a directory: the store cannot be opened.
    writeFileSync(join(dir, 'airlock.yaml'), `${readFileSync(join(dir, 'airlock.yaml'), 'utf8')}\naudit: { path: ${JSON.stringify(dir)} }\n`);
    const r = runDatasetCli(['sanitize', 'customers.csv', '--out', 'clean.csv', '--skip-invalid'], dir);
    assert.equal(r.status, 1);
    const output = join(dir, 'clean.csv');
    assert.ok(existsSync(output));
    assert.match(r.stderr, new RegExp(`clean\\.csv was written \\(sha256 ${sha256(output)}\\) but has no lineage record: the audit log could not be written`));
    assert.match(r.stdout, /Lineage {3}none/);
  });
});
