/**
 * Opens the audit log the configuration describes: the store (SQLite file under dataDir, or PostgreSQL), the
 * checkpoint signing key (created on first start, its verifier key written beside it), and the log itself. A
 * store that cannot be opened stops the gateway from starting: it never serves a request it cannot record.
 */
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { AirlockConfig } from '../config/schema.ts';
import { readOrCreateSigningKey } from '../config/signing-key-file.ts';
import { openAuditLog, type AuditLog } from './log.ts';
import { generateNoteKeys, noteSigner } from './note.ts';
import { createPostgresStore } from './postgres-store.ts';
import { createSqliteStore } from './sqlite-store.ts';
import type { AuditStore } from './store.ts';

export function signingKeyPath(config: AirlockConfig): string {
  return config.audit.signingKeyFile ?? join(config.dataDir, 'audit-signing.key');
}

export function sqlitePath(config: AirlockConfig): string {
  return config.audit.path ?? join(config.dataDir, 'audit.db');
}

export async function openConfiguredStore(config: AirlockConfig): Promise<AuditStore> {
  if (config.audit.store === 'postgres') {
    return createPostgresStore({ connectionString: config.audit.postgresUrl as string, schema: config.audit.postgresSchema });
  }
  return createSqliteStore(sqlitePath(config));
}

export async function openConfiguredAuditLog(config: AirlockConfig, logger: Logger, onFailure?: (kind: string) => void): Promise<AuditLog> {
  const signerKey = readOrCreateSigningKey(signingKeyPath(config), () => generateNoteKeys(config.audit.origin));
  const store = await openConfiguredStore(config);
  return openAuditLog({
    store,
    signer: noteSigner(signerKey),
    origin: config.audit.origin,
    checkpointIntervalMs: config.audit.checkpointIntervalMs,
    groupCommitMs: config.audit.groupCommitMs,
    maxBatch: config.audit.maxBatch,
    logger,
    ...(onFailure ? { onFailure } : {}),
  });
}
