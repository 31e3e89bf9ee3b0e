/**
 * Bad input and failing backends: each case gets a specific OpenAI-shaped error, nothing crashes, and no
 * error body quotes what was sent.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { APIError } from 'openai';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.ts';
import { openaiBackend, startTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { deadPort } from '../helpers/ports.ts';

const MARK = 'ZEBRA-CANARY-7731';

describe('bad input and backend failures', () => {
  let fake: FakeOpenAI;
  let slow: FakeOpenAI;
  let bystander: FakeOpenAI;
  let gw: TestGateway;
  let key: string;
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${gw.url}${path}`, { method: 'POST', body, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers } });
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; param: string | null; message: string; type: string } }).error;

  before(async () => {
    fake = await startFakeOpenAI();
    slow = await startFakeOpenAI({ headersDelayMs: 1_000 });
    bystander = await startFakeOpenAI();
    gw = await startTestGateway({
      server: { bodyLimitBytes: '2kb' },
      backends: [
        // Each test shows one failure as a caller sees it; the circuit breaker, which would take "main" out of
        // service after a few of them, has tests of its own (test/e2e/routing.test.ts).
        openaiBackend('main', fake.baseUrl, { main: 'm' }, { health: { failureThreshold: 1000 } }),
        openaiBackend('slow', slow.baseUrl, { slow: 'm' }, { timeouts: { headersTimeoutMs: 200 } }),
        openaiBackend('dead', `http://127.0.0.1:${await deadPort()}/v1`, { dead: 'm' }),
        openaiBackend('bystander', bystander.baseUrl, { bystander: 'm' }),
      ],
    });
    key = gw.keys['shop/k1'] as string;
  });
  after(async () => {
    await gw.close();
    await Promise.all([fake.close(), slow.close(), bystander.close()]);
  });

  const chat = (model: string, content = 'hello') => JSON.stringify({ model, messages: [{ role: 'user', content }] });

  it('invalid JSON: 400 AIRLOCK_REQUEST_INVALID_JSON without quoting the body', async () => {
    const res = await post('/v1/chat/completions', `{"model": "main", ${MARK}`);
    assert.equal(res.status, 400);
    const error = await errorOf(res);
    assert.equal(error.code, 'AIRLOCK_REQUEST_INVALID_JSON');
    assert.equal(error.type, 'invalid_request_error');
    assert.ok(!error.message.includes(MARK));
  });

  it('wrong content type: 415', async () => {
    const res = await post('/v1/chat/completions', chat('main'), { 'content-type': 'text/plain' });
    assert.equal(res.status, 415);
    assert.equal((await errorOf(res)).code, 'AIRLOCK_REQUEST_UNSUPPORTED_MEDIA_TYPE');
  });

  it('empty body: 400 AIRLOCK_REQUEST_EMPTY_BODY', async () => {
    const res = await post('/v1/chat/completions', '');
    assert.equal(res.status, 400);
    assert.equal((await errorOf(res)).code, 'AIRLOCK_REQUEST_EMPTY_BODY');
  });

  it('a body that is not an object: 400 AIRLOCK_REQUEST_INVALID', async () => {
    const res = await post('/v1/chat/completions', '[1,2]');
    assert.equal(res.status, 400);
    assert.equal((await errorOf(res)).code, 'AIRLOCK_REQUEST_INVALID');
  });

  it('missing field: 400 naming it', async () => {
    const res = await post('/v1/chat/completions', JSON.stringify({ model: 'main' }));
    assert.equal(res.status, 400);
    const error = await errorOf(res);
    assert.equal(error.code, 'AIRLOCK_REQUEST_INVALID');
    assert.equal(error.param, 'messages');
    assert.match(error.message, /messages: is required/);
  });

  it('mistyped field: 400 naming the path and the rule, not the value', async () => {
    const res = await post('/v1/chat/completions', JSON.stringify({ model: 'main', messages: [{ role: 'user', content: 42 }], temperature: 0.1 }));
    const error = await errorOf(res);
    assert.equal(res.status, 400);
    assert.equal(error.param, 'messages[0].content');
    const role = await errorOf(await post('/v1/chat/completions', JSON.stringify({ model: 'main', messages: [{ role: MARK, content: 'x' }] })));
    assert.equal(role.param, 'messages[0].role');
    assert.ok(!role.message.includes(MARK));
  });

  it('empty messages: 400 AIRLOCK_REQUEST_EMPTY_MESSAGES', async () => {
    const res = await post('/v1/chat/completions', JSON.stringify({ model: 'main', messages: [] }));
    assert.equal(res.status, 400);
    assert.equal((await errorOf(res)).code, 'AIRLOCK_REQUEST_EMPTY_MESSAGES');
  });

  it('unknown model: 404 AIRLOCK_MODEL_NOT_FOUND without echoing the name', async () => {
    const res = await post('/v1/chat/completions', chat(MARK));
    assert.equal(res.status, 404);
    const error = await errorOf(res);
    assert.equal(error.code, 'AIRLOCK_MODEL_NOT_FOUND');
    assert.ok(!error.message.includes(MARK));
  });

  it('body over the limit: 413', async () => {
    const res = await post('/v1/chat/completions', chat('main', 'x'.repeat(4096)));
    assert.equal(res.status, 413);
    assert.equal((await errorOf(res)).code, 'AIRLOCK_REQUEST_TOO_LARGE');
  });

  it('unknown route: 404 in the OpenAI shape', async () => {
    const res = await post('/v1/responses', chat('main'));
    assert.equal(res.status, 404);
    assert.equal((await errorOf(res)).code, 'AIRLOCK_ROUTE_NOT_FOUND');
  });

  it('wrong method on a known route: 405 with an Allow header', async () => {
    const res = await fetch(`${gw.url}/v1/chat/completions`, { headers: { authorization: `Bearer ${key}` } });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'POST');
    assert.equal((await errorOf(res)).code, 'AIRLOCK_METHOD_NOT_ALLOWED');
  });

  it('backend refused connection: 502 AIRLOCK_BACKEND_UNREACHABLE', async () => {
    const res = await post('/v1/chat/completions', chat('dead'));
    assert.equal(res.status, 502);
    assert.equal((await errorOf(res)).code, 'AIRLOCK_BACKEND_UNREACHABLE');
  });

  it('backend timeout: 504 AIRLOCK_BACKEND_TIMEOUT', async () => {
    const res = await post('/v1/chat/completions', chat('slow'));
    assert.equal(res.status, 504);
    assert.equal((await errorOf(res)).code, 'AIRLOCK_BACKEND_TIMEOUT');
  });

  it('backend error status: 502 without relaying the upstream message', async () => {
    fake.behaviour = { status: 500 };
    try {
      const res = await post('/v1/chat/completions', chat('main'));
      assert.equal(res.status, 502);
      const error = await errorOf(res);
      assert.equal(error.code, 'AIRLOCK_BACKEND_ERROR');
      assert.ok(!error.message.includes('upstream failure details'));
    } finally {
      fake.behaviour = {};
    }
  });

  it('backend redirect to another local port: 502 and no request reaches that port', async () => {
    fake.behaviour = { redirectTo: `${bystander.baseUrl}/chat/completions` };
    const before = bystander.requests.length;
    try {
      const res = await post('/v1/chat/completions', chat('main'));
      assert.equal(res.status, 502);
      assert.equal((await errorOf(res)).code, 'AIRLOCK_EGRESS_REDIRECT_REFUSED');
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(bystander.requests.length, before);
    } finally {
      fake.behaviour = {};
    }
  });

  it('malformed upstream SSE: the chunks before it arrive, then an error event, and the stream closes cleanly', async () => {
    fake.behaviour = { malformedAfterChunks: 2 };
    try {
      const client = gw.client(key);
      const received: string[] = [];
      const stream = await client.chat.completions.create({ model: 'main', messages: [{ role: 'user', content: 'hi' }], stream: true });
      await assert.rejects(
        (async () => {
          for await (const c of stream) received.push(c.choices[0]?.delta.content ?? '');
        })(),
        (err: unknown) => err instanceof APIError && (err.error as { code?: string } | undefined)?.code === 'AIRLOCK_BACKEND_BAD_RESPONSE',
      );
      // The reply guard holds back the last word until it is complete; it is checked and sent before the error.
      assert.equal(received.join(''), 'Hello from the fake backend 1');
    } finally {
      fake.behaviour = {};
    }
    const after = await gw.client(key).chat.completions.create({ model: 'main', messages: [{ role: 'user', content: 'still up?' }] });
    assert.equal(after.choices[0]?.message.content, 'Hello from the fake backend');
  });

  it('client disconnect mid-stream: the upstream request is aborted at once', async () => {
    const hanging = await startFakeOpenAI({ hangAfterChunks: 1 });
    const local = await startTestGateway({ backends: [openaiBackend('h', hanging.baseUrl, { h: 'm' })] });
    try {
      const controller = new AbortController();
      const res = await fetch(`${local.url}/v1/chat/completions`, {
        method: 'POST',
        signal: controller.signal,
        headers: { authorization: `Bearer ${local.keys['shop/k1']}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'h', stream: true, messages: [{ role: 'user', content: 'hi' }] }),
      });
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      assert.match(first, /^data: /);
      const started = Date.now();
      controller.abort();
      await hanging.streamAborted;
      assert.ok(Date.now() - started < 1_000, 'the upstream request outlived the caller');
      await new Promise((r) => setTimeout(r, 50));
      assert.ok(local.logs.some((l) => l.includes('"code":"CALLER_DISCONNECTED"')));
    } finally {
      await local.close();
      await hanging.close();
    }
  });

  it('the process is still healthy after all of the above', async () => {
    assert.equal((await fetch(`${gw.url}/healthz`)).status, 200);
  });
});
