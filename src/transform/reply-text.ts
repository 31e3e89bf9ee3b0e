/**
 * The text fields of an OpenAI reply, for the steps that rewrite them (restore, the reply guard): message
 * content, reasoning text, tool and function call arguments of a chat completion, and the text of a legacy
 * completion. For streams, the same fields of every chunk's delta, each through its own text stream keyed by
 * choice and field, so a step may hold back a tail until it knows what it is. A tail held at a choice's
 * `finish_reason` goes out in that chunk; anything still held when the stream ends goes out in one extra chunk.
 * Chunks are rewritten in place as they pass; nothing is buffered beyond the held-back tails.
 *
 * A step that finds something the caller must not see throws `ReplyStopped`: a JSON reply loses its text and
 * a stream ends at once with `finish_reason: "content_filter"`, the way OpenAI-compatible services report
 * filtered output, so clients need no special handling.
 */
import type { ChunkBatch } from '../backends/types.ts';
import type { ReplyObject } from '../protocol/openai.ts';

type Json = Record<string, unknown>;

/** `json`: the field holds JSON text (tool arguments); replacements must keep it valid. */
export type TextMode = 'text' | 'json';

export interface TextStream {
  /** The part of the text so far that may go out now; a tail may be held back for the next call. */
  push(delta: string): string;
  /** Releases whatever is held at the end of the field. */
  flush(): string;
}

/** Why a reply was stopped. */
export type StopReason = 'canary' | 'leak' | 'link';

export class ReplyStopped extends Error {
  readonly reason: StopReason;
  constructor(reason: StopReason) {
    super(`reply stopped: ${reason}`);
    this.reason = reason;
  }
}

const TEXT_FIELDS = ['content', 'reasoning_content', 'reasoning'] as const;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function choicesOf(body: Json): Json[] {
  return Array.isArray(body.choices) ? body.choices.filter(isObject) : [];
}

/** Visits every text field of a message or delta with a key naming its stream and its mode. */
function forEachField(part: Json, visit: (holder: Json, field: string, key: string, mode: TextMode) => void): void {
  for (const field of TEXT_FIELDS) if (typeof part[field] === 'string') visit(part, field, field, 'text');
  if (Array.isArray(part.tool_calls)) {
    part.tool_calls.filter(isObject).forEach((call, position) => {
      const fn = call.function;
      const index = typeof call.index === 'number' ? call.index : position;
      if (isObject(fn) && typeof fn.arguments === 'string') visit(fn, 'arguments', `tool:${index}`, 'json');
    });
  }
  const legacy = part.function_call;
  if (isObject(legacy) && typeof legacy.arguments === 'string') visit(legacy, 'arguments', 'function_call', 'json');
}

/** Rewrites every text field of a JSON reply; `ReplyStopped` propagates to the caller. */
export function mapReplyTexts(body: ReplyObject, rewrite: (text: string, mode: TextMode) => string): void {
  for (const choice of choicesOf(body)) {
    if (typeof choice.text === 'string') choice.text = rewrite(choice.text, 'text');
    if (isObject(choice.message)) {
      forEachField(choice.message, (holder, field, _key, mode) => {
        holder[field] = rewrite(holder[field] as string, mode);
      });
    }
  }
}

/** A stopped JSON reply: every choice keeps its index and loses its text, tool calls and reasoning. */
export function stopReplyBody(body: ReplyObject): void {
  for (const choice of choicesOf(body)) {
    if (typeof choice.text === 'string') choice.text = '';
    if (isObject(choice.message)) choice.message = { role: 'assistant', content: null };
    choice.finish_reason = 'content_filter';
    delete choice.logprobs;
  }
}

/**
 * Rewrites a stream field by field. `open` makes the text stream for one field of one choice the first time it
 * appears. On `ReplyStopped` the chunk at hand is dropped, one chunk ends every unfinished choice with
 * `content_filter`, and the upstream stream is released.
 */
export async function* mapStreamTexts(
  batches: AsyncIterable<ChunkBatch>,
  open: (key: string, mode: TextMode) => TextStream,
): AsyncGenerator<ChunkBatch> {
  const state = new StreamState(open);
  let last: ReplyObject | undefined;
  try {
    for await (const batch of batches) {
      const out: ChunkBatch = [];
      for (const chunk of batch) {
        try {
          state.mapChunk(chunk);
        } catch (err) {
          if (!(err instanceof ReplyStopped)) throw err;
          if (out.length > 0) yield out;
          yield [state.stopChunk(chunk)];
          return;
        }
        out.push(chunk);
        last = chunk;
      }
      yield out;
    }
  } catch (err) {
    // The upstream failed mid-stream: what it sent before is checked and released, then the error goes on.
    if (!(err instanceof ReplyStopped) && last) yield* tailOf(state, last);
    throw err;
  }
  if (last) yield* tailOf(state, last);
}

function* tailOf(state: StreamState, last: ReplyObject): Generator<ChunkBatch> {
  let tail: ChunkBatch;
  try {
    tail = state.leftovers(last);
  } catch (err) {
    if (!(err instanceof ReplyStopped)) throw err;
    tail = [state.stopChunk(last)];
  }
  if (tail.length > 0) yield tail;
}

class StreamState {
  private readonly streams = new Map<string, TextStream>();
  private readonly open: (key: string, mode: TextMode) => TextStream;
  /** Choices seen and not yet finished: they get the stop chunk. */
  private readonly unfinished = new Set<number>();
  private legacy = false;

  constructor(open: (key: string, mode: TextMode) => TextStream) {
    this.open = open;
  }

  mapChunk(chunk: ReplyObject): void {
    for (const choice of choicesOf(chunk)) {
      const index = typeof choice.index === 'number' ? choice.index : 0;
      this.unfinished.add(index);
      if (typeof choice.text === 'string') {
        this.legacy = true;
        choice.text = this.stream(`${index}/text`, 'text').push(choice.text);
      }
      if (isObject(choice.delta)) {
        forEachField(choice.delta, (holder, field, key, mode) => {
          holder[field] = this.stream(`${index}/${key}`, mode).push(holder[field] as string);
        });
      }
      if (choice.finish_reason !== null && choice.finish_reason !== undefined) {
        this.flushChoice(choice, index);
        this.unfinished.delete(index);
      }
    }
  }

  /** The chunk that carries finish_reason also carries whatever its choice still held back. */
  private flushChoice(choice: Json, index: number): void {
    for (const [key, stream] of this.streams) {
      if (!key.startsWith(`${index}/`)) continue;
      const rest = stream.flush();
      this.streams.delete(key);
      if (rest !== '') appendHeld(choice, key.slice(key.indexOf('/') + 1), rest);
    }
  }

  /** A stream that ended without finish_reason: one extra chunk, shaped like the last, with the held text. */
  leftovers(last: ReplyObject): ChunkBatch {
    const choices: Json[] = [];
    for (const key of [...this.streams.keys()]) {
      const index = Number(key.slice(0, key.indexOf('/')));
      let choice = choices.find((c) => c.index === index);
      if (!choice) choices.push((choice = { index, delta: {}, finish_reason: null }));
      const rest = (this.streams.get(key) as TextStream).flush();
      this.streams.delete(key);
      if (rest !== '') appendHeld(choice, key.slice(key.indexOf('/') + 1), rest);
    }
    const withText = choices.filter((c) => Object.keys(c.delta as Json).length > 0 || typeof c.text === 'string');
    if (withText.length === 0) return [];
    return [{ ...envelope(last), choices: withText }];
  }

  /** Ends every unfinished choice (the first one if none was seen) with `content_filter` and no text. */
  stopChunk(like: ReplyObject): ReplyObject {
    this.streams.clear();
    const indices = this.unfinished.size > 0 ? [...this.unfinished].sort((a, b) => a - b) : [0];
    const text = this.legacy || like.object === 'text_completion';
    const choices = indices.map((index) => (text ? { index, text: '', finish_reason: 'content_filter' } : { index, delta: {}, finish_reason: 'content_filter' }));
    return { ...envelope(like), choices };
  }

  private stream(key: string, mode: TextMode): TextStream {
    let stream = this.streams.get(key);
    if (!stream) this.streams.set(key, (stream = this.open(key.slice(key.indexOf('/') + 1), mode)));
    return stream;
  }
}

function envelope(chunk: ReplyObject): ReplyObject {
  const { id, object, created, model } = chunk;
  return { id, object, created, model };
}

function appendHeld(choice: Json, field: string, rest: string): void {
  if (field === 'text') {
    choice.text = `${typeof choice.text === 'string' ? choice.text : ''}${rest}`;
    return;
  }
  const delta: Json = isObject(choice.delta) ? choice.delta : (choice.delta = {});
  if (field.startsWith('tool:')) {
    const index = Number(field.slice('tool:'.length));
    const calls: Json[] = Array.isArray(delta.tool_calls) ? (delta.tool_calls as Json[]) : (delta.tool_calls = []);
    const call = calls.find((c) => c.index === index && isObject(c.function));
    if (call) (call.function as Json).arguments = `${((call.function as Json).arguments as string | undefined) ?? ''}${rest}`;
    else calls.push({ index, function: { arguments: rest } });
  } else if (field === 'function_call') {
    delta.function_call = { arguments: rest };
  } else {
    delta[field] = `${typeof delta[field] === 'string' ? delta[field] : ''}${rest}`;
  }
}
