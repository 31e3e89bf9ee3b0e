/**
 * End to end with the official `openai` client: a listening gateway in front of a loopback OpenAI-compatible
 * fake backend that records what it received.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.ts';
import { openaiBackend, startTestGateway, type TestGateway } from '../helpers/gateway.ts';

describe('gateway with the openai client (OpenAI-compatible backend)', () => {
  let fake: FakeOpenAI;
  let dedicated: FakeOpenAI;
  let gw: TestGateway;
  before(async () => {
    fake = await startFakeOpenAI();
    dedicated = await startFakeOpenAI({ text: 'dedicated backend' });
    gw = await startTestGateway(
      {
        backends: [
          openaiBackend('vllm-fra', fake.baseUrl, { 'shop-assistant': 'meta-llama/Llama-3.1-8B-Instruct', 'shop-embed': 'bge-m3' }, { apiKey: 'backend-only-secret' }),
          openaiBackend('acme-only', dedicated.baseUrl, { 'acme-private': 'private-model' }, { tenants: ['acme'] }),
        ],
        tenants: [{ id: 'acme' }, { id: 'shop' }],
      },
      [
        { tenant: 'shop', id: 'k1' },
        { tenant: 'acme', id: 'a1' },
        { tenant: 'shop', id: 'chat-only', scopes: ['chat'], models: ['shop-assistant'] },
      ],
    );
  });
  after(async () => {
    await gw.close();
    await fake.close();
    await dedicated.close();
  });

  it('answers a chat completion and maps the alias to the backend model and back', async () => {
    const client = gw.client(gw.keys['shop/k1'] as string);
    const { data, response } = await client.chat.completions
      .create({ model: 'shop-assistant', messages: [{ role: 'user', content: 'Where is my order?' }], temperature: 0.2, n: 2, stop: ['\n\n'], response_format: { type: 'json_object' }, seed: 7 })
      .withResponse();
    assert.equal(data.model, 'shop-assistant');
    assert.equal(data.choices[0]?.message.content, 'Hello from the fake backend');
    assert.deepEqual(data.usage, { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 });
    assert.equal(response.headers.get('x-airlock-backend'), 'vllm-fra');
    assert.equal(response.headers.get('x-airlock-jurisdiction'), 'on-prem');
    assert.match(response.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    const seen = fake.requests.at(-1);
    assert.equal(seen?.path, '/v1/chat/completions');
    assert.equal(seen?.body?.model, 'meta-llama/Llama-3.1-8B-Instruct');
    assert.equal(seen?.body?.temperature, 0.2);
    assert.equal(seen?.body?.n, 2);
    assert.deepEqual(seen?.body?.stop, ['\n\n']);
    assert.deepEqual(seen?.body?.response_format, { type: 'json_object' });
    assert.equal(seen?.body?.seed, 7);
    // The backend gets its own credential from config, never the caller's key.
    assert.equal(seen?.headers.authorization, 'Bearer backend-only-secret');
    assert.ok(!JSON.stringify(seen?.headers).includes(gw.keys['shop/k1'] as string));
  });

  it('streams chat chunks with the alias, and the usage chunk only when include_usage is set', async () => {
    const client = gw.client(gw.keys['shop/k1'] as string);
    const chunks = [];
    for await (const c of await client.chat.completions.create({ model: 'shop-assistant', messages: [{ role: 'user', content: 'hi' }], stream: true })) chunks.push(c);
    assert.equal(chunks.map((c) => c.choices[0]?.delta.content ?? '').join(''), 'Hello from the fake backend 1 2');
    assert.ok(chunks.every((c) => c.model === 'shop-assistant'));
    assert.equal(chunks.at(-1)?.choices[0]?.finish_reason, 'stop');
    assert.ok(chunks.every((c) => !c.usage));

    const withUsage = [];
    for await (const c of await client.chat.completions.create({ model: 'shop-assistant', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true } })) withUsage.push(c);
    assert.deepEqual(withUsage.at(-1)?.usage, { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 });
    assert.deepEqual(withUsage.at(-1)?.choices, []);
    assert.deepEqual(fake.requests.at(-1)?.body?.stream_options, { include_usage: true });
  });

  it('passes tools and tool_choice through and returns tool calls', async () => {
    const client = gw.client(gw.keys['shop/k1'] as string);
    const tools = [{ type: 'function' as const, function: { name: 'lookup_order', parameters: { type: 'object', properties: { order_id: { type: 'string' } } } } }];
    const res = await client.chat.completions.create({
      model: 'shop-assistant',
      messages: [
        { role: 'user', content: 'Status of A-1001?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_0', type: 'function', function: { name: 'lookup_order', arguments: '{"order_id":"A-1000"}' } }] },
        { role: 'tool', tool_call_id: 'call_0', content: '{"status":"shipped"}' },
      ],
      tools,
      tool_choice: 'auto',
    });
    assert.equal(res.choices[0]?.finish_reason, 'tool_calls');
    const call = res.choices[0]?.message.tool_calls?.[0];
    assert.equal(call?.type === 'function' ? call.function.name : null, 'lookup_order');
    const seen = fake.requests.at(-1)?.body;
    assert.deepEqual(seen?.tools, tools);
    assert.equal(seen?.tool_choice, 'auto');
    assert.equal((seen?.messages as unknown[]).length, 3);
  });

  it('serves completions and embeddings (base64 as the client asks by default)', async () => {
    const client = gw.client(gw.keys['shop/k1'] as string);
    const completion = await client.completions.create({ model: 'shop-assistant', prompt: 'Write a product title', max_tokens: 20 });
    assert.equal(completion.choices[0]?.text, 'Hello from the fake backend');
    assert.equal(completion.model, 'shop-assistant');
    let streamed = '';
    for await (const c of await client.completions.create({ model: 'shop-assistant', prompt: 'Write a product title', stream: true })) {
      assert.equal(c.model, 'shop-assistant');
      streamed += c.choices[0]?.text ?? '';
    }
    assert.equal(streamed, 'Hello from the fake backend 1 2');
    const emb = await client.embeddings.create({ model: 'shop-embed', input: ['red shoes', 'blue shirt'] });
    assert.equal(emb.data.length, 2);
    assert.deepEqual(emb.data[1]?.embedding, [0.25, -0.5, 2]);
    assert.equal(emb.model, 'shop-embed');
    assert.equal(fake.requests.at(-1)?.body?.model, 'bge-m3');
  });

  it('lists only the models a caller may use, and hides other tenants\' models', async () => {
    const shop = await gw.client(gw.keys['shop/k1'] as string).models.list();
    assert.deepEqual(shop.data.map((m) => m.id), ['shop-assistant', 'shop-embed']);
    const acme = await gw.client(gw.keys['acme/a1'] as string).models.list();
    assert.deepEqual(acme.data.map((m) => m.id), ['acme-private', 'shop-assistant', 'shop-embed']);
    const retrieved = await gw.client(gw.keys['acme/a1'] as string).models.retrieve('acme-private');
    assert.equal(retrieved.id, 'acme-private');
  });

  it('keeps a tenant away from another tenant\'s dedicated backend', async () => {
    const before = dedicated.requests.length;
    const shop = gw.client(gw.keys['shop/k1'] as string);
    await assert.rejects(shop.chat.completions.create({ model: 'acme-private', messages: [{ role: 'user', content: 'hi' }] }), (err: { status?: number; code?: string }) => err.status === 404 && err.code === 'AIRLOCK_MODEL_NOT_FOUND');
    await assert.rejects(shop.models.retrieve('acme-private'), (err: { status?: number }) => err.status === 404);
    assert.equal(dedicated.requests.length, before, 'the dedicated backend received a request from another tenant');
    const acme = await gw.client(gw.keys['acme/a1'] as string).chat.completions.create({ model: 'acme-private', messages: [{ role: 'user', content: 'hi' }] });
    assert.equal(acme.choices[0]?.message.content, 'dedicated backend');
  });

  it('enforces per-key scopes and model lists', async () => {
    const limited = gw.client(gw.keys['shop/chat-only'] as string);
    await assert.rejects(limited.embeddings.create({ model: 'shop-embed', input: 'x' }), (err: { status?: number; code?: string }) => err.status === 403 && err.code === 'AIRLOCK_AUTH_SCOPE_DENIED');
    await assert.rejects(limited.models.list(), (err: { status?: number }) => err.status === 403);
    const ok = await limited.chat.completions.create({ model: 'shop-assistant', messages: [{ role: 'user', content: 'hi' }] });
    assert.equal(ok.model, 'shop-assistant');
  });

  it('accepts the key in the api-key header (Azure style) and refuses missing or wrong keys', async () => {
    const res = await fetch(`${gw.url}/v1/models`, { headers: { 'api-key': gw.keys['shop/k1'] as string } });
    assert.equal(res.status, 200);
    const missing = await fetch(`${gw.url}/v1/models`);
    assert.equal(missing.status, 401);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'AIRLOCK_AUTH_MISSING_KEY');
    const wrong = gw.client('sk-airlock-not-a-real-key');
    await assert.rejects(wrong.models.list(), (err: { status?: number; code?: string }) => err.status === 401 && err.code === 'AIRLOCK_AUTH_INVALID_KEY');
  });

  it('answers /healthz and /readyz, and exposes Prometheus metrics', async () => {
    assert.equal((await fetch(`${gw.url}/healthz`)).status, 200);
    const ready = await fetch(`${gw.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready', backendsUp: 2, backendsTotal: 2 });
    const metrics = await (await fetch(`${gw.url}/metrics`)).text();
    assert.match(metrics, /airlock_requests_total\{endpoint="chat",tenant="shop",backend="vllm-fra",status="200",code="none"\} \d+/);
  });
});
