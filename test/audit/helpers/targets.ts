/**
 * Names a store so a child process can open the same one as the test that spawned it: the target travels as a
 * JSON command-line argument.
 */
import { createPostgresStore } from '../../../src/audit/postgres-store.ts';
import { createSqliteStore } from '../../../src/audit/sqlite-store.ts';
import type { AuditStore } from '../../../src/audit/store.ts';

export type StoreTarget =
  | { readonly store: 'sqlite'; readonly path: string }
  | { readonly store: 'postgres'; readonly connectionString: string; readonly schema: string };

export async function openTarget(target: StoreTarget, pageSize?: number): Promise<AuditStore> {
  if (target.store === 'sqlite') return createSqliteStore(target.path, { pageSize });
  return createPostgresStore({ connectionString: target.connectionString, schema: target.schema, poolSize: 4, pageSize });
}

export function parseTarget(argument: string | undefined): StoreTarget {
  if (argument === undefined) throw new Error('missing store target argument');
  return JSON.parse(argument) as StoreTarget;
}
