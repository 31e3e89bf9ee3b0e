/**
 * End to end with the official `openai` client through the gateway to a backend of kind `ollama`: the caller
 * speaks OpenAI, the backend receives Ollama's native API, streams come back as OpenAI SSE chunks.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fakeEmbedding, startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.ts';
import { startTestGateway, type TestGateway } from '../helpers/gateway.ts';

describe('gateway with the openai client (Ollama-native backend)', () => {
  let ollama: FakeOllama;
  let gw: TestGateway;
  before(async () => {
    ollama = await startFakeOllama({ reply: 'Your parcel ships today.' });
    gw = await startTestGateway({
      backends: [{ id: 'ollama-native', kind: 'ollama', url: ollama.url, jurisdiction: 'on-prem', models: { assistant: 'llama3.1:8b', embed: 'nomic-embed-text' } }],
    });
  });
  after(async () => {
    await gw.close();
    await ollama.close();
  });

  it('translates a chat completion to /api/chat and back', async () => {
    const res = await gw.client(gw.keys['shop/k1'] as string).chat.completions.create({ model: 'assistant', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'When does my order ship?' }], temperature: 0.3, max_tokens: 64 });
    assert.equal(res.object, 'chat.completion');
    assert.equal(res.model, 'assistant');
    assert.equal(res.choices[0]?.message.content, 'Your parcel ships today.');
    assert.deepEqual(res.usage, { prompt_tokens: 7, completion_tokens: 5, total_tokens: 12 });
    const seen = ollama.requests.at(-1);
    assert.equal(seen?.path, '/api/chat');
    const body = seen?.body as { model: string; stream: boolean; options: { temperature: number; num_predict: number } };
    assert.equal(body.model, 'llama3.1:8b');
    assert.equal(body.stream, false);
    assert.equal(body.options.temperature, 0.3);
    assert.equal(body.options.num_predict, 64);
  });

  it('turns the NDJSON stream into OpenAI chunks, with usage when asked', async () => {
    const stream = await gw.client(gw.keys['shop/k1'] as string).chat.completions.create({ model: 'assistant', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    assert.equal(chunks.map((c) => c.choices[0]?.delta.content ?? '').join(''), 'Your parcel ships today.');
    assert.ok(chunks.every((c) => c.model === 'assistant' && c.object === 'chat.completion.chunk'));
    assert.equal(new Set(chunks.map((c) => c.id)).size, 1);
    assert.equal(chunks.at(-2)?.choices[0]?.finish_reason, 'stop');
    assert.deepEqual(chunks.at(-1)?.usage, { prompt_tokens: 7, completion_tokens: 5, total_tokens: 12 });
  });

  it('returns tool calls in OpenAI form', async () => {
    const res = await gw.client(gw.keys['shop/k1'] as string).chat.completions.create({
      model: 'assistant',
      messages: [{ role: 'user', content: 'Find red shoes' }],
      tools: [{ type: 'function', function: { name: 'search_catalog', parameters: { type: 'object', properties: { query: { type: 'string' } } } } }],
    });
    const call = res.choices[0]?.message.tool_calls?.[0];
    assert.equal(res.choices[0]?.finish_reason, 'tool_calls');
    assert.equal(call?.type, 'function');
    assert.equal(call?.type === 'function' ? call.function.name : '', 'search_catalog');
    assert.deepEqual(JSON.parse(call?.type === 'function' ? call.function.arguments : '{}'), { query: 'fake' });
  });

  it('serves embeddings through /api/embed (base64 decoded by the client)', async () => {
    const res = await gw.client(gw.keys['shop/k1'] as string).embeddings.create({ model: 'embed', input: ['red shoes', 'blue shirt'] });
    assert.equal(res.data.length, 2);
    const expected = Array.from(new Float32Array(fakeEmbedding('blue shirt', 4)));
    assert.deepEqual(res.data[1]?.embedding, expected);
    assert.equal(ollama.requests.at(-1)?.path, '/api/embed');
  });

  it('refuses a parameter Ollama cannot honour before sending anything', async () => {
    const before = ollama.requests.length;
    await assert.rejects(
      gw.client(gw.keys['shop/k1'] as string).chat.completions.create({ model: 'assistant', messages: [{ role: 'user', content: 'hi' }], n: 3 }),
      (err: { status?: number; code?: string; param?: string }) => err.status === 400 && err.code === 'AIRLOCK_REQUEST_UNSUPPORTED_PARAMETER' && err.param === 'n',
    );
    assert.equal(ollama.requests.length, before);
  });

  it('reports readiness through /api/version', async () => {
    const res = await fetch(`${gw.url}/readyz`);
    assert.equal(res.status, 200);
    assert.ok(ollama.requests.some((r) => r.path === '/api/version'));
  });
});
