/**
 * The PostgreSQL the audit tests run against (AIRLOCK_TEST_POSTGRES_URL, else the local trust-auth server) and
 * throwaway schemas on it: every test gets a schema with a random name and drops it afterwards, so test files
 * running in parallel never see each other's tables.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_URL = process.env.AIRLOCK_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function uniqueSchemaName(): string {
  return `airlock_test_${randomBytes(6).toString('hex')}`;
}

/** Runs one statement on a short-lived connection (setup and teardown only). */
export async function runSql(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await runSql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

/** Null when the server answers, else why the PostgreSQL tests are skipped. */
export async function postgresUnavailableReason(): Promise<string | null> {
  try {
    await runSql('SELECT 1');
    return null;
  } catch (error) {
    return `PostgreSQL not reachable at ${POSTGRES_URL}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
