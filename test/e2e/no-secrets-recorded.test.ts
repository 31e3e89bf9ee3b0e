/**
 * Canary strings planted in prompts, keys, tool arguments and headers must appear in no log line, no error
 * body and no metric, whatever happens to the request.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.ts';
import { openaiBackend, startTestGateway, type TestGateway } from '../helpers/gateway.ts';

const CANARIES = {
  prompt: 'CANARY-PROMPT-93e1f0',
  badKey: 'sk-airlock-CANARY-KEY-55aa01',
  header: 'CANARY-HEADER-77b2c4',
  model: 'CANARY-MODEL-1d9e88',
  tool: 'CANARY-TOOL-4c0f2a',
  json: 'CANARY-JSON-b7e611',
};

describe('nothing sensitive is recorded', () => {
  let fake: FakeOpenAI;
  let gw: TestGateway;
  const bodies: string[] = [];
  before(async () => {
    fake = await startFakeOpenAI({ text: 'reply text' });
    gw = await startTestGateway({ backends: [openaiBackend('b', fake.baseUrl, { m: 'backend-model' })] });
  });
  after(async () => {
    await gw.close();
    await fake.close();
  });

  async function send(key: string, body: string, extra: Record<string, string> = {}, path = '/v1/chat/completions'): Promise<void> {
    const res = await fetch(`${gw.url}${path}`, {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'x-custom-trace': CANARIES.header, 'x-request-id': CANARIES.header, ...extra },
    });
    bodies.push(await res.text());
  }

  it('plants canaries in successful, refused and failed requests', async () => {
    const key = gw.keys['shop/k1'] as string;
    const chat = (model: string, stream = false) =>
      JSON.stringify({
        model,
        stream,
        messages: [
          { role: 'user', content: `My card is ${CANARIES.prompt}` },
          { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: `{"x":"${CANARIES.tool}"}` } }] },
          { role: 'tool', tool_call_id: 'c1', content: CANARIES.tool },
        ],
      });
    await send(key, chat('m'));
    await send(key, chat('m', true));
    await send(CANARIES.badKey, chat('m'));
    await send(key, chat(CANARIES.model));
    await send(key, `{"model":"m","messages":[{"role":"user","content":"${CANARIES.json}"`);
    await send(key, JSON.stringify({ model: 'm', messages: [{ role: CANARIES.json, content: CANARIES.prompt }] }));
    await send(key, chat('m'), { 'api-key': CANARIES.badKey, authorization: '' });
    await send(key, JSON.stringify({ model: 'm', input: CANARIES.prompt }), {}, '/v1/embeddings');
    fake.behaviour = { status: 500 };
    await send(key, chat('m'));
    fake.behaviour = {};
    const metrics = await (await fetch(`${gw.url}/metrics`)).text();
    await new Promise((r) => setTimeout(r, 50)); // let pino flush

    assert.ok(gw.logs.filter((l) => l.includes('request finished')).length >= 9, 'each request should have a log line');
    const haystacks = { logs: gw.logs.join('\n'), 'error bodies': bodies.join('\n'), metrics };
    for (const [where, text] of Object.entries(haystacks)) {
      for (const [name, canary] of Object.entries(CANARIES)) {
        assert.ok(!text.includes(canary), `the ${name} canary appears in ${where}`);
      }
      assert.ok(!text.includes(key), `the valid key appears in ${where}`);
    }
    // The backend did receive the prompt (inspection comes later): the canaries were really sent.
    assert.ok(JSON.stringify(fake.requests.map((r) => r.body)).includes(CANARIES.prompt));
  });
});
