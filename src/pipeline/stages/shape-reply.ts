/**
 * Shape reply: the caller sees the public alias it asked for, never the backend's model name, in the reply
 * and in every stream chunk. Streams are mapped batch by batch as they arrive, never buffered.
 */
import type { ChunkBatch } from '../../backends/types.ts';
import { need, type RequestContext } from '../context.ts';

export function createShapeReplyStage() {
  return function shapeReply(ctx: RequestContext): void {
    const alias = need(ctx.alias);
    const reply = need(ctx.reply);
    if (reply.kind === 'json') {
      reply.body.model = alias;
      return;
    }
    ctx.reply = { kind: 'stream', batches: withModel(reply.batches, alias) };
  };
}

async function* withModel(batches: AsyncIterable<ChunkBatch>, alias: string): AsyncGenerator<ChunkBatch> {
  for await (const batch of batches) {
    for (const chunk of batch) chunk.model = alias;
    yield batch;
  }
}
