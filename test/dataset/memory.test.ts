/**
 * Bounded memory on a large file: a ~200 MB JSONL file is generated on the fly in a temp directory (never
 * committed) — chat records with PII, multimodal records whose inline images make up most of the bytes, and
 * one 100 MB line over the 16 MB record limit — then scanned and sanitized in a child process that samples its own
 * RSS. The child runs with a small V8 heap (64 MB old generation): the code must fit in it, so anything that
 * held the file, or the long line, as a string would crash it; and with little garbage left lying around the
 * RSS bounds are real ones, not lucky ones: under 300 MB in all (the detection engine alone takes about 130),
 * and less growth than the long line's size. Prints peak RSS and throughput.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createWriteStream, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { tempDir, writeConfig } from './helpers/fixtures.ts';

const MB = 1024 * 1024;
const MEASURE = fileURLToPath(new URL('./helpers/measure.ts', import.meta.url));
const HEAP_FLAGS = ['--max-old-space-size=64', '--max-semi-space-size=4'];

const TEXT_RECORDS = 6000;
const IMAGE_RECORDS = 500;
const IMAGE = `data:image/jpeg;base64,${Buffer.alloc(150 * 1024, 0x5a).toString('base64')}`;
const LONG_LINE_MB = 100;
const RSS_LIMIT_MB = 300;
/** Less than the long line: holding it, even as bytes, would show. */
const GROWTH_LIMIT_MB = 75;

function textRecord(i: number): string {
  return JSON.stringify({ messages: [
    { role: 'system', content: 'You are the support assistant of an online shop. Answer briefly and politely.' },
    { role: 'user', content: `Hello, this is customer ${i}. Please send the invoice to customer${i}@example.com, thanks.` },
    { role: 'assistant', content: `Of course. I will send invoice ${i} to customer${i}@example.com today.` },
  ] });
}

/** Three pieces, so generating the file leaves no large strings behind for the collector. */
function imageRecord(i: number): string[] {
  return [`{"messages":[{"role":"user","content":[{"type":"text","text":"What is in picture ${i}?"},{"type":"image_url","image_url":{"url":"`, IMAGE, '"}}]}]}\n'];
}

const FILLER = 'x'.repeat(MB);

/** Writes the file with backpressure, so generating it does not inflate the RSS being measured. */
async function generate(path: string): Promise<{ lines: number; longLine: number }> {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  let lines = 0;
  let longLine = 0;
  for (let i = 0; i < TEXT_RECORDS; i++) {
    const line = textRecord(i);
    await write(`${line}\n`);
    lines++;
    if (i % (TEXT_RECORDS / IMAGE_RECORDS) === 0) {
      for (const piece of imageRecord(i)) await write(piece);
      lines++;
    }
    if (i === TEXT_RECORDS / 2) {
      await write('{"messages":[{"role":"user","content":"');
      for (let m = 0; m < LONG_LINE_MB; m++) await write(FILLER);
      await write('"}]}\n');
      longLine = ++lines;
    }
  }
  out.end();
  await once(out, 'finish');
  return { lines, longLine };
}

interface Figures {
  readonly baseMb: number;
  readonly scan: { peakMb: number; seconds: number; records: number; invalid: unknown[]; emails: number };
  readonly sanitize: { peakMb: number; seconds: number; output: number; emails: number };
}

describe('dataset streaming on a large file', () => {
  const dir = tempDir('airlock-dataset-big-');
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('scans and sanitizes ~200 MB with bounded memory', async () => {
    const path = join(dir, 'big.jsonl');
    const { lines, longLine } = await generate(path);
    const fileMb = statSync(path).size / MB;
    const child = spawnSync(process.execPath, [...HEAP_FLAGS, MEASURE, path, writeConfig(dir), join(dir, 'clean.jsonl')], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(child.status, 0, child.stderr);
    const figures = JSON.parse(child.stdout) as Figures;
    assert.equal(figures.scan.records, lines);
    assert.deepEqual(figures.scan.invalid, [{ line: longLine, reason: 'line too long' }]);
    assert.equal(figures.scan.emails, 2 * TEXT_RECORDS);
    assert.equal(figures.sanitize.output, lines - 1);
    assert.equal(figures.sanitize.emails, 2 * TEXT_RECORDS);
    for (const name of ['scan', 'sanitize'] as const) {
      const { peakMb, seconds } = figures[name];
      process.stdout.write(
        `# dataset ${name}: ${fileMb.toFixed(0)} MB, ${lines} records in ${seconds.toFixed(1)} s = ${(fileMb / seconds).toFixed(1)} MB/s, ` +
          `${(lines / seconds).toFixed(0)} records/s; peak RSS ${peakMb.toFixed(0)} MB (before: ${figures.baseMb.toFixed(0)} MB)\n`,
      );
      assert.ok(peakMb < RSS_LIMIT_MB, `${name}: peak RSS ${peakMb.toFixed(0)} MB`);
      assert.ok(peakMb - figures.baseMb < GROWTH_LIMIT_MB, `${name}: RSS grew by ${(peakMb - figures.baseMb).toFixed(0)} MB`);
    }
  });
});
