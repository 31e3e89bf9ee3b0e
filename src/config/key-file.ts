/**
 * The managed key file (`<dataDir>/keys.json`): API key records that `airlock keys create|revoke` write and the
 * gateway reads, next to any keys declared in the config file. It holds hashes only, never a key. Writes go to a
 * temporary file then rename, so a reader never sees half a file; the file is created with mode 0600.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors.ts';
import { formatIssue } from './load.ts';
import { apiKeyRecordSchema } from './schema.ts';
import { watchFileChanges } from './watch.ts';

export const KEY_FILE_NAME = 'keys.json';

const managedKeySchema = apiKeyRecordSchema.extend({
  tenant: z.string().min(1),
  createdAt: z.iso.datetime(),
});
const keyFileSchema = z.strictObject({ version: z.literal(1), keys: z.array(managedKeySchema) });

export type ManagedKey = z.output<typeof managedKeySchema>;

export function keyFilePath(dataDir: string): string {
  return join(dataDir, KEY_FILE_NAME);
}

/** The records in the key file; an absent file holds none. A broken file is an error, never an empty set. */
export function readKeyFile(dataDir: string): ManagedKey[] {
  const path = keyFilePath(dataDir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ConfigError([`${path}: cannot read the key file (${(err as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ConfigError([`${path}: the key file is not valid JSON`]);
  }
  const parsed = keyFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${path}: ${formatIssue(i)}`));
  }
  return parsed.data.keys;
}

/** Writes the key file after checking it against the schema readKeyFile applies, so a write can never break it. */
export function writeKeyFile(dataDir: string, keys: readonly ManagedKey[]): void {
  const checked = keyFileSchema.safeParse({ version: 1, keys });
  if (!checked.success) throw new ConfigError(checked.error.issues.map(formatIssue));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = keyFilePath(dataDir);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ version: 1, keys }, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

/** Calls onChange when the key file changes; returns the function that stops watching. */
export function watchKeyFile(dataDir: string, onChange: () => void, intervalMs = 1_000): () => void {
  return watchFileChanges(keyFilePath(dataDir), onChange, intervalMs);
}
