/** Sanitize: produces the branded request that is the only thing a backend accepts. */
import { sanitizeRequest } from '../../transform/sanitize.ts';
import { need, type RequestContext } from '../context.ts';

export function createSanitizeStage() {
  return function sanitize(ctx: RequestContext): void {
    ctx.sanitized = sanitizeRequest(need(ctx.request), []);
  };
}
