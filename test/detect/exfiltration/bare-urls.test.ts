/**
 * Tests for bare URLs (GFM extended autolinks): where they start and end, trailing punctuation, parentheses and
 * entities, and that text inside another construct is not reported again.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { only, seen } from './find-links.ts';

describe('findLinks: bare URLs', () => {
  it('reports http, https, ftp and www URLs with the URL as text', () => {
    assert.deepEqual(seen('a http://a.example/x b HTTPS://B.example c ftp://f.example/file d www.w.example/p'), [
      { kind: 'url', source: 'http://a.example/x', text: 'http://a.example/x', urls: ['http://a.example/x'] },
      { kind: 'url', source: 'HTTPS://B.example', text: 'HTTPS://B.example', urls: ['HTTPS://B.example'] },
      { kind: 'url', source: 'ftp://f.example/file', text: 'ftp://f.example/file', urls: ['ftp://f.example/file'] },
      { kind: 'url', source: 'www.w.example/p', text: 'www.w.example/p', urls: ['www.w.example/p'] },
    ]);
  });

  it('leaves trailing punctuation out', () => {
    for (const tail of ['.', ',', ':', '!', '?', '*', '_', '~', '...', '?!', '"', "'"]) {
      assert.equal(only(`Go to https://x.example/a${tail} now`).source, 'https://x.example/a', tail);
    }
    assert.equal(only('https://x.example/a.b.').source, 'https://x.example/a.b');
  });

  it('leaves an unbalanced closing parenthesis out and keeps balanced ones', () => {
    assert.equal(only('(see https://x.example/a)').source, 'https://x.example/a');
    assert.equal(only('https://en.wikipedia.example/wiki/Foo_(bar)').source, 'https://en.wikipedia.example/wiki/Foo_(bar)');
    assert.equal(only('(https://en.wikipedia.example/wiki/Foo_(bar)))').source, 'https://en.wikipedia.example/wiki/Foo_(bar)');
  });

  it('leaves a trailing entity-like `&name;` out', () => {
    assert.equal(only('https://x.example/?a=b&amp; next').source, 'https://x.example/?a=b');
    assert.equal(only('https://x.example/?a=b&c=d;').source, 'https://x.example/?a=b&c=d;');
  });

  it('stops at whitespace and `<`', () => {
    assert.equal(only('https://x.example/a<b').source, 'https://x.example/a');
    assert.equal(only('https://x.example/a\u00a0b').source, 'https://x.example/a');
  });

  it('is not reported inside another construct', () => {
    assert.deepEqual(seen('[see https://in.example/](https://out.example/)').map((s) => s.urls), [['https://out.example/']]);
  });

  it('does not start `www.` inside a word', () => {
    assert.deepEqual(seen('awww.example.com'), []);
  });
});
