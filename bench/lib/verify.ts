/**
 * A full check of one reply per target and mode before any load: the load runs then only compare body lengths
 * (cheap enough not to load the generator), so the content itself is proven correct here, once, including the
 * gateway's rename of the backend's model back to the public alias in the reply and in every stream chunk.
 */
import { REPLY_TEXT, STREAM_CONTENT_CHUNKS, STREAM_TOKEN } from './fixtures.ts';

interface ChunkShape {
  object?: unknown;
  model?: unknown;
  error?: unknown;
  choices?: Array<{ delta?: { content?: unknown }; finish_reason?: unknown }>;
}

interface CompletionShape {
  object?: unknown;
  model?: unknown;
  choices?: Array<{ message?: { content?: unknown } }>;
}

/** Sends one request and returns the reply body's length; throws with the reason when the reply is wrong. */
export async function verifyReply(url: string, key: string, body: string, stream: boolean, expectedModel: string): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`status ${res.status}: ${text.slice(0, 300)}`);
  if (stream) checkStream(text, expectedModel);
  else checkCompletion(text, expectedModel);
  return text.length;
}

function checkCompletion(text: string, expectedModel: string): void {
  const reply = JSON.parse(text) as CompletionShape;
  if (reply.object !== 'chat.completion') throw new Error(`object is ${String(reply.object)}`);
  if (reply.model !== expectedModel) throw new Error(`model is ${String(reply.model)}, expected ${expectedModel}`);
  if (reply.choices?.[0]?.message?.content !== REPLY_TEXT) throw new Error('the reply text differs from the backend');
}

function checkStream(text: string, expectedModel: string): void {
  const events = text.split('\n\n').filter((e) => e !== '');
  if (events.at(-1) !== 'data: [DONE]') throw new Error('the stream does not end with data: [DONE]');
  let content = 0;
  let finished = 0;
  for (const event of events.slice(0, -1)) {
    if (!event.startsWith('data: ')) throw new Error(`unexpected SSE line: ${event.slice(0, 80)}`);
    const chunk = JSON.parse(event.slice('data: '.length)) as ChunkShape;
    if (chunk.error !== undefined) throw new Error('the stream carries an error event');
    if (chunk.object !== 'chat.completion.chunk') throw new Error(`chunk object is ${String(chunk.object)}`);
    if (chunk.model !== expectedModel) throw new Error(`chunk model is ${String(chunk.model)}, expected ${expectedModel}`);
    const choice = chunk.choices?.[0];
    if (choice?.delta?.content === STREAM_TOKEN) content++;
    if (choice?.finish_reason === 'stop') finished++;
  }
  if (content !== STREAM_CONTENT_CHUNKS || finished !== 1) {
    throw new Error(`expected ${STREAM_CONTENT_CHUNKS} content chunks and 1 finish chunk, got ${content} and ${finished}`);
  }
}
