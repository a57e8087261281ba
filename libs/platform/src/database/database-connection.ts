import { Client } from 'pg';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';

export class DatabaseUnreachableError extends Error {}

export interface DatabaseConnection {
  connectionString: string;
  embedded: EmbeddedDatabase | undefined;
  close(): Promise<void>;
}

/** host:port/database of a connection string, without user or password, for messages. */
export function describeDatabase(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'the configured database';
  }
}

/** Connects once to prove the server is there, so a wrong DATABASE_URL fails at start, in one line. */
export async function checkReachable(connectionString: string, timeoutMs = 5_000): Promise<void> {
  const client = new Client({ connectionString, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error instanceof Error ? error.message : 'unknown error');
    throw new DatabaseUnreachableError(`cannot reach the database at ${describeDatabase(connectionString)} (${reason}): check DATABASE_URL`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** DATABASE_URL when set; otherwise a persistent embedded PostgreSQL under DATA_DIR/postgres. */
export async function openDatabase(config: AppConfig, onLog: (line: string) => void = () => undefined): Promise<DatabaseConnection> {
  if (config.databaseUrl) {
    await checkReachable(config.databaseUrl);
    return { connectionString: config.databaseUrl, embedded: undefined, close: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres'), persistent: true, onLog, avoidPorts: [config.port] });
  await checkReachable(embedded.connectionString);
  return { connectionString: embedded.connectionString, embedded, close: () => embedded.stop() };
}
