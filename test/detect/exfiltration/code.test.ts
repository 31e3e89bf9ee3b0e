/**
 * Tests for code: code spans and fenced blocks hide markdown and HTML from the renderer, so nothing but bare URLs
 * is reported inside them; and the cases where code must not hide an image a renderer shows (unclosed fences,
 * block boundaries, table cells, HTML blocks).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { only, seen } from './find-links.ts';

describe('findLinks: code', () => {
  it('reports no markdown inside an inline code span, but its bare URLs', () => {
    assert.deepEqual(seen('`![x](https://e.example/a)` and `<img src=https://e.example/b>`'), [
      { kind: 'url', source: 'https://e.example/a', text: 'https://e.example/a', urls: ['https://e.example/a'] },
      { kind: 'url', source: 'https://e.example/b', text: 'https://e.example/b', urls: ['https://e.example/b'] },
    ]);
  });

  it('ends a bare URL at the closing backtick', () => {
    assert.equal(only('`https://e.example/a`').source, 'https://e.example/a');
  });

  it('lets a code span that starts first hide a link, and a link hold a code span', () => {
    assert.deepEqual(seen('[a`](b)`'), []);
    assert.deepEqual(only('[`a`](b)').source, '[`a`](b)');
  });

  it('reports only bare URLs inside fenced code', () => {
    for (const fence of ['```', '~~~', '````']) {
      const text = `${fence}md\n![x](https://f.example/i) [l](https://f.example/l) <img src="https://f.example/h">\n${fence}\n![y](https://out.example/)`;
      assert.deepEqual(seen(text).map((s) => [s.kind, s.source]), [
        ['url', 'https://f.example/i'],
        ['url', 'https://f.example/l'],
        ['url', 'https://f.example/h'],
        ['image', '![y](https://out.example/)'],
      ], fence);
    }
  });

  it('treats an unclosed fence as text (it may belong to a list item that ends earlier), so images in it are still reported', () => {
    assert.deepEqual(only('```\n![x](https://u.example/)\n').kind, 'image');
    assert.deepEqual(only('```\n![x](https://u.example/)\n~~~').kind, 'image');
    assert.deepEqual(only('1. a\n   ```\n![x](https://u.example/)\n```').kind, 'image');
  });

  it('does not let a code span reach across a heading to hide an image', () => {
    assert.deepEqual(only('# `z\n`a\nb` ![x](https://h.example/) `c`').kind, 'image');
  });

  it('does not let a code span hide an image in another table cell', () => {
    assert.deepEqual(only('| a | b | c |\n|---|---|---|\n| `x | ![i](https://t.example/) | y` |').source, '![i](https://t.example/)');
  });

  it('keeps backticks literal inside an HTML block', () => {
    assert.deepEqual(only('<div>\n`<img src="https://d.example/">`\n</div>').urls, ['https://d.example/']);
  });

  it('keeps a code span pairing across lines of one paragraph', () => {
    assert.deepEqual(only('`a\nb` ![x](https://p.example/) `c`').kind, 'image');
  });
});
