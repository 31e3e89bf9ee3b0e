/**
 * Residency routing end to end: several loopback backends in different declared jurisdictions, the official
 * openai client, and the reply headers that say where each request went. A backend outside the allowed
 * jurisdictions must receive nothing at all (counted in TCP connections), also when every compliant backend is
 * down and under fallback; a dedicated backend serves only its tenant.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { APIError } from 'openai';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.ts';
import { openaiBackend, startTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { deadPort } from '../helpers/ports.ts';

const EMAIL = 'Please update the order for jana.novak@example.org today.';
const CARD = 'Charge card 4111 1111 1111 1111 for the replacement.';
const CLEAN = 'Which running shoes do you recommend for a marathon?';

const JURISDICTIONS = { 'on-prem': { within: 'DE' }, DE: { within: 'EU' }, EU: {}, US: {} };
const LEVELS = { restricted: ['on-prem'], confidential: ['EU'], internal: ['any'], public: ['any'] };
/** No active probes: every connection a backend sees comes from a request. */
const QUIET = { health: { checkIntervalMs: 0 } };

interface Routed {
  readonly backend: string | null;
  readonly jurisdiction: string | null;
  readonly level: string | null;
  readonly redactions: string | null;
  readonly text: string;
}

async function ask(gw: TestGateway, key: string, content: string, headers: Record<string, string> = {}): Promise<Routed> {
  const { data, response } = await gw
    .client(key)
    .chat.completions.create({ model: 'shop', messages: [{ role: 'user', content }] }, { headers })
    .withResponse();
  return {
    backend: response.headers.get('x-airlock-backend'),
    jurisdiction: response.headers.get('x-airlock-jurisdiction'),
    level: response.headers.get('x-airlock-level'),
    redactions: response.headers.get('x-airlock-redactions'),
    text: data.choices[0]?.message.content ?? '',
  };
}

async function refusal(promise: Promise<unknown>): Promise<APIError> {
  const err = await promise.then(
    () => assert.fail('expected the request to be refused'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof APIError, String(err));
  return err;
}

describe('routing by classification level', () => {
  let us: FakeOpenAI;
  let de: FakeOpenAI;
  let onPrem: FakeOpenAI;
  let gw: TestGateway;
  let key: string;

  before(async () => {
    [us, de, onPrem] = await Promise.all([startFakeOpenAI(), startFakeOpenAI(), startFakeOpenAI()]);
    gw = await startTestGateway({
      jurisdictions: JURISDICTIONS,
      backends: [
        openaiBackend('us-1', us.baseUrl, { shop: 'm' }, { jurisdiction: 'US', priority: 0, ...QUIET }),
        openaiBackend('fra-1', de.baseUrl, { shop: 'm' }, { jurisdiction: 'DE', priority: 1, ...QUIET }),
        openaiBackend('basement', onPrem.baseUrl, { shop: 'm' }, { jurisdiction: 'on-prem', priority: 2, ...QUIET }),
      ],
      policies: { default: { levels: LEVELS } },
    });
    key = gw.keys['shop/k1'] as string;
  });
  after(async () => {
    await gw.close();
    await Promise.all([us.close(), de.close(), onPrem.close()]);
  });

  it('sends a request without findings to the first backend by priority, wherever it is', async () => {
    const routed = await ask(gw, key, CLEAN);
    assert.deepEqual([routed.backend, routed.jurisdiction, routed.level, routed.redactions], ['us-1', 'US', 'public', '0']);
  });

  it('keeps confidential data (a pseudonymized e-mail) inside the EU', async () => {
    const before = us.requests.length;
    const routed = await ask(gw, key, EMAIL);
    assert.deepEqual([routed.backend, routed.jurisdiction, routed.level, routed.redactions], ['fra-1', 'DE', 'confidential', '1']);
    assert.equal(us.requests.length, before, 'the US backend must not see the request');
    assert.ok(!JSON.stringify(de.requests.at(-1)?.body).includes('jana.novak'), 'the value was pseudonymized before it left');
  });

  it('sends restricted data (a card number) only on-prem', async () => {
    const routed = await ask(gw, key, CARD);
    assert.deepEqual([routed.backend, routed.jurisdiction, routed.level], ['basement', 'on-prem', 'restricted']);
  });

  it('lets the caller raise the level with x-airlock-level but never lower it', async () => {
    const raised = await ask(gw, key, CLEAN, { 'x-airlock-level': 'Restricted' });
    assert.deepEqual([raised.backend, raised.level], ['basement', 'restricted']);
    const notLowered = await ask(gw, key, EMAIL, { 'x-airlock-level': 'public' });
    assert.deepEqual([notLowered.backend, notLowered.level], ['fra-1', 'confidential']);
  });

  it('refuses an unknown level in x-airlock-level, naming the header', async () => {
    const err = await refusal(ask(gw, key, CLEAN, { 'x-airlock-level': 'secret' }));
    assert.equal(err.status, 400);
    assert.equal(err.code, 'AIRLOCK_REQUEST_INVALID_LEVEL');
    assert.equal(err.param, 'x-airlock-level');
  });

  it('records the level, the attempts and the policy with its content hash in the request log line', async () => {
    await ask(gw, key, EMAIL);
    const line = JSON.parse(gw.logs.filter((l) => l.includes('"request finished"')).at(-1) as string) as Record<string, unknown>;
    assert.equal(line.level, 'confidential');
    assert.equal(line.attempts, 1);
    assert.match(String(line.policy), /^default@sha256:[0-9a-f]{16}$/);
    assert.equal(line.redactions, 1);
  });
});

describe('no compliant backend', () => {
  let us: FakeOpenAI;
  let gw: TestGateway;
  let key: string;

  before(async () => {
    us = await startFakeOpenAI();
    gw = await startTestGateway({
      jurisdictions: JURISDICTIONS,
      routing: { retries: 1, retryBaseDelayMs: 0 },
      backends: [
        openaiBackend('us-1', us.baseUrl, { shop: 'm' }, { jurisdiction: 'US', priority: 0, ...QUIET }),
        openaiBackend('fra-down', `http://127.0.0.1:${await deadPort()}/v1`, { shop: 'm' }, {
          jurisdiction: 'DE',
          priority: 1,
          health: { checkIntervalMs: 0, failureThreshold: 2, openMs: 60_000 },
        }),
        openaiBackend('basement-down', `http://127.0.0.1:${await deadPort()}/v1`, { shop: 'm' }, {
          jurisdiction: 'on-prem',
          priority: 2,
          health: { checkIntervalMs: 0, failureThreshold: 2, openMs: 60_000 },
        }),
      ],
      policies: { default: { levels: LEVELS } },
    });
    key = gw.keys['shop/k1'] as string;
  });
  after(async () => {
    await gw.close();
    await us.close();
  });

  it('with the compliant backends down and a non-compliant one up, not one byte reaches the non-compliant one', async () => {
    // First the compliant backends are tried and fail; then their circuits are open and the request is refused
    // before anything is attempted. Either way the US backend, which is up and would answer, sees nothing.
    const first = await refusal(ask(gw, key, EMAIL));
    assert.equal(first.status, 502);
    assert.equal(first.code, 'AIRLOCK_BACKEND_UNREACHABLE');
    await refusal(ask(gw, key, EMAIL));
    const refused = await refusal(ask(gw, key, EMAIL));
    assert.equal(refused.status, 503);
    assert.equal(refused.code, 'AIRLOCK_POLICY_NO_COMPLIANT_BACKEND');
    assert.match(refused.message, /level confidential; allowed jurisdictions: EU; every one is out of service/);
    assert.equal(refused.headers?.get('x-airlock-level'), 'confidential');
    assert.equal(us.connections(), 0);
    assert.equal(gw.gateway.health.state('fra-down'), 'open');
  });

  it('refuses at once when no backend serving the model is in an allowed jurisdiction at all', async () => {
    const restricted = gw.reconfigure({ policies: { default: { levels: { ...LEVELS, restricted: ['EU'], confidential: ['on-prem'] } } } });
    assert.equal(gw.gateway.reload(restricted).status, 'applied');
    const other = gw.reconfigure({ policies: { default: { levels: { ...LEVELS, confidential: ['US'] } } } });
    assert.equal(gw.gateway.reload(other).status, 'applied');
    const routed = await ask(gw, key, EMAIL);
    assert.equal(routed.backend, 'us-1', 'a policy that allows the US sends there');
    const none = gw.reconfigure({ policies: { default: { levels: { ...LEVELS, confidential: [] } } } });
    assert.equal(gw.gateway.reload(none).status, 'applied');
    const connections = us.connections();
    const refused = await refusal(ask(gw, key, EMAIL));
    assert.equal(refused.code, 'AIRLOCK_POLICY_NO_COMPLIANT_BACKEND');
    assert.match(refused.message, /level confidential; allowed jurisdictions: none; none serves this model/);
    assert.equal(us.connections(), connections);
  });
});

describe('tenant isolation', () => {
  let shared: FakeOpenAI;
  let dedicated: FakeOpenAI;
  let gw: TestGateway;

  before(async () => {
    [shared, dedicated] = await Promise.all([startFakeOpenAI(), startFakeOpenAI()]);
    gw = await startTestGateway(
      {
        jurisdictions: JURISDICTIONS,
        routing: { retries: 2, retryBaseDelayMs: 0 },
        tenants: [{ id: 'acme' }, { id: 'globex' }],
        backends: [
          openaiBackend('acme-only', dedicated.baseUrl, { shop: 'm' }, { jurisdiction: 'DE', priority: 1, tenants: ['acme'], ...QUIET }),
          // A high threshold keeps the shared backend's circuit closed, so every retry reaches it and can be counted.
          openaiBackend('shared', shared.baseUrl, { shop: 'm' }, { jurisdiction: 'DE', priority: 0, health: { checkIntervalMs: 0, failureThreshold: 100 } }),
        ],
      },
      [
        { tenant: 'acme', id: 'k' },
        { tenant: 'globex', id: 'k' },
      ],
    );
  });
  after(async () => {
    await gw.close();
    await Promise.all([shared.close(), dedicated.close()]);
  });

  it("never routes to another tenant's dedicated backend, also when the shared one fails", async () => {
    shared.behaviour = { status: 503 };
    const acme = await ask(gw, gw.keys['acme/k'] as string, CLEAN);
    assert.equal(acme.backend, 'acme-only', 'acme falls back to its own backend');
    const before = dedicated.requests.length;
    const globex = await refusal(ask(gw, gw.keys['globex/k'] as string, CLEAN));
    assert.equal(globex.code, 'AIRLOCK_BACKEND_ERROR');
    assert.equal(dedicated.requests.length, before, "globex's request never reached acme's backend");
    assert.equal(shared.requests.filter((r) => r.method === 'POST').length, 1 + 3, 'acme once, globex three times (two retries)');
  });
});

describe('retries and fallback', () => {
  let primary: FakeOpenAI;
  let secondary: FakeOpenAI;
  let gw: TestGateway;
  let key: string;

  before(async () => {
    [primary, secondary] = await Promise.all([startFakeOpenAI(), startFakeOpenAI({ text: 'from the secondary' })]);
    gw = await startTestGateway({
      routing: { retries: 2, retryBaseDelayMs: 1 },
      backends: [
        openaiBackend('primary', primary.baseUrl, { shop: 'm' }, { priority: 0, health: { checkIntervalMs: 0, failureThreshold: 100 } }),
        openaiBackend('secondary', secondary.baseUrl, { shop: 'm' }, { priority: 1, ...QUIET }),
      ],
    });
    key = gw.keys['shop/k1'] as string;
  });
  after(async () => {
    await gw.close();
    await Promise.all([primary.close(), secondary.close()]);
  });

  it('falls back in priority order when the first backend answers 5xx or 429', async () => {
    for (const status of [500, 503, 429]) {
      primary.behaviour = { status };
      const routed = await ask(gw, key, CLEAN);
      assert.deepEqual([routed.backend, routed.text], ['secondary', 'from the secondary'], `after ${status}`);
    }
    const line = JSON.parse(gw.logs.filter((l) => l.includes('"request finished"')).at(-1) as string) as Record<string, unknown>;
    assert.equal(line.attempts, 2);
  });

  it('does not retry a request the backend rejected as invalid (4xx)', async () => {
    primary.behaviour = { status: 400 };
    const before = secondary.requests.length;
    const err = await refusal(ask(gw, key, CLEAN));
    assert.equal(err.code, 'AIRLOCK_BACKEND_REJECTED_REQUEST');
    assert.equal(secondary.requests.length, before);
  });

  it('retries a stream that failed before its first byte, and the caller gets exactly one stream', async () => {
    primary.behaviour = { status: 502 };
    secondary.behaviour = { text: 'from the secondary', streamChunks: 4 };
    const stream = await gw.client(key).chat.completions.create({ model: 'shop', messages: [{ role: 'user', content: CLEAN }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    assert.equal(text, 'from the secondary 1 2 3', "the secondary's four chunks, once");
  });

  it('never retries a stream after its first chunk reached the caller, so nothing is repeated', async () => {
    primary.behaviour = { streamChunks: 6, malformedAfterChunks: 2 };
    const [primaryBefore, secondaryBefore] = [primary.requests.length, secondary.requests.length];
    const stream = await gw.client(key).chat.completions.create({ model: 'shop', messages: [{ role: 'user', content: CLEAN }], stream: true });
    const contents: string[] = [];
    const failure = await (async () => {
      for await (const chunk of stream) contents.push(chunk.choices[0]?.delta.content ?? '');
    })().then(
      () => null,
      (e: unknown) => e,
    );
    assert.ok(failure instanceof Error, 'the stream ends with an error event');
    // The reply guard holds the last word back until it is complete and releases it before the error event.
    assert.equal(contents.join(''), 'Hello from the fake backend 1', 'the text of the two chunks sent before the failure, once');
    assert.equal(primary.requests.length, primaryBefore + 1);
    assert.equal(secondary.requests.length, secondaryBefore, 'no retry anywhere once bytes were sent');
  });
});
