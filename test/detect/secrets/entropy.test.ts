/**
 * The entropy rule: random values bound to a credential key are CREDENTIAL, with the value as the span; UUIDs used
 * as ids, commit hashes and digests without a credential key, base64 images, product codes, tracking numbers,
 * pagination cursors and token counts are not; and a value a provider row already claims is left to that row.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../../../scripts/corpus/rng.ts';
import { entropyDetector, isCredentialToken } from '../../../src/detect/secrets/entropy.ts';

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

/** Seeded key bodies, made at run time so no key-like literal is committed. */
function randomText(seed: number): (length: number, alphabet?: string) => string {
  const rng = createRng(seed);
  return (length, alphabet = B62) => rng.chars(alphabet, length);
}

const r = randomText(4242);

function values(text: string): string[] {
  return entropyDetector.detect(text).map((f) => text.slice(f.start, f.end));
}

describe('entropy credentials', () => {
  it('reports random values next to credential keys, value only', () => {
    const cases: readonly ((v: string) => string)[] = [
      (v) => `api_key=${v}`,
      (v) => `"apiKey": "${v}"`,
      (v) => `X-Api-Key: ${v}`,
      (v) => `client_secret: ${v}`,
      (v) => `CONSUMER_SECRET="${v}"`,
      (v) => `access_token=${v}&token_type=bearer`,
      (v) => `auth: ${v}`,
      (v) => `key=${v}`,
      (v) => `Authorization: Token ${v}`,
      (v) => `the API key ${v} stopped working`,
      (v) => `credentials:\n  secret_access_key: ${v}\n`,
      (v) => `{"messages":[{"content":"SHOP_TOKEN=${v}\\n"}]}`,
      (v) => `Here is the key: ${v}`,
      (v) => `the API key is ${v}, please rotate it`,
      (v) => `API-Schlüssel: ${v}`,
      (v) => `clé API : ${v}`,
      (v) => `//registry.npmjs.org/:_authToken=${v}`,
    ];
    for (const surround of cases) {
      const value = r(32);
      const text = surround(value);
      assert.deepEqual(values(text), [value], text);
      assert.equal(entropyDetector.detect(text)[0]?.type, 'CREDENTIAL');
    }
  });

  it('accepts hex and base64 secrets and UUIDs as API keys', () => {
    const hex = r(40, HEX);
    assert.deepEqual(values(`webhook_secret: ${hex}`), [hex]);
    const b64 = `${r(43, `${B62}+/`)}=`;
    assert.deepEqual(values(`signing_key = "${b64}"`), [b64]);
    const uuid = '3f2c8a1e-9b7d-4c6e-8f5a-1b2c3d4e5f60';
    assert.deepEqual(values(`HEROKU_API_KEY=${uuid}`), [uuid]);
    // WordPress salts: quoted, any printable character.
    const salt = r(64, `${B62}!@#$%^&*()-_[]{}<>~+=,.;:/?|`);
    assert.deepEqual(values(`define('AUTH_KEY', '${salt}');`), [salt]);
  });

  it('ignores ids, hashes, payloads and codes', () => {
    const texts = [
      'Order 3f2c8a1e-9b7d-4c6e-8f5a-1b2c3d4e5f60 shipped; order token: 7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      `fixed in commit ${r(40, HEX)} (see sha256 ${r(64, HEX)})`,
      `Request-Id: ${r(32, HEX)}, Session ID: ${r(32)}`,
      `"image_key": "data:image/png;base64,iVBORw0KGgo${r(200, `${B62}+/`)}"`,
      `"thumbnail": "iVBORw0KGgo${r(120, `${B62}+/`)}"`,
      'product_key: SKU-2024-RED-XL-0001, license key: ABCDE-12345-FGHIJ-67890',
      'Tracking: 1Z999AA10123456784, token: gift-card-balance-check',
      `next_page_token=${r(24)}, "max_tokens": 4096, "prompt_tokens": 812`,
      `cache_key: ${r(40, HEX)}, primary key: id, idempotency_key: ${r(24)}`,
      'token: checkout_button_label_v2',
      `api_key=${'x'.repeat(32)} and secret=${'0123456789abcdef'.repeat(2)}`,
      'secret: your-secret-here',
      'Key features: water-resistant, ultra-light',
      `Cache key: ${r(24)} and Primary key: ${r(20)}`,
      'const privateKey = pki.privateKeyFromPem(pem); apiKey = initialApiKeyValue;',
      'token_endpoint_auth: CredentialsAPI.McpOauthTokenEndpointAuth;',
    ];
    for (const text of texts) assert.deepEqual(values(text), [], text.slice(0, 60));
  });

  it('leaves values a provider row recognises to that row', () => {
    assert.deepEqual(values(`api_key=ghp_${r(36)}`), []);
    assert.deepEqual(values(`token: sk-proj-${r(60)}`), []);
  });

  it('judges randomness close to the theory: random strings pass, words and patterns do not', () => {
    const alphabets = [B62, HEX, `${B62}-_`, 'abcdefghijklmnopqrstuvwxyz0123456789'];
    let misses = 0;
    let total = 0;
    for (const alphabet of alphabets) {
      for (const length of [20, 32, 40, 64]) {
        for (let i = 0; i < 250; i++) {
          total++;
          if (!isCredentialToken(r(length, alphabet))) misses++;
        }
      }
    }
    assert.ok(misses / total < 0.01, `${misses} of ${total} random strings rejected`);
    for (const word of ['my_secret_password', 'ProductCode12345678', 'thisisaverylongidentifier', 'AbCdAbCdAbCdAbCdAbCd']) {
      assert.equal(isCredentialToken(word), false, word);
    }
  });
});
