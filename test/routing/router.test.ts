// The router: residency filtering, health filtering, priority and weighted order, and dispatch with retries and
// backoff. Backends are fakes (the router reads only id and jurisdiction), health is the real circuit breaker on
// a clock that moves only when a test says so, the random source is seeded and `wait` records delays instead of
// sleeping. Backend errors are made by the same functions the adapters use (assertOk, toEgressError).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errors as undiciErrors } from 'undici';
import { assertOk } from '../../src/backends/http.ts';
import type { BackendAdapter } from '../../src/backends/types.ts';
import { ANY_JURISDICTION, type RoutingConfig } from '../../src/config/schema.ts';
import type { EgressResponse } from '../../src/egress/client.ts';
import { toEgressError } from '../../src/egress/client.ts';
import { AirlockError } from '../../src/errors.ts';
import { createBackendHealth, type BackendHealth, type HealthSettings } from '../../src/routing/health.ts';
import { createJurisdictionTree } from '../../src/routing/jurisdictions.ts';
import type { Candidate } from '../../src/routing/model-catalog.ts';
import { createRouter, orderTargets, type AttemptResult, type Residency, type RouteTarget, type Router } from '../../src/routing/router.ts';

/** mulberry32: a small seeded generator, so weighted draws are reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TREE = createJurisdictionTree({ EU: {}, DE: { within: 'EU' }, FR: { within: 'EU' }, 'on-prem': { within: 'DE' }, US: {} }, []);

function residency(level: string, names: readonly string[]): Residency {
  const allowed = TREE.expand(names);
  return { level, allowed, allowedNames: TREE.describe(allowed) };
}

const ANYWHERE = residency('public', [ANY_JURISDICTION]);

interface BackendSpec {
  readonly id: string;
  readonly jurisdiction: string;
  readonly priority?: number;
  readonly weight?: number;
}

interface Harness {
  readonly router: Router;
  readonly health: BackendHealth;
  readonly delays: number[];
  readonly attempts: string[];
  readonly clock: { now: number };
  readonly candidates: (...ids: string[]) => Candidate[];
  readonly targets: (...ids: string[]) => RouteTarget[];
}

function harness(
  specs: readonly BackendSpec[],
  options: { settings?: Partial<RoutingConfig>; health?: Partial<HealthSettings>; random?: () => number } = {},
): Harness {
  const clock = { now: 0 };
  const healthSettings: HealthSettings = { failureThreshold: 3, openMs: 1_000, maxOpenMs: 8_000, checkIntervalMs: 0, probeTimeoutMs: 500, ...options.health };
  const health = createBackendHealth(
    specs.map((s) => ({ id: s.id, settings: healthSettings, probe: () => Promise.reject(new Error('no active checks here')) })),
    { clock: { now: () => clock.now, setTimeout: () => assert.fail('no timers expected'), clearTimeout: () => undefined } },
  );
  // Only id and jurisdiction matter to the router; the adapter methods are never called by it.
  const backends = new Map(specs.map((s) => [s.id, { id: s.id, jurisdiction: s.jurisdiction } as unknown as BackendAdapter]));
  const placement = new Map(specs.map((s) => [s.id, { priority: s.priority ?? 0, weight: s.weight ?? 1 }]));
  const delays: number[] = [];
  const attempts: string[] = [];
  const router = createRouter({
    backends,
    placement,
    health,
    settings: { retries: 2, retryBaseDelayMs: 50, retryMaxDelayMs: 1_000, ...options.settings },
    random: options.random ?? seeded(1),
    wait: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
    onAttempt: (id, result: AttemptResult) => attempts.push(`${id}:${result}`),
  });
  const candidates = (...ids: string[]) => ids.map((id) => ({ backendId: id, backendModel: `${id}-model` }));
  const targets = (...ids: string[]) =>
    ids.map((id) => ({ backend: backends.get(id) as BackendAdapter, model: `${id}-model`, ...(placement.get(id) as { priority: number; weight: number }) }));
  return { router, health, delays, attempts, clock, candidates, targets };
}

/** The error an adapter throws for an upstream status, made by the adapters' own mapping. */
async function statusError(statusCode: number): Promise<AirlockError> {
  const res = { statusCode, headers: {}, body: { dump: () => Promise.resolve() } } as unknown as EgressResponse;
  try {
    await assertOk(res);
  } catch (err) {
    assert.ok(err instanceof AirlockError);
    return err;
  }
  return assert.fail(`status ${statusCode} was accepted`);
}

function transportError(err: Error): AirlockError {
  const mapped = toEgressError(err);
  assert.ok(mapped instanceof AirlockError);
  return mapped;
}

const connectRefused = (): AirlockError => transportError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));

/** An attempt function that answers from a script per backend id: an error to throw or a value to return. */
function scripted(script: Record<string, (AirlockError | Error | string)[]>) {
  const calls: string[] = [];
  const attempt = (target: RouteTarget): Promise<string> => {
    const id = target.backend.id;
    calls.push(id);
    const next = script[id]?.shift() ?? `ok from ${id}`;
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  return { calls, attempt };
}

function ids(targets: readonly RouteTarget[]): string[] {
  return targets.map((t) => t.backend.id);
}

const signal = (): AbortSignal => new AbortController().signal;

const three: readonly BackendSpec[] = [
  { id: 'a', jurisdiction: 'DE' },
  { id: 'b', jurisdiction: 'DE' },
  { id: 'c', jurisdiction: 'DE' },
];

describe('router plan', () => {
  const specs = [
    { id: 'local', jurisdiction: 'on-prem' },
    { id: 'fra', jurisdiction: 'DE' },
    { id: 'par', jurisdiction: 'FR' },
    { id: 'virginia', jurisdiction: 'US' },
  ];

  it('keeps only candidates in an allowed jurisdiction, with their model and placement', () => {
    const { router, candidates } = harness(specs);
    const all = candidates('local', 'fra', 'par', 'virginia');
    assert.deepEqual(ids(router.plan(all, residency('confidential', ['DE']))).sort(), ['fra', 'local']);
    assert.deepEqual(ids(router.plan(all, residency('confidential', ['EU']))).sort(), ['fra', 'local', 'par']);
    assert.deepEqual(ids(router.plan(all, residency('restricted', ['on-prem']))), ['local']);
    assert.deepEqual(ids(router.plan(all, ANYWHERE)).sort(), ['fra', 'local', 'par', 'virginia']);
    const [only] = router.plan(candidates('par'), residency('confidential', ['FR']));
    assert.deepEqual({ id: only?.backend.id, model: only?.model, priority: only?.priority, weight: only?.weight }, { id: 'par', model: 'par-model', priority: 0, weight: 1 });
  });

  it('refuses with the level and where it may go when no candidate is compliant', () => {
    const { router, candidates } = harness(specs);
    const err = catchError(() => router.plan(candidates('fra', 'virginia'), residency('restricted', ['on-prem'])));
    assert.equal(err.code, 'AIRLOCK_POLICY_NO_COMPLIANT_BACKEND');
    assert.equal(err.status, 503);
    assert.match(err.message, /\(level restricted; allowed jurisdictions: on-prem; none serves this model\)$/);
    const many = catchError(() => router.plan(candidates('virginia'), residency('confidential', ['FR', 'DE'])));
    assert.match(many.message, /\(level confidential; allowed jurisdictions: DE, FR; none serves this model\)$/);
    const nowhere = catchError(() => router.plan(candidates('local'), residency('confidential', [])));
    assert.match(nowhere.message, /allowed jurisdictions: none; none serves this model\)$/);
    const noCandidates = catchError(() => router.plan([], ANYWHERE));
    assert.match(noCandidates.message, /\(level public; allowed jurisdictions: any; none serves this model\)$/);
  });

  it('refuses saying every one is out of service when the compliant ones are all open', () => {
    const { router, health, candidates } = harness(specs, { health: { failureThreshold: 1 } });
    health.record('local', 'failure');
    health.record('fra', 'failure');
    assert.deepEqual(ids(router.plan(candidates('local', 'fra', 'virginia'), ANYWHERE)), ['virginia'], 'open circuits are skipped');
    const err = catchError(() => router.plan(candidates('local', 'fra', 'virginia'), residency('confidential', ['DE'])));
    assert.equal(err.code, 'AIRLOCK_POLICY_NO_COMPLIANT_BACKEND');
    assert.match(err.message, /\(level confidential; allowed jurisdictions: DE; every one is out of service\)$/);
  });

  it('fails internally on a candidate the router has no backend or placement for', () => {
    const { router } = harness(specs);
    assert.equal(catchError(() => router.plan([{ backendId: 'ghost', backendModel: 'm' }], ANYWHERE)).code, 'AIRLOCK_INTERNAL');
  });
});

describe('router order', () => {
  it('tries lower priorities first whatever the weights', () => {
    const { router, candidates } = harness(
      [
        { id: 'backup', jurisdiction: 'DE', priority: 2, weight: 1000 },
        { id: 'main-a', jurisdiction: 'DE', priority: 0 },
        { id: 'second', jurisdiction: 'DE', priority: 1, weight: 500 },
        { id: 'main-b', jurisdiction: 'DE', priority: 0 },
      ],
      { random: seeded(7) },
    );
    for (let i = 0; i < 200; i++) {
      const order = ids(router.plan(candidates('backup', 'main-a', 'second', 'main-b'), ANYWHERE));
      assert.deepEqual(order.slice(2), ['second', 'backup']);
      assert.deepEqual([...order.slice(0, 2)].sort(), ['main-a', 'main-b']);
    }
  });

  it('puts each backend first in proportion to its weight within a priority', () => {
    const cases: { weights: number[]; seed: number }[] = [
      { weights: [3, 1], seed: 11 },
      { weights: [1, 2, 5], seed: 12 },
      { weights: [1, 1, 1, 1], seed: 13 },
    ];
    for (const { weights, seed } of cases) {
      const specs = weights.map((weight, i) => ({ id: `b${i}`, jurisdiction: 'DE', weight }));
      const { router, candidates } = harness(specs, { random: seeded(seed) });
      const draws = 20_000;
      const first = new Map<string, number>();
      for (let i = 0; i < draws; i++) {
        const [head] = router.plan(candidates(...specs.map((s) => s.id)), ANYWHERE);
        first.set(head?.backend.id ?? '', (first.get(head?.backend.id ?? '') ?? 0) + 1);
      }
      const total = weights.reduce((a, b) => a + b, 0);
      weights.forEach((w, i) => {
        const share = (first.get(`b${i}`) ?? 0) / draws;
        assert.ok(Math.abs(share - w / total) < 0.02, `weights ${weights.join(':')}: b${i} first ${share}, expected ${w / total}`);
      });
    }
  });

  it('orders the rest of a priority by weight too: the heavier one is second more often than the lightest', () => {
    const specs = [{ id: 'w1', weight: 1 }, { id: 'w3', weight: 3 }, { id: 'w6', weight: 6 }].map((s) => ({ ...s, jurisdiction: 'DE' }));
    const { targets } = harness(specs);
    const random = seeded(5);
    const position = new Map<string, number>();
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      const order = ids(orderTargets(targets('w1', 'w3', 'w6'), random));
      assert.deepEqual([...order].sort(), ['w1', 'w3', 'w6'], 'a permutation');
      order.forEach((id, pos) => position.set(id, (position.get(id) ?? 0) + pos));
    }
    const mean = (id: string) => (position.get(id) ?? 0) / draws;
    assert.ok(mean('w6') < mean('w3') && mean('w3') < mean('w1'), `${mean('w6')} < ${mean('w3')} < ${mean('w1')}`);
  });

  it('returns a copy for zero or one target without drawing', () => {
    const { targets } = harness([{ id: 'a', jurisdiction: 'DE' }]);
    const random = () => assert.fail('no draw needed');
    const one = targets('a');
    const ordered = orderTargets(one, random);
    assert.deepEqual(ordered, one);
    assert.notEqual(ordered, one);
    assert.deepEqual(orderTargets([], random), []);
  });
});

describe('router dispatch', () => {
  it('retries retryable errors on the next target and returns the value, target and attempt count', async () => {
    const { router, targets, attempts } = harness(three);
    const { calls, attempt } = scripted({ a: [await statusError(503)], b: [connectRefused()], c: ['answer'] });
    const result = await router.dispatch(targets('a', 'b', 'c'), attempt, signal());
    assert.deepEqual(calls, ['a', 'b', 'c']);
    assert.equal(result.value, 'answer');
    assert.equal(result.target.backend.id, 'c');
    assert.equal(result.target.model, 'c-model');
    assert.equal(result.attempts, 3);
    assert.deepEqual(attempts, ['a:retried', 'b:retried', 'c:success']);
  });

  it('makes at most retries + 1 attempts and throws the last error', async () => {
    for (const retries of [0, 1, 3]) {
      const { router, targets, attempts } = harness(three, { settings: { retries } });
      const errors = await Promise.all(Array.from({ length: 5 }, () => statusError(502)));
      const { calls, attempt } = scripted({ a: errors.slice(0, 2), b: errors.slice(2, 4), c: errors.slice(4) });
      await assert.rejects(router.dispatch(targets('a', 'b', 'c'), attempt, signal()), (err) => err === errors[[0, 2, 4, 1][retries] as number]);
      assert.deepEqual(calls, ['a', 'b', 'c', 'a'].slice(0, retries + 1));
      assert.deepEqual(attempts, [...calls.slice(0, -1).map((id) => `${id}:retried`), `${calls.at(-1)}:failed`]);
    }
  });

  it('retries a single target on itself', async () => {
    const { router, targets, attempts } = harness([{ id: 'solo', jurisdiction: 'on-prem' }]);
    const { calls, attempt } = scripted({ solo: [await statusError(500), await statusError(429)] });
    const result = await router.dispatch(targets('solo'), attempt, signal());
    assert.deepEqual(calls, ['solo', 'solo', 'solo']);
    assert.equal(result.attempts, 3);
    assert.deepEqual(attempts, ['solo:retried', 'solo:retried', 'solo:success']);
  });

  it('retries 5xx, 429, connect failures and connect timeouts', async () => {
    const retryable = [
      await statusError(500),
      await statusError(502),
      await statusError(503),
      await statusError(429),
      connectRefused(),
      transportError(new undiciErrors.ConnectTimeoutError()),
    ];
    for (const error of retryable) {
      assert.equal(error.retryable, true, error.code);
      const { router, targets, health } = harness(three, { health: { failureThreshold: 1 } });
      const { calls, attempt } = scripted({ a: [error] });
      const result = await router.dispatch(targets('a', 'b'), attempt, signal());
      assert.deepEqual(calls, ['a', 'b'], error.message);
      assert.equal(result.attempts, 2);
      assert.equal(health.state('a'), error.code === 'AIRLOCK_BACKEND_BUSY' ? 'closed' : 'open', `${error.message}: only 429 is neutral`);
    }
  });

  it('does not retry an error that says the backend may have seen the request or refused it', async () => {
    // [error, whether it counts against the backend's health] as docs/routing.md tabulates them.
    const final: [Error, boolean][] = [
      [await statusError(400), false],
      [await statusError(404), false],
      [await statusError(413), false],
      [await statusError(422), false],
      [await statusError(401), true],
      [await statusError(403), true],
      [transportError(new undiciErrors.HeadersTimeoutError()), true],
      [transportError(new undiciErrors.BodyTimeoutError()), true],
      [transportError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })), true],
      [new AirlockError('AIRLOCK_BACKEND_BAD_RESPONSE'), true],
      [new TypeError('a bug in an adapter'), false],
    ];
    assert.equal((final[0]?.[0] as AirlockError).code, 'AIRLOCK_BACKEND_REJECTED_REQUEST');
    assert.equal((final[6]?.[0] as AirlockError).code, 'AIRLOCK_BACKEND_TIMEOUT');
    for (const [error, counts] of final) {
      const { router, targets, attempts, delays, health } = harness(three, { health: { failureThreshold: 1 } });
      const { calls, attempt } = scripted({ a: [error] });
      await assert.rejects(router.dispatch(targets('a', 'b'), attempt, signal()), (err) => err === error);
      assert.deepEqual(calls, ['a'], error.message);
      assert.deepEqual(attempts, ['a:failed']);
      assert.deepEqual(delays, []);
      assert.equal(health.state('a'), counts ? 'open' : 'closed', `${error.message} counts against health: ${counts}`);
    }
  });

  it('does not retry once the caller aborted, and does not hold the abort against the backend', async () => {
    const { router, targets, attempts, health } = harness(three, { health: { failureThreshold: 1 } });
    const controller = new AbortController();
    const error = await statusError(503);
    const calls: string[] = [];
    const attempt = (target: RouteTarget): Promise<string> => {
      calls.push(target.backend.id);
      controller.abort();
      return Promise.reject(error);
    };
    await assert.rejects(router.dispatch(targets('a', 'b'), attempt, controller.signal), (err) => err === error);
    assert.deepEqual(calls, ['a']);
    assert.deepEqual(attempts, ['a:failed']);
    assert.equal(health.state('a'), 'closed', 'recorded as neutral, not a failure');
  });

  it('waits before each retry, with delays that grow and never exceed retryMaxDelayMs', async () => {
    const settings = { retries: 8, retryBaseDelayMs: 40, retryMaxDelayMs: 500 };
    const { router, targets, delays } = harness(three, { settings, random: () => 0.999, health: { failureThreshold: 100 } });
    const { attempt } = scripted({ a: [connectRefused(), connectRefused(), connectRefused()], b: [connectRefused(), connectRefused(), connectRefused()], c: [connectRefused(), connectRefused()] });
    const result = await router.dispatch(targets('a', 'b', 'c'), attempt, signal());
    assert.equal(result.attempts, 9);
    assert.equal(delays.length, 8, 'one wait before each retry, none before the first attempt');
    delays.forEach((d, i) => {
      const ceiling = Math.min(settings.retryMaxDelayMs, settings.retryBaseDelayMs * 2 ** i);
      assert.ok(d <= ceiling && d >= ceiling * 0.99 - 1, `delay ${i}: ${d} against ceiling ${ceiling}`);
      if (i > 0) assert.ok(d >= (delays[i - 1] as number), `delay ${i} does not shrink`);
    });
    assert.ok((delays[3] as number) > (delays[0] as number) * 4, 'exponential growth');
    assert.equal(Math.max(...delays), 499, 'capped');
  });

  it('jitters each delay below its ceiling with the injected random source', async () => {
    const settings = { retries: 10, retryBaseDelayMs: 100, retryMaxDelayMs: 700 };
    const { router, targets, delays } = harness([{ id: 'solo', jurisdiction: 'DE' }], { settings, random: seeded(3), health: { failureThreshold: 100 } });
    const { attempt } = scripted({ solo: Array.from({ length: 10 }, () => connectRefused()) });
    await router.dispatch(targets('solo'), attempt, signal());
    assert.equal(delays.length, 10);
    delays.forEach((d, i) => assert.ok(Number.isInteger(d) && d >= 0 && d <= Math.min(700, 100 * 2 ** i), `delay ${i}: ${d}`));
    assert.ok(new Set(delays).size > 5, `jittered: ${delays.join(', ')}`);
  });

  it('passes the request signal to wait', async () => {
    const controller = new AbortController();
    const seen: AbortSignal[] = [];
    const health = createBackendHealth([{ id: 'a', settings: { failureThreshold: 9, openMs: 1, maxOpenMs: 1, checkIntervalMs: 0, probeTimeoutMs: 1 }, probe: () => Promise.resolve(true) }]);
    const router = createRouter({
      backends: new Map([['a', { id: 'a', jurisdiction: 'DE' } as unknown as BackendAdapter]]),
      placement: new Map([['a', { priority: 0, weight: 1 }]]),
      health,
      settings: { retries: 1, retryBaseDelayMs: 10, retryMaxDelayMs: 10 },
      wait: (_ms, s) => {
        seen.push(s);
        return Promise.resolve();
      },
    });
    const { attempt } = scripted({ a: [connectRefused()] });
    const [target] = router.plan([{ backendId: 'a', backendModel: 'm' }], ANYWHERE);
    await router.dispatch([target as RouteTarget], attempt, controller.signal);
    assert.deepEqual(seen, [controller.signal]);
  });
});

describe('router and backend health', () => {
  it('opens a circuit after the threshold of failures, so later plans skip the backend', async () => {
    const { router, health, candidates, attempts } = harness([{ id: 'a', jurisdiction: 'DE' }, { id: 'b', jurisdiction: 'DE', priority: 1 }], {
      health: { failureThreshold: 2 },
      settings: { retries: 0 },
    });
    const all = candidates('a', 'b');
    const { attempt } = scripted({ a: [await statusError(500), transportError(new undiciErrors.HeadersTimeoutError())] });
    await assert.rejects(router.dispatch(router.plan(all, ANYWHERE), attempt, signal()));
    assert.equal(health.state('a'), 'closed', 'one failure is below the threshold');
    assert.deepEqual(ids(router.plan(all, ANYWHERE)), ['a', 'b']);
    await assert.rejects(router.dispatch(router.plan(all, ANYWHERE), attempt, signal()));
    assert.equal(health.state('a'), 'open', 'a non-retryable timeout still counts as a failure');
    assert.deepEqual(ids(router.plan(all, ANYWHERE)), ['b']);
    assert.deepEqual(attempts, ['a:failed', 'a:failed']);
  });

  it('counts failures across retries within one dispatch, then moves on', async () => {
    const { router, health, targets, attempts } = harness([{ id: 'a', jurisdiction: 'DE' }, { id: 'b', jurisdiction: 'DE' }], {
      health: { failureThreshold: 2 },
      settings: { retries: 3 },
    });
    const { calls, attempt } = scripted({ a: [connectRefused(), connectRefused()], b: [connectRefused()] });
    const result = await router.dispatch(targets('a', 'b'), attempt, signal());
    assert.deepEqual(calls, ['a', 'b', 'a', 'b']);
    assert.equal(health.state('a'), 'open');
    assert.equal(health.state('b'), 'closed', 'the success reset its count');
    assert.equal(result.attempts, 4);
    assert.deepEqual(attempts, ['a:retried', 'b:retried', 'a:retried', 'b:success']);
  });

  it('skips a target whose circuit opened after the plan, and gives it its trial once the open period ends', async () => {
    const { router, health, targets, clock } = harness([{ id: 'a', jurisdiction: 'DE' }, { id: 'b', jurisdiction: 'DE' }], {
      health: { failureThreshold: 1, openMs: 1_000 },
    });
    health.record('a', 'failure');
    const skipped = scripted({});
    assert.equal((await router.dispatch(targets('a', 'b'), skipped.attempt, signal())).target.backend.id, 'b');
    assert.deepEqual(skipped.calls, ['b']);
    clock.now = 1_000;
    const trial = scripted({});
    assert.equal((await router.dispatch(targets('a', 'b'), trial.attempt, signal())).target.backend.id, 'a');
    assert.equal(health.state('a'), 'closed', 'the successful trial closed it');
  });

  it('refuses when every target went out of service between the plan and the dispatch', async () => {
    const { router, health, targets } = harness([{ id: 'a', jurisdiction: 'DE' }], { health: { failureThreshold: 1 } });
    health.record('a', 'failure');
    const { calls, attempt } = scripted({});
    await assert.rejects(router.dispatch(targets('a'), attempt, signal()), (err) => {
      assert.ok(err instanceof AirlockError);
      assert.equal(err.code, 'AIRLOCK_POLICY_NO_COMPLIANT_BACKEND');
      assert.match(err.message, /every allowed backend went out of service/);
      return true;
    });
    assert.deepEqual(calls, []);
  });

  it('moves a retry to the next untried target even when a target before it was skipped', async () => {
    const { router, health, targets } = harness(three, { health: { failureThreshold: 3 }, settings: { retries: 1 } });
    for (let i = 0; i < 3; i++) health.record('a', 'failure');
    assert.equal(health.state('a'), 'open');
    const { calls, attempt } = scripted({ b: [await statusError(502)] });
    const result = await router.dispatch(targets('a', 'b', 'c'), attempt, signal());
    assert.deepEqual(calls, ['b', 'c'], 'c has not been tried yet; b just failed');
    assert.equal(result.target.backend.id, 'c');
  });

  it(
    'reports an attempt as failed, not retried, when no target is left to retry on',
    async () => {
      const { router, targets, attempts, delays } = harness([{ id: 'solo', jurisdiction: 'DE' }], { health: { failureThreshold: 1 } });
      const error = connectRefused();
      const { calls, attempt } = scripted({ solo: [error] });
      await assert.rejects(router.dispatch(targets('solo'), attempt, signal()), (err) => err === error);
      assert.deepEqual(calls, ['solo']);
      assert.deepEqual(attempts, ['solo:failed']);
      assert.deepEqual(delays, []);
    },
  );

  it('treats 429 as neutral: a busy backend is retried elsewhere but never taken out', async () => {
    const { router, health, targets, candidates } = harness([{ id: 'a', jurisdiction: 'DE' }, { id: 'b', jurisdiction: 'DE', priority: 1 }], {
      health: { failureThreshold: 1 },
    });
    for (let i = 0; i < 5; i++) {
      const { calls, attempt } = scripted({ a: [await statusError(429)] });
      const result = await router.dispatch(targets('a', 'b'), attempt, signal());
      assert.deepEqual(calls, ['a', 'b']);
      assert.equal(result.value, 'ok from b');
    }
    assert.equal(health.state('a'), 'closed');
    assert.deepEqual(ids(router.plan(candidates('a', 'b'), ANYWHERE)), ['a', 'b']);
  });

  it('treats a request the backend rejected as neutral', async () => {
    const { router, health, targets } = harness([{ id: 'a', jurisdiction: 'DE' }], { health: { failureThreshold: 1 } });
    const { attempt } = scripted({ a: [await statusError(400), await statusError(422)] });
    await assert.rejects(router.dispatch(targets('a'), attempt, signal()));
    await assert.rejects(router.dispatch(targets('a'), attempt, signal()));
    assert.equal(health.state('a'), 'closed');
  });
});

function catchError(fn: () => unknown): AirlockError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AirlockError, String(err));
    return err;
  }
  return assert.fail('expected an AirlockError');
}
