/**
 * Tracks requests under way so SIGTERM can drain them: each request registers the AbortController that cancels
 * its upstream call. Draining waits until none are left or the grace period ends, then aborts the rest with
 * AIRLOCK_SHUTTING_DOWN so streams end with a clean error event instead of a cut connection.
 */
import { AirlockError } from '../errors.ts';

export interface InFlight {
  /** Registers a request; call the returned function when its reply is finished. */
  track(controller: AbortController): () => void;
  readonly size: number;
  /** Resolves true when all finished within the grace period, false when the rest had to be aborted. */
  drain(graceMs: number): Promise<boolean>;
}

export function createInFlight(): InFlight {
  const active = new Set<AbortController>();
  let idle: (() => void) | null = null;
  return {
    track(controller) {
      active.add(controller);
      return () => {
        active.delete(controller);
        if (active.size === 0) idle?.();
      };
    },
    get size() {
      return active.size;
    },
    async drain(graceMs) {
      if (active.size === 0) return true;
      const finished = new Promise<true>((resolve) => (idle = () => resolve(true)));
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
      const clean = await Promise.race([finished, expired]);
      clearTimeout(timer);
      if (!clean) for (const c of active) c.abort(new AirlockError('AIRLOCK_SHUTTING_DOWN'));
      return clean;
    },
  };
}
