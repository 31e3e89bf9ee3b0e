/**
 * The audit log on the real PostgreSQL server of this machine:
 * - two `airlock serve` processes (replicas) share one log; requests to both at once leave one gapless log that
 *   `airlock audit verify` accepts, with every request's decision and completion in it;
 * - fail closed: while the store cannot take a decision event, requests are refused with
 *   AIRLOCK_AUDIT_UNAVAILABLE and the backend receives nothing; once the store is back, requests go through.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import OpenAI, { type APIError } from 'openai';
import { generateApiKey, hashApiKey } from '../../src/auth/api-keys.ts';
import { dropSchema, POSTGRES_URL, postgresUnavailableReason, runSql, uniqueSchemaName } from '../audit/helpers/postgres.ts';
import { runCli, startServe, type ServeProcess } from '../helpers/cli.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.ts';
import { openaiBackend, startTestGateway } from '../helpers/gateway.ts';

const unavailable = await postgresUnavailableReason();
if (unavailable) console.log(`# skipping the PostgreSQL audit tests: ${unavailable}`);

describe('audit log on PostgreSQL', { skip: unavailable ?? false }, () => {
  let backend: FakeOpenAI;
  const schemas: string[] = [];

  before(async () => {
    backend = await startFakeOpenAI();
  });
  after(async () => {
    await backend.close();
    for (const schema of schemas) await dropSchema(schema);
  });

  it('two gateway replicas write one gapless log that verify accepts', async () => {
    const schema = uniqueSchemaName();
    schemas.push(schema);
    const shared = mkdtempSync(join(tmpdir(), 'airlock-replicas-'));
    const key = generateApiKey();
    const replicas: ServeProcess[] = [];
    try {
      for (const name of ['a', 'b']) {
        const cwd = mkdtempSync(join(tmpdir(), `airlock-replica-${name}-`));
        writeFileSync(
          join(cwd, 'airlock.yaml'),
          `server: { port: 0 }
backends: [{ id: b, kind: openai, url: "${backend.baseUrl}", jurisdiction: on-prem, models: { m: m } }]
tenants: [{ id: t, keys: [{ id: k, hash: "${hashApiKey(key)}" }] }]
secretKey: "a-shared-master-secret-of-at-least-32-chars"
audit: { store: postgres, postgresUrl: "${POSTGRES_URL}", postgresSchema: ${schema}, signingKeyFile: "${join(shared, 'audit-signing.key')}", checkpointIntervalMs: 100 }
`,
        );
        replicas.push(await startServe([], cwd));
      }
      const clients = replicas.map((r) => new OpenAI({ apiKey: key, baseURL: `${r.url}/v1`, maxRetries: 0 }));
      const PER_REPLICA = 25;
      const ids = await Promise.all(
        clients.flatMap((client) =>
          Array.from({ length: PER_REPLICA }, async () => {
            const { response } = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'Where is my order?' }] }).withResponse();
            return response.headers.get('x-request-id') as string;
          }),
        ),
      );
      for (const replica of replicas) replica.proc.kill('SIGTERM');
      for (const replica of replicas) assert.equal(await replica.exited, 0);

      const verify = runCli(['audit', 'verify', '--postgres', POSTGRES_URL, '--schema', schema, '--pubkey', join(shared, 'audit-signing.pub')], shared);
      assert.equal(verify.status, 0, verify.stdout + verify.stderr);
      const report = JSON.parse(verify.stdout) as { ok: boolean; events: number; latestCheckpoint: number };
      assert.equal(report.events, 2 + 4 * PER_REPLICA, 'two start events, a decision and a completion per request');
      assert.equal(report.latestCheckpoint, report.events, 'the last checkpoint covers the whole log');

      const query = runCli(['audit', 'query', '--postgres', POSTGRES_URL, '--schema', schema, '--kind', 'request.decision'], shared);
      const decided = new Set(query.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { requestId: string }).requestId));
      assert.deepEqual([...decided].sort(), [...ids].sort(), 'every request of both replicas has its decision');
    } finally {
      for (const replica of replicas) replica.proc.kill('SIGKILL');
    }
  });

  it('refuses requests while the store cannot take the decision event, and forwards nothing', async () => {
    const schema = uniqueSchemaName();
    schemas.push(schema);
    const gw = await startTestGateway(
      { backends: [openaiBackend('b', backend.baseUrl, { m: 'm' })], audit: { store: 'postgres', postgresUrl: POSTGRES_URL, postgresSchema: schema } },
      [{ tenant: 't', id: 'k' }],
    );
    try {
      const client = gw.client(gw.keys['t/k'] as string);
      const ask = () => client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'Hi' }] });
      await ask();
      await runSql(`ALTER TABLE "${schema}".audit_rows RENAME TO audit_rows_away`);
      const before = backend.requests.length;
      const err = await ask().then(
        () => assert.fail('expected a refusal'),
        (e: unknown) => e as APIError,
      );
      assert.equal(err.status, 503);
      assert.equal(err.code, 'AIRLOCK_AUDIT_UNAVAILABLE');
      assert.equal(backend.requests.length, before, 'nothing was forwarded');
      await runSql(`ALTER TABLE "${schema}".audit_rows_away RENAME TO audit_rows`);
      const reply = await ask();
      assert.equal(reply.choices[0]?.finish_reason, 'stop');
    } finally {
      await gw.close();
    }
  });
});
