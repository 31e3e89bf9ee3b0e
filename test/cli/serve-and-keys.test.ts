/**
 * The command line as a user runs it: `serve` on embedded defaults (development key made once, shown once),
 * `init`, `keys create|list|revoke` taking effect on a running gateway without a restart, and bad config.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli, startServe } from '../helpers/cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'airlock-cli-'));
const models = (url: string, key: string) => fetch(`${url}/v1/models`, { headers: { authorization: `Bearer ${key}` } });

async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail('condition not reached in time');
}

describe('airlock command line', () => {
  it('serve on embedded defaults creates the development key once, stores only its hash, and shows it once', async () => {
    const cwd = tmp();
    const first = await startServe(['--port', '0'], cwd);
    const key = /\n\s+(sk-airlock-\S+)\n/.exec(first.stderr())?.[1];
    assert.ok(key, first.stderr());
    const stored = readFileSync(join(cwd, '.airlock', 'keys.json'), 'utf8');
    assert.ok(!stored.includes(key), 'the key itself was stored');
    assert.match(stored, /"hash": "sha256:[0-9a-f]{64}"/);
    const res = await models(first.url, key);
    assert.equal(res.status, 200);
    assert.deepEqual(((await res.json()) as { data: { id: string }[] }).data.map((m) => m.id), ['shop-assistant', 'shop-embed']);
    first.proc.kill('SIGTERM');
    assert.equal(await first.exited, 0);
    assert.match(first.stdout(), /"msg":"request finished"/);
    assert.ok(!first.stdout().includes(key), 'the key appeared in the log');

    const second = await startServe(['--port', '0'], cwd);
    assert.ok(!second.stderr().includes('sk-airlock-'), 'the key was shown a second time');
    assert.equal((await models(second.url, key)).status, 200);
    second.proc.kill('SIGTERM');
    assert.equal(await second.exited, 0);
  });

  it('init writes a config that serve accepts, with a working key, and refuses to overwrite it', async () => {
    const cwd = tmp();
    const init = runCli(['init', '--tenant', 'acme'], cwd);
    assert.equal(init.status, 0, init.stderr);
    const key = init.stdout.trim();
    assert.match(key, /^sk-airlock-/);
    const text = readFileSync(join(cwd, 'airlock.yaml'), 'utf8');
    assert.ok(!text.includes(key));
    assert.match(text, /^# Airlock configuration/);
    assert.equal(runCli(['init'], cwd).status, 2);

    const serve = await startServe(['--port', '0'], cwd);
    assert.equal((await models(serve.url, key)).status, 200);
    serve.proc.kill('SIGTERM');
    assert.equal(await serve.exited, 0);
  });

  it('keys create, list and revoke take effect on a running gateway without a restart', async () => {
    const cwd = tmp();
    assert.equal(runCli(['init', '--tenant', 'acme'], cwd).status, 0);
    const serve = await startServe(['--config', 'airlock.yaml', '--port', '0'], cwd);
    try {
      const created = runCli(['keys', 'create', '--tenant', 'acme', '--id', 'magento', '--scopes', 'models,chat'], cwd);
      assert.equal(created.status, 0, created.stderr);
      const key = created.stdout.trim();
      assert.match(key, /^sk-airlock-[A-Za-z0-9_-]{43}$/);
      await eventually(async () => (await models(serve.url, key)).status === 200);
      // Log lines are buffered for throughput, but a quiet gateway's lines still show within about a second.
      await eventually(() => Promise.resolve(serve.stdout().includes('"msg":"key file reloaded"')), 3_000);

      const list = runCli(['keys', 'list', '--json'], cwd);
      const rows = JSON.parse(list.stdout) as Array<{ id: string; tenant: string; source: string; scopes: string[] }>;
      assert.deepEqual(rows.map((r) => `${r.tenant}/${r.id}/${r.source}`), ['acme/first-key/config', 'acme/magento/key file']);
      assert.ok(!list.stdout.includes(key));

      assert.equal(runCli(['keys', 'revoke', '--tenant', 'acme', '--id', 'magento'], cwd).status, 0);
      await eventually(async () => (await models(serve.url, key)).status === 401);
      assert.equal(runCli(['keys', 'create', '--tenant', 'nobody'], cwd).status, 2);
      assert.equal(runCli(['keys', 'create', '--tenant', 'acme', '--scopes', 'admin'], cwd).status, 2);
    } finally {
      serve.proc.kill('SIGTERM');
      await serve.exited;
    }
  });

  it('re-reads the configuration on SIGHUP: a new policy applies, an invalid one is refused and the old one stays', async () => {
    const cwd = tmp();
    assert.equal(runCli(['init', '--tenant', 'acme'], cwd).status, 0);
    const key = runCli(['keys', 'create', '--tenant', 'acme', '--id', 'ops'], cwd).stdout.trim();
    const serve = await startServe(['--port', '0'], cwd);
    const card = () =>
      fetch(`${serve.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'shop-assistant', messages: [{ role: 'user', content: 'Card 4111 1111 1111 1111' }] }),
      });
    try {
      // Restricted data may go on-prem, where the (absent) Ollama is: it is tried and cannot be reached.
      assert.equal((await card()).status, 502);
      const path = join(cwd, 'airlock.yaml');
      const original = readFileSync(path, 'utf8');
      writeFileSync(path, original.replace('restricted: [on-prem]', 'restricted: []'));
      serve.proc.kill('SIGHUP');
      // (The failed attempts above opened Ollama's circuit, so a 503 alone would prove nothing: the message must
      // name the new rule.)
      const refusal = async () => ((await (await card()).json()) as { error: { code: string; message: string } }).error;
      await eventually(async () => (await refusal()).message.includes('allowed jurisdictions: none'));
      assert.equal((await refusal()).code, 'AIRLOCK_POLICY_NO_COMPLIANT_BACKEND');

      writeFileSync(path, original.replace('restricted: [on-prem]', 'restricted: [mars]'));
      serve.proc.kill('SIGHUP');
      await eventually(() => Promise.resolve(serve.stdout().includes('configuration rejected')), 3_000);
      assert.match(serve.stdout(), /policies\.default\.levels\.restricted\[0\]: jurisdiction is not declared and no backend is in it/);
      assert.match((await refusal()).message, /level restricted; allowed jurisdictions: none/, 'the last valid policy stays in force');
      assert.equal(serve.proc.exitCode, null, 'the gateway keeps running');
    } finally {
      serve.proc.kill('SIGTERM');
      await serve.exited;
    }
  });

  it('refuses a bad config at start with the exact path and reason, exit code 2', () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'airlock.yaml'), 'backends:\n  - id: x\n    kind: openai\n    url: http://127.0.0.1:1/v1\n    jurisdiction: on-prem\n    models: { a: b }\n    colour: blue\n');
    const r = runCli(['serve'], cwd);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /backends\[0\]\.colour: unknown key/);
  });
});
