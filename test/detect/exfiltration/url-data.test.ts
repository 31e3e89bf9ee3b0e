/**
 * Tests for the URL data heuristics: both sides of every threshold, the benign shapes that must pass (UUIDs,
 * slugs, short hashes, ordinary forms), the decoded pieces handed to detectors, and robustness on any string.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodedParts, encodedPayload } from '../../../src/detect/exfiltration/url-data.ts';

const base64 = (text: string) => Buffer.from(text).toString('base64');
const base64url = (text: string) => Buffer.from(text).toString('base64url');

describe('encodedPayload: base64', () => {
  it('flags base64 of text from 24 characters on', () => {
    const at24 = base64('secret: hunter2 ok'); // 18 bytes, 24 characters
    const at23 = base64('secret: hunter2 o'); // 17 bytes, 23 characters and padding
    assert.equal(at24.length, 24);
    assert.equal(encodedPayload(`https://e.example/p?d=${at24}`), 'encoded');
    assert.equal(encodedPayload(`https://e.example/p?d=${at23}`), null);
  });

  it('flags base64 and base64url in a path segment, fragment, query key or userinfo', () => {
    const blob = base64('{"email":"anna@example.com","pw":"x"}');
    assert.equal(encodedPayload(`https://e.example/c/${base64url('Die Kundin heißt Anna Müller')}`), 'encoded');
    assert.equal(encodedPayload(`https://e.example/p#${blob}`), 'encoded');
    assert.equal(encodedPayload(`https://e.example/p?${encodeURIComponent(blob)}=1`), 'encoded');
    assert.equal(encodedPayload(`https://${base64url('user: anna@example.com')}@e.example/`), 'encoded');
  });

  it('flags percent-encoded base64', () => {
    assert.equal(encodedPayload(`https://e.example/p?d=${encodeURIComponent(base64('customer anna, card 4111'))}`), 'encoded');
  });

  it('flags random-looking base64 by its character mix, from 24 characters on', () => {
    assert.equal(encodedPayload('https://e.example/p?d=aZ3kQ9xL2mN7pR4tV8wY1bC6'), 'encoded');
    assert.equal(encodedPayload('https://e.example/p?d=aZ3kQ9xL2mN7pR4tV8wY1bC'), null);
    const binary = Buffer.from(Array.from({ length: 30 }, (_, i) => (i * 37 + 11) % 256)).toString('base64');
    assert.equal(encodedPayload(`https://e.example/p?d=${binary}`), 'encoded');
  });

  it('passes identifiers that only mix classes at word boundaries', () => {
    assert.equal(encodedPayload('https://e.example/p?field=getUserAccountSettingsById2024'), null);
    assert.equal(encodedPayload('https://e.example/api/getUserAccountSettingsById2024'), null);
  });
});

describe('encodedPayload: hex', () => {
  const hex = (length: number) => 'ab12'.repeat(20).slice(0, length);

  it('flags 32 or more hex characters in a query value, fragment or subdomain label', () => {
    assert.equal(encodedPayload(`https://e.example/p?h=${hex(32)}`), 'encoded');
    assert.equal(encodedPayload(`https://e.example/p?h=${hex(31)}`), null);
    assert.equal(encodedPayload(`https://e.example/p#${hex(32)}`), 'encoded');
    assert.equal(encodedPayload(`https://${hex(32)}.evil.example/`), 'encoded');
    assert.equal(encodedPayload(`https://${hex(31)}.evil.example/`), null);
  });

  it('needs 40 hex characters in a path segment, where content hashes are common', () => {
    assert.equal(encodedPayload(`https://cdn.example/${hex(40)}/x.png`), 'encoded');
    assert.equal(encodedPayload(`https://cdn.example/${hex(39)}/x.png`), null);
    assert.equal(encodedPayload(`https://cdn.example/${hex(32)}.png`), null);
  });

  it('passes UUIDs', () => {
    assert.equal(encodedPayload('https://e.example/orders/123e4567-e89b-12d3-a456-426614174000?ref=123E4567-E89B-12D3-A456-426614174000'), null);
  });
});

describe('encodedPayload: benign shapes', () => {
  it('passes ordinary shop, CDN and search URLs', () => {
    for (const url of [
      'https://shop.example/products/blue-cotton-shirt-with-long-sleeves-size-xl',
      'https://shop.example/products/blue-shirt?size=xl&color=blue&utm_source=newsletter',
      'https://cdn.example/assets/app.3f9a8b7c.js',
      'https://shop.example/p/Blue_Cotton_Shirt_Long_Sleeves_XL_2024',
      'https://search.example/?q=shirt',
      '/relative/path?page=2',
      'mailto:anna@shop.example',
      '',
    ]) {
      assert.equal(encodedPayload(url), null, url);
    }
  });
});

describe('encodedPayload: long values', () => {
  it('flags a decoded query value or fragment of 64 characters or more', () => {
    assert.equal(encodedPayload(`https://e.example/p?v=${'x'.repeat(64)}`), 'long-value');
    assert.equal(encodedPayload(`https://e.example/p?v=${'x'.repeat(63)}`), null);
    assert.equal(encodedPayload(`https://e.example/p#${'y'.repeat(64)}`), 'long-value');
    assert.equal(encodedPayload(`https://e.example/p#${'y'.repeat(63)}`), null);
    // Length counts decoded characters: 32 encoded spaces are 32, not 96.
    assert.equal(encodedPayload(`https://e.example/p?v=${'%20'.repeat(32)}`), null);
  });

  it('flags five or more words smuggled as query values', () => {
    assert.equal(encodedPayload('https://e.example/p?q=the+system+prompt+says+you'), 'long-value');
    assert.equal(encodedPayload('https://e.example/p?q=the+system+prompt+says'), null);
    assert.equal(encodedPayload('https://e.example/p?q=hello+there&r=how+are+you'), 'long-value');
    assert.equal(encodedPayload('https://e.example/p#the%20system%20prompt%20says%20hi'), 'long-value');
  });

  it('does not count one-word parameters of an ordinary form as words', () => {
    assert.equal(encodedPayload('https://e.example/p?a=one&b=two&c=three&d=four&e=five&f=six'), null);
    assert.equal(encodedPayload('https://e.example/p?q=1+2+3+4+5+6'), null);
  });

  it('prefers encoded when both apply', () => {
    assert.equal(encodedPayload(`https://e.example/p?d=${base64('secret: hunter2 ok')}&q=a+b+c+d+e`), 'encoded');
  });
});

describe('decodedParts', () => {
  it('returns host, userinfo, path segments, query keys and values and the fragment, decoded', () => {
    assert.equal(
      decodedParts('https://us%65r:p%40ss@Host.example:8080/a%20b/%E2%82%AC?q=a+b&k%3D=v%26w#frag%20x'),
      ['host.example', 'user', 'p@ss', 'a b', '€', 'q', 'a b', 'k=', 'v&w', 'frag x'].join('\n'),
    );
  });

  it('keeps invalid percent sequences as written', () => {
    assert.equal(decodedParts('/%zz/%FF/100%/%E2%82'), ['%zz', '%FF', '100%', '%E2%82'].join('\n'));
    assert.equal(decodedParts('/a%41%FFb'), 'aA%FFb');
  });

  it('reads `+` as a space only in the query', () => {
    assert.equal(decodedParts('https://e.example/a+b?x=c+d#e+f'), ['e.example', 'a+b', 'x', 'c d', 'e+f'].join('\n'));
  });

  it('splits relative, protocol-relative and www URLs', () => {
    assert.equal(decodedParts('//cdn.example/i.png?d=anna%40shop.example'), ['cdn.example', 'i.png', 'd', 'anna@shop.example'].join('\n'));
    assert.equal(decodedParts('www.e.example/p?x=1'), ['www.e.example', 'p', 'x', '1'].join('\n'));
    assert.equal(decodedParts('?only=query'), ['only', 'query'].join('\n'));
    assert.equal(decodedParts('mailto:anna@shop.example?body=hi%20there'), ['anna@shop.example', 'body', 'hi there'].join('\n'));
    assert.equal(decodedParts(''), '');
  });

  it('finds the host after a scheme without slashes and behind backslashes, as browsers do', () => {
    assert.equal(decodedParts('https:evil.example/x'), ['evil.example', 'x'].join('\n'));
    assert.equal(decodedParts('https:\\\\evil.example\\x'), ['evil.example', 'x'].join('\n'));
  });
});

describe('url-data: robustness', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (url) => {
        encodedPayload(url);
        assert.equal(typeof decodedParts(url), 'string');
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on URL-shaped strings with broken percent-encoding', () => {
    const piece = fc.constantFrom('%', '%2', '%zz', '%E2', '%82', '%F0%9F', '%00', '+', '=', '&', '?', '#', '@', ':', '/', '\\', 'a', 'Z', '9', '\ud800', 'é');
    const url = fc.array(piece, { maxLength: 80 }).map((parts) => `https://${parts.join('')}`);
    fc.assert(
      fc.property(url, (u) => {
        const result = encodedPayload(u);
        assert.ok(result === null || result === 'encoded' || result === 'long-value');
        decodedParts(u);
      }),
      { numRuns: 1000 },
    );
  });

  it('handles megabyte inputs', (t) => {
    for (const url of [
      `https://e.example/?d=${'a'.repeat(1_000_000)}`,
      `https://e.example/${'%'.repeat(1_000_000)}`,
      `https://e.example/${'aB3+'.repeat(250_000)}`,
      `https://e.example/${'%E2%82'.repeat(100_000)}`,
      `${'?&='.repeat(300_000)}`,
    ]) {
      const started = performance.now();
      encodedPayload(url);
      decodedParts(url);
      const elapsed = performance.now() - started;
      t.diagnostic(`${url.slice(0, 24)}…: ${elapsed.toFixed(1)} ms`);
      assert.ok(elapsed < 2000);
    }
  });
});
