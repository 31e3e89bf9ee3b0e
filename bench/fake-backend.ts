/**
 * The fake OpenAI-compatible backend of the proxy benchmark (a child process of bench/proxy.ts). It answers
 * from precomputed buffers and does as little as possible per request, so the "direct" figures are the floor
 * every proxy is compared against and the backend's own CPU use disturbs the proxies under test as little as it
 * can. The stream is written one event per write, as fast as possible, as a real server flushes each token.
 * node:http only, like a plain inference server's HTTP layer; it reports its port over the IPC channel.
 * With BENCH_BACKEND_RECORD=1 it keeps the body of the last chat request (a reference, nothing copied or parsed)
 * and serves it at GET /bench/last-request, so the benchmark can prove what a gateway forwarded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { completionJson, streamEvents } from './lib/fixtures.ts';

const COMPLETION = Buffer.from(completionJson());
const EVENTS = streamEvents().map((e) => Buffer.from(e));
const MODELS = Buffer.from(JSON.stringify({ object: 'list', data: [{ id: 'fixed-model', object: 'model', created: 0, owned_by: 'bench' }] }));
// The bench client serialises with JSON.stringify, and so does the gateway: a byte search is enough and keeps
// JSON parsing (a cost of the backend, not of the proxy) out of the numbers.
const STREAM_FLAG = Buffer.from('"stream":true');
const RECORD = process.env.BENCH_BACKEND_RECORD === '1';
let lastRequest: Buffer = Buffer.alloc(0);

function answer(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  if (req.method === 'GET' && req.url === '/v1/models') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': MODELS.length });
    res.end(MODELS);
    return;
  }
  if (RECORD && req.method === 'GET' && req.url === '/bench/last-request') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': lastRequest.length });
    res.end(lastRequest);
    return;
  }
  if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":{"message":"not found"}}');
    return;
  }
  if (RECORD) lastRequest = body;
  if (!body.includes(STREAM_FLAG)) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': COMPLETION.length });
    res.end(COMPLETION);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const event of EVENTS) res.write(event);
  res.end();
}

const server = createServer((req, res) => {
  const parts: Buffer[] = [];
  req.on('data', (part: Buffer) => parts.push(part));
  req.on('end', () => answer(req, res, Buffer.concat(parts)));
});
// Longer than any pause between benchmark cells, so an idle pooled connection is never closed under a proxy
// that is about to reuse it (which would show up as a spurious 502).
server.keepAliveTimeout = 120_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
// The parent going away (even by SIGKILL) closes the IPC channel: never outlive the benchmark.
process.on('disconnect', () => process.exit(0));
