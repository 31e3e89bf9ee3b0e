/**
 * Helpers shared by the HTTP adapters: the request headers a backend gets (its own credentials from config,
 * never the caller's), status-code mapping to catalogue errors, JSON bodies, and stream framing (SSE for
 * OpenAI-compatible servers, NDJSON for Ollama), parsed chunk by chunk and never buffered whole.
 */
import { createParser } from 'eventsource-parser';
import { AirlockError } from '../errors.ts';
import { toEgressError, type EgressClient, type EgressResponse } from '../egress/client.ts';
import type { Endpoint } from '../protocol/openai.ts';

/** What an HTTP adapter needs from a backend's configuration. */
export interface BackendHttpConfig {
  readonly id: string;
  /** Base URL: the API root including /v1 for `openai`, the server root for `ollama`. */
  readonly url: string;
  readonly jurisdiction: string;
  readonly endpoints: readonly Endpoint[];
  readonly apiKey?: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
}

/** A readiness probe: a GET whose success status means the backend answers. */
export async function probeGet(egress: EgressClient, cfg: BackendHttpConfig, path: string, signal: AbortSignal): Promise<boolean> {
  const res = await egress.request(cfg.id, { method: 'GET', url: joinUrl(cfg.url, path), headers: backendHeaders(cfg), signal });
  await res.body.dump();
  return res.statusCode >= 200 && res.statusCode < 300;
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
  if (res.statusCode === 429) throw new AirlockError('AIRLOCK_BACKEND_BUSY', { detail, retryable: true });
  if (res.statusCode === 400 || res.statusCode === 404 || res.statusCode === 413 || res.statusCode === 422) {
    throw new AirlockError('AIRLOCK_BACKEND_REJECTED_REQUEST', { detail });
  }
  throw new AirlockError('AIRLOCK_BACKEND_ERROR', { detail, retryable: res.statusCode >= 500 });
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

/** After `[DONE]` a well-behaved server ends the body; this much more text is read and ignored before giving up. */
const MAX_CHARS_AFTER_DONE = 64 * 1024;

/**
 * Server-sent events → per network read, the batch of JSON objects its `data:` events carried, ending at
 * `[DONE]`. A data line that is not a JSON object, or a stream that ends without `[DONE]`, is a protocol error:
 * the caller gets an error event. After `[DONE]` the body is read to its end rather than abandoned, because
 * abandoning it mid-iteration destroys the socket and costs an error object per request. `check` sees (and may
 * refuse) each event as it is parsed, so an adapter adds no stream layer of its own.
 */
export async function* parseSseJson(
  res: EgressResponse,
  check: (event: Record<string, unknown>) => Record<string, unknown> = (event) => event,
): AsyncGenerator<Record<string, unknown>[]> {
  let batch: Record<string, unknown>[] = [];
  let done = false;
  let charsAfterDone = 0;
  const parser = createParser({
    onEvent: (event) => {
      if (done) return;
      if (event.data === '[DONE]') done = true;
      else batch.push(check(parseObject(event.data, 'stream event')));
    },
  });
  for await (const chunk of bodyChunks(res)) {
    if (done) {
      charsAfterDone += chunk.length;
      if (charsAfterDone > MAX_CHARS_AFTER_DONE) break;
      continue;
    }
    try {
      parser.feed(chunk);
    } catch (err) {
      if (batch.length > 0) yield batch; // what arrived intact before the bad event is still delivered
      throw err;
    }
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  if (!done) throw new AirlockError('AIRLOCK_BACKEND_BAD_RESPONSE', { detail: '(stream ended without [DONE])' });
}

/** Newline-delimited JSON → per network read, the objects of the complete lines it finished. */
export async function* parseNdjson(res: EgressResponse): AsyncGenerator<Record<string, unknown>[]> {
  let buffered = '';
  for await (const chunk of bodyChunks(res)) {
    buffered += chunk;
    const batch: Record<string, unknown>[] = [];
    let newline: number;
    while ((newline = buffered.indexOf('\n')) !== -1) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line !== '') batch.push(parseObject(line, 'stream line'));
    }
    if (batch.length > 0) yield batch;
  }
  if (buffered.trim() !== '') yield [parseObject(buffered.trim(), 'stream line')];
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
