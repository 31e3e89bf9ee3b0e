import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startFakeOpenAI } from '../helpers/fake-openai.ts';
import { openaiBackend, startTestGateway } from '../helpers/gateway.ts';

describe('health and readiness', () => {
  it('is live but not ready (503) while no backend answers', async () => {
    const fake = await startFakeOpenAI();
    const port = new URL(fake.url).port;
    await fake.close();
    const gw = await startTestGateway({ backends: [openaiBackend('only', `http://127.0.0.1:${port}/v1`, { m: 'm' }, { timeouts: { connectTimeoutMs: 200 } })] });
    try {
      assert.equal((await fetch(`${gw.url}/healthz`)).status, 200);
      const res = await fetch(`${gw.url}/readyz`);
      assert.equal(res.status, 503);
      assert.deepEqual(await res.json(), { status: 'no_backend_reachable', backendsUp: 0, backendsTotal: 1 });
    } finally {
      await gw.close();
    }
  });
});
