// The Ollama adapter driven through a real egress client against the fake Ollama server: request translation is
// asserted on what the server recorded, reply translation on what the adapter returned.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { createOllamaBackend } from '../../src/backends/ollama.ts';
import type { BackendAdapter, BackendReply, CallOptions, Sanitized } from '../../src/backends/types.ts';
import { createEgressClient } from '../../src/egress/client.ts';
import { AirlockError } from '../../src/errors.ts';
import type { ChatRequest, CompletionRequest, EmbeddingRequest, ReplyObject } from '../../src/protocol/openai.ts';
import { fakeEmbedding, startFakeOllama, type FakeOllama, type FakeOllamaOptions } from '../helpers/fake-ollama.ts';

type Json = Record<string, unknown>;

const MODEL = 'llama3.1:8b';

async function setup(t: TestContext, options: FakeOllamaOptions = {}): Promise<{ fake: FakeOllama; backend: BackendAdapter }> {
  const fake = await startFakeOllama(options);
  const egress = createEgressClient([
    { id: 'ollama-test', url: fake.url, connectTimeoutMs: 1_000, headersTimeoutMs: 5_000, bodyTimeoutMs: 5_000, connections: 4, keepAliveTimeoutMs: 1_000 },
  ]);
  t.after(async () => {
    await egress.close();
    await fake.close();
  });
  const backend = createOllamaBackend(
    { id: 'ollama-test', url: fake.url, jurisdiction: 'on-prem', endpoints: ['chat', 'completions', 'embeddings'], apiKey: 'backend-secret', headers: { 'x-tenant-route': 'blue' } },
    egress,
  );
  return { fake, backend };
}

function call(): CallOptions {
  return { model: MODEL, signal: AbortSignal.timeout(10_000) };
}

const chatBody = (body: Partial<ChatRequest>): Sanitized<ChatRequest> =>
  ({ model: 'shop-assistant', messages: [{ role: 'user', content: 'Hi' }], ...body }) as Sanitized<ChatRequest>;
const completionBody = (body: Partial<CompletionRequest>): Sanitized<CompletionRequest> =>
  ({ model: 'shop-assistant', prompt: 'Once upon', ...body }) as Sanitized<CompletionRequest>;
const embeddingBody = (body: Partial<EmbeddingRequest>): Sanitized<EmbeddingRequest> =>
  ({ model: 'shop-embed', input: 'hello', ...body }) as Sanitized<EmbeddingRequest>;

function json(reply: BackendReply): ReplyObject {
  assert.equal(reply.kind, 'json');
  return (reply as { body: ReplyObject }).body;
}

async function collect(reply: BackendReply): Promise<ReplyObject[]> {
  assert.equal(reply.kind, 'stream');
  const out: ReplyObject[] = [];
  for await (const batch of (reply as { batches: AsyncIterable<ReplyObject[]> }).batches) out.push(...batch);
  return out;
}

/** The only request the fake received, as parsed JSON. */
function sent(fake: FakeOllama, path: string): Json {
  assert.equal(fake.requests.length, 1);
  const [req] = fake.requests;
  assert.equal(req?.path, path);
  return req?.body as Json;
}

function choice(obj: ReplyObject): Json {
  return (obj.choices as Json[])[0] as Json;
}

function isAirlock(code: string, param?: string) {
  return (err: unknown): boolean => {
    assert.ok(err instanceof AirlockError);
    assert.equal(err.code, code);
    if (param !== undefined) assert.equal(err.param, param);
    return true;
  };
}

void test('chat without stream: translates messages, sends stream:false and the backend credentials, maps the reply', async (t) => {
  const { fake, backend } = await setup(t, { promptEvalCount: 11, evalCount: 4 });
  const body = chatBody({
    messages: [
      { role: 'developer', content: 'Be brief.' },
      { role: 'user', content: [{ type: 'text', text: 'line one' }, { type: 'text', text: 'line two' }] },
    ],
  });
  const reply = json(await backend.chat(body, call()));
  const req = fake.requests[0];
  assert.equal(req?.method, 'POST');
  assert.equal(req?.headers.authorization, 'Bearer backend-secret');
  assert.equal(req?.headers['x-tenant-route'], 'blue');
  assert.deepEqual(sent(fake, '/api/chat'), {
    model: MODEL,
    stream: false,
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'line one\nline two' },
    ],
  });
  assert.match(String(reply.id), /^chatcmpl-[0-9a-f]{32}$/);
  assert.equal(reply.object, 'chat.completion');
  assert.equal(reply.model, MODEL);
  assert.ok(Math.abs(Number(reply.created) - Date.now() / 1000) < 60);
  assert.deepEqual(reply.choices, [
    { index: 0, message: { role: 'assistant', content: 'Hello from fake Ollama!' }, finish_reason: 'stop', logprobs: null },
  ]);
  assert.deepEqual(reply.usage, { prompt_tokens: 11, completion_tokens: 4, total_tokens: 15 });
});

void test('chat stream: role chunk, content deltas, finish chunk, one id; no usage chunk unless asked', async (t) => {
  const { fake, backend } = await setup(t, { reply: 'one two three' });
  const chunks = await collect(await backend.chat(chatBody({ stream: true }), call()));
  assert.equal(sent(fake, '/api/chat').stream, true);
  assert.equal(fake.requests[0]?.headers.accept, 'application/x-ndjson');
  assert.deepEqual(
    chunks.map((c) => choice(c).delta),
    [{ role: 'assistant', content: '' }, { content: 'one ' }, { content: 'two ' }, { content: 'three' }, {}],
  );
  assert.deepEqual(chunks.map((c) => choice(c).finish_reason), [null, null, null, null, 'stop']);
  assert.equal(new Set(chunks.map((c) => c.id)).size, 1);
  assert.equal(new Set(chunks.map((c) => c.created)).size, 1);
  assert.match(String(chunks[0]?.id), /^chatcmpl-/);
  for (const c of chunks) {
    assert.equal(c.object, 'chat.completion.chunk');
    assert.equal(c.model, MODEL);
    assert.equal(c.usage, undefined);
  }
});

void test('chat stream with include_usage ends with a usage chunk that has no choices', async (t) => {
  const { backend } = await setup(t, { reply: 'a b', promptEvalCount: 3, evalCount: 2, doneReason: 'length' });
  const chunks = await collect(await backend.chat(chatBody({ stream: true, stream_options: { include_usage: true } }), call()));
  const last = chunks.at(-1);
  assert.deepEqual(last?.choices, []);
  assert.deepEqual(last?.usage, { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 });
  const finish = chunks.at(-2);
  assert.ok(finish);
  assert.deepEqual(choice(finish), { index: 0, delta: {}, logprobs: null, finish_reason: 'length' });
  assert.equal(chunks.filter((c) => c.usage !== undefined).length, 1);
});

void test('assistant tool calls and tool results are translated to Ollama form; tools pass through', async (t) => {
  const { fake, backend } = await setup(t);
  const tools = [{ type: 'function', function: { name: 'lookup_order', parameters: { type: 'object', properties: { id: { type: 'string' } } } } }];
  await backend.chat(
    chatBody({
      tools,
      messages: [
        { role: 'user', content: 'Where is order 42?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_abc', type: 'function', function: { name: 'lookup_order', arguments: '{"id":"42"}' } }] },
        { role: 'tool', tool_call_id: 'call_abc', content: '{"status":"shipped"}' },
      ],
    }),
    call(),
  );
  const body = sent(fake, '/api/chat');
  assert.deepEqual(body.tools, tools);
  assert.deepEqual(body.messages, [
    { role: 'user', content: 'Where is order 42?' },
    { role: 'assistant', content: '', tool_calls: [{ function: { name: 'lookup_order', arguments: { id: '42' } } }] },
    { role: 'tool', content: '{"status":"shipped"}', tool_name: 'lookup_order' },
  ]);
});

void test('tool calls in a reply become OpenAI tool_calls with generated ids', async (t) => {
  const { backend } = await setup(t, { toolCall: { name: 'lookup_order', arguments: { id: '42', urgent: true } } });
  const tools = [{ type: 'function', function: { name: 'lookup_order' } }];
  const reply = json(await backend.chat(chatBody({ tools }), call()));
  const c = choice(reply);
  assert.equal(c.finish_reason, 'tool_calls');
  const message = c.message as { content: unknown; tool_calls: { id: string; type: string; function: { name: string; arguments: string } }[] };
  assert.equal(message.content, null);
  assert.equal(message.tool_calls.length, 1);
  const [toolCall] = message.tool_calls;
  assert.match(toolCall?.id ?? '', /^call_[0-9a-f]{32}$/);
  assert.equal(toolCall?.type, 'function');
  assert.equal(toolCall?.function.name, 'lookup_order');
  assert.deepEqual(JSON.parse(toolCall?.function.arguments ?? ''), { id: '42', urgent: true });
});

void test('tool calls in a stream become indexed tool_call deltas and finish with tool_calls', async (t) => {
  const { backend } = await setup(t, { toolCall: { arguments: { q: 'shoes' } } });
  const tools = [{ type: 'function', function: { name: 'search' } }];
  const chunks = await collect(await backend.chat(chatBody({ tools, stream: true }), call()));
  const deltas = chunks.map((c) => choice(c).delta as Json);
  const withCalls = deltas.filter((d) => d.tool_calls !== undefined);
  assert.equal(withCalls.length, 1);
  const [delta] = withCalls[0]?.tool_calls as { index: number; id: string; type: string; function: { name: string; arguments: string } }[];
  assert.equal(delta?.index, 0);
  assert.match(delta?.id ?? '', /^call_/);
  assert.equal(delta?.type, 'function');
  assert.equal(delta?.function.name, 'search');
  assert.deepEqual(JSON.parse(delta?.function.arguments ?? ''), { q: 'shoes' });
  assert.equal(choice(chunks.at(-1) as ReplyObject).finish_reason, 'tool_calls');
});

void test('tool call arguments that are not JSON are refused without echoing them or sending anything', async (t) => {
  const { fake, backend } = await setup(t);
  const secret = 'card 4111-1111 not json';
  const body = chatBody({
    messages: [{ role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: secret } }] }],
  });
  await assert.rejects(backend.chat(body, call()), (err: unknown) => {
    isAirlock('AIRLOCK_REQUEST_INVALID', 'messages')(err);
    assert.ok(!(err as Error).message.includes('4111'));
    return true;
  });
  assert.equal(fake.requests.length, 0);
});

void test('response_format json_object → format "json", json_schema → the schema itself', async (t) => {
  const { fake, backend } = await setup(t);
  const reply = json(await backend.chat(chatBody({ response_format: { type: 'json_object' } }), call()));
  assert.equal(fake.requests[0]?.path, '/api/chat');
  assert.equal((fake.requests[0]?.body as Json).format, 'json');
  assert.deepEqual(JSON.parse(String((choice(reply).message as Json).content)), { answer: 'fake' });
  const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };
  await backend.chat(chatBody({ response_format: { type: 'json_schema', json_schema: { name: 'a', schema } } }), call());
  assert.deepEqual((fake.requests[1]?.body as Json).format, schema);
});

void test('sampling parameters map into Ollama options', async (t) => {
  const { fake, backend } = await setup(t);
  await backend.chat(
    chatBody({ temperature: 0.2, top_p: 0.9, seed: 7, stop: 'END', max_completion_tokens: 64, max_tokens: 10, presence_penalty: 0.5, frequency_penalty: -0.5 }),
    call(),
  );
  await backend.chat(chatBody({ stop: ['a', 'b'], max_tokens: 10 }), call());
  assert.deepEqual((fake.requests[0]?.body as Json).options, {
    temperature: 0.2,
    top_p: 0.9,
    seed: 7,
    stop: ['END'],
    num_predict: 64,
    presence_penalty: 0.5,
    frequency_penalty: -0.5,
  });
  assert.deepEqual((fake.requests[1]?.body as Json).options, { stop: ['a', 'b'], num_predict: 10 });
});

void test('n > 1, logprobs and forced tool_choice are refused before any request is sent', async (t) => {
  const { fake, backend } = await setup(t);
  await assert.rejects(backend.chat(chatBody({ n: 2 }), call()), isAirlock('AIRLOCK_REQUEST_UNSUPPORTED_PARAMETER', 'n'));
  await assert.rejects(backend.chat(chatBody({ logprobs: true }), call()), isAirlock('AIRLOCK_REQUEST_UNSUPPORTED_PARAMETER', 'logprobs'));
  await assert.rejects(
    backend.chat(chatBody({ tools: [{ type: 'function' }], tool_choice: 'required' }), call()),
    isAirlock('AIRLOCK_REQUEST_UNSUPPORTED_PARAMETER', 'tool_choice'),
  );
  assert.equal(fake.requests.length, 0);
  await backend.chat(chatBody({ n: 1 }), call());
  assert.equal(fake.requests.length, 1);
});

void test('images: data URLs become Ollama images, remote URLs are refused unsent', async (t) => {
  const { fake, backend } = await setup(t);
  const remote = chatBody({
    messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] }],
  });
  await assert.rejects(backend.chat(remote, call()), (err: unknown) => {
    isAirlock('AIRLOCK_REQUEST_UNSUPPORTED_PARAMETER', 'messages')(err);
    assert.match((err as Error).message, /remote image URLs/);
    return true;
  });
  assert.equal(fake.requests.length, 0);
  const inline = chatBody({
    messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] }],
  });
  await backend.chat(inline, call());
  assert.deepEqual(sent(fake, '/api/chat').messages, [{ role: 'user', content: 'What is this?', images: ['iVBORw0KGgo='] }]);
});

void test('completions: prompt, suffix and raw go to /api/generate; the reply is a text_completion', async (t) => {
  const { fake, backend } = await setup(t, { reply: 'there was a shop.' });
  const reply = json(await backend.completions(completionBody({ prompt: ['Once upon'], suffix: 'The end.', raw: true, max_tokens: 20 }), call()));
  assert.deepEqual(sent(fake, '/api/generate'), {
    model: MODEL,
    prompt: 'Once upon',
    suffix: 'The end.',
    raw: true,
    stream: false,
    options: { num_predict: 20 },
  });
  assert.match(String(reply.id), /^cmpl-/);
  assert.equal(reply.object, 'text_completion');
  assert.deepEqual(reply.choices, [{ index: 0, text: 'there was a shop.', finish_reason: 'stop', logprobs: null }]);
  assert.deepEqual(reply.usage, { prompt_tokens: 7, completion_tokens: 5, total_tokens: 12 });
});

void test('completions stream: text chunks, a finish chunk, and a usage chunk when asked', async (t) => {
  const { backend } = await setup(t, { reply: 'x y' });
  const chunks = await collect(await backend.completions(completionBody({ stream: true, stream_options: { include_usage: true } }), call()));
  assert.deepEqual(
    chunks.slice(0, -1).map((c) => [choice(c).text, choice(c).finish_reason]),
    [['x ', null], ['y', null], ['', 'stop']],
  );
  assert.deepEqual(chunks.at(-1)?.choices, []);
  assert.deepEqual(chunks.at(-1)?.usage, { prompt_tokens: 7, completion_tokens: 5, total_tokens: 12 });
  for (const c of chunks) assert.equal(c.object, 'text_completion');
  assert.equal(new Set(chunks.map((c) => c.id)).size, 1);
});

void test('completions refuse token prompts and several prompts unsent', async (t) => {
  const { fake, backend } = await setup(t);
  await assert.rejects(backend.completions(completionBody({ prompt: [1, 2, 3] }), call()), isAirlock('AIRLOCK_REQUEST_UNSUPPORTED_PARAMETER', 'prompt'));
  await assert.rejects(backend.completions(completionBody({ prompt: ['a', 'b'] }), call()), isAirlock('AIRLOCK_REQUEST_UNSUPPORTED_PARAMETER', 'prompt'));
  assert.equal(fake.requests.length, 0);
});

void test('embeddings as floats', async (t) => {
  const { fake, backend } = await setup(t);
  const reply = await backend.embeddings(embeddingBody({ input: ['red shoes', 'blue hat'], dimensions: 3, encoding_format: 'float' }), call());
  assert.deepEqual(sent(fake, '/api/embed'), { model: MODEL, input: ['red shoes', 'blue hat'], dimensions: 3 });
  assert.equal(reply.object, 'list');
  assert.equal(reply.model, MODEL);
  assert.deepEqual(reply.data, [
    { object: 'embedding', index: 0, embedding: fakeEmbedding('red shoes', 3) },
    { object: 'embedding', index: 1, embedding: fakeEmbedding('blue hat', 3) },
  ]);
  assert.deepEqual(reply.usage, { prompt_tokens: 4, total_tokens: 4 });
});

void test('embeddings as base64 decode to the little-endian float32 values', async (t) => {
  const { backend } = await setup(t);
  const reply = await backend.embeddings(embeddingBody({ input: 'green socks', encoding_format: 'base64' }), call());
  const [item] = reply.data as { embedding: unknown }[];
  assert.equal(typeof item?.embedding, 'string');
  const bytes = Buffer.from(item?.embedding as string, 'base64');
  const expected = fakeEmbedding('green socks', 4);
  assert.equal(bytes.length, expected.length * 4);
  const decoded = expected.map((_, i) => bytes.readFloatLE(i * 4));
  assert.deepEqual(decoded, expected.map((x) => Math.fround(x)));
  assert.notDeepEqual(decoded, expected, 'the fake values are not exact float32, so rounding must show');
});

void test('embeddings refuse token arrays unsent', async (t) => {
  const { fake, backend } = await setup(t);
  await assert.rejects(backend.embeddings(embeddingBody({ input: [101, 102] }), call()), isAirlock('AIRLOCK_REQUEST_UNSUPPORTED_PARAMETER', 'input'));
  assert.equal(fake.requests.length, 0);
});

void test('an error line mid-stream ends the stream with a backend error that does not relay the upstream text', async (t) => {
  const { backend } = await setup(t, { reply: 'one two three', streamError: { afterLines: 2, message: 'CUDA out of memory near "secret prompt"' } });
  const chunks: ReplyObject[] = [];
  const reply = await backend.chat(chatBody({ stream: true }), call());
  await assert.rejects(
    (async () => {
      for await (const batch of (reply as { batches: AsyncIterable<ReplyObject[]> }).batches) chunks.push(...batch);
    })(),
    (err: unknown) => {
      isAirlock('AIRLOCK_BACKEND_ERROR')(err);
      assert.match((err as Error).message, /error reported in the stream/);
      assert.ok(!(err as Error).message.includes('secret'));
      return true;
    },
  );
  assert.deepEqual(chunks.map((c) => choice(c).delta), [{ role: 'assistant', content: '' }, { content: 'one ' }, { content: 'two ' }]);
});

void test('a stream that ends without a done line is a bad response', async (t) => {
  const { backend } = await setup(t, { reply: 'one two three', endEarly: { afterLines: 1 } });
  const reply = await backend.completions(completionBody({ stream: true }), call());
  const texts: unknown[] = [];
  await assert.rejects(
    (async () => {
      for await (const batch of (reply as { batches: AsyncIterable<ReplyObject[]> }).batches) texts.push(...batch.map((c) => choice(c).text));
    })(),
    isAirlock('AIRLOCK_BACKEND_BAD_RESPONSE'),
  );
  assert.deepEqual(texts, ['one ']);
});

void test('an error field in a success reply is a backend error; an error status maps through assertOk', async (t) => {
  const { fake, backend } = await setup(t);
  fake.options.failWith = { status: 200, body: { error: 'model runner crashed on "secret"' } };
  await assert.rejects(backend.chat(chatBody({}), call()), (err: unknown) => {
    isAirlock('AIRLOCK_BACKEND_ERROR')(err);
    assert.ok(!(err as Error).message.includes('secret'));
    return true;
  });
  fake.options.failWith = undefined;
  fake.options.models = ['other:latest'];
  await assert.rejects(backend.chat(chatBody({}), call()), isAirlock('AIRLOCK_BACKEND_REJECTED_REQUEST'));
});

void test('probe asks /api/version and reports the status', async (t) => {
  const { fake, backend } = await setup(t);
  assert.equal(await backend.probe(AbortSignal.timeout(5_000)), true);
  assert.equal(fake.requests[0]?.method, 'GET');
  assert.equal(fake.requests[0]?.path, '/api/version');
  fake.options.failWith = { status: 500, paths: ['/api/version'] };
  assert.equal(await backend.probe(AbortSignal.timeout(5_000)), false);
});

void test('adapter identity comes from config', async (t) => {
  const { backend } = await setup(t);
  assert.equal(backend.kind, 'ollama');
  assert.equal(backend.id, 'ollama-test');
  assert.equal(backend.jurisdiction, 'on-prem');
  assert.deepEqual([...backend.endpoints].sort(), ['chat', 'completions', 'embeddings']);
});
