/**
 * The audit log's signing key: a C2SP note signer key kept in a file (mode 0600), created on first start, with
 * its verifier key written beside it (`.pub`) for auditors. The key format belongs to the audit module, which
 * passes the generator; this module only owns the files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../errors.ts';

export interface SigningKeys {
  readonly signerKey: string;
  readonly verifierKey: string;
}

/** `<path>` without a trailing `.key`, plus `.pub`. */
export function verifierKeyPath(signerKeyPath: string): string {
  return `${signerKeyPath.replace(/\.key$/, '')}.pub`;
}

export function readOrCreateSigningKey(path: string, generate: () => SigningKeys): string {
  const existing = readKeyFile(path);
  if (existing !== null) return existing;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const keys = generate();
  try {
    // 'wx' refuses to overwrite: if another process created the file first, its key wins.
    writeFileSync(path, `${keys.signerKey}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return readKeyFile(path) as string;
  }
  writeFileSync(verifierKeyPath(path), `${keys.verifierKey}\n`, { mode: 0o644 });
  return keys.signerKey;
}

function readKeyFile(path: string): string | null {
  try {
    const text = readFileSync(path, 'utf8').trim();
    if (text === '') throw new ConfigError([`${path}: the audit signing key file is empty`]);
    return text;
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ConfigError([`${path}: cannot read the audit signing key file (${(err as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
}
