/**
 * The OpenAI-compatible routes. Inference endpoints run the pipeline and send its reply, JSON or SSE; the
 * models route lists only what the caller may use. Every reply carries `x-request-id`; successful inference
 * replies say which backend and jurisdiction served them.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticateHeaders } from '../../auth/api-keys.ts';
import type { RequestContext, Runtime } from '../../pipeline/context.ts';
import type { Pipeline } from '../../pipeline/pipeline.ts';
import type { Endpoint } from '../../protocol/openai.ts';
import { AirlockError } from '../../errors.ts';
import type { InFlight } from '../in-flight.ts';
import { sendStream } from '../stream-reply.ts';
import { toReplyError } from '../error-reply.ts';
import { countFindings } from '../../pipeline/finding-counts.ts';
import { injectionSummary } from '../../pipeline/stages/screen.ts';
import { outcomeTotals } from '../../transform/reply-guard.ts';

export interface OpenAIRouteDeps {
  readonly pipeline: Pipeline;
  /** The current keys, catalogue and policies; replaced as a whole on reload. */
  readonly runtime: () => Runtime;
  readonly inFlight: InFlight;
}

const INFERENCE_ROUTES: ReadonlyArray<readonly [string, Endpoint]> = [
  ['/v1/chat/completions', 'chat'],
  ['/v1/completions', 'completions'],
  ['/v1/embeddings', 'embeddings'],
];

/** The inference endpoint a request path names, if any. */
export function inferenceEndpointOf(path: string): Endpoint | undefined {
  return INFERENCE_ROUTES.find(([route]) => route === path)?.[1];
}

export function registerOpenAIRoutes(app: FastifyInstance, deps: OpenAIRouteDeps): void {
  for (const [path, endpoint] of INFERENCE_ROUTES) {
    app.post(path, (req, reply) => handleInference(req, reply, endpoint, deps));
  }
  /** The models routes authenticate like inference does and record who asked. */
  const modelsFor = (req: FastifyRequest) => {
    req.airlock.endpoint = 'models';
    const runtime = deps.runtime();
    const principal = authenticateHeaders(req.headers, runtime.keyRing, 'models');
    Object.assign(req.airlock, { tenant: principal.tenant, keyId: principal.keyId });
    return runtime.catalog.modelsFor(principal);
  };
  app.get('/v1/models', (req) => ({ object: 'list', data: modelsFor(req).map(modelObject) }));
  app.get<{ Params: { model: string } }>('/v1/models/:model', (req) => {
    if (!modelsFor(req).includes(req.params.model)) {
      throw new AirlockError('AIRLOCK_MODEL_NOT_FOUND', { param: 'model' });
    }
    return modelObject(req.params.model);
  });
}

function modelObject(id: string) {
  return { id, object: 'model', created: 0, owned_by: 'airlock' };
}

async function handleInference(req: FastifyRequest, reply: FastifyReply, endpoint: Endpoint, deps: OpenAIRouteDeps) {
  const record = req.airlock;
  record.endpoint = endpoint;
  const controller = new AbortController();
  // 'close' before the reply finished means the caller went away: cancel the upstream request at once.
  const onClose = () => reply.raw.writableFinished || controller.abort();
  reply.raw.once('close', onClose);
  const untrack = deps.inFlight.track(controller);
  const ctx: RequestContext = {
    requestId: req.id,
    endpoint,
    client: req.ip ?? null,
    headers: req.headers,
    body: req.body,
    signal: controller.signal,
    runtime: deps.runtime(),
  };
  record.context = ctx;
  try {
    await deps.pipeline.run(ctx);
    describeRoute(record, reply, ctx);
    const result = ctx.reply as NonNullable<RequestContext['reply']>;
    if (result.kind === 'json') return await reply.code(200).send(result.body);
    record.stream = true;
    const outcome = await sendStream(reply, result.batches, controller.signal);
    record.code = outcome.callerLeft ? 'CALLER_DISCONNECTED' : outcome.code;
    req.finishRecord(200);
    return reply;
  } catch (err) {
    describeRoute(record, reply, ctx);
    if (controller.signal.aborted && reply.raw.destroyed) {
      record.code = 'CALLER_DISCONNECTED';
      req.finishRecord(499); // nginx's "client closed request": nothing can be sent, but it is still recorded
      return reply;
    }
    throw toReplyError(controller.signal.aborted ? (controller.signal.reason ?? err) : err);
  } finally {
    untrack();
    reply.raw.off('close', onClose);
  }
}

/**
 * The record gets what was decided; the caller gets headers saying where its request went, at which level, and
 * how many values were replaced, never what they were. A refused request still reports its level.
 */
function describeRoute(record: FastifyRequest['airlock'], reply: FastifyReply, ctx: RequestContext): void {
  record.tenant = ctx.principal?.tenant;
  record.keyId = ctx.principal?.keyId;
  record.model = ctx.alias;
  record.backend = ctx.backend?.id;
  record.attempts = ctx.attempts;
  record.policy = ctx.policy && `${ctx.policy.name}@${ctx.policy.hash}`;
  record.level = ctx.residency?.level;
  record.redactions = ctx.transform?.replaced;
  // By type and action, also for a request its policy blocked (sanitize never ran).
  const counts = countFindings(ctx)?.byAction;
  record.findings = counts && Object.keys(counts).length > 0 ? counts : undefined;
  const injection = ctx.injection;
  if (injection && injection.verdict !== 'clean') {
    record.injection = injectionSummary(injection);
  }
  if (ctx.bulk && ctx.bulk.action !== 'none') record.bulk = { distinct: ctx.bulk.distinct, action: ctx.bulk.action };
  if (ctx.output && ctx.policy) {
    record.output = { outcome: ctx.output, leakAction: ctx.policy.output.leaks.action, linkAction: ctx.policy.output.links.action };
  }
  if (reply.sent) return;
  if (ctx.backend) {
    reply.header('x-airlock-backend', ctx.backend.id);
    reply.header('x-airlock-jurisdiction', ctx.backend.jurisdiction);
  }
  if (ctx.residency) reply.header('x-airlock-level', ctx.residency.level);
  if (ctx.transform) reply.header('x-airlock-redactions', String(ctx.transform.replaced));
  if (injection) reply.header('x-airlock-injection', injectionHeader(injection));
  if (ctx.bulk && ctx.bulk.action !== 'none') reply.header('x-airlock-bulk', ctx.bulk.action === 'block' ? 'blocked' : 'flagged');
  // A stream's headers leave before its text is checked: its guard outcome is in the log line only.
  if (ctx.output && ctx.reply?.kind === 'json') reply.header('x-airlock-output', outputHeader(ctx.output));
}

/** `clean`, `stopped=<canary|leak|link>`, or what was found: `leaks=2, links=1`. */
function outputHeader(outcome: NonNullable<RequestContext['output']>): string {
  if (outcome.stopped !== null) return `stopped=${outcome.stopped}`;
  const parts = [];
  const { leaks, links } = outcomeTotals(outcome);
  if (leaks > 0) parts.push(`leaks=${leaks}`);
  if (links > 0) parts.push(`links=${links}`);
  return parts.length > 0 ? parts.join(', ') : 'clean';
}

/** `clean`, `suspicious`, or what was done about an injection: `blocked`, `sanitized`, `flagged`, `allowed`. */
function injectionHeader(injection: NonNullable<RequestContext['injection']>): string {
  if (injection.verdict !== 'injection') return injection.verdict;
  return { block: 'blocked', sanitize: 'sanitized', flag: 'flagged', allow: 'allowed', none: 'injection' }[injection.action];
}

