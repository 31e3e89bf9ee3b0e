import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createKeyRing, extractApiKey, generateApiKey, hashApiKey, KEY_PREFIX } from '../../src/auth/api-keys.ts';

describe('API keys', () => {
  it('generates distinct prefixed keys with 256 bits of randomness and hashes them as sha256:hex', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    assert.notEqual(a, b);
    assert.ok(a.startsWith(KEY_PREFIX));
    assert.equal(Buffer.from(a.slice(KEY_PREFIX.length), 'base64url').length, 32);
    assert.match(hashApiKey(a), /^sha256:[0-9a-f]{64}$/);
  });

  it('authenticates only the exact key and returns its principal', () => {
    const key = generateApiKey();
    const ring = createKeyRing([{ id: 'wp', tenant: 'acme', hash: hashApiKey(key), scopes: ['chat'], models: ['m1'] }]);
    const principal = ring.authenticate(key);
    assert.equal(principal?.tenant, 'acme');
    assert.equal(principal?.keyId, 'wp');
    assert.ok(principal?.scopes.has('chat'));
    assert.ok(!principal?.scopes.has('embeddings'));
    assert.deepEqual([...(principal?.models ?? [])], ['m1']);
    assert.equal(ring.authenticate(`${key}x`), null);
    assert.equal(ring.authenticate(key.slice(0, -1)), null);
    assert.equal(ring.authenticate(''), null);
  });

  it('never accepts any other string (property)', () => {
    const key = generateApiKey();
    const ring = createKeyRing([{ id: 'k', tenant: 't', hash: hashApiKey(key), scopes: ['chat'] }]);
    fc.assert(fc.property(fc.string(), (s) => s === key || ring.authenticate(s) === null));
  });

  it('reads the key from Authorization: Bearer or api-key, and nothing else', () => {
    assert.equal(extractApiKey({ authorization: 'Bearer sk-airlock-abc' }), 'sk-airlock-abc');
    assert.equal(extractApiKey({ authorization: 'bearer   sk-airlock-abc ' }), 'sk-airlock-abc');
    assert.equal(extractApiKey({ 'api-key': 'sk-airlock-xyz' }), 'sk-airlock-xyz');
    assert.equal(extractApiKey({ authorization: 'Basic dXNlcjpwdw==' }), null);
    assert.equal(extractApiKey({ authorization: 'Bearer a b' }), null);
    assert.equal(extractApiKey({}), null);
  });
});
