/**
 * Per-tenant keys for the transforms, derived with HKDF-SHA256 from the tenant's own secret key or, when it has
 * none, from the gateway's master secret and the tenant id. Separate keys per purpose keep a hash (`[EMAIL#…]`)
 * from ever matching or revealing a pseudonym (`[EMAIL_…]`).
 */
import { hkdfSync } from 'node:crypto';

export interface TenantKeys {
  readonly pseudonym: Buffer;
  readonly hash: Buffer;
}

const SALT = 'airlock/tenant-keys/v1';

export function deriveTenantKeys(masterSecret: string, tenant: string, tenantSecret?: string): TenantKeys {
  const material = tenantSecret ?? masterSecret;
  const scope = tenantSecret === undefined ? `tenant:${tenant}` : 'tenant';
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', material, SALT, `${scope}:${purpose}`, 32));
  return { pseudonym: derive('pseudonym'), hash: derive('hash') };
}
