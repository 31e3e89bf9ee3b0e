/**
 * Whether each backend may be sent traffic right now. A circuit breaker per backend turns consecutive failures
 * into a timed refusal, so a dead backend costs callers nothing instead of a connect timeout each, and after the
 * refusal exactly one trial (a request or an active probe) decides whether it comes back; repeated failed trials
 * back off exponentially so a flapping backend is not hammered. Active checks exist so a backend that receives no
 * traffic is still noticed going down and coming back. The request path calls isAvailable/tryAcquire/record on
 * every request, so those are a map lookup and a few field writes; everything that allocates is on the probe path.
 * Time comes from an injectable clock so the breaker is tested without sleeping. Nothing here logs: state changes
 * are reported through onStateChange and the caller decides what to say.
 */

export type CircuitState = 'closed' | 'open' | 'half-open';
export type Outcome = 'success' | 'failure' | 'neutral';

export interface HealthSettings {
  /** Consecutive failures that open a closed circuit (>= 1). */
  readonly failureThreshold: number;
  /** How long an open circuit refuses before it admits one trial, in ms. */
  readonly openMs: number;
  /** Each failed trial doubles the open period, capped here (never below openMs), in ms. */
  readonly maxOpenMs: number;
  /** Active probe period in ms; 0 = no active checks. */
  readonly checkIntervalMs: number;
  /** Timeout passed to a probe as an AbortSignal, in ms. */
  readonly probeTimeoutMs: number;
}

export interface HealthTarget {
  readonly id: string;
  readonly settings: HealthSettings;
  /** Resolves true when the backend answered with success; may reject (counts as false). */
  probe(signal: AbortSignal): Promise<boolean>;
}

export interface Clock {
  /** Milliseconds, monotonic enough. */
  now(): number;
  /** Used only for active checks. */
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface BackendHealth {
  /** True exactly when tryAcquire would succeed now. Does not take the trial. */
  isAvailable(id: string): boolean;
  /** Takes the right to send one request now: always in closed, the single trial otherwise. */
  tryAcquire(id: string): boolean;
  /** Reports how an acquired request ended. */
  record(id: string, outcome: Outcome): void;
  /** An open circuit whose period has elapsed still reports 'open' until a trial is taken. */
  state(id: string): CircuitState;
  /** Snapshot for metrics/explain: id → state. */
  states(): ReadonlyMap<string, CircuitState>;
  /** Starts active checks; the first probe of a target comes one interval after start. */
  start(): void;
  /** Stops all timers and aborts probes in flight; idempotent. */
  stop(): void;
}

export interface BackendHealthOptions {
  readonly clock?: Clock;
  readonly onStateChange?: (id: string, state: CircuitState) => void;
}

/** What every circuit of one BackendHealth shares; each circuit points at it so helpers take one argument. */
interface Shared {
  readonly clock: Clock;
  readonly onStateChange: ((id: string, state: CircuitState) => void) | undefined;
  running: boolean;
}

/** One probe in flight. `live` turns false once its outcome was recorded (or stop() disowned it). */
interface Probe {
  readonly controller: AbortController;
  timeoutHandle: unknown;
  live: boolean;
  /** The circuit's trial number this probe took, 0 when it was sent on a closed circuit. */
  readonly trial: number;
}

interface Circuit {
  readonly shared: Shared;
  readonly target: HealthTarget;
  readonly maxOpenMs: number;
  state: CircuitState;
  failures: number;
  openPeriodMs: number;
  openUntil: number;
  trialTaken: boolean;
  /** Counts trials taken, so a probe releases only its own trial and never one a request took later. */
  trials: number;
  tickHandle: unknown;
  /** Kept until the probe's promise settles, even after a timeout, so probes of one target never overlap. */
  probe: Probe | null;
}

const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Health timers must never be the reason a process stays alive, whichever clock made them. */
function unref(handle: unknown): unknown {
  if (typeof handle === 'object' && handle !== null && 'unref' in handle && typeof handle.unref === 'function') {
    (handle as { unref(): unknown }).unref();
  }
  return handle;
}

function validateSettings(id: string, s: HealthSettings): void {
  const durations = [s.openMs, s.maxOpenMs, s.checkIntervalMs, s.probeTimeoutMs];
  if (!Number.isInteger(s.failureThreshold) || s.failureThreshold < 1 || durations.some((d) => !(d >= 0 && d < Infinity))) {
    throw new Error(`invalid health settings for backend "${id}"`);
  }
}

function createCircuits(targets: readonly HealthTarget[], shared: Shared): Map<string, Circuit> {
  const circuits = new Map<string, Circuit>();
  for (const target of targets) {
    if (circuits.has(target.id)) throw new Error(`duplicate backend id "${target.id}" in health targets`);
    validateSettings(target.id, target.settings);
    const { openMs, maxOpenMs } = target.settings;
    circuits.set(target.id, {
      shared,
      target,
      // A configuration whose cap is below the base period keeps the base: backing off never shortens it.
      maxOpenMs: Math.max(openMs, maxOpenMs),
      state: 'closed',
      failures: 0,
      openPeriodMs: openMs,
      openUntil: 0,
      trialTaken: false,
      trials: 0,
      tickHandle: undefined,
      probe: null,
    });
  }
  return circuits;
}

function transition(c: Circuit, next: CircuitState): void {
  c.state = next;
  c.trialTaken = next === 'half-open';
  if (c.trialTaken) c.trials += 1;
  c.shared.onStateChange?.(c.target.id, next);
}

function openCircuit(c: Circuit): void {
  c.openUntil = c.shared.clock.now() + c.openPeriodMs;
  transition(c, 'open');
}

function isAdmitting(c: Circuit): boolean {
  if (c.state === 'closed') return true;
  if (c.state === 'half-open') return !c.trialTaken;
  return c.shared.clock.now() >= c.openUntil;
}

function acquire(c: Circuit): boolean {
  if (c.state === 'closed') return true;
  if (c.state === 'half-open') {
    if (c.trialTaken) return false;
    c.trialTaken = true;
    c.trials += 1;
    return true;
  }
  if (c.shared.clock.now() < c.openUntil) return false;
  transition(c, 'half-open');
  return true;
}

// A result arriving while open came from a request admitted before the circuit opened: the open period and its
// trial decide what happens next, so it changes nothing.
function recordOutcome(c: Circuit, outcome: Outcome): void {
  if (c.state === 'closed') {
    if (outcome === 'success') c.failures = 0;
    else if (outcome === 'failure' && ++c.failures >= c.target.settings.failureThreshold) {
      c.failures = 0;
      openCircuit(c);
    }
  } else if (c.state === 'half-open') {
    if (outcome === 'neutral') c.trialTaken = false;
    else if (outcome === 'success') {
      c.openPeriodMs = c.target.settings.openMs;
      transition(c, 'closed');
    } else {
      c.openPeriodMs = Math.min(c.openPeriodMs * 2, c.maxOpenMs);
      openCircuit(c);
    }
  }
}

function scheduleTick(c: Circuit): void {
  c.tickHandle = unref(c.shared.clock.setTimeout(() => tick(c), c.target.settings.checkIntervalMs));
}

// The schedule is fixed-rate and independent of probe duration; a tick that finds a probe still unsettled, or a
// circuit that would refuse a request, simply waits for the next one.
function tick(c: Circuit): void {
  c.tickHandle = undefined;
  if (!c.shared.running) return;
  scheduleTick(c);
  if (c.probe !== null || !acquire(c)) return;
  sendProbe(c);
}

/** Calls the probe so that a synchronous throw becomes a rejection like any other failure. */
function runProbe(target: HealthTarget, signal: AbortSignal): Promise<boolean> {
  try {
    return Promise.resolve(target.probe(signal));
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}

function sendProbe(c: Circuit): void {
  const controller = new AbortController();
  const probe: Probe = { controller, timeoutHandle: undefined, live: true, trial: c.state === 'half-open' ? c.trials : 0 };
  c.probe = probe;
  const timeoutMs = c.target.settings.probeTimeoutMs;
  probe.timeoutHandle = unref(c.shared.clock.setTimeout(() => finishProbe(c, probe, false), timeoutMs));
  void runProbe(c.target, controller.signal).then(
    (ok) => settleProbe(c, probe, ok === true),
    () => settleProbe(c, probe, false),
  );
}

/** Records a probe's outcome once: the first of its answer and its timeout wins. */
function finishProbe(c: Circuit, probe: Probe, ok: boolean): void {
  if (!probe.live) return;
  probe.live = false;
  c.shared.clock.clearTimeout(probe.timeoutHandle);
  if (!ok) probe.controller.abort();
  recordOutcome(c, ok ? 'success' : 'failure');
}

function settleProbe(c: Circuit, probe: Probe, ok: boolean): void {
  if (c.probe === probe) c.probe = null;
  finishProbe(c, probe, ok);
}

function stopCircuit(c: Circuit): void {
  if (c.tickHandle !== undefined) c.shared.clock.clearTimeout(c.tickHandle);
  c.tickHandle = undefined;
  const probe = c.probe;
  if (probe === null || !probe.live) return;
  probe.live = false;
  c.shared.clock.clearTimeout(probe.timeoutHandle);
  probe.controller.abort();
  // The probe's trial is released so that a request may take it instead of waiting for the next start().
  if (probe.trial !== 0 && probe.trial === c.trials && c.state === 'half-open') c.trialTaken = false;
}

export function createBackendHealth(targets: readonly HealthTarget[], options: BackendHealthOptions = {}): BackendHealth {
  const shared: Shared = { clock: options.clock ?? systemClock, onStateChange: options.onStateChange, running: false };
  const circuits = createCircuits(targets, shared);
  const circuitOf = (id: string): Circuit => {
    const c = circuits.get(id);
    if (c === undefined) throw new Error(`unknown backend id "${id}"`);
    return c;
  };
  return {
    isAvailable: (id) => isAdmitting(circuitOf(id)),
    tryAcquire: (id) => acquire(circuitOf(id)),
    record: (id, outcome) => recordOutcome(circuitOf(id), outcome),
    state: (id) => circuitOf(id).state,
    states: () => new Map(Array.from(circuits, ([id, c]) => [id, c.state])),
    start() {
      if (shared.running) return;
      shared.running = true;
      for (const c of circuits.values()) {
        if (c.target.settings.checkIntervalMs > 0) scheduleTick(c);
      }
    },
    stop() {
      shared.running = false;
      for (const c of circuits.values()) stopCircuit(c);
    },
  };
}
