/**
 * Starts a real gateway on 127.0.0.1 port 0 from a config object, with API keys made for the test and every
 * log line captured, and an `openai` client factory pointed at it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import OpenAI from 'openai';
import { generateApiKey, hashApiKey } from '../../src/auth/api-keys.ts';
import { parseConfig } from '../../src/config/load.ts';
import type { AirlockConfig } from '../../src/config/schema.ts';
import { startGateway, type Gateway, type GatewayOptions } from '../../src/server/gateway.ts';
import { createLogger } from '../../src/server/logger.ts';

export interface TestKey {
  readonly tenant: string;
  readonly id: string;
  readonly scopes?: string[];
  readonly models?: string[];
}

export interface TestGateway {
  readonly gateway: Gateway;
  readonly url: string;
  readonly config: AirlockConfig;
  /** The running configuration with some top-level sections replaced, parsed (for reload tests). */
  reconfigure(changes: Record<string, unknown>): AirlockConfig;
  /** Plain keys by "<tenant>/<id>". */
  readonly keys: Record<string, string>;
  /** Every log line written so far, raw JSON text. */
  readonly logs: string[];
  client(key: string, options?: Partial<ConstructorParameters<typeof OpenAI>[0]>): OpenAI;
  close(): Promise<void>;
}

/**
 * `raw` is a config object as YAML would give it (without tenants' keys: those come from `keys`).
 * Tenants named in `keys` but not in raw.tenants are added.
 */
export async function startTestGateway(
  raw: Record<string, unknown>,
  keys: TestKey[] = [{ tenant: 'shop', id: 'k1' }],
  options: Pick<GatewayOptions, 'clock' | 'configSource'> = {},
): Promise<TestGateway> {
  const plain: Record<string, string> = {};
  const tenants = new Map<string, { id: string; keys: unknown[] } & Record<string, unknown>>();
  for (const t of (raw.tenants as Array<{ id: string } & Record<string, unknown>> | undefined) ?? []) tenants.set(t.id, { keys: [], ...t });
  for (const k of keys) {
    const key = generateApiKey();
    plain[`${k.tenant}/${k.id}`] = key;
    const tenant = tenants.get(k.tenant) ?? { id: k.tenant, keys: [] };
    tenant.keys.push({ id: k.id, hash: hashApiKey(key), ...(k.scopes ? { scopes: k.scopes } : {}), ...(k.models ? { models: k.models } : {}) });
    tenants.set(k.tenant, tenant);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'airlock-test-'));
  const full = { dataDir, ...raw, server: { host: '127.0.0.1', port: 0, ...(raw.server as object | undefined) }, logging: { level: 'info' }, tenants: [...tenants.values()] };
  const config = parseConfig(full, { baseDir: dataDir, env: {} });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(...chunk.toString('utf8').split('\n').filter((l) => l !== ''));
      cb();
    },
  });
  const gateway = await startGateway(config, { logger: createLogger('info', sink), keyFilePollMs: 50, ...options });
  return {
    gateway,
    url: gateway.url,
    config,
    reconfigure: (changes) => parseConfig({ ...full, ...changes }, { baseDir: dataDir, env: {} }),
    keys: plain,
    logs,
    client: (key, options) => new OpenAI({ apiKey: key, baseURL: `${gateway.url}/v1`, maxRetries: 0, timeout: 10_000, ...options }),
    close: () => gateway.close(),
  };
}

/** A backend entry for an `openai` fake. */
export function openaiBackend(id: string, baseUrl: string, models: Record<string, string>, extra: Record<string, unknown> = {}) {
  return { id, kind: 'openai', url: baseUrl, jurisdiction: 'on-prem', models, ...extra };
}
