import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { APIError } from 'openai';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.ts';
import { openaiBackend, startTestGateway, type TestGateway } from '../helpers/gateway.ts';

const EMAIL = 'anna.schmidt@example.de';
const TERM = 'Project Falcon';
const PROMPT = `Grüße 🎉 — bitte schreib an ${EMAIL} wegen ${TERM}, ja?`;

describe('pseudonymize and restore through the gateway', () => {
  let backend: FakeOpenAI;
  let gw: TestGateway;

  before(async () => {
    backend = await startFakeOpenAI({ echo: true });
    gw = await startTestGateway(
      {
        backends: [openaiBackend('local', backend.baseUrl, { m: 'served-model' })],
        policies: {
          default: { business: { terms: [TERM], jsonFields: ['cost_price'] } },
          strict: { entities: { EMAIL: 'redact', BUSINESS: 'hash' }, placeholderInstruction: true },
        },
        tenants: [{ id: 'shop' }, { id: 'other' }, { id: 'strict', policy: 'strict' }],
      },
      [
        { tenant: 'shop', id: 'k1' },
        { tenant: 'other', id: 'k1' },
        { tenant: 'strict', id: 'k1' },
      ],
    );
  });
  after(async () => {
    await gw.close();
    await backend.close();
  });

  const lastSent = () => JSON.stringify(backend.requests.at(-1)?.body);

  it('sends placeholders upstream and restores the originals in a JSON reply', async () => {
    const reply = await gw.client(gw.keys['shop/k1'] as string).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: PROMPT }] });
    const sent = lastSent();
    assert.ok(!sent.includes(EMAIL) && !sent.includes(TERM), 'the backend saw an original value');
    assert.match(sent, /\[EMAIL_[0-9a-f]{8}\]/);
    assert.match(sent, /\[BUSINESS_TERM_[0-9a-f]{8}\]/);
    assert.equal(reply.choices[0]?.message.content, PROMPT);
  });

  it('restores a stream whose placeholders and UTF-8 characters are split across chunks and reads', async () => {
    backend.behaviour = { echo: true, echoChunkChars: 3, dribbleBytes: 5 };
    const stream = await gw.client(gw.keys['shop/k1'] as string).chat.completions.create({ model: 'm', stream: true, messages: [{ role: 'user', content: PROMPT }] });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    assert.equal(text, PROMPT);
    assert.ok(!lastSent().includes(EMAIL));
  });

  it('restores tool call arguments as valid JSON, streamed and not', async () => {
    backend.behaviour = { echo: true, echoIntoTool: true, echoChunkChars: 4 };
    const client = gw.client(gw.keys['shop/k1'] as string);
    const tools = [{ type: 'function' as const, function: { name: 'send_mail', parameters: { type: 'object' } } }];
    const whole = await client.chat.completions.create({ model: 'm', tools, messages: [{ role: 'user', content: `"quoted" ${EMAIL}` }] });
    const call = whole.choices[0]?.message.tool_calls?.[0];
    assert.deepEqual(JSON.parse(call?.type === 'function' ? call.function.arguments : ''), { note: `"quoted" ${EMAIL}` });
    const stream = await client.chat.completions.create({ model: 'm', tools, stream: true, messages: [{ role: 'user', content: `to ${EMAIL}` }] });
    let args = '';
    for await (const chunk of stream) args += chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? '';
    assert.deepEqual(JSON.parse(args), { note: `to ${EMAIL}` });
  });

  it('gives a value the same pseudonym in every request of a tenant and a different one in another tenant', async () => {
    backend.behaviour = { echo: true };
    const pseudonym = async (key: string) => {
      await gw.client(key).completions.create({ model: 'm', prompt: `mail ${EMAIL}` });
      return /\[EMAIL_[0-9a-f]{8}\]/.exec(lastSent())?.[0];
    };
    const first = await pseudonym(gw.keys['shop/k1'] as string);
    assert.ok(first);
    assert.equal(await pseudonym(gw.keys['shop/k1'] as string), first);
    assert.notEqual(await pseudonym(gw.keys['other/k1'] as string), first);
  });

  it('restores only placeholders issued for this request', async () => {
    backend.behaviour = { text: '[EMAIL_0123abcd] is not ours' };
    const reply = await gw.client(gw.keys['shop/k1'] as string).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: `to ${EMAIL}` }] });
    assert.equal(reply.choices[0]?.message.content, '[EMAIL_0123abcd] is not ours');
  });

  it('applies the tenant policy: redact, hash, and the placeholder instruction', async () => {
    backend.behaviour = { echo: true };
    const reply = await gw.client(gw.keys['strict/k1'] as string).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: `${EMAIL} / falcon` }] });
    assert.equal(reply.choices[0]?.message.content, `[EMAIL] / falcon`, 'redacted values are not restored; the term is not in this policy');
    const sent = backend.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    assert.equal(sent.messages.length, 1, 'no pseudonym was issued, so no placeholder instruction');
    await gw.client(gw.keys['strict/k1'] as string).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'call +49 30 12345678' }] });
    const withPseudonym = backend.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    assert.equal(withPseudonym.messages[0]?.role, 'system');
    assert.match(withPseudonym.messages[0]?.content ?? '', /copy its placeholder exactly as written/);
    assert.match(withPseudonym.messages[1]?.content ?? '', /^call \[PHONE_[0-9a-f]{8}\]$/);
  });

  it('rewrites sensitive JSON fields inside tool results and keeps the JSON valid', async () => {
    backend.behaviour = { text: 'ok' };
    const toolResult = JSON.stringify({ sku: 'A-1', cost_price: 12.5, contact: EMAIL });
    await gw.client(gw.keys['shop/k1'] as string).chat.completions.create({
      model: 'm',
      messages: [
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: JSON.stringify({ email: EMAIL }) } }] },
        { role: 'tool', tool_call_id: 'c1', content: toolResult },
      ],
    });
    const sent = backend.requests.at(-1)?.body as { messages: { content: string; tool_calls?: { function: { arguments: string } }[] }[] };
    const result = JSON.parse(sent.messages[1]?.content ?? '') as Record<string, unknown>;
    assert.equal(result.sku, 'A-1');
    assert.match(String(result.cost_price), /^\[BUSINESS_FIELD_[0-9a-f]{8}\]$/);
    assert.match(String(result.contact), /^\[EMAIL_[0-9a-f]{8}\]$/);
    const args = JSON.parse(sent.messages[0]?.tool_calls?.[0]?.function.arguments ?? '') as Record<string, unknown>;
    assert.match(String(args.email), /^\[EMAIL_[0-9a-f]{8}\]$/);
  });

  it('blocks a request carrying a secret, naming the type and never the value, with nothing forwarded', async () => {
    const secret = `sk-proj-${'Ab3dE5gH7jK9mN1pQ3rS5tU7'.repeat(2)}`;
    const count = backend.requests.length;
    await assert.rejects(
      gw.client(gw.keys['shop/k1'] as string).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }, { role: 'user', content: `my key is ${secret}` }] }),
      (err: unknown) => {
        assert.ok(err instanceof APIError);
        assert.equal(err.status, 400);
        assert.equal(err.code, 'AIRLOCK_POLICY_BLOCKED_CONTENT');
        assert.equal(err.param, 'messages[1].content');
        assert.match(err.message, /Types found: API_KEY\./);
        assert.ok(!err.message.includes(secret));
        return true;
      },
    );
    assert.equal(backend.requests.length, count, 'nothing was forwarded');
  });

  it('records finding counts by type and action, never the values', () => {
    const all = gw.logs.join('\n');
    assert.match(all, /"EMAIL:pseudonymize":\d/);
    assert.match(all, /"API_KEY:block":1/);
    assert.ok(!all.includes(EMAIL) && !all.includes(TERM));
  });

  it('inspects embeddings input and refuses token ids it cannot read', async () => {
    const client = gw.client(gw.keys['shop/k1'] as string);
    await client.embeddings.create({ model: 'm', input: [`customer ${EMAIL}`], encoding_format: 'float' });
    assert.ok(!lastSent().includes(EMAIL));
    const count = backend.requests.length;
    await assert.rejects(client.embeddings.create({ model: 'm', input: [[1, 2, 3]] }), (err: unknown) => {
      assert.ok(err instanceof APIError);
      assert.equal(err.code, 'AIRLOCK_INSPECT_UNSUPPORTED_CONTENT');
      assert.equal(err.param, 'input[0]');
      return true;
    });
    assert.equal(backend.requests.length, count, 'nothing was forwarded');
  });
});
