import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@samvirke/platform';
import { baseEnv, startApiProcess, waitForHttp } from '../support/api-process';

/**
 * The path a new user takes: no DATABASE_URL, so the API starts its own PostgreSQL from the npm
 * package, serves, and stops it again on SIGTERM. Runs as root in CI and as a normal user on laptops.
 */
describe('starting without DATABASE_URL (embedded PostgreSQL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samvirke-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts a real PostgreSQL, answers /health, adds demo cases to the empty store, and stops it on SIGTERM', async () => {
    const port = await freePort();
    const api = startApiProcess({ ...baseEnv(), PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info', DEMO_CASES: '5' });
    try {
      const response = await waitForHttp(`http://127.0.0.1:${port}/health`, 60_000, api).catch((error: Error) => {
        throw new Error(`${error.message}\nAPI output:\n${api.output().split('\n').slice(-15).join('\n')}`);
      });
      const health = (await response.json()) as { status: string; components: Record<string, { up: boolean }> };
      expect(health.status).toBe('ok');
      expect(health.components.database.up).toBe(true);
      expect(health.components.eventStore.up).toBe(true);
      expect(existsSync(join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
      const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
      expect(existsSync(pidFile)).toBe(true);
      const postgresPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      expect(api.output()).toContain('"embeddedDatabase":true');
      const seededBy = Date.now() + 60_000;
      while (!api.output().includes('demo cases added') && Date.now() < seededBy) await new Promise((r) => setTimeout(r, 200));
      expect(api.output()).toMatch(/"cases":5,"events":\d+.*demo cases added/);
      // The projections run in a worker thread of the API (apps/worker's code), off the request loop.
      expect(api.output()).toContain('projections running in a worker thread');
      const projectedBy = Date.now() + 30_000;
      while (!api.output().includes('worker running projections') && Date.now() < projectedBy) await new Promise((r) => setTimeout(r, 200));
      expect(api.output()).toContain('worker running projections');

      api.child.kill('SIGTERM');
      const { code } = await api.exited;
      const lastLines = api
        .output()
        .split('\n')
        .filter((line) => !line.includes('"msg":"request"'))
        .slice(-5)
        .join('\n');
      // On failure, the last log lines say why the process did not exit cleanly.
      if (code !== 0) throw new Error(`exit code ${code}; last lines:\n${lastLines}`);
      expect(() => process.kill(postgresPid, 0)).toThrow();
    } finally {
      api.child.kill('SIGKILL');
    }
  }, 90_000);

  it('starts again on the same data after the previous run was killed with SIGKILL', async () => {
    const port = await freePort();
    const first = startApiProcess({ ...baseEnv(), PORT: String(port), DATA_DIR: dataDir, DEMO_DATA: 'false' });
    await waitForHttp(`http://127.0.0.1:${port}/health`, 60_000);
    first.child.kill('SIGKILL');
    await first.exited;
    const second = startApiProcess({ ...baseEnv(), PORT: String(port), DATA_DIR: dataDir, DEMO_DATA: 'false' });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/health`, 60_000);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 120_000);
});
