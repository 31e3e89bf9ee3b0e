/**
 * Bulk-extraction watch: counts, per API key, the distinct personal data values its requests carried within a
 * sliding window. A key that suddenly sends hundreds of different e-mail addresses, phone numbers or ids is
 * more likely dumping a customer table through the model than serving one customer. Values are known only by
 * a truncated HMAC under the tenant's key (computed by the caller), never as text, and each key keeps at most
 * twice its threshold of them, so memory stays bounded however much a key sends.
 */

export interface BulkSettings {
  readonly maxDistinctValues: number;
  readonly windowSeconds: number;
}

export interface BulkVerdict {
  /** Distinct values within the window, this request's included (counted up to twice the threshold). */
  readonly distinct: number;
  /** More than the threshold. */
  readonly exceeded: boolean;
}

export interface BulkWatch {
  /** The verdict if this request's values were added; nothing is recorded. */
  peek(key: string, digests: readonly string[], settings: BulkSettings): BulkVerdict;
  /** Adds this request's values to the key's window and returns the verdict. */
  record(key: string, digests: readonly string[], settings: BulkSettings): BulkVerdict;
}

/** Digest → when it was last seen, oldest first (a value seen again moves to the end). */
type Window = Map<string, number>;

export function createBulkWatch(now: () => number = Date.now): BulkWatch {
  const windows = new Map<string, Window>();

  const current = (key: string, settings: BulkSettings): Window | undefined => {
    const window = windows.get(key);
    if (!window) return undefined;
    const oldest = now() - settings.windowSeconds * 1000;
    for (const [digest, seen] of window) {
      if (seen > oldest) break;
      window.delete(digest);
    }
    if (window.size === 0) windows.delete(key);
    return window.size === 0 ? undefined : window;
  };

  const verdict = (distinct: number, settings: BulkSettings): BulkVerdict => ({ distinct, exceeded: distinct > settings.maxDistinctValues });

  return {
    peek(key, digests, settings) {
      const window = current(key, settings);
      const fresh = new Set(digests.filter((d) => !window?.has(d)));
      return verdict(Math.min((window?.size ?? 0) + fresh.size, cap(settings)), settings);
    },
    record(key, digests, settings) {
      let window = current(key, settings);
      if (digests.length === 0) return verdict(window?.size ?? 0, settings);
      if (!window) windows.set(key, (window = new Map<string, number>()));
      const at = now();
      for (const digest of digests) {
        window.delete(digest);
        window.set(digest, at);
      }
      // Past twice the threshold the count is only ever reported as "exceeded": the oldest values make room.
      for (const digest of window.keys()) {
        if (window.size <= cap(settings)) break;
        window.delete(digest);
      }
      return verdict(window.size, settings);
    },
  };
}

function cap(settings: BulkSettings): number {
  return settings.maxDistinctValues * 2;
}
