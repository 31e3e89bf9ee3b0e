/**
 * Route: the catalogue's candidates for this caller (tenant grants and dedicated backends already applied),
 * narrowed to those in a jurisdiction the request's classification allows and in service, in the order they
 * will be tried. When none is left the request is refused here and nothing is sent anywhere.
 */
import type { Router } from '../../routing/router.ts';
import { need, type RequestContext } from '../context.ts';

export function createRouteStage(router: Router) {
  return function route(ctx: RequestContext): void {
    ctx.targets = router.plan(need(ctx.candidates), need(ctx.residency));
  };
}
