// The circuit breaker and active checks driven by a fake clock: time only moves when a test advances it, and
// scheduled callbacks run in time order as it does, so every period boundary is checked to the millisecond.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createBackendHealth,
  type BackendHealth,
  type Clock,
  type HealthSettings,
  type HealthTarget,
} from '../../src/routing/health.ts';

interface FakeHandle {
  readonly seq: number;
  readonly at: number;
  readonly fn: () => void;
  unrefed: boolean;
  unref(): void;
}

interface FakeClock extends Clock {
  /** Moves time forward, running due callbacks in order and letting promises settle after each. */
  advance(ms: number): Promise<void>;
  pending(): number;
  readonly created: FakeHandle[];
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function fakeClock(): FakeClock {
  let now = 0;
  const timers = new Set<FakeHandle>();
  const created: FakeHandle[] = [];
  const nextDue = (until: number): FakeHandle | undefined => {
    let best: FakeHandle | undefined;
    for (const t of timers) {
      if (t.at <= until && (best === undefined || t.at < best.at || (t.at === best.at && t.seq < best.seq))) best = t;
    }
    return best;
  };
  return {
    created,
    now: () => now,
    setTimeout(fn, ms) {
      const handle: FakeHandle = { seq: created.length, at: now + ms, fn, unrefed: false, unref() { this.unrefed = true; } };
      created.push(handle);
      timers.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      timers.delete(handle as FakeHandle);
    },
    async advance(ms) {
      const until = now + ms;
      for (let t = nextDue(until); t !== undefined; t = nextDue(until)) {
        timers.delete(t);
        now = t.at;
        t.fn();
        await settle();
      }
      now = until;
      await settle();
    },
    pending: () => timers.size,
  };
}

function settings(over: Partial<HealthSettings> = {}): HealthSettings {
  return { failureThreshold: 3, openMs: 1_000, maxOpenMs: 4_000, checkIntervalMs: 0, probeTimeoutMs: 500, ...over };
}

const neverProbed = (): Promise<boolean> => Promise.reject(new Error('passive tests send no probes'));

function passive(over: Partial<HealthSettings> = {}, events: string[] = []): { health: BackendHealth; clock: FakeClock } {
  const clock = fakeClock();
  const health = createBackendHealth(
    [
      { id: 'a', settings: settings(over), probe: neverProbed },
      { id: 'b', settings: settings(), probe: neverProbed },
    ],
    { clock, onStateChange: (id, state) => events.push(`${id}:${state}`) },
  );
  return { health, clock };
}

function failTimes(health: BackendHealth, id: string, n: number): void {
  for (let i = 0; i < n; i++) {
    assert.equal(health.tryAcquire(id), true);
    health.record(id, 'failure');
  }
}

/** Asserts the circuit refuses for exactly `ms` from now, then takes the half-open trial. */
async function assertOpenFor(health: BackendHealth, clock: FakeClock, id: string, ms: number): Promise<void> {
  assert.equal(health.state(id), 'open');
  await clock.advance(ms - 1);
  assert.equal(health.tryAcquire(id), false, `still refusing at ${ms - 1} ms`);
  assert.equal(health.isAvailable(id), false);
  await clock.advance(1);
  assert.equal(health.isAvailable(id), true, `available again at ${ms} ms`);
  assert.equal(health.tryAcquire(id), true);
  assert.equal(health.state(id), 'half-open');
}

interface ProbeCall {
  readonly signal: AbortSignal;
  resolve(ok: boolean): void;
  reject(err: unknown): void;
}

/** A probe the test answers by hand; it ignores its signal, like a backend that hangs. */
function manualProbe(): { calls: ProbeCall[]; probe: HealthTarget['probe'] } {
  const calls: ProbeCall[] = [];
  return {
    calls,
    probe: (signal) => new Promise<boolean>((resolve, reject) => calls.push({ signal, resolve, reject })),
  };
}

function active(
  over: Partial<HealthSettings>,
  probe: HealthTarget['probe'],
  events: string[] = [],
): { health: BackendHealth; clock: FakeClock } {
  const clock = fakeClock();
  const health = createBackendHealth([{ id: 'a', settings: settings({ checkIntervalMs: 100, ...over }), probe }], {
    clock,
    onStateChange: (id, state) => events.push(`${id}:${state}`),
  });
  return { health, clock };
}

describe('circuit breaker', () => {
  it('opens at exactly the threshold of consecutive failures; a success in between resets the count', () => {
    const { health } = passive({ failureThreshold: 3 });
    failTimes(health, 'a', 2);
    health.record('a', 'success');
    failTimes(health, 'a', 2);
    assert.equal(health.state('a'), 'closed');
    assert.equal(health.isAvailable('a'), true);
    failTimes(health, 'a', 1);
    assert.equal(health.state('a'), 'open');
    assert.equal(health.isAvailable('a'), false);
    assert.equal(health.tryAcquire('a'), false);
    assert.equal(health.state('b'), 'closed');
  });

  it('refuses while open until openMs has elapsed, reporting open until a trial is taken', async () => {
    const { health, clock } = passive({ failureThreshold: 1, openMs: 1_000 });
    await clock.advance(5_000);
    failTimes(health, 'a', 1);
    await clock.advance(999);
    assert.equal(health.tryAcquire('a'), false);
    await clock.advance(1);
    assert.equal(health.state('a'), 'open');
    assert.equal(health.isAvailable('a'), true);
    assert.equal(health.state('a'), 'open', 'isAvailable does not take the trial');
    assert.equal(health.tryAcquire('a'), true);
    assert.equal(health.state('a'), 'half-open');
  });

  it('admits exactly one half-open trial', async () => {
    const { health, clock } = passive({ failureThreshold: 1 });
    failTimes(health, 'a', 1);
    await clock.advance(1_000);
    assert.equal(health.tryAcquire('a'), true);
    assert.equal(health.tryAcquire('a'), false);
    assert.equal(health.isAvailable('a'), false);
    await clock.advance(60_000);
    assert.equal(health.tryAcquire('a'), false, 'time does not release a trial in flight');
    assert.equal(health.tryAcquire('b'), true);
  });

  it('closes on a successful trial and counts failures afresh', async () => {
    const { health, clock } = passive({ failureThreshold: 2 });
    failTimes(health, 'a', 2);
    await clock.advance(1_000);
    assert.equal(health.tryAcquire('a'), true);
    health.record('a', 'success');
    assert.equal(health.state('a'), 'closed');
    assert.equal(health.tryAcquire('a'), true);
    assert.equal(health.tryAcquire('a'), true);
    failTimes(health, 'a', 1);
    assert.equal(health.state('a'), 'closed');
  });

  it('reopens on a failed trial with the open period doubled, capped at maxOpenMs', async () => {
    const { health, clock } = passive({ failureThreshold: 1, openMs: 1_000, maxOpenMs: 3_000 });
    failTimes(health, 'a', 1);
    for (const period of [1_000, 2_000, 3_000, 3_000]) {
      await assertOpenFor(health, clock, 'a', period);
      health.record('a', 'failure');
    }
    assert.equal(health.state('a'), 'open');
  });

  it('releases a half-open trial on neutral without closing, and neutral never counts', async () => {
    const { health, clock } = passive({ failureThreshold: 2 });
    failTimes(health, 'a', 1);
    health.record('a', 'neutral');
    health.record('a', 'neutral');
    assert.equal(health.state('a'), 'closed', 'neutral is not a failure');
    failTimes(health, 'a', 1);
    assert.equal(health.state('a'), 'open', 'neutral did not reset the count either');
    await clock.advance(1_000);
    assert.equal(health.tryAcquire('a'), true);
    health.record('a', 'neutral');
    assert.equal(health.state('a'), 'half-open');
    assert.equal(health.isAvailable('a'), true);
    assert.equal(health.tryAcquire('a'), true);
    assert.equal(health.tryAcquire('a'), false);
  });

  it('resets the open period to openMs after a success, for a later reopen', async () => {
    const { health, clock } = passive({ failureThreshold: 1, openMs: 1_000, maxOpenMs: 8_000 });
    failTimes(health, 'a', 1);
    await assertOpenFor(health, clock, 'a', 1_000);
    health.record('a', 'failure');
    await assertOpenFor(health, clock, 'a', 2_000);
    health.record('a', 'failure');
    await assertOpenFor(health, clock, 'a', 4_000);
    health.record('a', 'success');
    failTimes(health, 'a', 1);
    await assertOpenFor(health, clock, 'a', 1_000);
    health.record('a', 'failure');
    await assertOpenFor(health, clock, 'a', 2_000);
  });

  it('ignores results of requests admitted before the circuit opened', async () => {
    const { health, clock } = passive({ failureThreshold: 1 });
    failTimes(health, 'a', 1);
    health.record('a', 'success');
    assert.equal(health.state('a'), 'open');
    await clock.advance(500);
    health.record('a', 'failure');
    await clock.advance(500);
    assert.equal(health.tryAcquire('a'), true, 'a late failure did not restart the open period');
  });

  it('reports each real transition to onStateChange, in order', async () => {
    const events: string[] = [];
    const { health, clock } = passive({ failureThreshold: 2 }, events);
    failTimes(health, 'a', 1);
    health.record('a', 'success');
    failTimes(health, 'a', 2);
    health.record('a', 'failure');
    assert.equal(health.tryAcquire('a'), false);
    await clock.advance(1_000);
    health.isAvailable('a');
    assert.equal(health.tryAcquire('a'), true);
    health.record('a', 'failure');
    await clock.advance(2_000);
    assert.equal(health.tryAcquire('a'), true);
    health.record('a', 'neutral');
    assert.equal(health.tryAcquire('a'), true);
    health.record('a', 'success');
    health.record('a', 'success');
    assert.deepEqual(events, ['a:open', 'a:half-open', 'a:open', 'a:half-open', 'a:closed']);
  });

  it('snapshots every backend state', () => {
    const { health } = passive({ failureThreshold: 1 });
    const before = health.states();
    failTimes(health, 'a', 1);
    assert.deepEqual([...health.states()], [['a', 'open'], ['b', 'closed']]);
    assert.deepEqual([...before], [['a', 'closed'], ['b', 'closed']], 'a snapshot does not change later');
  });

  it('throws on an unknown backend id', () => {
    const { health } = passive();
    assert.throws(() => health.isAvailable('nope'), /unknown backend id "nope"/);
    assert.throws(() => health.tryAcquire('nope'), /unknown backend id/);
    assert.throws(() => health.record('nope', 'success'), /unknown backend id/);
    assert.throws(() => health.state('nope'), /unknown backend id/);
  });

  it('rejects duplicate ids and invalid settings', () => {
    const target = { id: 'a', settings: settings(), probe: neverProbed };
    assert.throws(() => createBackendHealth([target, target]), /duplicate backend id "a"/);
    assert.throws(() => createBackendHealth([{ ...target, settings: settings({ failureThreshold: 0 }) }]), /invalid/);
    assert.throws(() => createBackendHealth([{ ...target, settings: settings({ openMs: Number.NaN }) }]), /invalid/);
    assert.throws(() => createBackendHealth([{ ...target, settings: settings({ checkIntervalMs: -1 }) }]), /invalid/);
  });
});

describe('active checks', () => {
  it('probes each target once per interval, the first one interval after start', async () => {
    const clock = fakeClock();
    const counts = { a: 0, b: 0 };
    const health = createBackendHealth(
      [
        { id: 'a', settings: settings({ checkIntervalMs: 100 }), probe: () => Promise.resolve(++counts.a > 0) },
        { id: 'b', settings: settings({ checkIntervalMs: 0 }), probe: () => Promise.resolve(++counts.b > 0) },
      ],
      { clock },
    );
    health.start();
    health.start();
    await clock.advance(99);
    assert.equal(counts.a, 0);
    await clock.advance(1);
    assert.equal(counts.a, 1);
    await clock.advance(100);
    assert.equal(counts.a, 2, 'a second start() did not double the schedule');
    await clock.advance(1_000);
    assert.equal(counts.a, 12);
    assert.equal(counts.b, 0);
    health.stop();
  });

  it('opens on failing probes and closes again on a succeeding probe after the open period', async () => {
    const events: string[] = [];
    let ok = false;
    let calls = 0;
    const probe = (): Promise<boolean> => { calls++; return Promise.resolve(ok); };
    const { health, clock } = active({ failureThreshold: 2, openMs: 1_000 }, probe, events);
    health.start();
    await clock.advance(100);
    assert.equal(health.state('a'), 'closed');
    await clock.advance(100);
    assert.equal(health.state('a'), 'open');
    ok = true;
    await clock.advance(900);
    assert.equal(calls, 2, 'no probe during the open period');
    assert.equal(health.state('a'), 'open');
    await clock.advance(100);
    assert.equal(calls, 3);
    assert.equal(health.state('a'), 'closed');
    assert.deepEqual(events, ['a:open', 'a:half-open', 'a:closed']);
    health.stop();
  });

  it('reopens with a doubled period when the probe that is the trial fails', async () => {
    let calls = 0;
    const probe = (): Promise<boolean> => { calls++; return Promise.resolve(false); };
    const { health, clock } = active({ failureThreshold: 1, openMs: 1_000, maxOpenMs: 10_000 }, probe);
    health.start();
    await clock.advance(100);
    assert.equal(calls, 1);
    await clock.advance(1_000);
    assert.equal(calls, 2, 'the trial probe went out once the period elapsed');
    assert.equal(health.state('a'), 'open');
    await clock.advance(1_900);
    assert.equal(calls, 2);
    await clock.advance(100);
    assert.equal(calls, 3);
    health.stop();
  });

  it('never overlaps probes of one target while a probe hangs', async () => {
    const { calls, probe } = manualProbe();
    const { health, clock } = active({ failureThreshold: 100, probeTimeoutMs: 250 }, probe);
    health.start();
    await clock.advance(1_000);
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.signal.aborted, true, 'the timeout aborted it, yet it has not settled');
    calls[0]?.resolve(true);
    await settle();
    await clock.advance(100);
    assert.equal(calls.length, 2, 'probing resumed once the hung probe settled');
    health.stop();
  });

  it('aborts a probe at probeTimeoutMs and counts it as a failure', async () => {
    const { calls, probe } = manualProbe();
    const { health, clock } = active({ failureThreshold: 1, probeTimeoutMs: 50 }, probe);
    health.start();
    await clock.advance(100);
    const call = calls[0];
    assert.ok(call);
    await clock.advance(49);
    assert.equal(call.signal.aborted, false);
    assert.equal(health.state('a'), 'closed');
    await clock.advance(1);
    assert.equal(call.signal.aborted, true);
    assert.equal(health.state('a'), 'open');
    call.resolve(true);
    await settle();
    assert.equal(health.state('a'), 'open', 'an answer after the timeout is not recorded');
    health.stop();
  });

  it('sends no probe while a request holds the half-open trial', async () => {
    let calls = 0;
    const probe = (): Promise<boolean> => { calls++; return Promise.resolve(true); };
    const { health, clock } = active({ failureThreshold: 1, openMs: 950 }, probe);
    failTimes(health, 'a', 1);
    health.start();
    await clock.advance(950);
    assert.equal(health.tryAcquire('a'), true);
    await clock.advance(2_000);
    assert.equal(calls, 0);
    health.record('a', 'neutral');
    await clock.advance(100);
    assert.equal(calls, 1, 'the released trial went to the probe');
    assert.equal(health.state('a'), 'closed');
    health.stop();
  });

  it('stop() aborts a probe in flight, sends no more and is idempotent', async () => {
    const { calls, probe } = manualProbe();
    const { health, clock } = active({ failureThreshold: 1, probeTimeoutMs: 5_000 }, probe);
    health.start();
    await clock.advance(100);
    assert.equal(calls.length, 1);
    health.stop();
    health.stop();
    assert.equal(calls[0]?.signal.aborted, true);
    assert.equal(clock.pending(), 0, 'every timer was cleared');
    calls[0]?.reject(new Error('aborted'));
    await clock.advance(10_000);
    assert.equal(calls.length, 1);
    assert.equal(health.state('a'), 'closed', 'an abort by stop() is not a failure');
  });

  it('stop() releases a half-open trial held by a probe', async () => {
    const { calls, probe } = manualProbe();
    const { health, clock } = active({ failureThreshold: 1, openMs: 1_000, probeTimeoutMs: 5_000 }, probe);
    failTimes(health, 'a', 1);
    health.start();
    await clock.advance(1_000);
    assert.equal(calls.length, 1);
    assert.equal(health.tryAcquire('a'), false);
    health.stop();
    assert.equal(health.state('a'), 'half-open');
    assert.equal(health.tryAcquire('a'), true);
  });

  it('counts rejecting and throwing probes as failures without an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const clock = fakeClock();
      const health = createBackendHealth(
        [
          { id: 'r', settings: settings({ failureThreshold: 2, checkIntervalMs: 100 }), probe: () => Promise.reject(new Error('down')) },
          { id: 't', settings: settings({ failureThreshold: 2, checkIntervalMs: 100 }), probe: () => { throw new Error('sync'); } },
        ],
        { clock },
      );
      health.start();
      await clock.advance(200);
      for (let i = 0; i < 5; i++) await settle();
      assert.equal(health.state('r'), 'open');
      assert.equal(health.state('t'), 'open');
      health.stop();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    assert.deepEqual(unhandled, []);
  });

  it('unrefs every timer it schedules', async () => {
    const { calls, probe } = manualProbe();
    const { health, clock } = active({}, probe);
    health.start();
    await clock.advance(100);
    assert.equal(calls.length, 1);
    assert.ok(clock.created.length >= 2, 'a tick and a probe timeout were scheduled');
    assert.deepEqual(clock.created.filter((h) => !h.unrefed), []);
    health.stop();
  });

  it('with the default clock, started checks do not keep the process alive', () => {
    const url = pathToFileURL(new URL('../../src/routing/health.ts', import.meta.url).pathname).href;
    const script = [
      `import { createBackendHealth } from ${JSON.stringify(url)};`,
      `const s = { failureThreshold: 1, openMs: 60000, maxOpenMs: 60000, checkIntervalMs: 3600000, probeTimeoutMs: 1000 };`,
      `const h = createBackendHealth([{ id: 'a', settings: s, probe: async () => true }]);`,
      `h.start();`,
    ].join('\n');
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { timeout: 15_000, encoding: 'utf8' });
    assert.equal(child.signal, null, 'the child exited by itself');
    assert.equal(child.status, 0, child.stderr);
  });
});
