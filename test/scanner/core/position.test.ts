/**
 * The scanner's one line and position helper (src/scanner/position.ts): offsets to 1-based lines and columns,
 * line numbers back to their text (what fingerprints hash), line ends and spans, CRLF and empty texts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineEnd, LineIndex, lineSpans, positionsIn } from '../../../src/scanner/position.ts';

describe('position', () => {
  it('maps offsets to lines and columns, also through the function form', () => {
    const text = 'ab\r\ncd\n\nef';
    const lines = new LineIndex(text);
    assert.deepEqual([0, 3, 4, 7, 8, 9, text.length].map((o) => lines.position(o)), [
      { line: 1, column: 1 }, { line: 1, column: 4 }, { line: 2, column: 1 }, { line: 3, column: 1 },
      { line: 4, column: 1 }, { line: 4, column: 2 }, { line: 4, column: 3 },
    ]);
    assert.deepEqual(positionsIn(text)(5), lines.position(5));
  });

  it('gives a line\'s text without its line break, and nothing past the last line', () => {
    const lines = new LineIndex('ab\r\ncd\n\nef');
    assert.deepEqual([1, 2, 3, 4, 5, 0].map((n) => lines.lineText(n)), ['ab', 'cd', '', 'ef', '', '']);
    assert.equal(new LineIndex('').lineText(1), '');
  });

  it('splits a text into line spans and finds line ends', () => {
    const text = 'a\nbc\r\n\n';
    assert.deepEqual(lineSpans(text), [[0, 1], [2, 5], [6, 6], [7, 7]]);
    assert.deepEqual(lineSpans(''), [[0, 0]]);
    assert.deepEqual([0, 2, 6, 7].map((i) => lineEnd(text, i)), [1, 5, 6, 7]);
  });
});
