/**
 * A full check of one reply per target and mode before any load: the load runs then only compare body lengths
 * (cheap enough not to load the generator), so the content itself is proven correct here, once, including the
 * gateway's rename of the backend's model back to the public alias in the reply and in every stream chunk.
 * For the full pipeline it also proves the policy did its work: the level, the number of values replaced, the
 * backend residency left, and a forwarded body in which no original value remains.
 */
import { FULL_BACKEND_DE, FULL_LEVEL } from './configs.ts';
import { REPLY_TEXT, STREAM_CONTENT_CHUNKS, STREAM_TOKEN } from './fixtures.ts';
import { PII_VALUES } from './pii-prompt.ts';

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

export interface VerifiedReply {
  /** The body's length in UTF-16 units, which the load runs compare every reply against. */
  readonly length: number;
  readonly headers: Headers;
}

/** Sends one request and returns the reply's body length and headers; throws with the reason when the reply is wrong. */
export async function verifyReply(url: string, key: string, body: string, stream: boolean, expectedModel: string): Promise<VerifiedReply> {
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
  return { length: text.length, headers: res.headers };
}

/**
 * The full pipeline's proof, from the reply's headers and the body the fake backend recorded last (the reply
 * just verified): level confidential, all ten values replaced, served by the DE backend, and none of the ten
 * original values forwarded. Every value but the masked IBAN must have become a pseudonym placeholder.
 */
export async function verifyFullPipeline(headers: Headers, backendOrigin: string): Promise<void> {
  const expect = (name: string, wanted: string) => {
    const got = headers.get(name);
    if (got !== wanted) throw new Error(`${name} is ${got ?? 'absent'}, expected ${wanted}`);
  };
  expect('x-airlock-level', FULL_LEVEL);
  expect('x-airlock-redactions', String(PII_VALUES.length));
  expect('x-airlock-backend', FULL_BACKEND_DE);
  const res = await fetch(`${backendOrigin}/bench/last-request`, { signal: AbortSignal.timeout(5_000) });
  const forwarded = await res.text();
  if (res.status !== 200 || forwarded === '') throw new Error(`the fake backend recorded no request (status ${res.status})`);
  const leaked = PII_VALUES.filter(([, value]) => forwarded.includes(value)).map(([type]) => type);
  if (leaked.length > 0) throw new Error(`the backend received original values of type ${leaked.join(', ')}`);
  const placeholders = forwarded.match(/\[[A-Z_]+_[0-9a-f]{8,16}\]/g)?.length ?? 0;
  const pseudonymized = PII_VALUES.filter(([type]) => type !== 'IBAN').length;
  if (placeholders !== pseudonymized) throw new Error(`the backend received ${placeholders} placeholders, expected ${pseudonymized}`);
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
  // The reply guard may hold a word back and release it with a later chunk, so the text is compared, not chunk by chunk.
  let content = '';
  let finished = 0;
  for (const event of events.slice(0, -1)) {
    if (!event.startsWith('data: ')) throw new Error(`unexpected SSE line: ${event.slice(0, 80)}`);
    const chunk = JSON.parse(event.slice('data: '.length)) as ChunkShape;
    if (chunk.error !== undefined) throw new Error('the stream carries an error event');
    if (chunk.object !== 'chat.completion.chunk') throw new Error(`chunk object is ${String(chunk.object)}`);
    if (chunk.model !== expectedModel) throw new Error(`chunk model is ${String(chunk.model)}, expected ${expectedModel}`);
    const choice = chunk.choices?.[0];
    const piece = choice?.delta?.content;
    if (typeof piece === 'string') content += piece;
    if (choice?.finish_reason === 'stop') finished++;
  }
  if (content !== STREAM_TOKEN.repeat(STREAM_CONTENT_CHUNKS) || finished !== 1) {
    throw new Error(`expected the text of ${STREAM_CONTENT_CHUNKS} content chunks and 1 finish chunk, got ${content.length} characters and ${finished}`);
  }
}
