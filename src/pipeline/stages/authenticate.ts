/** Authenticate: the caller's API key becomes a Principal whose scopes cover the endpoint. */
import { authenticateHeaders, type KeyRing } from '../../auth/api-keys.ts';
import type { RequestContext } from '../context.ts';

export function createAuthenticateStage(keyRing: () => KeyRing) {
  return function authenticate(ctx: RequestContext): void {
    ctx.principal = authenticateHeaders(ctx.headers, keyRing(), ctx.endpoint);
  };
}
