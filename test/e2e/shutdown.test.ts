/**
 * SIGTERM drains: streams under way finish, new connections are refused, and the process exits; a stream that
 * outlasts the grace period ends with an AIRLOCK_SHUTTING_DOWN error event instead of a cut connection.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateApiKey, hashApiKey } from '../../src/auth/api-keys.ts';
import { startServe } from '../helpers/cli.ts';
import { startFakeOpenAI, type FakeOpenAIBehaviour } from '../helpers/fake-openai.ts';

async function setup(behaviour: FakeOpenAIBehaviour, graceMs: number) {
  const fake = await startFakeOpenAI(behaviour);
  const cwd = mkdtempSync(join(tmpdir(), 'airlock-drain-'));
  const key = generateApiKey();
  writeFileSync(
    join(cwd, 'airlock.yaml'),
    `server: { port: 0, shutdownGraceMs: ${graceMs} }
backends: [{ id: b, kind: openai, url: "${fake.baseUrl}", jurisdiction: on-prem, models: { m: m } }]
tenants: [{ id: t, keys: [{ id: k, hash: "${hashApiKey(key)}" }] }]
`,
  );
  const serve = await startServe([], cwd);
  const stream = () =>
    fetch(`${serve.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
  return { fake, serve, stream };
}

describe('graceful shutdown on SIGTERM', () => {
  it('lets an in-flight stream finish, refuses new connections, then exits 0', async () => {
    const { fake, serve, stream } = await setup({ streamChunks: 10, chunkDelayMs: 60 }, 5_000);
    try {
      const res = await stream();
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      let text = new TextDecoder().decode((await reader.read()).value);
      serve.proc.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 100));
      await assert.rejects(fetch(`${serve.url}/healthz`), 'a new connection was accepted during shutdown');
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      assert.match(text, /data: \[DONE\]\n\n$/);
      assert.equal((text.match(/"delta"/g) ?? []).length, 11);
      assert.equal(await serve.exited, 0);
    } finally {
      serve.proc.kill('SIGKILL');
      await fake.close();
    }
  });

  it('ends a stream that outlasts the grace period with an error event, then exits', async () => {
    const { fake, serve, stream } = await setup({ hangAfterChunks: 1 }, 300);
    try {
      const res = await stream();
      const started = Date.now();
      serve.proc.kill('SIGTERM');
      const text = await res.text();
      assert.match(text, /"code":"AIRLOCK_SHUTTING_DOWN"/);
      assert.ok(!text.includes('[DONE]'));
      assert.equal(await serve.exited, 0);
      assert.ok(Date.now() - started < 3_000, 'shutdown took longer than the grace period allows');
      await fake.streamAborted;
    } finally {
      serve.proc.kill('SIGKILL');
      await fake.close();
    }
  });
});
