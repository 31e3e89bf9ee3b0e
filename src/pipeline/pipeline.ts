/**
 * The request path in one screen. Stages run in this order; any stage that throws stops the request (fail
 * closed) and the error becomes an OpenAI-shaped reply. Inspection, policy, limits and audit plug in here as
 * they are built: authenticate → validate → resolve model → inspect → sanitize → route → forward → restore →
 * shape reply.
 */
import type { KeyRing } from '../auth/api-keys.ts';
import type { BackendAdapter } from '../backends/types.ts';
import type { ModelCatalog } from '../routing/model-catalog.ts';
import type { RequestContext, Stage } from './context.ts';
import type { TenantPolicies } from './tenant-policies.ts';
import { createAuthenticateStage } from './stages/authenticate.ts';
import { createForwardStage } from './stages/forward.ts';
import { createInspectStage } from './stages/inspect.ts';
import { createResolveModelStage } from './stages/resolve-model.ts';
import { createRestoreStage } from './stages/restore.ts';
import { createRouteStage } from './stages/route.ts';
import { createSanitizeStage } from './stages/sanitize.ts';
import { createShapeReplyStage } from './stages/shape-reply.ts';
import { createValidateStage } from './stages/validate.ts';

export interface PipelineDeps {
  /** A getter, so a reloaded key file takes effect for the next request. */
  readonly keyRing: () => KeyRing;
  readonly catalog: ModelCatalog;
  readonly backends: ReadonlyMap<string, BackendAdapter>;
  readonly policies: TenantPolicies;
}

export interface Pipeline {
  run(ctx: RequestContext): Promise<void>;
}

export function createPipeline(deps: PipelineDeps): Pipeline {
  const stages: Stage[] = [
    createAuthenticateStage(deps.keyRing),
    createValidateStage(),
    createResolveModelStage(deps.catalog),
    createInspectStage(deps.policies),
    createSanitizeStage(),
    createRouteStage(deps.catalog, deps.backends),
    createForwardStage(),
    createRestoreStage(),
    createShapeReplyStage(),
  ];
  return {
    async run(ctx) {
      for (const stage of stages) {
        const pending = stage(ctx);
        if (pending) await pending; // most stages are synchronous; awaiting them would cost a microtask each
      }
    },
  };
}
