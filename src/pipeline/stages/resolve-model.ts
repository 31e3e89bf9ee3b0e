/** Resolve model: the requested alias must be one this caller may use on this endpoint. */
import { need, type RequestContext } from '../context.ts';

export function createResolveModelStage() {
  return function resolveModel(ctx: RequestContext): void {
    const alias = need(ctx.request).model;
    // Throws when the caller may not use the alias here; the route stage narrows these candidates further.
    ctx.candidates = ctx.runtime.catalog.candidates(alias, need(ctx.principal), ctx.endpoint);
    ctx.alias = alias;
  };
}
