/**
 * Tests for HTML elements in a reply: which attributes are fetched (images) and which followed (links), how
 * browsers' forgiving tag syntax and character references are read, srcset, styles, srcdoc, and how far an
 * `<a>` reaches.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { only, seen } from './find-links.ts';

describe('findLinks: HTML', () => {
  it('reports <img> with its alt as text, whatever the quoting and case', () => {
    for (const source of [
      '<img src="https://i.example/a.png" alt="A">',
      "<img src='https://i.example/a.png' alt='A'>",
      '<IMG SRC=https://i.example/a.png ALT=A>',
      '<img\n  alt="A"\n  src="https://i.example/a.png" />',
      '<img/src="https://i.example/a.png"/alt="A">',
    ]) {
      assert.deepEqual(only(`x ${source} y`), { kind: 'image', source, text: 'A', urls: ['https://i.example/a.png'] });
    }
  });

  it('decodes character references in attribute values', () => {
    assert.deepEqual(only('<img src="&#104;ttps://e.example/p?a=1&amp;b=2">').urls, ['https://e.example/p?a=1&b=2']);
    assert.deepEqual(only('<img src="&#x6A;ava&Tab;script&colon;x">').urls, ['java\tscript:x']);
  });

  it('collects every srcset candidate', () => {
    assert.deepEqual(only('<img srcset="https://a.example/1.png 1x, https://b.example/2,3.png 2x" src="https://c.example/0.png">').urls, [
      'https://a.example/1.png',
      'https://b.example/2,3.png',
      'https://c.example/0.png',
    ]);
    assert.deepEqual(only('<picture><source srcset="/s.webp"></picture>').urls, ['/s.webp']);
  });

  it('reports fetched elements as images', () => {
    const cases: [string, string[]][] = [
      ['<video poster="https://v.example/p.jpg" src="https://v.example/v.mp4">', ['https://v.example/p.jpg', 'https://v.example/v.mp4']],
      ['<audio src="https://a.example/s.mp3">', ['https://a.example/s.mp3']],
      ['<source src="https://s.example/v.webm">', ['https://s.example/v.webm']],
      ['<iframe src="https://f.example/">', ['https://f.example/']],
      ['<object data="https://o.example/x.swf">', ['https://o.example/x.swf']],
      ['<embed src="https://e.example/x">', ['https://e.example/x']],
      ['<link rel="stylesheet" href="https://l.example/s.css">', ['https://l.example/s.css']],
      ['<input type="image" src="https://b.example/go.png">', ['https://b.example/go.png']],
      ['<svg><image href="https://g.example/i.svg"/></svg>', ['https://g.example/i.svg']],
      ['<table background="https://bg.example/t.png">', ['https://bg.example/t.png']],
      ['<div style="background-image: url(\'https://css.example/b.png\')">', ['https://css.example/b.png']],
      ['<p style="background:u\\72l(https://esc.example/c.png)">', ['https://esc.example/c.png']],
      ['<meta http-equiv="refresh" content="0; url=https://m.example/">', ['https://m.example/']],
    ];
    for (const [source, urls] of cases) {
      const span = seen(source).find((s) => s.kind === 'image');
      assert.ok(span, source);
      assert.deepEqual(span.urls, urls, source);
    }
  });

  it('reads the images of an iframe srcdoc and of a <style> element', () => {
    assert.deepEqual(only('<iframe srcdoc="&lt;img src=https://sd.example/p&gt;"></iframe>').urls, ['https://sd.example/p']);
    assert.deepEqual(only('<style>body { background: url("https://st.example/b.png") }</style> after'), {
      kind: 'image',
      source: '<style>body { background: url("https://st.example/b.png") }</style>',
      text: '',
      urls: ['https://st.example/b.png'],
    });
  });

  it('covers an <a> up to its </a>, with the inner text and no tags', () => {
    assert.deepEqual(only('See <a href="https://a.example/">the <b>bold</b> page</a>.'), {
      kind: 'link',
      source: '<a href="https://a.example/">the <b>bold</b> page</a>',
      text: 'the bold page',
      urls: ['https://a.example/'],
    });
  });

  it('covers only the opening tag of an <a> that is not closed within reach', () => {
    assert.deepEqual(only('<a href="https://a.example/">no close'), {
      kind: 'link',
      source: '<a href="https://a.example/">',
      text: '',
      urls: ['https://a.example/'],
    });
    const far = `<a href="https://a.example/">${'x'.repeat(2001)}</a>`;
    assert.equal(only(far).source, '<a href="https://a.example/">');
    const near = `<a href="https://a.example/">${'x'.repeat(2000)}</a>`;
    assert.equal(only(near).source, near);
  });

  it('reports an image inside an <a> as one image span with both URLs', () => {
    assert.deepEqual(only('<a href="https://h.example/"><img src="https://i.example/p.png" alt="P"></a>'), {
      kind: 'image',
      source: '<a href="https://h.example/"><img src="https://i.example/p.png" alt="P"></a>',
      text: 'P',
      urls: ['https://i.example/p.png', 'https://h.example/'],
    });
    assert.deepEqual(only('<a href="https://h.example/">![m](https://md.example/i.png)</a>').urls, [
      'https://md.example/i.png',
      'https://h.example/',
    ]);
  });

  it('still reports a tag inside an HTML comment (some renderers do not treat it as one)', () => {
    assert.deepEqual(only('<!-- <img src="https://c.example/x"> -->').urls, ['https://c.example/x']);
  });

  it('ignores elements without URL attributes', () => {
    assert.deepEqual(seen('<b>bold</b> <div class="x">y</div>'), []);
  });

  it('follows srcdoc documents two levels deep and no deeper', () => {
    const inFrame = (html: string) =>
      `<iframe srcdoc="${html.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"></iframe>`;
    const once = inFrame('<img src="https://sd.example/p">');
    assert.deepEqual(only(once).urls, ['https://sd.example/p']);
    assert.deepEqual(only(inFrame(once)).urls, ['https://sd.example/p']);
    assert.deepEqual(seen(inFrame(inFrame(once))), []);
  });
});
