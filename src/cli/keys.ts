/**
 * `airlock keys create|list|revoke`: manages the key file under dataDir. A new key is printed once and only its
 * hash is written; the running gateway picks the change up without a restart. Keys declared in the config file
 * are listed but can only be changed there.
 */
import { randomBytes } from 'node:crypto';
import { generateApiKey, hashApiKey } from '../auth/api-keys.ts';
import { collectKeyRecords } from '../auth/key-records.ts';
import { readKeyFile, writeKeyFile } from '../config/key-file.ts';
import { loadConfig } from '../config/load.ts';
import { SCOPES, type AirlockConfig, type Scope } from '../config/schema.ts';
import { ConfigError } from '../errors.ts';
import { CliUsageError, listOption, parseCommandArgs } from './usage.ts';

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  tenant: { type: 'string', short: 't' },
  id: { type: 'string' },
  scopes: { type: 'string' },
  models: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export async function runKeys(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  const [action] = positionals;
  const { config } = loadConfig({ path: values.config });
  switch (action) {
    case 'create':
      return createKey(config, values);
    case 'list':
      return listKeys(config, values);
    case 'revoke':
      return revokeKey(config, values);
    default:
      throw new CliUsageError('expected "keys create", "keys list" or "keys revoke"');
  }
}

type Values = { tenant?: string | undefined; id?: string | undefined; scopes?: string | undefined; models?: string | undefined; json?: boolean | undefined };

function createKey(config: AirlockConfig, values: Values): Promise<number> {
  const tenant = requireTenant(config, values.tenant);
  const keys = readKeyFile(config.dataDir);
  const key = generateApiKey();
  const record = {
    id: values.id ?? `key-${randomBytes(4).toString('hex')}`,
    tenant,
    hash: hashApiKey(key),
    scopes: (listOption(values.scopes) ?? [...SCOPES]) as Scope[],
    ...(values.models !== undefined ? { models: listOption(values.models) } : {}),
    createdAt: new Date().toISOString(),
  };
  // The same checks the gateway applies when it reads the file: field rules (writeKeyFile) and references to
  // tenants, aliases and other keys (collectKeyRecords).
  try {
    collectKeyRecords(config, [...keys, record]);
    writeKeyFile(config.dataDir, [...keys, record]);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliUsageError(`the new key is invalid: ${err.issues.join('; ')}`);
    throw err;
  }
  const { id, scopes, models } = record;
  if (values.json) process.stdout.write(`${JSON.stringify({ id, tenant, key, scopes, models: models ?? null })}\n`);
  else process.stdout.write(`${key}\n`);
  process.stderr.write(`created key "${id}" for tenant ${tenant}; it is shown only this once\n`);
  return Promise.resolve(0);
}

function listKeys(config: AirlockConfig, values: Values): Promise<number> {
  const rows = [
    ...config.tenants.flatMap((t) => t.keys.map((k) => ({ tenant: t.id, id: k.id, scopes: k.scopes, models: k.models ?? null, source: 'config' }))),
    ...readKeyFile(config.dataDir).map((k) => ({ tenant: k.tenant, id: k.id, scopes: k.scopes, models: k.models ?? null, source: 'key file', createdAt: k.createdAt })),
  ].filter((r) => values.tenant === undefined || r.tenant === values.tenant);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(rows)}\n`);
  } else {
    for (const r of rows) {
      process.stdout.write(`${r.tenant}\t${r.id}\t${r.scopes.join(',')}\t${r.models?.join(',') ?? '*'}\t${r.source}\n`);
    }
  }
  return Promise.resolve(0);
}

function revokeKey(config: AirlockConfig, values: Values): Promise<number> {
  const tenant = requireTenant(config, values.tenant);
  if (values.id === undefined) throw new CliUsageError('--id is required');
  const keys = readKeyFile(config.dataDir);
  const kept = keys.filter((k) => !(k.tenant === tenant && k.id === values.id));
  if (kept.length === keys.length) {
    const inConfig = config.tenants.some((t) => t.id === tenant && t.keys.some((k) => k.id === values.id));
    throw new CliUsageError(inConfig ? `key "${values.id}" is declared in the config file; remove it there` : `no key "${values.id}" for tenant ${tenant}`);
  }
  writeKeyFile(config.dataDir, kept);
  process.stderr.write(`revoked key "${values.id}" of tenant ${tenant}\n`);
  return Promise.resolve(0);
}

function requireTenant(config: AirlockConfig, tenant: string | undefined): string {
  if (tenant === undefined) throw new CliUsageError('--tenant is required');
  if (!config.tenants.some((t) => t.id === tenant)) throw new CliUsageError(`tenant "${tenant}" is not configured`);
  return tenant;
}
