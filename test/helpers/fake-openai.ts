/**
 * A fake OpenAI-compatible backend (as vLLM or llama.cpp server would answer): a real node:http server on
 * loopback that speaks the wire protocol, JSON and SSE, and records every request it received. Behaviour is
 * switched per test through `behaviour`, which can be changed while the server runs.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Record<string, unknown> | null;
}

export interface FakeOpenAIBehaviour {
  /** Reply status for inference routes; non-2xx sends an OpenAI error body. */
  status?: number;
  /** Answer 302 with this Location instead of a reply. */
  redirectTo?: string;
  /** Wait this long before sending response headers. */
  headersDelayMs?: number;
  /** Number of content chunks in a streamed reply (default 3). */
  streamChunks?: number;
  /** Pause between stream chunks. */
  chunkDelayMs?: number;
  /** Send this raw text as one stream event instead of the rest of the stream, then close. */
  malformedAfterChunks?: number;
  /** Keep the stream open after this many chunks (until the client goes away). */
  hangAfterChunks?: number;
  /** Content of each completion (default "Hello from the fake backend"). */
  text?: string;
  /** Reply with the text of the last user message (or the prompt) as received, as a model repeating it would. */
  echo?: boolean;
  /** With `echo` and tools in the request: call the first tool with `{"note": <echoed text>}` as arguments. */
  echoIntoTool?: boolean;
  /** Reply with the first system message, as a model reciting its instructions would. */
  echoSystem?: boolean;
  /** Streamed echo: characters per chunk (default 3), so placeholders arrive split across chunks; set with a
   * fixed `text`, that text is streamed in such pieces too. */
  echoChunkChars?: number;
  /** Write the SSE body in slices of this many bytes, one per event-loop turn, splitting UTF-8 characters. */
  dribbleBytes?: number;
}

export interface FakeOpenAI {
  readonly url: string;
  /** Base URL including /v1, as configured for an `openai` backend. */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** TCP connections accepted so far: zero means not one byte reached this server. */
  connections(): number;
  behaviour: FakeOpenAIBehaviour;
  /** Resolves when an in-flight stream's request was closed by the client (the gateway). */
  readonly streamAborted: Promise<void>;
  close(): Promise<void>;
}

/** `initialPort` brings a backend up on a port it was down on (a backend coming back). */
export async function startFakeOpenAI(initial: FakeOpenAIBehaviour = {}, initialPort?: number): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  let onAbort: () => void = () => {};
  const streamAborted = new Promise<void>((resolve) => (onAbort = resolve));
  const state: { behaviour: FakeOpenAIBehaviour } = { behaviour: initial };

  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(parts).toString('utf8');
      let body: Record<string, unknown> | null = null;
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
      } catch {
        body = null;
      }
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      void handle(req, res, body, state.behaviour, onAbort);
    });
  });
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(initialPort ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseUrl: `${url}/v1`,
    requests,
    connections: () => connections,
    get behaviour() {
      return state.behaviour;
    },
    set behaviour(b) {
      state.behaviour = b;
    },
    streamAborted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  body: Record<string, unknown> | null,
  b: FakeOpenAIBehaviour,
  onAbort: () => void,
): Promise<void> {
  const path = (req.url ?? '').split('?')[0];
  if (req.method === 'GET' && path === '/v1/models') return json(res, 200, { object: 'list', data: [{ id: 'served-model', object: 'model' }] });
  if (b.headersDelayMs) await sleep(b.headersDelayMs);
  if (b.redirectTo) {
    res.writeHead(302, { location: b.redirectTo });
    return void res.end();
  }
  if (b.status && b.status >= 300) return json(res, b.status, { error: { message: 'upstream failure details', type: 'server_error' } });
  const model = typeof body?.model === 'string' ? body.model : 'unknown';
  const text = b.echo ? echoedText(body) : b.echoSystem ? systemText(body) : (b.text ?? 'Hello from the fake backend');
  if (path === '/v1/embeddings') return json(res, 200, embeddings(body, model));
  if (path === '/v1/chat/completions' || path === '/v1/completions') {
    const chat = path === '/v1/chat/completions';
    if (body?.stream === true) return stream(req, res, body, model, text, chat, b, onAbort);
    return json(res, 200, chat ? chatCompletion(body, model, text, b) : textCompletion(model, text));
  }
  json(res, 404, { error: { message: 'not found', type: 'invalid_request_error' } });
}

function json(res: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const USAGE = { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 };

/** The text of the last user message (string or text parts), or the completion prompt. */
function echoedText(body: Record<string, unknown> | null): string {
  if (typeof body?.prompt === 'string') return body.prompt;
  const messages = Array.isArray(body?.messages) ? (body.messages as Array<{ role: string; content: unknown }>) : [];
  const content = messages.filter((m) => m.role === 'user').at(-1)?.content;
  if (typeof content === 'string') return content;
  return Array.isArray(content) ? content.map((p: { text?: string }) => p.text ?? '').join('') : '';
}

function systemText(body: Record<string, unknown> | null): string {
  const messages = Array.isArray(body?.messages) ? (body.messages as Array<{ role: string; content: unknown }>) : [];
  const content = messages.find((m) => m.role === 'system')?.content;
  return typeof content === 'string' ? content : '';
}

function toolNameOf(body: Record<string, unknown> | null): string | undefined {
  const tools = Array.isArray(body?.tools) ? (body.tools as Array<{ function?: { name?: string } }>) : [];
  return tools[0]?.function?.name;
}

function chatCompletion(body: Record<string, unknown> | null, model: string, text: string, b: FakeOpenAIBehaviour = {}) {
  const toolName = toolNameOf(body);
  const args = b.echoIntoTool ? JSON.stringify({ note: text }) : '{"order_id":"A-1001"}';
  const message = toolName
    ? { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: toolName, arguments: args } }] }
    : { role: 'assistant', content: text };
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message, finish_reason: toolName ? 'tool_calls' : 'stop', logprobs: null }],
    usage: USAGE,
  };
}

function textCompletion(model: string, text: string) {
  return { id: 'cmpl-fake', object: 'text_completion', created: 1_700_000_000, model, choices: [{ index: 0, text, finish_reason: 'stop', logprobs: null }], usage: USAGE };
}

function embeddings(body: Record<string, unknown> | null, model: string) {
  const inputs = Array.isArray(body?.input) ? body.input : [body?.input];
  const data = inputs.map((_, index) => {
    const vector = [0.25, -0.5, index + 1];
    const embedding = body?.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    return { object: 'embedding', index, embedding };
  });
  return { object: 'list', data, model, usage: { prompt_tokens: 4, total_tokens: 4 } };
}

async function stream(
  req: IncomingMessage,
  res: ServerResponse,
  body: Record<string, unknown>,
  model: string,
  text: string,
  chat: boolean,
  b: FakeOpenAIBehaviour,
  onAbort: () => void,
): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  if (b.echo || b.echoSystem || b.echoChunkChars !== undefined) return streamEcho(res, body, model, text, chat, b);
  let closed = false;
  res.on('close', () => {
    if (!res.writableFinished) {
      closed = true;
      onAbort();
    }
  });
  const count = b.streamChunks ?? 3;
  const base = { id: chat ? 'chatcmpl-fake' : 'cmpl-fake', object: chat ? 'chat.completion.chunk' : 'text_completion', created: 1_700_000_000, model };
  const piece = (i: number) => (i === 0 ? text : ` ${i}`);
  for (let i = 0; i < count && !closed; i++) {
    if (b.malformedAfterChunks === i) return void res.end('data: {"this is not json\n\n');
    if (b.hangAfterChunks === i) return; // leave the response open until the client goes away
    const choice = chat ? { index: 0, delta: i === 0 ? { role: 'assistant', content: piece(i) } : { content: piece(i) }, finish_reason: null } : { index: 0, text: piece(i), finish_reason: null };
    res.write(`data: ${JSON.stringify({ ...base, choices: [choice] })}\n\n`);
    if (b.chunkDelayMs) await sleep(b.chunkDelayMs);
  }
  if (closed) return;
  const last = chat ? { index: 0, delta: {}, finish_reason: 'stop' } : { index: 0, text: '', finish_reason: 'stop' };
  res.write(`data: ${JSON.stringify({ ...base, choices: [last] })}\n\n`);
  const opts = body.stream_options as { include_usage?: boolean } | undefined;
  if (opts?.include_usage) res.write(`data: ${JSON.stringify({ ...base, choices: [], usage: USAGE })}\n\n`);
  res.end('data: [DONE]\n\n');
  void req;
}

/** A streamed echo in small pieces (content, or tool call argument deltas), optionally dribbled byte by byte. */
async function streamEcho(res: ServerResponse, body: Record<string, unknown>, model: string, text: string, chat: boolean, b: FakeOpenAIBehaviour): Promise<void> {
  const base = { id: chat ? 'chatcmpl-fake' : 'cmpl-fake', object: chat ? 'chat.completion.chunk' : 'text_completion', created: 1_700_000_000, model };
  const toolName = b.echoIntoTool ? toolNameOf(body) : undefined;
  const whole = toolName ? JSON.stringify({ note: text }) : text;
  const size = b.echoChunkChars ?? 3;
  const events: string[] = [];
  const event = (choice: unknown) => events.push(`data: ${JSON.stringify({ ...base, choices: [choice] })}\n\n`);
  if (toolName) event({ index: 0, delta: { role: 'assistant', tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: toolName, arguments: '' } }] }, finish_reason: null });
  for (let i = 0; i < whole.length; i += size) {
    const piece = whole.slice(i, i + size);
    if (!chat) event({ index: 0, text: piece, finish_reason: null });
    else event({ index: 0, delta: toolName ? { tool_calls: [{ index: 0, function: { arguments: piece } }] } : { content: piece }, finish_reason: null });
  }
  event(chat ? { index: 0, delta: {}, finish_reason: toolName ? 'tool_calls' : 'stop' } : { index: 0, text: '', finish_reason: 'stop' });
  const bytes = Buffer.from(`${events.join('')}data: [DONE]\n\n`, 'utf8');
  const slice = b.dribbleBytes ?? bytes.length;
  for (let at = 0; at < bytes.length; at += slice) {
    res.write(bytes.subarray(at, at + slice));
    if (b.dribbleBytes) await new Promise((r) => setImmediate(r));
  }
  res.end();
}
