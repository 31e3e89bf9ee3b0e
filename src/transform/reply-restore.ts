/**
 * Restore applied to OpenAI replies: message content, reasoning text, tool and function call arguments of a
 * chat completion, and the text of a legacy completion; for streams, the same fields of every chunk's delta,
 * each through its own streaming restorer keyed by choice and tool call index. A tail held back at a choice's
 * `finish_reason` goes out in that chunk; anything still held when the stream ends goes out in one extra chunk.
 * Chunks are rewritten in place as they pass; nothing is buffered beyond the held-back tails.
 */
import type { ChunkBatch } from '../backends/types.ts';
import type { ReplyObject } from '../protocol/openai.ts';
import { createStreamRestorer, placeholderPrefixes, restoreText, type RestoreMode, type StreamRestorer } from './restore.ts';
import type { RestoreMap } from './sanitize.ts';

type Json = Record<string, unknown>;

const TEXT_FIELDS = ['content', 'reasoning_content', 'reasoning'] as const;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function choicesOf(body: Json): Json[] {
  return Array.isArray(body.choices) ? body.choices.filter(isObject) : [];
}

/** Visits every restorable string of a message or delta with a key naming its stream and its mode. */
function forEachField(part: Json, visit: (holder: Json, field: string, key: string, mode: RestoreMode) => void): void {
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

export function restoreReply(body: ReplyObject, map: RestoreMap): void {
  if (map.size === 0) return;
  for (const choice of choicesOf(body)) {
    if (typeof choice.text === 'string') choice.text = restoreText(choice.text, map, 'text');
    if (isObject(choice.message)) {
      forEachField(choice.message, (holder, field, _key, mode) => {
        holder[field] = restoreText(holder[field] as string, map, mode);
      });
    }
  }
}

export async function* restoreStream(batches: AsyncIterable<ChunkBatch>, map: RestoreMap): AsyncGenerator<ChunkBatch> {
  const state = new StreamState(map);
  let last: ReplyObject | undefined;
  for await (const batch of batches) {
    for (const chunk of batch) {
      state.restoreChunk(chunk);
      last = chunk;
    }
    yield batch;
  }
  const tail = last ? state.leftovers(last) : [];
  if (tail.length > 0) yield tail;
}

class StreamState {
  private readonly restorers = new Map<string, StreamRestorer>();
  private readonly map: RestoreMap;
  private readonly prefixes: ReadonlySet<string>;

  constructor(map: RestoreMap) {
    this.map = map;
    this.prefixes = placeholderPrefixes(map);
  }

  restoreChunk(chunk: ReplyObject): void {
    for (const choice of choicesOf(chunk)) {
      const index = typeof choice.index === 'number' ? choice.index : 0;
      if (typeof choice.text === 'string') choice.text = this.restorer(`${index}/text`, 'text').push(choice.text);
      if (isObject(choice.delta)) {
        forEachField(choice.delta, (holder, field, key, mode) => {
          holder[field] = this.restorer(`${index}/${key}`, mode).push(holder[field] as string);
        });
      }
      if (choice.finish_reason !== null && choice.finish_reason !== undefined) this.flushChoice(choice, index);
    }
  }

  /** The chunk that carries finish_reason also carries whatever its choice still held back. */
  private flushChoice(choice: Json, index: number): void {
    for (const [key, restorer] of this.restorers) {
      if (!key.startsWith(`${index}/`)) continue;
      const rest = restorer.flush();
      this.restorers.delete(key);
      if (rest !== '') appendHeld(choice, key.slice(key.indexOf('/') + 1), rest);
    }
  }

  /** A stream that ended without finish_reason: one extra chunk, shaped like the last, with the held text. */
  leftovers(last: ReplyObject): ChunkBatch {
    const choices: Json[] = [];
    for (const key of [...this.restorers.keys()]) {
      const index = Number(key.slice(0, key.indexOf('/')));
      let choice = choices.find((c) => c.index === index);
      if (!choice) choices.push((choice = { index, delta: {}, finish_reason: null }));
      const rest = (this.restorers.get(key) as StreamRestorer).flush();
      if (rest !== '') appendHeld(choice, key.slice(key.indexOf('/') + 1), rest);
    }
    this.restorers.clear();
    const withText = choices.filter((c) => Object.keys(c.delta as Json).length > 0 || typeof c.text === 'string');
    if (withText.length === 0) return [];
    const { id, object, created, model } = last;
    return [{ id, object, created, model, choices: withText }];
  }

  private restorer(key: string, mode: RestoreMode): StreamRestorer {
    let restorer = this.restorers.get(key);
    if (!restorer) this.restorers.set(key, (restorer = createStreamRestorer(this.map, mode, this.prefixes)));
    return restorer;
  }
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
