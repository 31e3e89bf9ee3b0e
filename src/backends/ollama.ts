/**
 * Adapter for Ollama's native API (/api/chat, /api/generate, /api/embed, /api/version), the alternative to pointing
 * the `openai` adapter at Ollama's /v1 layer. It owns the HTTP exchange and the reply side of the translation:
 * Ollama objects become OpenAI objects, and each NDJSON line becomes an OpenAI chunk (chat.completion.chunk or
 * text_completion) as it arrives, so later stages see a stream shaped exactly like an OpenAI-compatible backend's.
 * Upstream error text is never relayed, since it may quote the prompt. Request translation is in ollama-translate.ts.
 */
import { randomUUID } from 'node:crypto';
import { AirlockError } from '../errors.ts';
import type { EgressClient, EgressResponse } from '../egress/client.ts';
import type { ReplyObject, Usage } from '../protocol/openai.ts';
import { assertOk, backendHeaders, joinUrl, parseNdjson, probeGet, readJson, type BackendHttpConfig } from './http.ts';
import {
  isObject,
  present,
  toOllamaChat,
  toOllamaEmbed,
  toOllamaGenerate,
  type Json,
  type OllamaToolCall,
} from './ollama-translate.ts';
import type { BackendAdapter, BackendReply, ChunkBatch } from './types.ts';

export function createOllamaBackend(cfg: BackendHttpConfig, egress: EgressClient): BackendAdapter {
  const jsonHeaders = backendHeaders(cfg);
  const ndjsonHeaders = backendHeaders(cfg, 'application/x-ndjson');

  async function post(path: string, body: Json, signal: AbortSignal): Promise<EgressResponse> {
    const res = await egress.request(cfg.id, {
      method: 'POST',
      url: joinUrl(cfg.url, path),
      headers: body.stream === true ? ndjsonHeaders : jsonHeaders,
      body: JSON.stringify(body),
      signal,
    });
    await assertOk(res);
    return res;
  }

  return {
    id: cfg.id,
    kind: 'ollama',
    jurisdiction: cfg.jurisdiction,
    endpoints: new Set(cfg.endpoints),
    async chat(body, options): Promise<BackendReply> {
      const request = toOllamaChat(body, options.model);
      const res = await post('api/chat', request, options.signal);
      if (request.stream !== true) return { kind: 'json', body: chatCompletion(await readJson(res), options.model) };
      const includeUsage = body.stream_options?.include_usage === true;
      return { kind: 'stream', batches: chatChunks(parseNdjson(res), options.model, includeUsage) };
    },
    async completions(body, options): Promise<BackendReply> {
      const request = toOllamaGenerate(body, options.model);
      const res = await post('api/generate', request, options.signal);
      if (request.stream !== true) return { kind: 'json', body: textCompletion(await readJson(res), options.model) };
      const includeUsage = body.stream_options?.include_usage === true;
      return { kind: 'stream', batches: textChunks(parseNdjson(res), options.model, includeUsage) };
    },
    async embeddings(body, options): Promise<ReplyObject> {
      const request = toOllamaEmbed(body, options.model);
      const res = await post('api/embed', request, options.signal);
      const inputs = typeof body.input === 'string' ? 1 : body.input.length;
      return embeddingList(await readJson(res), options.model, inputs, body.encoding_format);
    },
    probe: (signal) => probeGet(egress, cfg, 'api/version', signal),
  };
}

/** One id and timestamp per stream, as OpenAI sends them; `model` follows what Ollama reports line by line. */
interface StreamState {
  readonly id: string;
  readonly object: string;
  readonly created: number;
  model: string;
}

function chunk(state: StreamState, choices: readonly Json[], extra?: Json): ReplyObject {
  return { id: state.id, object: state.object, created: state.created, model: state.model, choices, ...extra };
}

function chatChoice(delta: Json, finish: string | null): Json {
  return { index: 0, delta, logprobs: null, finish_reason: finish };
}

function textChoice(text: string, finish: string | null): Json {
  return { index: 0, text, logprobs: null, finish_reason: finish };
}

/**
 * Reads batches of lines up to and including `done: true`; error lines and a missing done line end the stream in
 * error. Each line becomes the chunks `translate` makes of it; one output batch per input batch.
 */
async function* translateUntilDone(
  batches: AsyncIterable<Json[]>,
  state: StreamState,
  translate: (line: Json, out: ReplyObject[]) => void,
): AsyncGenerator<ChunkBatch> {
  for await (const lines of batches) {
    const out: ReplyObject[] = [];
    for (const line of lines) {
      checkLine(line, 'stream');
      state.model = modelOf(line, state.model);
      translate(line, out);
      if (line.done === true) {
        yield out;
        return;
      }
    }
    if (out.length > 0) yield out;
  }
  throw new AirlockError('AIRLOCK_BACKEND_BAD_RESPONSE', { detail: '(stream ended without a done line)' });
}

function chatChunks(lines: AsyncIterable<Json[]>, model: string, includeUsage: boolean): AsyncGenerator<ChunkBatch> {
  const state: StreamState = { id: newId('chatcmpl-'), object: 'chat.completion.chunk', created: nowSeconds(), model };
  let opened = false;
  let toolIndex = 0;
  return translateUntilDone(lines, state, (line, out) => {
    if (!opened) out.push(chunk(state, [chatChoice({ role: 'assistant', content: '' }, null)]));
    opened = true;
    const { content, toolCalls } = readChatMessage(line);
    if (content !== '') out.push(chunk(state, [chatChoice({ content }, null)]));
    if (toolCalls.length > 0) {
      const deltas = toolCalls.map((call, i) => ({ index: toolIndex + i, ...toOpenAIToolCall(call) }));
      toolIndex += toolCalls.length;
      out.push(chunk(state, [chatChoice({ tool_calls: deltas }, null)]));
    }
    if (line.done !== true) return;
    out.push(chunk(state, [chatChoice({}, finishReason(line, toolIndex > 0))]));
    if (includeUsage) out.push(chunk(state, [], { usage: usageOf(line) }));
  });
}

function textChunks(lines: AsyncIterable<Json[]>, model: string, includeUsage: boolean): AsyncGenerator<ChunkBatch> {
  const state: StreamState = { id: newId('cmpl-'), object: 'text_completion', created: nowSeconds(), model };
  return translateUntilDone(lines, state, (line, out) => {
    const text = line.response ?? '';
    if (typeof text !== 'string') throw new AirlockError('AIRLOCK_BACKEND_BAD_RESPONSE', { detail: '(malformed response text)' });
    if (text !== '') out.push(chunk(state, [textChoice(text, null)]));
    if (line.done !== true) return;
    out.push(chunk(state, [textChoice('', finishReason(line, false))]));
    if (includeUsage) out.push(chunk(state, [], { usage: usageOf(line) }));
  });
}

// Replies: Ollama objects and lines → OpenAI objects and chunks.

function badResponse(detail: string): AirlockError {
  return new AirlockError('AIRLOCK_BACKEND_BAD_RESPONSE', { detail });
}

function newId(prefix: string): string {
  return `${prefix}${randomUUID().replaceAll('-', '')}`;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Ollama reports failures as an `error` field; its text may quote the prompt, so it is never relayed. */
function checkLine(obj: Json, where: 'reply' | 'stream'): Json {
  if (present(obj.error)) throw new AirlockError('AIRLOCK_BACKEND_ERROR', { detail: `(error reported in the ${where})` });
  return obj;
}

function modelOf(obj: Json, fallback: string): string {
  return typeof obj.model === 'string' ? obj.model : fallback;
}

function readChatMessage(obj: Json): { content: string; toolCalls: OllamaToolCall[] } {
  const message = obj.message;
  if (!present(message) && obj.done === true) return { content: '', toolCalls: [] };
  if (!isObject(message)) throw badResponse('(reply without a message)');
  const content = message.content ?? '';
  const calls = message.tool_calls ?? [];
  if (typeof content !== 'string' || !Array.isArray(calls) || !calls.every(isToolCall)) {
    throw badResponse('(malformed message)');
  }
  return { content, toolCalls: calls };
}

function isToolCall(value: unknown): value is OllamaToolCall {
  return isObject(value) && isObject(value.function) && typeof value.function.name === 'string' && isObject(value.function.arguments);
}

function toOpenAIToolCall(call: OllamaToolCall): { id: string; type: 'function'; function: { name: string; arguments: string } } {
  return { id: newId('call_'), type: 'function', function: { name: call.function.name, arguments: JSON.stringify(call.function.arguments) } };
}

function finishReason(obj: Json, sawToolCalls: boolean): 'tool_calls' | 'length' | 'stop' {
  if (sawToolCalls) return 'tool_calls';
  return obj.done_reason === 'length' ? 'length' : 'stop';
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

function usageOf(obj: Json): Usage {
  const prompt = count(obj.prompt_eval_count);
  const completion = count(obj.eval_count);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

function chatCompletion(reply: Json, fallbackModel: string): ReplyObject {
  checkLine(reply, 'reply');
  const { content, toolCalls } = readChatMessage(reply);
  const message: Json = { role: 'assistant', content: content === '' && toolCalls.length > 0 ? null : content };
  if (toolCalls.length > 0) message.tool_calls = toolCalls.map(toOpenAIToolCall);
  return {
    id: newId('chatcmpl-'),
    object: 'chat.completion',
    created: nowSeconds(),
    model: modelOf(reply, fallbackModel),
    choices: [{ index: 0, message, finish_reason: finishReason(reply, toolCalls.length > 0), logprobs: null }],
    usage: usageOf(reply),
  };
}

function textCompletion(reply: Json, fallbackModel: string): ReplyObject {
  checkLine(reply, 'reply');
  const text = reply.response ?? '';
  if (typeof text !== 'string') throw badResponse('(malformed response text)');
  return {
    id: newId('cmpl-'),
    object: 'text_completion',
    created: nowSeconds(),
    model: modelOf(reply, fallbackModel),
    choices: [{ index: 0, text, finish_reason: finishReason(reply, false), logprobs: null }],
    usage: usageOf(reply),
  };
}

/** The official openai client asks for base64 by default: little-endian float32 bytes, as OpenAI sends them. */
function embeddingList(reply: Json, fallbackModel: string, inputs: number, encoding: unknown): ReplyObject {
  checkLine(reply, 'reply');
  const vectors = reply.embeddings;
  if (!Array.isArray(vectors) || vectors.length !== inputs || !vectors.every(isNumberArray)) {
    throw badResponse('(embeddings missing or malformed)');
  }
  const data = vectors.map((vector, index) => ({
    object: 'embedding',
    index,
    embedding: encoding === 'base64' ? float32Base64(vector) : vector,
  }));
  const tokens = count(reply.prompt_eval_count);
  return { object: 'list', data, model: modelOf(reply, fallbackModel), usage: { prompt_tokens: tokens, total_tokens: tokens } };
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((x) => typeof x === 'number');
}

function float32Base64(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((x, i) => bytes.writeFloatLE(x, i * 4));
  return bytes.toString('base64');
}
