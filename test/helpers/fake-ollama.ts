/**
 * A fake Ollama server for tests: a real node:http server on 127.0.0.1 (random port) speaking Ollama's native
 * protocol — /api/chat, /api/generate, /api/embed, /api/version, /api/tags — with streams written as genuine
 * NDJSON in several TCP writes (lines split mid-way, small delays), so clients exercise their line buffering.
 * Like real Ollama it streams unless the request says `"stream": false`. Every request is recorded (method, path,
 * headers, parsed JSON body) in `requests`, in arrival order.
 *
 * Options (all optional; `server.options` is the live object, so a test may change it between requests):
 *   reply          text the model answers with (default 'Hello from fake Ollama!'); streamed word by word
 *   jsonReply      text answered instead when the request has `format` (default '{"answer":"fake"}')
 *   model          model name reported in replies (default: the request's `model`)
 *   models         names listed by /api/tags; when set, any other model gets Ollama's 404 (default: accept all)
 *   toolCall       when the request offers `tools` and the last message is not a tool result, answer with this
 *                  call instead of text: { name?: string (default the first tool's name), arguments: object };
 *                  `false` never calls tools (default { arguments: { query: 'fake' } })
 *   doneReason     done_reason of the final line (default 'stop'; 'length' to simulate truncation)
 *   promptEvalCount, evalCount   token counts in the final line (defaults 7 and 5)
 *   embeddingDimensions          vector length for /api/embed when the request has no `dimensions` (default 4)
 *   chunkDelayMs   pause between stream writes (default 2)
 *   streamError    { afterLines: n, message?: string } — send an {"error": message} line after n content lines
 *                  and end the response (as Ollama does when the runner fails mid-generation)
 *   endEarly       { afterLines: n } — end the response cleanly after n content lines, with no done line
 *   failWith       { status, body?, paths? } — answer every request (or those whose path is in `paths`) with
 *                  this status and JSON body (default body { error: 'fake failure' }); status 200 with an
 *                  `error` body simulates an error inside a success reply
 *   version        what /api/version reports (default '0.12.0')
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

type Json = Record<string, unknown>;

export interface FakeOllamaOptions {
  reply?: string;
  jsonReply?: string;
  model?: string;
  models?: string[];
  toolCall?: { name?: string; arguments: Json } | false;
  doneReason?: string;
  promptEvalCount?: number;
  evalCount?: number;
  embeddingDimensions?: number;
  chunkDelayMs?: number;
  streamError?: { afterLines: number; message?: string };
  endEarly?: { afterLines: number };
  failWith?: { status: number; body?: Json; paths?: string[] };
  version?: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when there was none, the raw text when it was not JSON. */
  readonly body: unknown;
}

export interface FakeOllama {
  /** Server root, e.g. http://127.0.0.1:41234 (what an `ollama` backend's url points at). */
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly options: FakeOllamaOptions;
  close(): Promise<void>;
}

/** The deterministic vector the fake returns for one input text, so tests can compute the expected embedding. */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  let seed = 0;
  for (const ch of text) seed = (seed * 31 + (ch.codePointAt(0) ?? 0)) % 10_007;
  return Array.from({ length: dimensions }, (_, i) => (((seed + 1) * (i + 3)) % 2_000) / 1_000 - 1 + 0.1234567);
}

export async function startFakeOllama(options: FakeOllamaOptions = {}): Promise<FakeOllama> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    void handle(req, res, options, requests).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    options,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function handle(req: IncomingMessage, res: ServerResponse, o: FakeOllamaOptions, requests: RecordedRequest[]): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://fake').pathname;
  const body = await readBody(req);
  requests.push({ method: req.method ?? '', path, headers: req.headers, body });
  if (o.failWith && (!o.failWith.paths || o.failWith.paths.includes(path))) {
    return sendJson(res, o.failWith.status, o.failWith.body ?? { error: 'fake failure' });
  }
  if (req.method === 'GET' && path === '/api/version') return sendJson(res, 200, { version: o.version ?? '0.12.0' });
  if (req.method === 'GET' && path === '/api/tags') return sendJson(res, 200, { models: (o.models ?? []).map(tagEntry) });
  const routes: Record<string, (b: Json) => Promise<void> | void> = {
    '/api/chat': (b) => chat(res, b, o),
    '/api/generate': (b) => generate(res, b, o),
    '/api/embed': (b) => embed(res, b, o),
  };
  const route = routes[path];
  if (!route) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    return void res.end('404 page not found');
  }
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'method not allowed' });
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return sendJson(res, 400, { error: 'invalid request body' });
  const model = (body as Json).model;
  if (typeof model !== 'string' || model === '') return sendJson(res, 400, { error: 'model is required' });
  if (o.models && !o.models.includes(model)) return sendJson(res, 404, { error: `model '${model}' not found` });
  await route(body as Json);
}

function tagEntry(name: string): Json {
  return { name, model: name, modified_at: '2025-01-01T00:00:00Z', size: 1, digest: 'sha256:fake', details: {} };
}

/** Fields common to every line of a reply, as Ollama sends them. */
function base(b: Json, o: FakeOllamaOptions): Json {
  return { model: o.model ?? b.model, created_at: new Date().toISOString() };
}

function finalFields(o: FakeOllamaOptions): Json {
  return {
    done: true,
    done_reason: o.doneReason ?? 'stop',
    total_duration: 1_000_000,
    load_duration: 1_000,
    prompt_eval_count: o.promptEvalCount ?? 7,
    eval_count: o.evalCount ?? 5,
  };
}

function words(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function pickToolCall(b: Json, o: FakeOllamaOptions): Json | undefined {
  const tools = b.tools;
  const messages = Array.isArray(b.messages) ? (b.messages as Json[]) : [];
  if (o.toolCall === false || !Array.isArray(tools) || tools.length === 0) return undefined;
  if (messages.at(-1)?.role === 'tool') return undefined;
  const first = (tools[0] as { function?: { name?: string } }).function?.name ?? 'tool';
  const call = o.toolCall ?? { arguments: { query: 'fake' } };
  return { function: { name: call.name ?? first, arguments: call.arguments } };
}

async function chat(res: ServerResponse, b: Json, o: FakeOllamaOptions): Promise<void> {
  const text = b.format !== undefined ? (o.jsonReply ?? '{"answer":"fake"}') : (o.reply ?? 'Hello from fake Ollama!');
  const toolCall = pickToolCall(b, o);
  const message = (content: string, calls?: Json[]): Json => ({ role: 'assistant', content, ...(calls ? { tool_calls: calls } : {}) });
  if (b.stream === false) {
    return sendJson(res, 200, { ...base(b, o), message: toolCall ? message('', [toolCall]) : message(text), ...finalFields(o) });
  }
  const lines = toolCall ? [{ ...base(b, o), message: message('', [toolCall]), done: false }]
    : words(text).map((w) => ({ ...base(b, o), message: message(w), done: false }));
  await stream(res, lines, { ...base(b, o), message: message(''), ...finalFields(o) }, o);
}

async function generate(res: ServerResponse, b: Json, o: FakeOllamaOptions): Promise<void> {
  const text = b.format !== undefined ? (o.jsonReply ?? '{"answer":"fake"}') : (o.reply ?? 'Hello from fake Ollama!');
  const final = { ...base(b, o), response: '', ...finalFields(o), context: [1, 2, 3] };
  if (b.stream === false) return sendJson(res, 200, { ...final, response: text });
  await stream(res, words(text).map((w) => ({ ...base(b, o), response: w, done: false })), final, o);
}

function embed(res: ServerResponse, b: Json, o: FakeOllamaOptions): void {
  const inputs = typeof b.input === 'string' ? [b.input] : Array.isArray(b.input) ? b.input : undefined;
  if (!inputs || !inputs.every((x) => typeof x === 'string')) return sendJson(res, 400, { error: 'invalid input type' });
  const dimensions = typeof b.dimensions === 'number' ? b.dimensions : (o.embeddingDimensions ?? 4);
  const embeddings = inputs.map((text: string) => fakeEmbedding(text, dimensions));
  const tokens = inputs.reduce((sum: number, text: string) => sum + words(text).length, 0);
  sendJson(res, 200, { model: o.model ?? b.model, embeddings, total_duration: 1_000, load_duration: 1, prompt_eval_count: tokens });
}

/** Writes each line in two pieces with pauses between, honouring the streamError / endEarly options. */
async function stream(res: ServerResponse, lines: Json[], final: Json, o: FakeOllamaOptions): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  const pause = o.chunkDelayMs ?? 2;
  const send = async (obj: Json): Promise<void> => {
    const text = `${JSON.stringify(obj)}\n`;
    const cut = Math.floor(text.length / 2);
    res.write(text.slice(0, cut));
    await delay(pause);
    res.write(text.slice(cut));
    await delay(pause);
  };
  for (const [i, line] of lines.entries()) {
    if (o.streamError && i === o.streamError.afterLines) {
      await send({ error: o.streamError.message ?? 'fake runner failure' });
      return void res.end();
    }
    if (o.endEarly && i === o.endEarly.afterLines) return void res.end();
    if (res.destroyed) return;
    await send(line);
  }
  if (o.streamError && o.streamError.afterLines >= lines.length) await send({ error: o.streamError.message ?? 'fake runner failure' });
  else if (!o.endEarly) await send(final);
  res.end();
}
