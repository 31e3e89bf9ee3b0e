import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { LookupAddress } from 'node:dns';
import { createEgressClient, guardLookup, type EgressTarget } from '../../src/egress/client.ts';
import { AirlockError } from '../../src/errors.ts';

/** A server that counts every request and answers with the given handler. */
async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    handler?.(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

function target(id: string, url: string, extra: Partial<EgressTarget> = {}): EgressTarget {
  return { id, url, connectTimeoutMs: 1000, headersTimeoutMs: 1000, bodyTimeoutMs: 1000, connections: 4, keepAliveTimeoutMs: 1000, ...extra };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof AirlockError, `expected an AirlockError, got ${String(err)}`);
    return err.code;
  }
  return 'no error';
}

describe('egress client', () => {
  let backend: Awaited<ReturnType<typeof listen>>;
  let bystander: Awaited<ReturnType<typeof listen>>;
  before(async () => {
    bystander = await listen((_req, res) => res.end('bystander'));
    backend = await listen((req, res) => {
      if (req.url === '/redirect') {
        res.writeHead(302, { location: `${bystander.url}/v1/chat/completions` });
        return res.end();
      }
      if (req.url === '/slow') return setTimeout(() => res.end('late'), 3000).unref();
      res.end('ok');
    });
  });
  after(() => {
    backend.server.closeAllConnections();
    backend.server.close();
    bystander.server.close();
  });

  it('sends to a declared backend', async () => {
    const egress = createEgressClient([target('b', backend.url)]);
    const res = await egress.request('b', { method: 'GET', url: `${backend.url}/ok`, headers: {} });
    assert.equal(res.statusCode, 200);
    assert.equal(await res.body.text(), 'ok');
    await egress.close();
  });

  it('refuses an undeclared backend id and another origin under a declared id, opening no connection', async () => {
    const egress = createEgressClient([target('b', backend.url)]);
    const before = bystander.hits.length;
    assert.equal(await codeOf(egress.request('other', { method: 'GET', url: `${bystander.url}/x`, headers: {} })), 'AIRLOCK_EGRESS_DESTINATION_REFUSED');
    assert.equal(await codeOf(egress.request('b', { method: 'GET', url: `${bystander.url}/x`, headers: {} })), 'AIRLOCK_EGRESS_DESTINATION_REFUSED');
    assert.equal(await codeOf(egress.request('b', { method: 'GET', url: 'https://api.openai.com/v1/models', headers: {} })), 'AIRLOCK_EGRESS_DESTINATION_REFUSED');
    // Look-alikes that share the origin's text: a longer port, userinfo, another host after the authority.
    for (const trick of [`${backend.url}0/x`, `${backend.url}@evil.example/x`, `${backend.url}.evil.example/x`, backend.url]) {
      assert.equal(await codeOf(egress.request('b', { method: 'GET', url: trick, headers: {} })), 'AIRLOCK_EGRESS_DESTINATION_REFUSED', trick);
    }
    assert.equal(bystander.hits.length, before);
    await egress.close();
  });

  it('never follows a redirect: a 302 to another local port causes no request there', async () => {
    const egress = createEgressClient([target('b', backend.url), target('c', bystander.url)]);
    const before = bystander.hits.length;
    assert.equal(await codeOf(egress.request('b', { method: 'POST', url: `${backend.url}/redirect`, headers: {}, body: '{}' })), 'AIRLOCK_EGRESS_REDIRECT_REFUSED');
    assert.equal(bystander.hits.length, before, 'the redirect target received a request');
    await egress.close();
  });

  it('maps a refused connection to AIRLOCK_BACKEND_UNREACHABLE and a slow reply to AIRLOCK_BACKEND_TIMEOUT', async () => {
    const closed = await listen(() => {});
    const deadUrl = closed.url;
    await new Promise<void>((r) => closed.server.close(() => r()));
    const egress = createEgressClient([target('dead', deadUrl), target('b', backend.url, { headersTimeoutMs: 100 })]);
    assert.equal(await codeOf(egress.request('dead', { method: 'GET', url: `${deadUrl}/`, headers: {} })), 'AIRLOCK_BACKEND_UNREACHABLE');
    assert.equal(await codeOf(egress.request('b', { method: 'GET', url: `${backend.url}/slow`, headers: {} })), 'AIRLOCK_BACKEND_TIMEOUT');
    await egress.close();
  });

  it('connects to a declared host name through the guarded DNS lookup', async () => {
    const url = backend.url.replace('127.0.0.1', 'localhost');
    const egress = createEgressClient([target('named', url)]);
    const res = await egress.request('named', { method: 'GET', url: `${url}/ok`, headers: {} });
    assert.equal(res.statusCode, 200);
    await res.body.dump();
    await egress.close();
  });
});

describe('guarded DNS lookup', () => {
  function answer(addresses: LookupAddress[]) {
    const fake = ((_host: string, _opts: unknown, cb: (e: null, a: LookupAddress[]) => void) => cb(null, addresses)) as unknown as Parameters<typeof guardLookup>[0];
    return new Promise<Error | null>((resolve) =>
      guardLookup(fake)('backend.internal', { all: true }, (err: Error | null) => resolve(err)),
    );
  }

  it('refuses a name that resolves to the cloud metadata address, link-local or unspecified addresses', async () => {
    for (const bad of ['169.254.169.254', '169.254.10.1', '0.0.0.0']) {
      const err = await answer([{ address: '10.0.0.5', family: 4 }, { address: bad, family: 4 }]);
      assert.ok(err instanceof AirlockError && err.code === 'AIRLOCK_EGRESS_DESTINATION_REFUSED', bad);
    }
    const v6 = await answer([{ address: 'fe80::1', family: 6 }]);
    assert.ok(v6 instanceof AirlockError);
  });

  it('lets ordinary private and loopback answers through', async () => {
    assert.equal(await answer([{ address: '10.0.0.5', family: 4 }, { address: '::1', family: 6 }]), null);
  });
});
