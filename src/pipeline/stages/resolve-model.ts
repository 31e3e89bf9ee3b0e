/** Resolve model: the requested alias must be one this caller may use on this endpoint. */
import { need, type RequestContext } from '../context.ts';

export function createResolveModelStage() {
  return function resolveModel(ctx: RequestContext): void {
    const alias = need(ctx.request).model;
    ctx.runtime.catalog.candidates(alias, need(ctx.principal), ctx.endpoint); // throws when the caller may not use it here
    ctx.alias = alias;
  };
}
