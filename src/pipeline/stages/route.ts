/**
 * Route: picks the backend for this request from the candidates the catalogue allows (tenant grants first).
 * Candidates come in configuration order and the first is taken; residency and health filters join here.
 */
import type { BackendAdapter } from '../../backends/types.ts';
import { AirlockError } from '../../errors.ts';
import type { ModelCatalog } from '../../routing/model-catalog.ts';
import { need, type RequestContext } from '../context.ts';

export function createRouteStage(catalog: ModelCatalog, backends: ReadonlyMap<string, BackendAdapter>) {
  return function route(ctx: RequestContext): void {
    const [first] = catalog.candidates(need(ctx.alias), need(ctx.principal), ctx.endpoint);
    const backend = first ? backends.get(first.backendId) : undefined;
    if (!first || !backend) throw new AirlockError('AIRLOCK_INTERNAL');
    ctx.backend = backend;
    ctx.backendModel = first.backendModel;
  };
}
