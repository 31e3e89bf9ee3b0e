/**
 * The gateway's master secret when the configuration names none: 32 random bytes generated on first start and
 * kept in `<dataDir>/secret.key` (mode 0600), so pseudonyms stay stable across restarts. Losing the file only
 * means new pseudonyms and hashes; nothing stored depends on it.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.ts';

export const SECRET_KEY_FILE_NAME = 'secret.key';

/** The secret in `dataDir`, or null when there is none yet. */
export function readSecretKey(dataDir: string): string | null {
  const path = join(dataDir, SECRET_KEY_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ConfigError([`${path}: cannot read the secret key file (${(err as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  if (text.length < 32) throw new ConfigError([`${path}: the secret key file must hold at least 32 characters`]);
  return text;
}

export function readOrCreateSecretKey(dataDir: string): string {
  const existing = readSecretKey(dataDir);
  if (existing !== null) return existing;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  // 'wx' refuses to overwrite: if another process created the file first, its secret wins.
  try {
    writeFileSync(join(dataDir, SECRET_KEY_FILE_NAME), `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return readSecretKey(dataDir) as string;
  }
  return secret;
}
