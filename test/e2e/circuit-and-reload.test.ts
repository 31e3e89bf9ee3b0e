/**
 * The circuit breaker seen from outside (a failing backend is taken out, probed back on a trial after its open
 * period, on a fake clock) and policy reloads while requests flow: no request fails during a reload, a new
 * policy routes the next requests, and an invalid one is refused while the old one stays in force.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config/load.ts';
import type { Clock } from '../../src/routing/health.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.ts';
import { openaiBackend, startTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { deadPort } from '../helpers/ports.ts';

const EMAIL = 'Send the invoice to jana.novak@example.org please.';

async function backendOf(gw: TestGateway, key: string, content = 'Hello there'): Promise<string | null> {
  const { response } = await gw.client(key).chat.completions.create({ model: 'shop', messages: [{ role: 'user', content }] }).withResponse();
  return response.headers.get('x-airlock-backend');
}

/** Time stands still until the test moves it. Active checks are off in these tests, so no timer is needed. */
function fakeClock(): Clock & { advance(ms: number): void } {
  let now = 0;
  return {
    now: () => now,
    advance: (ms) => void (now += ms),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  };
}

describe('circuit breaker', () => {
  const clock = fakeClock();
  let port: number;
  let revived: FakeOpenAI | null = null;
  let standby: FakeOpenAI;
  let gw: TestGateway;
  let key: string;

  before(async () => {
    port = await deadPort();
    standby = await startFakeOpenAI();
    gw = await startTestGateway(
      {
        routing: { retries: 1, retryBaseDelayMs: 0 },
        backends: [
          openaiBackend('flaky', `http://127.0.0.1:${port}/v1`, { shop: 'm' }, {
            priority: 0,
            health: { checkIntervalMs: 0, failureThreshold: 2, openMs: 1_000, maxOpenMs: 4_000 },
          }),
          openaiBackend('standby', standby.baseUrl, { shop: 'm' }, { priority: 1, health: { checkIntervalMs: 0 } }),
        ],
      },
      undefined,
      { clock },
    );
    key = gw.keys['shop/k1'] as string;
  });
  after(async () => {
    await gw.close();
    await Promise.all([standby.close(), revived?.close()]);
  });

  const attemptsOfLast = () => (JSON.parse(gw.logs.filter((l) => l.includes('"request finished"')).at(-1) as string) as { attempts: number }).attempts;

  it('takes a failing backend out after the threshold, and requests go straight to the next one', async () => {
    assert.equal(await backendOf(gw, key), 'standby');
    assert.equal(attemptsOfLast(), 2, 'tried flaky, then standby');
    assert.equal(await backendOf(gw, key), 'standby');
    assert.equal(gw.gateway.health.state('flaky'), 'open');
    assert.equal(await backendOf(gw, key), 'standby');
    assert.equal(attemptsOfLast(), 1, 'the open circuit is skipped without an attempt');
    assert.ok(gw.logs.some((l) => l.includes('backend taken out of service') && l.includes('"flaky"')));
  });

  it('after the open period one trial goes to it; a failed trial doubles the time out', async () => {
    clock.advance(1_000);
    assert.equal(await backendOf(gw, key), 'standby');
    assert.equal(attemptsOfLast(), 2, 'the trial went to flaky and failed');
    assert.equal(gw.gateway.health.state('flaky'), 'open');
    clock.advance(1_000);
    assert.equal(await backendOf(gw, key), 'standby');
    assert.equal(attemptsOfLast(), 1, 'still out: the period is now two seconds');
  });

  it('a successful trial brings the backend back into service', async () => {
    revived = await startFakeOpenAI({}, port);
    clock.advance(1_000);
    assert.equal(await backendOf(gw, key), 'flaky');
    assert.equal(gw.gateway.health.state('flaky'), 'closed');
    assert.equal(await backendOf(gw, key), 'flaky');
    const metrics = await (await fetch(`${gw.url}/metrics`)).text();
    assert.match(metrics, /airlock_backend_circuit_state\{backend="flaky"\} 0/);
    assert.match(metrics, /airlock_backend_attempts_total\{backend="flaky",result="retried"\} [1-9]/);
  });
});

describe('policy reload', () => {
  let eu: FakeOpenAI;
  let onPrem: FakeOpenAI;
  let gw: TestGateway;
  let key: string;
  const levels = (confidential: string[]) => ({ restricted: ['on-prem'], confidential, internal: ['any'], public: ['any'] });

  before(async () => {
    [eu, onPrem] = await Promise.all([startFakeOpenAI(), startFakeOpenAI()]);
    gw = await startTestGateway({
      jurisdictions: { 'on-prem': { within: 'DE' }, DE: { within: 'EU' }, EU: {} },
      backends: [
        openaiBackend('fra-1', eu.baseUrl, { shop: 'm' }, { jurisdiction: 'DE', priority: 0, health: { checkIntervalMs: 0 } }),
        openaiBackend('basement', onPrem.baseUrl, { shop: 'm' }, { jurisdiction: 'on-prem', priority: 1, health: { checkIntervalMs: 0 } }),
      ],
      policies: { default: { levels: levels(['EU']) } },
    });
    key = gw.keys['shop/k1'] as string;
  });
  after(async () => {
    await gw.close();
    await Promise.all([eu.close(), onPrem.close()]);
  });

  it('reloads under load without a failed request, and the new policy routes what follows', async () => {
    const strict = gw.reconfigure({ policies: { default: { levels: levels(['on-prem']) } } });
    const lax = gw.reconfigure({ policies: { default: { levels: levels(['EU']) } } });
    let stop = false;
    const failures: unknown[] = [];
    let completed = 0;
    const worker = async () => {
      while (!stop) {
        await backendOf(gw, key, EMAIL).then(() => completed++, (e: unknown) => failures.push(e));
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setImmediate(r));
      assert.equal(gw.gateway.reload(i % 2 === 0 ? strict : lax).status, 'applied');
      await new Promise((r) => setTimeout(r, 5));
    }
    stop = true;
    await Promise.all(workers);
    assert.deepEqual(failures, []);
    assert.ok(completed >= 20, `only ${completed} requests completed`);
    assert.equal(await backendOf(gw, key, EMAIL), 'fra-1', 'the last reload (lax) is in force');
    assert.equal(gw.gateway.reload(strict).status, 'applied');
    assert.equal(await backendOf(gw, key, EMAIL), 'basement');
    assert.equal(gw.gateway.reload(strict).status, 'unchanged');
  });

  it('refuses a reload that changes a section needing a restart, and keeps the running configuration', async () => {
    const moved = gw.reconfigure({ routing: { retries: 5 }, policies: { default: { levels: levels(['EU']) } } });
    const result = gw.gateway.reload(moved);
    assert.deepEqual(result, { status: 'rejected', issues: ['routing: changes here need a restart'] });
    assert.equal(await backendOf(gw, key, EMAIL), 'basement', 'the strict policy is still in force');
  });

  it('watches the configuration file: a valid edit applies, an invalid policy is refused and the old one stays', async () => {
    const path = join(gw.config.dataDir, 'airlock.yaml');
    const load = () => loadConfig({ path }).config;
    // Built from the same tenants (and so the same key) as the first gateway; the file then mirrors its config.
    const watched = await startTestGateway(
      { jurisdictions: gw.config.jurisdictions, backends: gw.config.backends, tenants: gw.config.tenants, policies: { default: { levels: levels(['on-prem']) } } },
      [],
      { configSource: { path, load } },
    );
    const raw = (confidential: string[], extra: Record<string, unknown> = {}) => ({
      dataDir: watched.config.dataDir,
      server: { host: '127.0.0.1', port: 0 },
      logging: { level: 'info' },
      jurisdictions: gw.config.jurisdictions,
      backends: gw.config.backends,
      tenants: gw.config.tenants,
      policies: { default: { levels: levels(confidential), ...extra } },
    });
    try {
      const k = gw.keys['shop/k1'] as string;
      assert.equal(await backendOf(watched, k, EMAIL), 'basement');
      writeFileSync(path, stringify(raw(['EU'])));
      await until(() => watched.logs.some((l) => l.includes('configuration reloaded')));
      assert.equal(await backendOf(watched, k, EMAIL), 'fra-1');
      writeFileSync(path, stringify(raw(['on-prem'], { business: { patterns: ['(a+)+$'] } })));
      await until(() => watched.logs.some((l) => l.includes('configuration rejected')));
      const rejected = watched.logs.find((l) => l.includes('configuration rejected')) as string;
      assert.match(rejected, /policies\.default\.business\.patterns\[0\]: the pattern .*backtrack/);
      assert.equal(await backendOf(watched, k, EMAIL), 'fra-1', 'the previous policy stays in force');
    } finally {
      await watched.close();
    }
  });
});

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
