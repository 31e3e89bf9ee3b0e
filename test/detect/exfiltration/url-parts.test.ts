/**
 * Tests for the URL helpers the reply guard decides with: schemes and hosts read the way browsers read them
 * (obfuscation, userinfo and backslash tricks, IDN), and allow-list matching that rejects look-alikes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostAllowed, hostOf, schemeOf } from '../../../src/detect/exfiltration/url-parts.ts';

describe('schemeOf', () => {
  it('lower-cases the scheme', () => {
    assert.equal(schemeOf('HTTPS://x.example'), 'https');
    assert.equal(schemeOf('JaVaScRiPt:alert(1)'), 'javascript');
    assert.equal(schemeOf('mailto:a@b.example'), 'mailto');
    assert.equal(schemeOf('data:image/png;base64,AAAA'), 'data');
  });

  it('sees through whitespace and control-character obfuscation as browsers do', () => {
    assert.equal(schemeOf('java\tscript:alert(1)'), 'javascript');
    assert.equal(schemeOf('java\nscr\ript:alert(1)'), 'javascript');
    assert.equal(schemeOf('   javascript:alert(1)'), 'javascript');
    assert.equal(schemeOf('\u0001\u001f javascript:x'), 'javascript');
  });

  it('is null for relative URLs', () => {
    for (const url of ['/path', 'path/to', '#frag', '?q=1', '//host.example/x', '', './a:b']) assert.equal(schemeOf(url), null, url);
  });
});

describe('hostOf', () => {
  it('gives the lower-cased host of web URLs', () => {
    assert.equal(hostOf('https://Shop.Example/a'), 'shop.example');
    assert.equal(hostOf('http://shop.example:8080/a'), 'shop.example');
    assert.equal(hostOf('ftp://files.example/x'), 'files.example');
    assert.equal(hostOf('wss://ws.example/s'), 'ws.example');
    assert.equal(hostOf('//cdn.example/x.png'), 'cdn.example');
    assert.equal(hostOf('www.Shop.example/p'), 'www.shop.example');
    assert.equal(hostOf(' https://x.example'), 'x.example');
  });

  it('gives the domain of a mailto address', () => {
    assert.equal(hostOf('mailto:anna@Mail.Example?subject=hi'), 'mail.example');
    assert.equal(hostOf('mailto:no-at-sign'), null);
  });

  it('is null for relative URLs, fragments and schemes without a host', () => {
    for (const url of ['/a', 'a/b', '#x', '?q', 'data:text/plain,hi', 'javascript:alert(1)', 'tel:+1234']) assert.equal(hostOf(url), null, url);
  });

  it('resolves userinfo and backslash tricks the way browsers do', () => {
    assert.equal(hostOf('https://shop.example@evil.com/'), 'evil.com');
    assert.equal(hostOf('https://evil.com\\@shop.example'), 'evil.com');
    assert.equal(hostOf('/\\evil.com/x'), 'evil.com');
    assert.equal(hostOf('https:evil.com/x'), 'evil.com');
  });

  it('gives punycode for IDN hosts', () => {
    assert.equal(hostOf('https://bücher.example/'), 'xn--bcher-kva.example');
  });

  it('still names the host of a URL that does not parse, so an allow-list check fails closed', () => {
    assert.equal(hostOf('https://evil.example:99999/?d=x'), 'evil.example');
  });
});

describe('hostAllowed', () => {
  const allow = ['shop.example', '*.cdn.example'];

  it('matches an exact entry and a wildcard entry with its subdomains', () => {
    assert.equal(hostAllowed('shop.example', allow), true);
    assert.equal(hostAllowed('cdn.example', allow), true);
    assert.equal(hostAllowed('img.eu.cdn.example', allow), true);
    assert.equal(hostAllowed('SHOP.Example.', allow), true);
  });

  it('rejects look-alikes', () => {
    for (const host of ['evilshop.example', 'evil-shop.example', 'shop.example.evil.com', 'www.shop.example', 'evilcdn.example', 'cdn.example.evil', '', 'example']) {
      assert.equal(hostAllowed(host, allow), false, host);
    }
    assert.equal(hostAllowed('evilshop.example', ['*.shop.example']), false);
  });

  it('checks the host browsers would contact, not the one a URL appears to name', () => {
    assert.equal(hostAllowed(hostOf('https://shop.example@evil.com/') ?? '', allow), false);
    assert.equal(hostAllowed(hostOf('https://evil.com\\@shop.example') ?? '', allow), false);
  });

  it('compares IDN hosts in punycode', () => {
    assert.equal(hostAllowed('bücher.example', ['xn--bcher-kva.example']), true);
    assert.equal(hostAllowed('xn--bcher-kva.example', ['bücher.example']), true);
    assert.equal(hostAllowed(hostOf('https://BÜCHER.example/') ?? '', ['xn--bcher-kva.example']), true);
  });
});
