import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@samvirke/platform';
import { createApiChild, type ApiChild } from '../../support/api-child';
import { startEmbeddedPostgresProcess, type EmbeddedPostgresProcess } from '../../support/embedded-postgres-process';

/**
 * /health through @nestjs/terminus: with the database stopped under a running API, /health answers
 * 503 naming the failing component (the database) while the process itself stays live, readiness
 * says not ready, and everything is back to 200 when the database returns, without a restart.
 */
describe('health while the database is down', () => {
  const folder = mkdtempSync(join(tmpdir(), 'samvirke-health-db-'));
  const dataDir = join(folder, 'pg');
  let port: number;
  let database: EmbeddedPostgresProcess | undefined;
  let api: ApiChild;

  beforeAll(async () => {
    port = await freePort();
    database = await startEmbeddedPostgresProcess({ dataDir, port });
    api = await createApiChild({ databaseUrl: database.connectionString });
    await api.start();
  }, 90_000);
  afterAll(async () => {
    await api?.dispose();
    await database?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  async function healthUntil(status: number, boundMs: number) {
    const deadline = Date.now() + boundMs;
    let answer = await api.request('GET', '/health');
    while (answer.status !== status && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      answer = await api.request('GET', '/health');
    }
    return answer;
  }

  it('answers 503 with the database named as down, then 200 again when it is back', async () => {
    const before = await healthUntil(200, 30_000);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ status: 'ok', up: true, components: { database: { up: true }, eventStore: { up: true, adapter: 'postgresql' } } });

    await database!.stop();
    const down = await healthUntil(503, 10_000);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'degraded', up: false, components: { database: { up: false, detail: 'database unreachable' } } });
    expect((await api.request('GET', '/health/ready')).status).toBe(503);
    expect((await api.request('GET', '/health/live')).status).toBe(200);

    database = await startEmbeddedPostgresProcess({ dataDir, port });
    const back = await healthUntil(200, 30_000);
    expect(back.status).toBe(200);
    expect((back.body as { components: Record<string, unknown> }).components.database).toEqual({ up: true });
    expect((await api.request('GET', '/health/ready')).status).toBe(200);
  }, 120_000);
});
