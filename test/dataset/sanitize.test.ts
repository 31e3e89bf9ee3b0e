/**
 * `sanitizeDataset`: a valid copy in the same format with the same records less the dropped ones, no planted
 * value left, pseudonyms consistent across lines and files, numbers and unchanged lines kept exactly, the
 * policy's other actions, and no copy at all (not even a partial file) when an invalid record would be lost.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { InvalidRecordError, sanitizeDataset } from '../../src/dataset/sanitize.ts';
import type { DatasetFormat } from '../../src/dataset/source.ts';
import { BIG_ID, EMAILS, NAMES, PHONES, PLANTED, tempDir, tenantPolicy, writeChatJsonl, writeCustomerCsv } from './helpers/fixtures.ts';

const MB = 1024 * 1024;
const PSEUDONYM = /\[[A-Z_]+_[0-9a-f]{16}\]/g;

async function sanitize(path: string, format: DatasetFormat, options: { skipInvalid?: boolean; extra?: string } = {}) {
  const dir = tempDir();
  const out = join(dir, `out.${format}`);
  const { policy } = tenantPolicy(dir, options.extra);
  const result = await sanitizeDataset({ path, format, policy, maxRecordBytes: MB, examples: 0, out, skipInvalid: options.skipInvalid ?? true });
  return { dir, out, result, text: readFileSync(out, 'utf8') };
}

function assertNoPlanted(text: string): void {
  for (const value of PLANTED) assert.ok(!text.includes(value), `a planted value survived: ${value.slice(0, 3)}…`);
}

/** The dataset pseudonyms in a text, in order. */
function pseudonymsIn(text: string): string[] {
  return text.match(PSEUDONYM) ?? [];
}

describe('dataset sanitize: chat JSONL', () => {
  it('writes valid JSONL with every record but the dropped ones, and no planted value', async () => {
    const path = writeChatJsonl(tempDir());
    const { out, result, text } = await sanitize(path, 'jsonl');
    const lines = text.split('\n');
    assert.equal(lines.pop(), '', 'ends with a newline');
    assert.equal(lines.length, 6, 'eight lines less the malformed and the blocked one');
    assert.equal(lines[4], '', 'the blank line is kept');
    for (const line of lines.filter((l) => l !== '')) assert.equal(typeof JSON.parse(line), 'object');
    assertNoPlanted(text);
    assert.ok(text.includes('******************3000'), 'the IBAN is masked to its last four');
    assert.deepEqual({ input: result.input.records, output: result.output.records, dropped: result.dropped }, { input: 7, output: 5, dropped: 2 });
    assert.equal(result.output.sha256, createHash('sha256').update(readFileSync(out)).digest('hex'));
    assert.equal(result.output.bytes, readFileSync(out).length);
    assert.equal(result.input.sha256, createHash('sha256').update(readFileSync(path)).digest('hex'));
  });

  it('gives a value the same pseudonym on every line, inside tool arguments too', async () => {
    const { text } = await sanitize(writeChatJsonl(tempDir()), 'jsonl');
    const [first, second] = text.split('\n').map((l) => JSON.parse(l || 'null') as { messages: { content: unknown; tool_calls?: { function: { arguments: string } }[] }[] } | null);
    const user = String(first?.messages[1]?.content);
    const assistant = String(first?.messages[2]?.content);
    const [person, email] = pseudonymsIn(user);
    assert.match(person ?? '', /^\[PERSON_/);
    assert.match(email ?? '', /^\[EMAIL_/);
    assert.deepEqual(pseudonymsIn(assistant), [person, email]);
    const args = JSON.parse(second?.messages[1]?.tool_calls?.[0]?.function.arguments ?? '{}') as { email: string; iban: string };
    assert.equal(args.email, email);
    assert.equal(args.iban, '******************3000');
  });

  it('keeps numbers as written and copies unchanged records byte for byte', async () => {
    const dir = tempDir();
    const path = join(dir, 'plain.jsonl');
    writeFileSync(path, `{"a":  1, "b": "nothing here"}\r\n{"text": "mail ${EMAILS[3]}", "id": ${BIG_ID}, "w": 1.50}\n`);
    const { text } = await sanitize(path, 'jsonl');
    const lines = text.split('\n');
    assert.equal(lines[0], '{"a":  1, "b": "nothing here"}');
    assert.match(lines[1] ?? '', new RegExp(`^\\{"text":"mail \\[EMAIL_[0-9a-f]{16}\\]","id":${BIG_ID},"w":1\\.50\\}$`));
  });

  it('writes no copy, not even a partial one, when an invalid record would be dropped without skipInvalid', async () => {
    const dir = tempDir();
    const { policy } = tenantPolicy(dir);
    const out = join(dir, 'out.jsonl');
    const run = sanitizeDataset({ path: writeChatJsonl(dir), format: 'jsonl', policy, maxRecordBytes: MB, examples: 0, out, skipInvalid: false });
    await assert.rejects(run, (err: unknown) => err instanceof InvalidRecordError && err.entry.line === 4 && err.message === 'line 4: not valid JSON');
    assert.deepEqual(readdirSync(dir).sort(), ['airlock.yaml', 'chat.jsonl']);
  });

  it('applies the policy: redact, hash, allow', async () => {
    const extra = 'policies: { p: { entities: { PHONE: redact, EMAIL: hash, PERSON: allow } } }\ntenants: [{ id: shop, policy: p }]';
    const { text } = await sanitize(writeChatJsonl(tempDir()), 'jsonl', { extra });
    assert.ok(text.includes('my phone is [PHONE].'));
    assert.match(text, /my e-mail is \[EMAIL#[0-9a-f]{16}\]/);
    assert.ok(text.includes(NAMES[0]), 'allowed values stay');
    assert.ok(!text.includes(EMAILS[0]) && !text.includes(PHONES[0]));
  });
});

describe('dataset sanitize: CSV', () => {
  it('writes valid CSV with the header, every good row and no planted value', async () => {
    const path = writeCustomerCsv(tempDir());
    const { text, result } = await sanitize(path, 'csv');
    const rows = parse(text);
    assert.deepEqual(rows[0], ['id', 'name', 'email', 'phone', 'note']);
    assert.deepEqual(rows.slice(1).map((r) => r[0]), ['1', '2', '3', '5'], 'the short row is dropped');
    assert.ok(rows.every((r) => r.length === 5));
    assert.equal(rows[1]?.[4], 'Prefers e-mail, not "phone"');
    assert.match(rows[3]?.[4] ?? '', /^Multi-line\nnote for \[PERSON_[0-9a-f]{16}\]$/);
    assert.equal(rows[3]?.[1], rows[3]?.[4]?.split('for ')[1], 'the same name, the same pseudonym');
    assertNoPlanted(text);
    assert.deepEqual({ input: result.input.records, output: result.output.records, dropped: result.dropped }, { input: 5, output: 4, dropped: 1 });
  });

  it('gives a value the pseudonym it has in the JSONL file of the same tenant', async () => {
    const csv = parse((await sanitize(writeCustomerCsv(tempDir()), 'csv')).text);
    const jsonl = (await sanitize(writeChatJsonl(tempDir()), 'jsonl')).text;
    const annaEmail = csv[1]?.[2] ?? '';
    assert.match(annaEmail, PSEUDONYM);
    assert.ok(jsonl.includes(annaEmail));
  });

  it('leaves TSV unquoted', async () => {
    const dir = tempDir();
    const path = join(dir, 'in.tsv');
    writeFileSync(path, `name\tsaid\n${NAMES[1]}\tHe said "hi" to ${EMAILS[1]}\n`);
    const { text } = await sanitize(path, 'tsv');
    assert.match(text, /^name\tsaid\n\[PERSON_[0-9a-f]{16}\]\tHe said "hi" to \[EMAIL_[0-9a-f]{16}\]\n$/);
  });

  it('refuses a file that is not UTF-8 and writes nothing', async () => {
    const dir = tempDir();
    const path = join(dir, 'bad.csv');
    writeFileSync(path, Buffer.concat([Buffer.from('a,b\n1,'), Buffer.from([0xff]), Buffer.from('\n')]));
    const { policy } = tenantPolicy(dir);
    const out = join(dir, 'out.csv');
    const run = sanitizeDataset({ path, format: 'csv', policy, maxRecordBytes: MB, examples: 0, out, skipInvalid: true });
    await assert.rejects(run, /not valid UTF-8 \(near line 2\)/);
    assert.deepEqual(readdirSync(dir).sort(), ['airlock.yaml', 'bad.csv']);
  });
});
