import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseEnv, startApiProcess, waitForHttp, type ApiProcess } from '../support/api-process';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';

/**
 * The typed client is generated from the OpenAPI document written offline (Nest's preview mode, no
 * database: apps/api/src/openapi-document.ts). It is only worth anything if that document is the one
 * the running API serves: the built API (as `npm start` runs it) is compared with the offline writer.
 */
describe('the OpenAPI document written offline for the typed client', () => {
  let database: OwnDatabase;
  let api: ApiProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'samvirke-openapi-'));

  beforeAll(async () => {
    database = await createOwnDatabase('openapi_doc');
  });
  afterAll(async () => {
    if (api && api.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is the document the running API serves at /docs/openapi.json', async () => {
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    api = startApiProcess({ ...baseEnv(), DATABASE_URL: database.url, PORT: port, DATA_DIR: dataDir, DEMO_DATA: 'false', LOG_LEVEL: 'warn' });
    const served = await (await waitForHttp(`http://127.0.0.1:${port}/docs/openapi.json`, 60_000, api)).json();
    const writer = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'openapi-document.js');
    const offline: unknown = JSON.parse(execFileSync(process.execPath, [writer], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    expect(offline).toEqual(served);
    expect(Object.keys((served as { paths: object }).paths).length).toBeGreaterThan(50);
  }, 90_000);
});
