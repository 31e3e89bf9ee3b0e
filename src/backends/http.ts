/**
 * Helpers shared by the HTTP adapters: the request headers a backend gets (its own credentials from config,
 * never the caller's), status-code mapping to catalogue errors, JSON bodies, and stream framing (SSE for
 * OpenAI-compatible servers, NDJSON for Ollama), parsed chunk by chunk and never buffered whole.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { AirlockError } from '../errors.ts';
import { toEgressError, type EgressResponse } from '../egress/client.ts';

export interface BackendHttpConfig {
  readonly apiKey?: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
}

export function backendHeaders(cfg: BackendHttpConfig, accept = 'application/json'): Record<string, string> {
  const headers: Record<string, string> = { ...cfg.headers, 'content-type': 'application/json', accept };
  if (cfg.apiKey) headers.authorization = `Bearer ${cfg.apiKey}`;
  return headers;
}

/** Refuses a non-success reply without reading more than needed; the upstream body is never relayed. */
export async function assertOk(res: EgressResponse): Promise<void> {
  if (res.statusCode >= 200 && res.statusCode < 300) return;
  await res.body.dump().catch(() => undefined);
  const detail = `(backend status ${res.statusCode})`;
  if (res.statusCode === 429) throw new AirlockError('AIRLOCK_BACKEND_BUSY', { detail });
  if (res.statusCode === 400 || res.statusCode === 404 || res.statusCode === 413 || res.statusCode === 422) {
    throw new AirlockError('AIRLOCK_BACKEND_REJECTED_REQUEST', { detail });
  }
  throw new AirlockError('AIRLOCK_BACKEND_ERROR', { detail });
}

export async function readJson(res: EgressResponse): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await res.body.text();
  } catch (err) {
    throw toEgressError(err);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AirlockError('AIRLOCK_BACKEND_BAD_RESPONSE', { detail: '(body is not JSON)' });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AirlockError('AIRLOCK_BACKEND_BAD_RESPONSE', { detail: '(body is not a JSON object)' });
  }
  return parsed as Record<string, unknown>;
}

/** Reads the body chunk by chunk; transport errors (body timeout, reset) become catalogue errors. */
async function* bodyChunks(res: EgressResponse): AsyncGenerator<string> {
  // A streaming decoder, so a multi-byte character split across two network chunks is decoded whole.
  const decoder = new TextDecoder();
  try {
    for await (const chunk of res.body) yield decoder.decode(chunk as Buffer, { stream: true });
    const tail = decoder.decode();
    if (tail !== '') yield tail;
  } catch (err) {
    throw toEgressError(err);
  }
}

/**
 * Server-sent events → one parsed JSON object per `data:` event, ending at `[DONE]`. A data line that is not a
 * JSON object, or a stream that ends without `[DONE]`, is a protocol error: the caller gets an error event.
 */
export async function* parseSseJson(res: EgressResponse): AsyncGenerator<Record<string, unknown>> {
  const pending: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => pending.push(event) });
  let done = false;
  for await (const chunk of bodyChunks(res)) {
    parser.feed(chunk);
    while (pending.length > 0) {
      const event = pending.shift() as EventSourceMessage;
      if (event.data === '[DONE]') {
        done = true;
        break;
      }
      yield parseObject(event.data, 'stream event');
    }
    if (done) break;
  }
  if (!done) throw new AirlockError('AIRLOCK_BACKEND_BAD_RESPONSE', { detail: '(stream ended without [DONE])' });
  await res.body.dump().catch(() => undefined); // anything after [DONE] is discarded unread
}

/** Newline-delimited JSON → one parsed object per line; a trailing partial line is a protocol error. */
export async function* parseNdjson(res: EgressResponse): AsyncGenerator<Record<string, unknown>> {
  let buffered = '';
  for await (const chunk of bodyChunks(res)) {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) !== -1) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line !== '') yield parseObject(line, 'stream line');
    }
  }
  if (buffered.trim() !== '') yield parseObject(buffered.trim(), 'stream line');
}

function parseObject(text: string, what: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AirlockError('AIRLOCK_BACKEND_BAD_RESPONSE', { detail: `(${what} is not JSON)` });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AirlockError('AIRLOCK_BACKEND_BAD_RESPONSE', { detail: `(${what} is not a JSON object)` });
  }
  return parsed as Record<string, unknown>;
}

/** Joins a base URL and an API path without doubling or dropping slashes. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
