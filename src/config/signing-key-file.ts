/**
 * The audit log's signing key: a C2SP note signer key kept in a file (mode 0600), created on first start, with
 * its verifier key written beside it (`.pub`) for auditors. The key format belongs to the audit module, which
 * passes the generator; this module only owns the files.
 */
import { writeFileSync } from 'node:fs';
import { ConfigError } from '../errors.ts';
import { readKeyMaterial, readOrCreateKeyMaterial } from './secret-key-file.ts';

export interface SigningKeys {
  readonly signerKey: string;
  readonly verifierKey: string;
}

/** `<path>` without a trailing `.key`, plus `.pub`. */
export function verifierKeyPath(signerKeyPath: string): string {
  return `${signerKeyPath.replace(/\.key$/, '')}.pub`;
}

export function readOrCreateSigningKey(path: string, generate: () => SigningKeys): string {
  let generated: SigningKeys | null = null;
  const read = () => {
    const text = readKeyMaterial(path, 'audit signing key file');
    if (text === '') throw new ConfigError([`${path}: the audit signing key file is empty`]);
    return text;
  };
  const signerKey = readOrCreateKeyMaterial(path, 'audit signing key file', () => (generated = generate()).signerKey, read);
  // Only the process whose key won the race writes the verifier key, so it always matches the key in the file.
  if (generated !== null && (generated as SigningKeys).signerKey === signerKey) {
    writeFileSync(verifierKeyPath(path), `${(generated as SigningKeys).verifierKey}\n`, { mode: 0o644 });
  }
  return signerKey;
}
