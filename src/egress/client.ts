/**
 * The only outbound HTTP client (design rule 2). It knows the declared backends and nothing else: a request to
 * any other scheme, host or port is refused before a socket opens; redirects are never followed (a 3xx is an
 * error, its Location never contacted); a declared name's DNS answer is checked before connecting, so DNS cannot
 * steer it to a cloud metadata endpoint. One keep-alive undici Pool per backend carries the per-phase timeouts.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { Pool, buildConnector, errors as undiciErrors } from 'undici';
import { AirlockError } from '../errors.ts';

export interface EgressTarget {
  readonly id: string;
  /** Absolute base URL; its origin (scheme, host, port) is what the allowlist holds. */
  readonly url: string;
  readonly connectTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
  readonly connections: number;
  readonly keepAliveTimeoutMs: number;
}

export interface EgressRequest {
  readonly method: 'GET' | 'POST';
  /** Absolute URL; must belong to the target's origin. */
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly signal?: AbortSignal;
}

export interface EgressResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Readable & { text(): Promise<string>; dump(): Promise<void> };
}

export interface EgressClient {
  /** Sends to a declared backend; throws AirlockError for refused destinations, redirects and transport errors. */
  request(targetId: string, req: EgressRequest): Promise<EgressResponse>;
  close(): Promise<void>;
}

/** Addresses a backend name must never resolve to: link-local (cloud metadata at 169.254.169.254) and unspecified. */
const FORBIDDEN_RESOLVED = new BlockList();
FORBIDDEN_RESOLVED.addSubnet('169.254.0.0', 16, 'ipv4');
FORBIDDEN_RESOLVED.addAddress('0.0.0.0', 'ipv4');
FORBIDDEN_RESOLVED.addSubnet('fe80::', 10, 'ipv6');
FORBIDDEN_RESOLVED.addAddress('::', 'ipv6');

export function createEgressClient(targets: readonly EgressTarget[]): EgressClient {
  const pools = new Map<string, { prefix: string; pool: Pool }>();
  for (const t of targets) {
    const origin = new URL(t.url).origin;
    pools.set(t.id, { prefix: `${origin}/`, pool: createPool(origin, t) });
  }

  return {
    async request(targetId, req) {
      const entry = pools.get(targetId);
      // The URL must start with the declared origin followed by "/": with the authority ending right there, no
      // userinfo, host or port trick can point it elsewhere. A prefix test, not a URL parse, on the hot path.
      if (!entry || !req.url.startsWith(entry.prefix)) throw new AirlockError('AIRLOCK_EGRESS_DESTINATION_REFUSED');
      let res;
      try {
        res = await entry.pool.request({
          method: req.method,
          path: req.url.slice(entry.prefix.length - 1),
          headers: req.headers,
          body: req.body ?? null,
          signal: req.signal ?? null,
        });
      } catch (err) {
        throw toEgressError(err);
      }
      if (res.statusCode >= 300 && res.statusCode < 400) {
        await res.body.dump().catch(() => undefined); // discarded unread; the Location is never contacted
        throw new AirlockError('AIRLOCK_EGRESS_REDIRECT_REFUSED', { detail: `(status ${res.statusCode})` });
      }
      return { statusCode: res.statusCode, headers: res.headers, body: res.body };
    },
    async close() {
      await Promise.all([...pools.values()].map(({ pool }) => pool.close()));
    },
  };
}

function createPool(origin: string, t: EgressTarget): Pool {
  const hostname = new URL(origin).hostname.replace(/^\[|\]$/g, '');
  // A literal IP in config is the operator's explicit choice; a name must not resolve to a forbidden address.
  // The check sits in the DNS lookup, so no packet is sent to such an address.
  const literal = isIP(hostname) !== 0;
  return new Pool(origin, {
    connections: t.connections,
    keepAliveTimeout: t.keepAliveTimeoutMs,
    headersTimeout: t.headersTimeoutMs,
    bodyTimeout: t.bodyTimeoutMs,
    connect: buildConnector({ timeout: t.connectTimeoutMs, ...(literal ? {} : { lookup: guardLookup(dnsLookup) }) }),
  });
}

type LookupFn = typeof dnsLookup;

/** Wraps a DNS lookup so that any forbidden address in its answer fails the connection before it is attempted. */
export function guardLookup(lookup: LookupFn): LookupFn {
  const guarded = (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    lookup(hostname, options, (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => {
      if (err) return callback(err, address, family);
      const answers = Array.isArray(address) ? address : [{ address, family: family ?? isIP(address) }];
      if (answers.length === 0 || answers.some((a) => FORBIDDEN_RESOLVED.check(a.address, a.family === 6 ? 'ipv6' : 'ipv4'))) {
        return callback(new AirlockError('AIRLOCK_EGRESS_DESTINATION_REFUSED'), address, family);
      }
      callback(null, address, family);
    });
  };
  return guarded as LookupFn;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Failures to open a connection: refused, unresolvable, unreachable. A reset or a socket closed after the
 * request was written is not one: the backend may have started generating, and a retry must not run the same
 * prompt twice behind the caller's back.
 */
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function isConnectFailure(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code !== undefined && CONNECT_FAILURES.has(code);
}

/** Maps transport failures to catalogue errors; an abort (caller gone, shutdown) is re-thrown as is. */
export function toEgressError(err: unknown): unknown {
  if (err instanceof AirlockError) return err;
  if (err instanceof undiciErrors.RequestAbortedError || (err as Error | null)?.name === 'AbortError') return err;
  // Retryable only when the backend cannot have started on the request: it never connected.
  if (err instanceof undiciErrors.ConnectTimeoutError) return new AirlockError('AIRLOCK_BACKEND_TIMEOUT', { cause: err, retryable: true });
  if (err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError) {
    return new AirlockError('AIRLOCK_BACKEND_TIMEOUT', { cause: err });
  }
  return new AirlockError('AIRLOCK_BACKEND_UNREACHABLE', { cause: err, retryable: isConnectFailure(err) });
}
