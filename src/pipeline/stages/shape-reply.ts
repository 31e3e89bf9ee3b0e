/**
 * Shape reply: the caller sees the public alias it asked for, never the backend's model name, in the reply
 * and in every stream chunk. Streams are mapped chunk by chunk, never buffered.
 */
import type { ReplyObject } from '../../protocol/openai.ts';
import { need, type RequestContext } from '../context.ts';

export function createShapeReplyStage() {
  return function shapeReply(ctx: RequestContext): void {
    const alias = need(ctx.alias);
    const reply = need(ctx.reply);
    if (reply.kind === 'json') {
      reply.body.model = alias;
      return;
    }
    ctx.reply = { kind: 'stream', chunks: withModel(reply.chunks, alias) };
  };
}

async function* withModel(chunks: AsyncIterable<ReplyObject>, alias: string): AsyncGenerator<ReplyObject> {
  for await (const chunk of chunks) {
    chunk.model = alias;
    yield chunk;
  }
}
