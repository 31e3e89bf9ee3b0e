/**
 * The "floor" of the proxy benchmark (a child process of bench/proxy.ts): the least any Node.js gateway can add
 * to a call. It checks the bearer key (BENCH_FLOOR_KEY), then pipes the request to the backend
 * (BENCH_FLOOR_UPSTREAM, an origin) over a keep-alive agent and pipes the reply back, with node:http alone: no
 * parsing, validation, routing or logging. Airlock's overhead is judged against this, not against zero.
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

const key = process.env.BENCH_FLOOR_KEY;
const upstreamOrigin = process.env.BENCH_FLOOR_UPSTREAM;
if (!key || !upstreamOrigin) {
  process.stderr.write('floor-proxy: BENCH_FLOOR_KEY and BENCH_FLOOR_UPSTREAM must be set\n');
  process.exit(2);
}
const expected = `Bearer ${key}`;
const upstream = new URL(upstreamOrigin);
// As many pooled connections as the gateway's backend pool, so neither side queues where the other does not.
const agent = new Agent({ keepAlive: true, maxSockets: 128, keepAliveMsecs: 60_000 });

const server = createServer((req, res) => {
  if (req.headers.authorization !== expected) {
    req.resume();
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end('{"error":{"message":"invalid api key"}}');
    return;
  }
  // The caller's key must not travel on; the backend gets its own host header from the agent.
  const { authorization: _authorization, host: _host, ...headers } = req.headers;
  const out = request(
    { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  out.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end();
  });
  req.pipe(out);
});
server.keepAliveTimeout = 120_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('disconnect', () => process.exit(0));
