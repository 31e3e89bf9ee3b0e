/**
 * JWTs: found by decoding the header (JSON with `alg`), so dotted base64 that is not a token is left alone.
 * Tokens are built at run time from JSON objects.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isJwt, jwtDetector } from '../../../src/detect/secrets/jwt.ts';

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const signature = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256)).toString('base64url');
const header = b64url({ alg: 'HS256', typ: 'JWT' });
const payload = b64url({ sub: '1001', name: 'Jane Doe', iat: 1700000000, scope: 'orders:read' });
const TOKEN = `${header}.${payload}.${signature}`;

function spans(text: string): string[] {
  return jwtDetector.detect(text).map((f) => text.slice(f.start, f.end));
}

describe('JWT', () => {
  it('finds a signed token with its exact span in headers, JSON, cookies and prose', () => {
    const texts = [
      `Authorization: Bearer ${TOKEN}`,
      `{"id_token":"${TOKEN}","expires_in":3600}`,
      `Cookie: session=${TOKEN}; Path=/`,
      `The token ${TOKEN}. It expired yesterday.`,
      `"line one\\n${TOKEN}\\nline two"`,
    ];
    for (const text of texts) assert.deepEqual(spans(text), [TOKEN], text.slice(0, 40));
    assert.equal(jwtDetector.detect(texts[0] as string)[0]?.type, 'JWT');
  });

  it('keeps the trailing dot of an unsigned token and drops a full stop after a signed one', () => {
    const unsigned = `${b64url({ alg: 'none' })}.${payload}.`;
    assert.deepEqual(spans(`token: ${unsigned}`), [unsigned]);
    assert.deepEqual(spans(`See ${TOKEN}.`), [TOKEN]);
  });

  it('finds JWE compact tokens (five segments)', () => {
    const jwe = `${b64url({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.${signature}.${signature.slice(0, 16)}.${signature}${signature}.${signature.slice(0, 22)}`;
    assert.deepEqual(spans(jwe), [jwe]);
  });

  it('ignores dotted base64 whose header is not a JOSE header', () => {
    const texts = [
      `${b64url({ typ: 'JWT' })}.${payload}.${signature}`,
      `${b64url(['alg'])}.${payload}.${signature}`,
      `eyJhbGciOi.broken.${signature}`,
      `x${TOKEN}`,
      'eyJ is how JSON starts in base64.',
    ];
    for (const text of texts) assert.deepEqual(spans(text), [], text.slice(0, 30));
  });

  it('answers isJwt for whole values only', () => {
    assert.equal(isJwt(TOKEN), true);
    assert.equal(isJwt(`${TOKEN}x!`), false);
    assert.equal(isJwt(payload), false);
  });
});
