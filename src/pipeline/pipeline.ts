/**
 * The request path in one screen. Stages run in this order; any stage that throws stops the request (fail
 * closed) and the error becomes an OpenAI-shaped reply. Limits and audit plug in here as they are built:
 * authenticate → validate → resolve model → inspect → screen → classify → watch bulk → sanitize → canary → route →
 * record decision → forward → restore → guard reply → shape reply → tap reply. Everything a reload may change reaches the stages through the request's runtime snapshot.
 */
import type { AuditLog } from '../audit/log.ts';
import type { BulkWatch } from '../policy/bulk-extraction.ts';
import type { Router } from '../routing/router.ts';
import type { RequestContext, Stage } from './context.ts';
import { createAuthenticateStage } from './stages/authenticate.ts';
import { createCanaryStage } from './stages/canary.ts';
import { createGuardReplyStage } from './stages/guard-reply.ts';
import { createClassifyStage } from './stages/classify.ts';
import { createForwardStage } from './stages/forward.ts';
import { createInspectStage } from './stages/inspect.ts';
import { createRecordDecisionStage } from './stages/record-decision.ts';
import { createResolveModelStage } from './stages/resolve-model.ts';
import { createRestoreStage } from './stages/restore.ts';
import { createRouteStage } from './stages/route.ts';
import { createScreenStage } from './stages/screen.ts';
import { createSanitizeStage } from './stages/sanitize.ts';
import { createShapeReplyStage } from './stages/shape-reply.ts';
import { createTapReplyStage } from './stages/tap-reply.ts';
import { createValidateStage } from './stages/validate.ts';
import { createWatchBulkStage } from './stages/watch-bulk.ts';

export interface PipelineDeps {
  readonly router: Router;
  /** Per-key windows of distinct PII values; outlives reloads. */
  readonly bulk: BulkWatch;
  /** Decision events are durable here before anything is forwarded. */
  readonly audit: AuditLog;
}

export interface Pipeline {
  run(ctx: RequestContext): Promise<void>;
}

export function createPipeline(deps: PipelineDeps): Pipeline {
  const stages: Stage[] = [
    createAuthenticateStage(),
    createValidateStage(),
    createResolveModelStage(),
    createInspectStage(),
    createScreenStage(),
    createClassifyStage(),
    createWatchBulkStage(deps.bulk),
    createSanitizeStage(),
    createCanaryStage(),
    createRouteStage(deps.router),
    createRecordDecisionStage(deps.audit),
    createForwardStage(deps.router),
    createRestoreStage(),
    createGuardReplyStage(),
    createShapeReplyStage(),
    createTapReplyStage(),
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
