import { Client } from 'pg';
import { resolve } from 'node:path';
import { ConfigError, EMBEDDED_IS_FOR_DEVELOPMENT, type AppConfig } from '../config/app-config';
import { embeddedConnectionString, findRunningPostmaster, startEmbeddedPostgres, type EmbeddedDatabase, type EmbeddedDatabaseRole } from './embedded-postgres';
import { DatabaseInUseError, DatabaseUnreachableError } from './database-errors';

export { DatabaseInUseError, DatabaseUnreachableError } from './database-errors';

export interface DatabaseConnection {
  connectionString: string;
  /** The embedded server this process started (and stops on close); undefined when it uses another's. */
  embedded: EmbeddedDatabase | undefined;
  /** The pid of the process whose embedded server this one uses, when it did not start one itself. */
  sharedWith?: number;
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

/**
 * Why a connection failed, in words: the server's own message for what it refused (a wrong password
 * says `password authentication failed for user "x"`), the network code otherwise. The server's
 * messages name the user and database, never the password.
 */
function connectionFailure(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  if (code && /^(28|3D|53|57)/.test(code) && message) return `${message.split('\n')[0].slice(0, 200)}, SQLSTATE ${code}`;
  return code ?? (error instanceof Error ? error.message : 'unknown error');
}

/** Connects once to prove the server is there, so a wrong DATABASE_URL fails at start, in one line. */
export async function checkReachable(connectionString: string, timeoutMs = 5_000): Promise<void> {
  const client = new Client({ connectionString, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new DatabaseUnreachableError(`cannot reach the database at ${describeDatabase(connectionString)} (${connectionFailure(error)}): check DATABASE_URL`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface OpenDatabaseOptions {
  /** A `command` (the CLI) uses a server's running embedded database; a `server` never builds on a command's. */
  role?: EmbeddedDatabaseRole;
  /** How long to wait for a running embedded server that is still starting. */
  startingTimeoutMs?: number;
}

/**
 * Uses the embedded server another live process runs on `dataDir`, waiting while it starts. It is
 * theirs: closing this connection leaves it running. Undefined when there is none to use.
 */
async function useRunningEmbedded(dataDir: string, role: EmbeddedDatabaseRole, timeoutMs: number): Promise<DatabaseConnection | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const running = findRunningPostmaster(dataDir);
    if (!running?.owner) return undefined;
    const owner = running.owner;
    if (role === 'server' && owner.role === 'command') {
      // The command stops its server when it finishes, which would take this long-running process down with it.
      throw new DatabaseInUseError(
        `the embedded PostgreSQL under ${dataDir} was started by a CLI command (pid ${owner.pid}) that stops it when it finishes: start again when it is done, or set DATABASE_URL`,
      );
    }
    if (running.status === 'ready') {
      const connectionString = embeddedConnectionString(running.port);
      try {
        await checkReachable(connectionString);
        return { connectionString, embedded: undefined, sharedWith: owner.pid, close: async () => undefined };
      } catch (error) {
        if (Date.now() >= deadline) {
          throw new DatabaseInUseError(
            `the embedded PostgreSQL under ${dataDir} is run by another process (pid ${owner.pid}) and does not answer on port ${running.port} (${(error as Error).message}); stop that process or set DATABASE_URL`,
          );
        }
      }
    } else if (Date.now() >= deadline) {
      throw new DatabaseInUseError(
        `the embedded PostgreSQL under ${dataDir} is run by another process (pid ${owner.pid}) and did not become ready within ${Math.round(timeoutMs / 1000)} s; stop that process or set DATABASE_URL`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR/postgres: the one a running
 * process (`npm start`) already serves, or one of our own, stopped again on close.
 */
export async function openDatabase(
  config: AppConfig,
  onLog: (line: string) => void = () => undefined,
  options: OpenDatabaseOptions = {},
): Promise<DatabaseConnection> {
  if (config.databaseUrl) {
    await checkReachable(config.databaseUrl);
    return { connectionString: config.databaseUrl, embedded: undefined, close: async () => undefined };
  }
  if (config.production) throw new ConfigError('DATABASE_URL', `must be set in production${EMBEDDED_IS_FOR_DEVELOPMENT}`);
  const dataDir = resolve(config.dataDir, 'postgres');
  const role = options.role ?? 'server';
  const shared = await useRunningEmbedded(dataDir, role, options.startingTimeoutMs ?? 60_000);
  if (shared) {
    onLog(`using the embedded PostgreSQL run by process ${shared.sharedWith}`);
    return shared;
  }
  const embedded = await startEmbeddedPostgres({ dataDir, persistent: true, onLog, avoidPorts: [config.port], role });
  await checkReachable(embedded.connectionString);
  return { connectionString: embedded.connectionString, embedded, close: () => embedded.stop() };
}
