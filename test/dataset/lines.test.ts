/** The JSONL line splitter: line endings, the byte order mark, strict UTF-8 and the line length guard. */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { splitLines, type Line } from '../../src/dataset/lines.ts';

async function lines(chunks: (string | Buffer)[], max = 1024): Promise<Line[]> {
  const source = (): AsyncIterable<Buffer> => Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
  const out: Line[] = [];
  for await (const line of splitLines(source(), max)) out.push(line);
  return out;
}

describe('splitLines', () => {
  it('splits LF and CRLF lines across chunk boundaries, with or without a final newline', async () => {
    assert.deepEqual(await lines(['a\r', '\nbc', '\n\nd']), [
      { number: 1, text: 'a' },
      { number: 2, text: 'bc' },
      { number: 3, text: '' },
      { number: 4, text: 'd' },
    ]);
    assert.deepEqual(await lines(['x\n']), [{ number: 1, text: 'x' }]);
  });

  it('drops a byte order mark only at the start of the file', async () => {
    assert.deepEqual(await lines(['\ufeff{}\n\ufeff{}\n']), [{ number: 1, text: '{}' }, { number: 2, text: '\ufeff{}' }]);
  });

  it('decodes a character split between chunks and refuses bytes that are not UTF-8', async () => {
    const euro = Buffer.from('€');
    assert.deepEqual(await lines([euro.subarray(0, 1), Buffer.concat([euro.subarray(1), Buffer.from('\n')])]), [{ number: 1, text: '€' }]);
    assert.deepEqual(await lines([Buffer.from([0x61, 0xff, 0x0a, 0x62])]), [{ number: 1, error: 'not valid UTF-8' }, { number: 2, text: 'b' }]);
  });

  it('counts a line over the limit as too long without holding it, and goes on with the next', async () => {
    const long = ['x'.repeat(600), 'x'.repeat(600), 'x'.repeat(600)];
    assert.deepEqual(await lines(['ok\n', ...long, '\nnext\n', 'y'.repeat(2000)]), [
      { number: 1, text: 'ok' },
      { number: 2, error: 'line too long' },
      { number: 3, text: 'next' },
      { number: 4, error: 'line too long' },
    ]);
    assert.deepEqual(await lines(['x'.repeat(1024), '\n']), [{ number: 1, text: 'x'.repeat(1024) }], 'exactly the limit is allowed');
  });
});
