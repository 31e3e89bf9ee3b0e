/**
 * Tenant API keys. A key is 32 random bytes (base64url) behind a recognisable prefix, so secret scanners can
 * spot a leaked one; Airlock stores only `sha256:<hex>` of it. SHA-256 and not a password hash: the key has 256
 * bits of entropy, so a slow hash adds latency without adding safety. The presented key's hash is looked up,
 * then compared in constant time; a key is never logged, echoed or kept in memory beyond the check.
 */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Scope } from '../config/schema.ts';
import { AirlockError } from '../errors.ts';

export const KEY_PREFIX = 'sk-airlock-';

export interface KeyRecord {
  readonly id: string;
  readonly tenant: string;
  readonly hash: string;
  readonly scopes: readonly Scope[];
  readonly models?: readonly string[] | undefined;
}

/** Who is calling: what the rest of the pipeline may know about a caller. */
export interface Principal {
  readonly tenant: string;
  readonly keyId: string;
  readonly scopes: ReadonlySet<Scope>;
  /** Aliases the key is limited to, or null for every model its tenant may use. */
  readonly models: ReadonlySet<string> | null;
}

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return `sha256:${hash('sha256', key, 'hex')}`;
}

export interface KeyRing {
  /** The principal for a presented key, or null when it matches no record. */
  authenticate(presented: string): Principal | null;
  readonly size: number;
}

export function createKeyRing(records: readonly KeyRecord[]): KeyRing {
  const byHash = new Map<string, { digest: Buffer; principal: Principal }>();
  for (const r of records) {
    byHash.set(r.hash, {
      digest: Buffer.from(r.hash.slice('sha256:'.length), 'hex'),
      principal: Object.freeze({
        tenant: r.tenant,
        keyId: r.id,
        scopes: new Set(r.scopes),
        models: r.models ? new Set(r.models) : null,
      }),
    });
  }
  return {
    size: byHash.size,
    authenticate(presented) {
      const digest = hash('sha256', presented, 'buffer'); // one-shot: no Hash object per request
      const entry = byHash.get(`sha256:${digest.toString('hex')}`);
      // The map lookup keys on the hash, which reveals nothing about the key; the final comparison is constant time.
      if (!entry || !timingSafeEqual(entry.digest, digest)) return null;
      return entry.principal;
    },
  };
}

/**
 * The principal behind a request's headers, allowed the given scope; throws the catalogue error otherwise.
 * Missing, unknown and out-of-scope keys get distinct codes, none of which says anything about the key itself.
 */
export function authenticateHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  keyRing: KeyRing,
  scope: Scope,
): Principal {
  const key = extractApiKey(headers);
  if (key === null) throw new AirlockError('AIRLOCK_AUTH_MISSING_KEY');
  const principal = keyRing.authenticate(key);
  if (principal === null) throw new AirlockError('AIRLOCK_AUTH_INVALID_KEY');
  if (!principal.scopes.has(scope)) throw new AirlockError('AIRLOCK_AUTH_SCOPE_DENIED');
  return principal;
}

/** The key from `Authorization: Bearer <key>` or `api-key: <key>` (Azure OpenAI style), or null. */
export function extractApiKey(headers: Readonly<Record<string, string | string[] | undefined>>): string | null {
  const auth = headers.authorization;
  if (typeof auth === 'string') {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(auth);
    if (match) return match[1] as string;
  }
  const apiKey = headers['api-key'];
  if (typeof apiKey === 'string' && apiKey.trim() !== '') return apiKey.trim();
  return null;
}
