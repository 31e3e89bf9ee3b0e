/**
 * The gateway's master secret when the configuration names none: 32 random bytes generated on first start and
 * kept in `<dataDir>/secret.key` (mode 0600), so pseudonyms stay stable across restarts. Losing the file only
 * means new pseudonyms and hashes; nothing stored depends on it.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from '../errors.ts';

export const SECRET_KEY_FILE_NAME = 'secret.key';

/** The secret in `dataDir`, or null when there is none yet. */
export function readSecretKey(dataDir: string): string | null {
  const path = join(dataDir, SECRET_KEY_FILE_NAME);
  const text = readKeyMaterial(path, 'secret key file');
  if (text !== null && text.length < 32) throw new ConfigError([`${path}: the secret key file must hold at least 32 characters`]);
  return text;
}

export function readOrCreateSecretKey(dataDir: string): string {
  return readOrCreateKeyMaterial(join(dataDir, SECRET_KEY_FILE_NAME), 'secret key file', () => randomBytes(32).toString('base64url'), () =>
    readSecretKey(dataDir),
  );
}

/** A key file's trimmed text, or null when it does not exist; any other read failure is a configuration error. */
export function readKeyMaterial(path: string, what: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ConfigError([`${path}: cannot read the ${what} (${(err as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
}

/**
 * The key in `path`, created (mode 0600, its directory 0700) from `generate` when there is none. 'wx' refuses to
 * overwrite: if another process created the file first, its key wins and is read back with `read`.
 */
export function readOrCreateKeyMaterial(path: string, what: string, generate: () => string, read: () => string | null = () => readKeyMaterial(path, what)): string {
  const existing = read();
  if (existing !== null) return existing;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const key = generate();
  try {
    writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return read() as string;
  }
  return key;
}
