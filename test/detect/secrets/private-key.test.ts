/**
 * Private key blocks: the whole block with its markers, in PEM, OpenSSH and PGP armour, with line breaks real,
 * escaped inside JSON, or collapsed to spaces; a block cut off before END up to where its base64 stops; PuTTY
 * files; and no finding for a BEGIN line around placeholder text. Key material is random base64 made at run time.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../../../scripts/corpus/rng.ts';
import { privateKeyDetector } from '../../../src/detect/secrets/private-key.ts';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Seeded key bodies, made at run time so no key-like literal is committed. */
function randomText(seed: number): (length: number, alphabet?: string) => string {
  const rng = createRng(seed);
  return (length, alphabet = B64) => rng.chars(alphabet, length);
}

const r = randomText(77);

/** `lines` lines of 64 base64 characters and a short padded last line. */
function body(lines: number): string[] {
  return [...Array.from({ length: lines }, () => r(64)), `${r(22)}==`];
}

function block(label: string, lines: string[], newline = '\n'): string {
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join(newline);
}

function spans(text: string): string[] {
  return privateKeyDetector.detect(text).map((f) => text.slice(f.start, f.end));
}

describe('private keys', () => {
  for (const label of ['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'PGP PRIVATE KEY BLOCK']) {
    it(`reports a whole ${label} block, markers included`, () => {
      const key = block(label, body(6));
      const text = `My deploy key:\n\n${key}\n\nWhy is it rejected?`;
      assert.deepEqual(spans(text), [key]);
      assert.equal(privateKeyDetector.detect(text)[0]?.type, 'PRIVATE_KEY');
    });
  }

  it('reports a block whose line breaks are escaped inside a JSON string', () => {
    const key = block('PRIVATE KEY', body(8), '\\n');
    const json = `{"type": "service_account", "private_key": "${key}\\n", "client_email": "bot@shop.iam.example"}`;
    assert.deepEqual(spans(json), [key]);
  });

  it('reports a block collapsed onto one line', () => {
    const key = block('RSA PRIVATE KEY', body(4), ' ');
    assert.deepEqual(spans(`key was: ${key} (from vault)`), [key]);
  });

  it('reports legacy encrypted PEM with Proc-Type headers', () => {
    const key = block('RSA PRIVATE KEY', ['Proc-Type: 4,ENCRYPTED', `DEK-Info: AES-128-CBC,${r(32, '0123456789ABCDEF')}`, '', ...body(5)]);
    assert.deepEqual(spans(key), [key]);
  });

  it('reports a truncated block up to the end of its base64', () => {
    const lines = body(3);
    const begin = '-----BEGIN OPENSSH PRIVATE KEY-----';
    const truncated = [begin, ...lines].join('\n');
    assert.deepEqual(spans(`${truncated}\n\nCan you tell me what is wrong with it?`), [truncated]);
    const escaped = [begin, ...lines].join('\\n');
    assert.deepEqual(spans(`{"key": "${escaped}\\n", "note": "cut off"}`), [escaped]);
    const cut = `${begin}\n${r(64)}\n${r(40)}`;
    assert.deepEqual(spans(`${cut}`), [cut]);
  });

  it('keeps two blocks apart, even when the first has no END line', () => {
    const first = [`-----BEGIN EC PRIVATE KEY-----`, ...body(2)].join('\n');
    const second = block('PRIVATE KEY', body(3));
    assert.deepEqual(spans(`${first}\n${second}`), [first, second]);
  });

  it('reports PuTTY key files from the header to the MAC', () => {
    const ppk = [
      'PuTTY-User-Key-File-3: ssh-ed25519',
      'Encryption: none',
      'Comment: deploy@shop',
      'Public-Lines: 2',
      r(64),
      r(20),
      'Private-Lines: 1',
      r(44),
      `Private-MAC: ${r(64, '0123456789abcdef')}`,
    ].join('\n');
    assert.deepEqual(spans(`${ppk}\nthanks`), [ppk]);
  });

  it('ignores BEGIN lines around placeholders, public keys and certificates', () => {
    const texts = [
      '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----',
      '-----BEGIN RSA PRIVATE KEY-----\n<paste your key here>\n-----END RSA PRIVATE KEY-----',
      'Your file must start with -----BEGIN OPENSSH PRIVATE KEY----- and nothing else.',
      block('PUBLIC KEY', body(4)),
      block('CERTIFICATE', body(10)),
      'ssh-rsa ' + r(300) + ' deploy@shop',
    ];
    for (const text of texts) assert.deepEqual(spans(text), [], text.slice(0, 50));
  });
});
