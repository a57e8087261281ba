import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { freePort } from '@samvirke/platform';
import { baseEnv, startApiProcess, waitForHttp, type ApiProcess } from '../support/api-process';
import { runCli } from '../support/cli-process';

/**
 * The README's promise, on the path a new user takes: `npm start` with no DATABASE_URL (the API runs
 * the embedded PostgreSQL under DATA_DIR/postgres) and, in another terminal, every CLI command that
 * uses the database. Each must use the API's running database and leave it running: the API stays
 * ready after each one.
 */
describe('CLI database commands beside a running API on the embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samvirke-beside-'));
  let api: ApiProcess;
  let port: number;
  const env = () => ({ ...baseEnv(), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });

  beforeAll(async () => {
    port = await freePort();
    api = startApiProcess({ ...env(), PORT: String(port), DEMO_DATA: 'false' });
    await waitForHttp(`http://127.0.0.1:${port}/health/ready`, 90_000, api).catch((error: Error) => {
      throw new Error(`${error.message}\nAPI output:\n${api.output().split('\n').slice(-15).join('\n')}`);
    });
  }, 120_000);

  afterAll(async () => {
    if (api) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  async function ready(): Promise<number> {
    const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
    return response.status;
  }

  const unknownCase = randomUUID();
  const commands: Array<[string, string[], number[]]> = [
    ['demo-seed', ['demo-seed', '--cases', '2'], [0]],
    ['verify', ['verify'], [0]],
    ['verify of one case', ['verify', '--case', unknownCase], [1]],
    ['retention --dry-run', ['retention', '--dry-run'], [0]],
    ['erase', ['erase', '--case', unknownCase, '--scope', 'citizen', '--reason', 'other', '--by', 'operator-1'], [0, 65]],
    ['rotate-keys', ['rotate-keys'], [0]],
    ['projections:rebuild', ['projections:rebuild', 'case-summary'], [0]],
  ];

  it.each(commands)(
    '%s uses the running database and leaves the API ready',
    async (_name, args, exitCodes) => {
      const result = await runCli(args, env());
      // On a wrong exit code, the last lines it printed say why.
      const expected = exitCodes.includes(result.code ?? -1) ? result.code : exitCodes[0];
      expect({ code: result.code, stderr: result.stderr.split('\n').slice(-5).join('\n') }).toEqual({ code: expected, stderr: expect.any(String) });
      expect(await ready()).toBe(200);
    },
    180_000,
  );

  it('names the failed authentication when the database password is wrong', async () => {
    const postgresPort = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')
      .split('\n')[3]
      .trim();
    const result = await runCli(['verify'], { ...env(), DATABASE_URL: `postgres://postgres:not-the-password@127.0.0.1:${postgresPort}/postgres` });
    expect(result.code).toBe(69);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/authentication failed for user "postgres"/);
    expect(result.stderr).not.toContain('not-the-password');
    expect(await ready()).toBe(200);
  }, 60_000);
});

/**
 * The other way round: a CLI command started the embedded database (no API was running) and stops it
 * when it finishes. An API started meanwhile must not build on it, nor stop it: it refuses in one line.
 */
describe('the API while a CLI command has the embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samvirke-cli-owned-'));
  let holder: ChildProcess | undefined;
  afterAll(async () => {
    if (holder && holder.exitCode === null) {
      holder.kill('SIGTERM');
      await new Promise((resolve) => holder!.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('refuses to start, naming the command, and leaves its database running', async () => {
    // A stand-in for a long CLI command: the platform's own start, as a command, held until SIGTERM.
    const source = `
      const { startEmbeddedPostgres } = require(process.env.PLATFORM);
      startEmbeddedPostgres({ dataDir: process.env.PG_DATA_DIR, persistent: true, role: 'command' }).then((db) => {
        process.stdout.write('READY ' + db.connectionString + '\\n');
        process.once('SIGTERM', () => db.stop().then(() => process.exit(0)));
      }, (error) => { process.stderr.write(String(error) + '\\n'); process.exit(1); });`;
    holder = spawn(process.execPath, ['-e', source], {
      env: { ...process.env, PLATFORM: join(__dirname, '..', '..', 'dist', 'libs', 'platform', 'src', 'index.js'), PG_DATA_DIR: join(dataDir, 'postgres') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const connectionString = await new Promise<string>((resolve, reject) => {
      let output = '';
      holder!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /READY (\S+)/.exec(output);
        if (ready) resolve(ready[1]);
      });
      holder!.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      holder!.once('exit', () => reject(new Error(`the holder exited: ${output}`)));
    });

    const api = startApiProcess({ ...baseEnv(), PORT: String(await freePort()), DATA_DIR: dataDir, DEMO_DATA: 'false' });
    const started = setTimeout(() => api.child.kill('SIGTERM'), 30_000);
    const { code } = await api.exited;
    clearTimeout(started);
    expect(code).toBe(69);
    expect(api.errorOutput().trim().split('\n')).toEqual([expect.stringMatching(/^samvirke: .*started by a CLI command \(pid \d+\)/)]);

    const client = new Client({ connectionString });
    await client.connect();
    try {
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
  }, 90_000);
});
