/**
 * Tap reply: follows what the caller receives, after every rewrite, for the completion event: an HMAC of the
 * reply's text as delivered (every text field, in the order it reached the caller) under the tenant's audit
 * key, the token counts the backend reported, and — only when the policy captures content — the text itself.
 * A stream is followed chunk by chunk as it passes; nothing is held back.
 */
import { createHmac, type Hmac } from 'node:crypto';
import type { ChunkBatch } from '../../backends/types.ts';
import type { ReplyObject } from '../../protocol/openai.ts';
import { mapReplyTexts, mapStreamTexts } from '../../transform/reply-text.ts';
import { need, type RequestContext } from '../context.ts';

export class DeliveredReply {
  private readonly hmac: Hmac;
  private digested: string | null = null;
  private parts: string[] | null;
  /** Whether any text reached the caller. */
  delivered = false;
  tokens: { prompt: number; completion: number; total: number } | null = null;

  constructor(key: Parameters<typeof createHmac>[1], capture: boolean) {
    this.hmac = createHmac('sha256', key);
    this.parts = capture ? [] : null;
  }

  text(piece: string): string {
    if (piece === '') return piece;
    this.delivered = true;
    this.hmac.update(piece);
    this.parts?.push(piece);
    return piece;
  }

  usage(body: ReplyObject): void {
    const usage = body.usage;
    if (!usage || typeof usage.prompt_tokens !== 'number') return;
    this.tokens = { prompt: usage.prompt_tokens, completion: usage.completion_tokens ?? 0, total: usage.total_tokens };
  }

  /** `hmac-sha256:<hex>`, or null when no text was delivered. */
  digest(): string | null {
    if (!this.delivered) return null;
    this.digested ??= `hmac-sha256:${this.hmac.digest('hex')}`;
    return this.digested;
  }

  /** The delivered text, when the policy captures content. */
  capturedText(): string | null {
    return this.parts === null ? null : this.parts.join('');
  }
}

export function createTapReplyStage() {
  return function tapReply(ctx: RequestContext): void {
    const policy = need(ctx.policy);
    const reply = need(ctx.reply);
    const delivered = new DeliveredReply(policy.keys.audit, policy.captureContent);
    ctx.delivered = delivered;
    if (reply.kind === 'json') {
      delivered.usage(reply.body);
      mapReplyTexts(reply.body, (text) => delivered.text(text));
      return;
    }
    const passThrough = { push: (text: string) => delivered.text(text), flush: () => '' };
    ctx.reply = { kind: 'stream', batches: withUsage(mapStreamTexts(reply.batches, () => passThrough), delivered) };
  };
}

async function* withUsage(batches: AsyncIterable<ChunkBatch>, delivered: DeliveredReply): AsyncGenerator<ChunkBatch> {
  for await (const batch of batches) {
    for (const chunk of batch) delivered.usage(chunk);
    yield batch;
  }
}
