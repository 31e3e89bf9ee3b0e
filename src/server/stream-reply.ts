/**
 * Writes a streamed reply as OpenAI server-sent events, one write per batch of chunks, with backpressure. The
 * first batch is awaited before any byte goes out, so a backend that fails at once still gets a proper HTTP
 * error status.
 * A failure mid-stream becomes one `data: {"error":…}` event (what OpenAI clients expect) and a clean end; a
 * caller that disconnects aborts the upstream request at once through the request's AbortSignal.
 */
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';
import type { ChunkBatch } from '../backends/types.ts';
import { toReplyError } from './error-reply.ts';

export interface StreamOutcome {
  /** The catalogue code of a mid-stream failure, or null when the stream completed or the caller left. */
  readonly code: string | null;
  readonly callerLeft: boolean;
}

export async function sendStream(
  reply: FastifyReply,
  batches: AsyncIterable<ChunkBatch>,
  signal: AbortSignal,
): Promise<StreamOutcome> {
  const iterator = batches[Symbol.asyncIterator]();
  let next = await iterator.next(); // throws before any byte is written: the caller gets a normal error reply
  const res = reply.raw;
  reply.hijack();
  res.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'x-accel-buffering': 'no',
  });
  try {
    while (next.done !== true) {
      // One write per upstream read: the whole batch as consecutive SSE events.
      let text = '';
      for (const chunk of next.value) text += `data: ${JSON.stringify(chunk)}\n\n`;
      if (text !== '') await write(res, text, signal);
      next = await iterator.next();
    }
    await write(res, 'data: [DONE]\n\n', signal);
    res.end();
    return { code: null, callerLeft: false };
  } catch (err) {
    if (res.destroyed || res.writableEnded) return { code: null, callerLeft: true };
    const error = toReplyError(signal.aborted ? (signal.reason ?? err) : err);
    res.end(`data: ${JSON.stringify(error.toBody())}\n\n`);
    return { code: error.code, callerLeft: false };
  } finally {
    await iterator.return?.().catch(() => undefined);
  }
}

async function write(res: ServerResponse, text: string, signal: AbortSignal): Promise<void> {
  if (res.destroyed) throw new Error('caller disconnected');
  if (!res.write(text)) await once(res, 'drain', { signal });
}
