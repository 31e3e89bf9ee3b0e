/**
 * Tests for the link finder as a whole: properties that hold on arbitrary and markdown-ish text (never throws,
 * sorted and non-overlapping spans, an inserted image is always found), timings on adversarial input, and the
 * public entry that the reply guard imports. Each kind of construct has its own test file (markdown, html,
 * bare-urls, code) and the URL helpers theirs (url-parts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as links from '../../../src/detect/exfiltration/links.ts';
import * as urlParts from '../../../src/detect/exfiltration/url-parts.ts';
import { only } from './find-links.ts';

const { findLinks } = links;

describe('findLinks: entry', () => {
  it('re-exports the URL helpers the reply guard imports from it', () => {
    assert.equal(links.hostOf, urlParts.hostOf);
    assert.equal(links.schemeOf, urlParts.schemeOf);
    assert.equal(links.hostAllowed, urlParts.hostAllowed);
  });
});

describe('findLinks: properties', () => {
  function assertWellFormed(text: string): void {
    const spans = findLinks(text);
    let previousEnd = 0;
    for (const span of spans) {
      assert.ok(span.start >= previousEnd, 'sorted and non-overlapping');
      assert.ok(span.end > span.start && span.end <= text.length, 'in bounds');
      assert.equal(span.urls[0], span.url);
      assert.equal(new Set(span.urls).size, span.urls.length);
      if (span.kind === 'url') assert.equal(text.slice(span.start, span.end), span.url);
      previousEnd = span.end;
    }
  }

  it('never throws and returns well-formed spans for arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), assertWellFormed), { numRuns: 500 });
  });

  const fragment = fc.constantFrom(
    '[', ']', '(', ')', '![', '](', '<', '>', '`', '``', '```\n', '~~~\n', '\\', '\n', '\n\n', ' ', '"', "'", '|', '|---|\n',
    'a', 'https://x.example/', 'www.y.example', '<img src=', '<a href="h">', '</a>', '<style>', 'url(', '&#104;', '&amp;',
    '[r]: /u\n', '[r]', '# ', '- ', '> ', '1. ', '<div>\n', '<!--', '-->', ' "t"', '<http://a.example>', 'a@b.example>',
  );

  it('returns well-formed spans for text built from markdown-ish fragments', () => {
    fc.assert(fc.property(fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join('')), assertWellFormed), { numRuns: 1500 });
  });

  it('reports nothing in text without brackets, angle brackets or URL prefixes', () => {
    const plain = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '`', '(', ')', '!', '.', '/', ':', '*', '#', '-', '|'), maxLength: 200 });
    fc.assert(fc.property(plain, (text) => findLinks(text).length === 0));
  });

  it('finds an inserted image wherever it lands between fragments outside code', () => {
    const prose = fc.array(fc.constantFrom('word ', 'x\n', '**b** ', '[', ']', '(', ')', '- item\n', '\n\n'), { maxLength: 20 });
    fc.assert(
      fc.property(prose, prose, (before, after) => {
        const image = '![i](https://evil.example/p?d=1)';
        const text = `${before.join('')}\n\n${image}\n\n${after.join('')}`;
        return findLinks(text).some((s) => s.kind === 'image' && s.urls.includes('https://evil.example/p?d=1'));
      }),
    );
  });
});

describe('findLinks: adversarial input', () => {
  const size = 100_000;
  const repeat = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const inputs: Record<string, string> = {
    'open brackets': repeat('['),
    'close-open': repeat(']('),
    'image openers': repeat('!['),
    'empty links': repeat('[]('),
    'balanced links': repeat('[]()'),
    'nested images': `${'!['.repeat(size / 6)}${'](x)'.repeat(size / 6)}`,
    'nested brackets': `${'['.repeat(size / 2)}${']'.repeat(size / 2)}`,
    'unclosed tags': repeat('<a '),
    'unclosed attribute quotes': repeat('<a x="'),
    'unclosed titles': repeat('[](a "'),
    'deep parentheses': `[a](${'('.repeat(size)}`,
    'backtick runs': repeat('`` ` ```'),
    'pipes and backticks': repeat('| ` |'),
    'unclosed fences': repeat('~~~a\n'),
    'fence lengths': repeat('``````\n```\n'),
    'definitions and uses': `[a]: /u\n\n${repeat('[a]')}`,
    'labels': repeat('[x]['),
    'autolink starts': repeat('<http:'),
    'url prefixes': repeat('http://'),
    'trailing dots': `http://a${'.'.repeat(size)}`,
    'anchors': repeat('<a href=x>'),
    'style urls': `<div style="${repeat('url(')}">`,
    'html blocks': repeat('<div>\n`a`\n'),
    'backslashes': repeat('\\'),
    'srcset candidates': `<img srcset="${repeat('a,')}">`,
    'ping lists': `<a ping="${repeat('a ')}">`,
  };

  for (const [name, text] of Object.entries(inputs)) {
    it(`handles 100 KB of ${name} quickly`, (t) => {
      const started = performance.now();
      findLinks(text);
      const elapsed = performance.now() - started;
      t.diagnostic(`${name}: ${elapsed.toFixed(1)} ms`);
      assert.ok(elapsed < 1000, `${name} took ${elapsed.toFixed(0)} ms`);
    });
  }

  it('does not overflow the stack on a megabyte of URL candidates in one element', () => {
    const span = only(`<img srcset="${'https://s.example/a.png 1x, '.repeat(40_000)}" style="${'background:url(b) '.repeat(20_000)}">`);
    assert.deepEqual(span.urls, ['https://s.example/a.png', 'b']);
  });
});
