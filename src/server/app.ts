/**
 * The Fastify application: JSON-only body parsing with the configured limit, our request ids, one record per
 * request, OpenAI-shaped errors for everything (including Fastify's own parse errors and unknown routes), and
 * the route groups. Building the app opens no socket; the gateway module listens.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AirlockError } from '../errors.ts';
import { toReplyError } from './error-reply.ts';
import type { GatewayMetrics } from './metrics.ts';
import { newRequestRecord, writeRequestRecord, type RequestRecord } from './request-record.ts';
import { registerHealthRoutes, type HealthRouteDeps } from './routes/health.ts';
import { inferenceEndpointOf, registerOpenAIRoutes, type OpenAIRouteDeps } from './routes/openai.ts';
import { auditFinishedRequest } from './request-audit.ts';
import type { AuditLog } from '../audit/log.ts';

declare module 'fastify' {
  interface FastifyRequest {
    airlock: RequestRecord;
    /** Writes the request's log line and metrics; for replies sent outside Fastify (streams, disconnects). */
    finishRecord(status: number): void;
  }
}

export interface AppDeps extends OpenAIRouteDeps, HealthRouteDeps {
  /** Set when shutdown begins: every new request is refused with 503 AIRLOCK_SHUTTING_DOWN. */
  readonly isClosing: () => boolean;
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
  readonly bodyLimitBytes: number;
  readonly serveMetrics: boolean;
  readonly audit: AuditLog;
}

export function buildApp(deps: AppDeps): FastifyInstance {
  // Typed as Fastify's base logger so the app keeps Fastify's default generics.
  const loggerInstance: FastifyBaseLogger = deps.logger;
  const app = Fastify({
    loggerInstance,
    logController: new LogController({ disableRequestLogging: true }),
    // Our own ids only: an incoming x-request-id would put caller-chosen text into every log line.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: deps.bodyLimitBytes,
    return503OnClosing: false, // ours below answers in the OpenAI error shape
    forceCloseConnections: 'idle',
  });
  // Fastify's JSON parser (secure-json-parse, refuses prototype poisoning) stays; plain text is not an API body.
  app.removeContentTypeParser('text/plain');

  app.decorateRequest('airlock', null as unknown as RequestRecord);
  app.decorateRequest('finishRecord', function (this: FastifyRequest, status: number) {
    if (this.airlock.written) return;
    writeRequestRecord(deps.logger, deps.metrics, this.id, this.airlock, status);
    auditFinishedRequest(deps.audit, this.id, this.airlock, status);
  });
  app.addHook('onRequest', (req, reply, done) => {
    // An inference request refused before its handler runs (a body that is not JSON) is still audited as one.
    req.airlock = newRequestRecord(inferenceEndpointOf(req.url.split('?')[0] ?? '') ?? 'other');
    reply.header('x-request-id', req.id);
    if (deps.isClosing()) {
      // A request on a kept-alive connection after shutdown began: refuse it and close that connection.
      reply.header('connection', 'close');
      return done(new AirlockError('AIRLOCK_SHUTTING_DOWN'));
    }
    done();
  });
  app.addHook('onResponse', (req, reply, done) => {
    req.finishRecord(reply.statusCode);
    done();
  });

  app.setErrorHandler((err, req, reply) => {
    const error = toReplyError(err);
    req.airlock.code = error.code;
    if (error.code === 'AIRLOCK_INTERNAL') req.log.error({ err: describeInternal(error.cause) }, 'internal error');
    return reply.code(error.status).send(error.toBody());
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const allowed = ['GET', 'POST'].filter((method) => method !== req.method && app.findRoute({ method, url: path }));
    if (allowed.length > 0) reply.header('allow', allowed.join(', '));
    const error = new AirlockError(allowed.length > 0 ? 'AIRLOCK_METHOD_NOT_ALLOWED' : 'AIRLOCK_ROUTE_NOT_FOUND');
    req.airlock.code = error.code;
    return reply.code(error.status).send(error.toBody());
  });

  registerOpenAIRoutes(app, deps);
  registerHealthRoutes(app, deps);
  if (deps.serveMetrics) {
    app.get('/metrics', async (_req, reply) => {
      reply.header('content-type', deps.metrics.registry.contentType);
      return deps.metrics.registry.metrics();
    });
  }
  return app;
}

/** An internal error is logged by class and code only: an error message can carry request content. */
function describeInternal(cause: unknown): { type: string; code?: string } {
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code ? { type: cause.name, code } : { type: cause.name };
  }
  return { type: typeof cause };
}
