/** Authenticate: the caller's API key becomes a Principal whose scopes cover the endpoint. */
import { authenticateHeaders } from '../../auth/api-keys.ts';
import type { RequestContext } from '../context.ts';

export function createAuthenticateStage() {
  return function authenticate(ctx: RequestContext): void {
    ctx.principal = authenticateHeaders(ctx.headers, ctx.runtime.keyRing, ctx.endpoint);
  };
}
