/**
 * Forward: hands the sanitized request to the planned backends through the router, which retries and falls
 * back among them. An attempt counts as answered only once a JSON reply is read or a stream's first batch has
 * arrived: until then the caller has not received a byte, so a failure may still go to the next backend; after
 * it, never (a retried stream would repeat text the caller already has).
 */
import type { BackendReply, ChunkBatch, Sanitized } from '../../backends/types.ts';
import type { ChatRequest, CompletionRequest, EmbeddingRequest } from '../../protocol/openai.ts';
import type { RouteTarget, Router } from '../../routing/router.ts';
import { need, type InferenceRequest, type RequestContext } from '../context.ts';

export function createForwardStage(router: Router) {
  return async function forward(ctx: RequestContext): Promise<void> {
    const body = need(ctx.sanitized);
    const attempt = (target: RouteTarget) => {
      ctx.backend = target.backend;
      return send(ctx, target, body);
    };
    const { value, attempts } = await router.dispatch(need(ctx.targets), attempt, ctx.signal);
    ctx.reply = value;
    ctx.attempts = attempts;
  };
}

async function send(ctx: RequestContext, target: RouteTarget, body: Sanitized<InferenceRequest>): Promise<BackendReply> {
  const options = { model: target.model, signal: ctx.signal };
  let reply: BackendReply;
  switch (ctx.endpoint) {
    case 'chat':
      reply = await target.backend.chat(body as Sanitized<ChatRequest>, options);
      break;
    case 'completions':
      reply = await target.backend.completions(body as Sanitized<CompletionRequest>, options);
      break;
    case 'embeddings':
      return { kind: 'json', body: await target.backend.embeddings(body as Sanitized<EmbeddingRequest>, options) };
  }
  return reply.kind === 'stream' ? { kind: 'stream', batches: await primeStream(reply.batches) } : reply;
}

/** Waits for the first batch (errors surface here, inside the attempt) and returns the whole stream again. */
async function primeStream(batches: AsyncIterable<ChunkBatch>): Promise<AsyncIterable<ChunkBatch>> {
  const source = batches[Symbol.asyncIterator]();
  const first = await source.next();
  let held: IteratorResult<ChunkBatch> | null = first;
  // A plain iterator rather than a generator: it passes return() through even before it was started, so an
  // abandoned reply still releases the upstream body.
  const iterator: AsyncIterator<ChunkBatch> = {
    next() {
      if (held === null) return source.next();
      const result = held;
      held = null;
      return Promise.resolve(result);
    },
    async return() {
      held = null;
      await source.return?.();
      return { done: true, value: undefined };
    },
  };
  return { [Symbol.asyncIterator]: () => iterator };
}
