import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
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

  it.each(commands)('%s uses the running database and leaves the API ready', async (_name, args, exitCodes) => {
    const result = await runCli(args, env());
    // On a wrong exit code, the last lines it printed say why.
    const expected = exitCodes.includes(result.code ?? -1) ? result.code : exitCodes[0];
    expect({ code: result.code, stderr: result.stderr.split('\n').slice(-5).join('\n') }).toEqual({ code: expected, stderr: expect.any(String) });
    expect(await ready()).toBe(200);
  }, 180_000);

  it('names the failed authentication when the database password is wrong', async () => {
    const postgresPort = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3].trim();
    const result = await runCli(['verify'], { ...env(), DATABASE_URL: `postgres://postgres:not-the-password@127.0.0.1:${postgresPort}/postgres` });
    expect(result.code).toBe(69);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/authentication failed for user "postgres"/);
    expect(result.stderr).not.toContain('not-the-password');
    expect(await ready()).toBe(200);
  }, 60_000);
});
