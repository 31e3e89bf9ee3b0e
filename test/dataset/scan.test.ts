/**
 * `scanDataset` over chat JSONL and CSV: exact counts per type and per field, examples by position only (the
 * offsets point at the planted value; the report never contains it), invalid records by line, records a
 * sanitize run would drop, and the examples limit.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scanJson, scanText } from '../../src/dataset/report.ts';
import { scanDataset } from '../../src/dataset/scan.ts';
import type { DatasetFormat } from '../../src/dataset/source.ts';
import { chatLines, EMAILS, PLANTED, tempDir, tenantPolicy, writeChatJsonl, writeCustomerCsv } from './helpers/fixtures.ts';

const MB = 1024 * 1024;

async function scan(path: string, format: DatasetFormat, examples = 5, extra = '') {
  const { policy } = tenantPolicy(tempDir(), extra);
  const { tally, input } = await scanDataset({ path, format, policy, maxRecordBytes: MB, examples });
  const ctx = { path, format, tenant: 'shop', policy };
  return { tally, input, json: scanJson(ctx, tally, input), text: scanText(ctx, tally, input) };
}

function assertNoValue(report: string): void {
  for (const value of PLANTED) assert.ok(!report.includes(value), 'a planted value appears in the report');
}

describe('dataset scan: chat JSONL', () => {
  it('counts every type and field exactly, and hashes the input', async () => {
    const path = writeChatJsonl(tempDir());
    const { json, input } = await scan(path, 'jsonl');
    assert.deepEqual(json.records, { total: 7, invalid: 1, blocked: 1, byShape: { chat: 4, 'prompt-completion': 1, other: 1 } });
    assert.deepEqual(json.byType, { EMAIL: 6, PERSON: 5, IBAN: 2, PHONE: 2, ACCESS_TOKEN: 1 });
    assert.deepEqual(json.actions, { EMAIL: 'pseudonymize', PERSON: 'pseudonymize', IBAN: 'mask', PHONE: 'pseudonymize', ACCESS_TOKEN: 'block' });
    assert.deepEqual(json.byField, {
      completion: { PERSON: 1 },
      'input.text': { PERSON: 1, PHONE: 1 },
      'messages[assistant].content': { EMAIL: 1, PERSON: 1 },
      'messages[assistant].tool_calls[].function.arguments.email': { EMAIL: 1 },
      'messages[assistant].tool_calls[].function.arguments.iban': { IBAN: 1 },
      'messages[tool].content.contact': { EMAIL: 1 },
      'messages[user].content': { ACCESS_TOKEN: 1, EMAIL: 1, PERSON: 1, PHONE: 1 },
      'messages[user].content[].text': { EMAIL: 1, IBAN: 1, PERSON: 1 },
      prompt: { EMAIL: 1 },
    });
    assert.deepEqual(json.invalid, [{ line: 4, reason: 'not valid JSON' }]);
    assert.deepEqual(json.blocked, [{ line: 5, types: ['ACCESS_TOKEN'] }]);
    assert.equal(input.sha256, createHash('sha256').update(readFileSync(path)).digest('hex'));
    assert.equal(input.bytes, readFileSync(path).length);
  });

  it('gives examples by line, path and offsets that locate the value, and never the value', async () => {
    const { json, text } = await scan(writeChatJsonl(tempDir()), 'jsonl');
    const emails = json.examples.EMAIL ?? [];
    assert.equal(emails.length, 5, 'at most --examples per type');
    assert.deepEqual(emails[0], { line: 1, path: 'messages[1].content', start: 36, end: 59 });
    const record = JSON.parse(chatLines()[0] as string) as { messages: { content: string }[] };
    assert.equal(record.messages[1]?.content.slice(36, 59), EMAILS[0]);
    assert.deepEqual(emails[2], { line: 2, path: 'messages[1].tool_calls[0].function.arguments.email', start: 0, end: 23 });
    assertNoValue(JSON.stringify(json));
    assertNoValue(text);
    assert.match(text, /Records {3}7 records \(4 chat, 1 prompt-completion, 1 other\), 1 invalid/);
    assert.match(text, /line 4: not valid JSON/);
    assert.match(text, /line 5: ACCESS_TOKEN/);
  });

  it('keeps no examples with --examples 0', async () => {
    const { json } = await scan(writeChatJsonl(tempDir()), 'jsonl', 0);
    assert.deepEqual(json.examples, {});
    assert.equal(json.findings, 16);
  });
});

describe('dataset scan: CSV', () => {
  it('counts per column, reports the short row by line and places multi-line rows by their first line', async () => {
    const { json } = await scan(writeCustomerCsv(tempDir()), 'csv');
    assert.deepEqual(json.records, { total: 5, invalid: 1, blocked: 0, byShape: { row: 4 } });
    assert.deepEqual(json.byType, { PERSON: 5, EMAIL: 4, PHONE: 4, IBAN: 1 });
    assert.deepEqual(json.byField, { email: { EMAIL: 4 }, name: { PERSON: 4 }, note: { IBAN: 1, PERSON: 1 }, phone: { PHONE: 4 } });
    assert.deepEqual(json.invalid, [{ line: 6, reason: 'wrong number of columns' }]);
    assert.deepEqual(json.examples.PERSON?.map((e) => [e.line, e.path]), [[2, 'name'], [3, 'name'], [4, 'name'], [4, 'note'], [7, 'name']]);
    assertNoValue(JSON.stringify(json));
  });

  it('treats a policy JSON field as a sensitive column, and hides a header that may be data', async () => {
    const dir = tempDir();
    const path = `${dir}/t.tsv`;
    writeFileSync(path, 'margin\tanna@example.de\n0.3\tx\n');
    const { json } = await scan(path, 'tsv', 5, 'policies: { p: { business: { jsonFields: [margin] } } }\ntenants: [{ id: shop, policy: p }]');
    assert.deepEqual(json.byField, { margin: { BUSINESS_FIELD: 1 } });
    assert.equal(JSON.stringify(json).includes('anna@'), false);
    assert.deepEqual(json.records.byShape, { row: 1 });
  });

  it('reports broken quoting by the lines it swallowed, and goes on', async () => {
    const dir = tempDir();
    const path = `${dir}/q.csv`;
    writeFileSync(path, 'a,b\n1,2\n"x"y,1\n3,4\n"5",6\n7,8\n');
    const { json } = await scan(path, 'csv');
    assert.equal(json.records.byShape.row, 2);
    assert.deepEqual(json.invalid.map((i) => [i.line, i.lastLine, i.reason]), [[3, undefined, 'malformed quoting'], [4, 5, 'malformed quoting']]);
  });

  it('numbers the lines of CRLF files right, quoted line breaks included', async () => {
    const path = join(tempDir(), 'crlf.csv');
    writeFileSync(path, `a,b\r\n1,"x\r\ny"\r\n2,${EMAILS[1]}\r\n`);
    const { json } = await scan(path, 'csv');
    assert.deepEqual(json.examples.EMAIL, [{ line: 4, path: 'b', start: 0, end: 21 }]);
  });

  it('fails rather than lose the rows after one over the size limit', async () => {
    const path = join(tempDir(), 'big.csv');
    writeFileSync(path, `a,b\n1,${'x'.repeat(2 * MB)}\n2,${EMAILS[1]}\n`);
    await assert.rejects(scan(path, 'csv'), /line 2: a record is longer than the limit/);
  });
});
