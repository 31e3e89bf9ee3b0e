/**
 * Group commit in front of an audit store: events written one by one from concurrent requests are gathered
 * into batches so one durable transaction (one fsync) covers many of them. A batch is written when it is full
 * (`maxBatch`) or when its oldest event has waited `maxWaitMs`, but never while the previous append is still in
 * flight: events arriving meanwhile form the next batch, so batches grow with load and throughput with them.
 * Each `add` resolves with its event's own sequence number once the batch is durable; if the batch fails,
 * every event in it is rejected with the same error, so every caller can fail closed.
 * An event added with `lazy` (one no request waits for, such as a completion) does not start a commit of its
 * own: it rides along with the next urgent one, or is written after `lazyMs` at the latest, which saves an
 * fsync per request on a quiet gateway.
 */
import type { AppendItem, AuditStore } from './store.ts';

export interface GroupCommitOptions {
  /** How long the first event of a batch waits for companions before the batch is written. */
  readonly maxWaitMs: number;
  /** The most events one append writes. */
  readonly maxBatch: number;
  /** The longest a lazy event waits for an urgent one to ride along with (default 25 ms). */
  readonly lazyMs?: number;
}

export interface GroupCommit<T extends AppendItem> {
  /** Queues the event; resolves with its sequence number once it is durable. */
  add(item: T, lazy?: boolean): Promise<number>;
  /** Writes everything queued so far without waiting for companions; resolves when all of it has settled. */
  flush(): Promise<void>;
  /** Refuses further events and flushes the queued ones. Does not close the store (the caller owns it). */
  close(): Promise<void>;
}

interface Pending<T> {
  readonly item: T;
  /** Position in arrival order, to tell which events a flush() covers. */
  readonly ordinal: number;
  readonly enqueuedAt: number;
  readonly lazy: boolean;
  readonly resolve: (seq: number) => void;
  readonly reject: (error: unknown) => void;
  readonly settled: Promise<unknown>;
}

export function createGroupCommit<T extends AppendItem>(
  store: AuditStore,
  encode: (item: T, seq: number) => Buffer,
  options: GroupCommitOptions,
): GroupCommit<T> {
  checkOptions(options);
  const queue: Pending<T>[] = [];
  let inFlight: Promise<void> | null = null;
  let timer: { immediate: NodeJS.Immediate } | { timeout: NodeJS.Timeout } | null = null;
  let timerIsLazy = false;
  let nextOrdinal = 0;
  /** Events with a smaller ordinal are written as soon as the store is free (a flush asked for them). */
  let urgentBelow = 0;
  /** Set when the timer fires: timers may fire a little before performance.now() says the wait is over. */
  let waitedEnough = false;
  let closed = false;

  const lazyMs = options.lazyMs ?? 25;
  /** The oldest event someone waits for; lazy events alone only set a deadline of lazyMs. */
  const oldestUrgent = (): Pending<T> | undefined => queue.find((pending) => !pending.lazy);

  const isDue = (): boolean => {
    const oldest = queue[0];
    if (oldest === undefined) return false;
    if (waitedEnough || queue.length >= options.maxBatch || oldest.ordinal < urgentBelow) return true;
    const urgent = oldestUrgent();
    if (urgent === undefined) return performance.now() - oldest.enqueuedAt >= lazyMs;
    // With no wait configured, a batch still collects what arrives in the same event-loop turn (see armTimer).
    return options.maxWaitMs > 0 && performance.now() - urgent.enqueuedAt >= options.maxWaitMs;
  };

  /** Starts the next batch if one is due and the store is free, else arms the timer for the oldest event. */
  const schedule = (): void => {
    if (inFlight !== null || queue.length === 0) return;
    if (isDue()) {
      clearTimer();
      waitedEnough = false;
      inFlight = writeBatch(queue.splice(0, options.maxBatch)).finally(() => {
        inFlight = null;
        // An event someone waits for that arrived during the commit has waited a commit's time: it goes next, at once.
        waitedEnough = oldestUrgent() !== undefined;
        schedule();
      });
      return;
    }
    armTimer();
  };

  const armTimer = (): void => {
    const oldest = queue[0];
    if (oldest === undefined) return;
    const urgent = oldestUrgent();
    const remaining = urgent
      ? Math.max(0, options.maxWaitMs - (performance.now() - urgent.enqueuedAt))
      : Math.max(1, lazyMs - (performance.now() - oldest.enqueuedAt));
    // A lazy timer gives way to an urgent event's shorter wait.
    if (timer !== null && (urgent === undefined || !('timeout' in timer) || !timerIsLazy)) return;
    clearTimer();
    timerIsLazy = urgent === undefined;
    const fire = () => {
      timer = null;
      waitedEnough = true;
      schedule();
    };
    // setTimeout(0) waits at least a millisecond; setImmediate ends the wait with the current turn's I/O.
    timer = remaining === 0 ? { immediate: setImmediate(fire) } : { timeout: setTimeout(fire, remaining) };
  };

  const clearTimer = (): void => {
    if (timer === null) return;
    if ('immediate' in timer) clearImmediate(timer.immediate);
    else clearTimeout(timer.timeout);
    timer = null;
  };

  const writeBatch = async (batch: Pending<T>[]): Promise<void> => {
    try {
      const first = await store.append(
        batch.map((pending) => pending.item),
        encode,
      );
      batch.forEach((pending, index) => pending.resolve(first + index));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  };

  const add = (item: T, lazy = false): Promise<number> => {
    if (closed) return Promise.reject(new Error('audit group commit: closed, no more events are accepted'));
    let resolve: (seq: number) => void = () => undefined;
    let reject: (error: unknown) => void = () => undefined;
    const promise = new Promise<number>((onResolve, onReject) => {
      resolve = onResolve;
      reject = onReject;
    });
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    queue.push({ item, ordinal: nextOrdinal++, enqueuedAt: performance.now(), lazy, resolve, reject, settled });
    schedule();
    return promise;
  };

  const flush = async (): Promise<void> => {
    const waiting = queue.map((pending) => pending.settled);
    urgentBelow = nextOrdinal;
    schedule();
    // The batch in flight holds events added before this call too.
    await Promise.all([inFlight, ...waiting]);
  };

  const close = async (): Promise<void> => {
    closed = true;
    await flush();
  };

  return { add, flush, close };
}

function checkOptions(options: GroupCommitOptions): void {
  if (!Number.isFinite(options.maxWaitMs) || options.maxWaitMs < 0) throw new RangeError('audit group commit: maxWaitMs must be ≥ 0');
  if (!Number.isInteger(options.maxBatch) || options.maxBatch < 1) throw new RangeError('audit group commit: maxBatch must be a positive integer');
}
