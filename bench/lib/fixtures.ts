/**
 * The fixed traffic of the proxy benchmark, shared by the load generator and the fake backend so both sides
 * agree on what a correct reply is. The prompt is realistic shop-support text at 4 KB because request size
 * drives a gateway's parse/validate/serialise cost; a toy "hello" body would hide it.
 */

/** What the benchmark asks for, and what the gateway must rename the backend's model back to. */
export const PUBLIC_MODEL = 'bench-model';
/** What the backend calls the model (the gateway maps PUBLIC_MODEL to it). */
export const BACKEND_MODEL = 'fixed-model';

export const PROMPT_BYTES = 4096;
export const STREAM_CONTENT_CHUNKS = 200;

const SUPPORT_TEXT =
  'Hello, I ordered a pair of waterproof hiking boots (order #48213, size 43, colour slate grey) on Monday with ' +
  'express shipping, but the tracking page still says "label created" and the parcel has not moved for three ' +
  'days. I need them for a trip on Saturday. Can you check with the carrier, tell me when they will arrive, and ' +
  'if they cannot make it in time, cancel the order and refund the express shipping fee to my original payment ' +
  'method? I would also like to know whether the boots can be returned in store if they do not fit. ';

function buildPrompt(): string {
  let text = '';
  while (text.length < PROMPT_BYTES) text += SUPPORT_TEXT;
  // ASCII only, so characters are bytes and the prompt is exactly 4096 bytes of content.
  return text.slice(0, PROMPT_BYTES);
}

export const PROMPT = buildPrompt();

/** A chat request with `prompt` (the plain PROMPT unless given) as its one user message. */
export function requestBody(stream: boolean, prompt: string = PROMPT): string {
  return JSON.stringify({
    model: PUBLIC_MODEL,
    messages: [{ role: 'user', content: prompt }],
    max_tokens: 256,
    ...(stream ? { stream: true } : {}),
  });
}

export const REPLY_TEXT =
  'I am sorry about the delay. I have contacted the carrier: your parcel will be collected today and delivered ' +
  'on Friday before noon. If it does not arrive in time, reply to this message and I will cancel the order and ' +
  'refund the express fee. Unworn boots can be returned in any of our stores within 30 days.';

export const STREAM_TOKEN = 'token ';

const CREATED = 1_700_000_000;
const COMPLETION_ID = 'chatcmpl-bench-0001';

export function completionJson(): string {
  return JSON.stringify({
    id: COMPLETION_ID,
    object: 'chat.completion',
    created: CREATED,
    model: BACKEND_MODEL,
    choices: [{ index: 0, message: { role: 'assistant', content: REPLY_TEXT }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1024, completion_tokens: 64, total_tokens: 1088 },
  });
}

function chunk(delta: Record<string, string>, finishReason: string | null): string {
  return `data: ${JSON.stringify({
    id: COMPLETION_ID,
    object: 'chat.completion.chunk',
    created: CREATED,
    model: BACKEND_MODEL,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  })}\n\n`;
}

/** The SSE events of one streamed reply, in order: 200 content chunks, the finish chunk, `[DONE]`. */
export function streamEvents(): string[] {
  const events: string[] = [];
  for (let i = 0; i < STREAM_CONTENT_CHUNKS; i++) events.push(chunk({ content: STREAM_TOKEN }, null));
  events.push(chunk({}, 'stop'));
  events.push('data: [DONE]\n\n');
  return events;
}
