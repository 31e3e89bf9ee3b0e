/** Resolve model: the requested alias must be one this caller may use on this endpoint. */
import type { ModelCatalog } from '../../routing/model-catalog.ts';
import { need, type RequestContext } from '../context.ts';

export function createResolveModelStage(catalog: ModelCatalog) {
  return function resolveModel(ctx: RequestContext): void {
    const alias = need(ctx.request).model;
    catalog.candidates(alias, need(ctx.principal), ctx.endpoint); // throws when the caller may not use it here
    ctx.alias = alias;
  };
}
