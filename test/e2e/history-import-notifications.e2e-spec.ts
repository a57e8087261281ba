import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseEnv } from '../support/api-process';
import { runCli } from '../support/cli-process';
import { testCitizen } from '../support/citizens';
import { historyCsv } from '../support/history-generator';
import { testCprHmacSecretHex } from '../support/test-privacy';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { caseIdOfCitizen } from '../support/referrals';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/tokens';
import { eventually } from './notifications/receivers';

/**
 * Imported history is old news: `npm run cli -- import-history` records what happened years ago, and
 * nobody's inbox (nor mail, nor webhook) hears of it as if it were new. A share made over HTTP after
 * the import notifies as always. The events of the import say so in their metadata
 * (systemPurpose: 'history-import'); the notification projection makes nothing of them.
 */
describe('imported history notifies nobody (e2e)', () => {
  const suffix = randomUUID().slice(0, 8);
  const coordinator: TestUser = { userId: `coord-imp-${suffix}`, agency: 'BIF', roles: ['coordinator'] };
  const social: TestUser = { userId: `sof-imp-${suffix}`, agency: 'SOF', roles: ['liaison'] };
  const citizen = testCitizen(2002);
  const importedEntry = randomUUID();
  const importedRequest = randomUUID();
  const dataDir = mkdtempSync(join(tmpdir(), 'samvirke-history-notifications-'));
  const file = join(dataDir, 'history.csv');
  let database: OwnDatabase;
  let app: TestApp | undefined;

  beforeAll(async () => {
    database = await createOwnDatabase('history_notifications');
    const cpr = citizen.cpr;
    writeFileSync(
      file,
      historyCsv([
        {
          cpr,
          agency: 'BIF',
          command: 'OpenCase',
          data: { name: citizen.name, birthDate: citizen.birthDate, districtCode: 'VALBY-2', reason: 'Historisk sag', openedOn: '2019-02-01' },
        },
        { cpr, agency: 'BIF', command: 'AssignCoordinator', data: { coordinatorId: coordinator.userId, agency: 'BIF' } },
        { cpr, agency: 'BIF', command: 'JoinCase', data: { agency: 'SOF' } },
        {
          cpr,
          agency: 'BIF',
          command: 'ShareInformation',
          data: {
            entryId: importedEntry,
            fromAgency: 'BIF',
            sharedWith: ['SOF'],
            legalBasis: 'RPL115-1-1',
            purpose: 'crime-prevention',
            sensitivity: 'normal',
            summary: 'Oplysninger fra det gamle system',
            sharedOn: '2019-03-04',
          },
        },
        {
          cpr,
          agency: 'BIF',
          command: 'RequestInformation',
          data: {
            requestId: importedRequest,
            fromAgency: 'BIF',
            toAgency: 'SOF',
            question: 'Hvad skete der i 2019?',
            dueDate: '2019-03-18',
            legalBasis: 'RPL115-1-1',
            requestedOn: '2019-03-04',
          },
        },
      ]),
    );
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('puts no imported share or request in the receiving agency’s inbox, and a share over HTTP after it does', async () => {
    const imported = await runCli(['import-history', file], {
      ...baseEnv(),
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      // The run's secret and keyring, as the app's: the test finds the imported case from the CPR number,
      // and the app seals new text for the citizen whose key the import made.
      CPR_HMAC_SECRET: testCprHmacSecretHex(),
      ...(process.env.TEST_MASTER_KEYS ? { MASTER_KEYS: process.env.TEST_MASTER_KEYS } : {}),
    });
    expect(imported.stdout.split('\n')[0]).toMatch(/^imported 5 rows for 1 citizens in [\d.]+ s; 0 were already there; 0 refused$/);
    expect(imported.code).toBe(0);

    app = await startTestApp({ databaseUrl: database.url });
    const caseId = await caseIdOfCitizen(citizen.cpr, database.url);
    const liveEntry = randomUUID();
    const shared = await app.request('POST', `/cases/${caseId}/entries`, {
      user: coordinator,
      body: { entryId: liveEntry, sharedWith: ['SOF'], legalBasis: 'RPL115-1-1', purpose: 'crime-prevention', sensitivity: 'normal', summary: 'Ny oplysning' },
    });
    expect(shared.status).toBe(201);

    // The live share comes after the imported events in the log: once it is in SOF's inbox, they have been through the projection too.
    const items = await eventually(
      async () => {
        const response = await app!.request('GET', `/notifications?caseId=${caseId}&limit=200`, { user: social });
        expect(response.status).toBe(200);
        const found = response.body.items as any[];
        return found.some((item) => item.entryId === liveEntry) ? found : undefined;
      },
      20_000,
      'the live share in SOF’s inbox',
    );
    expect(items.map((item) => [item.kind, item.entryId ?? item.requestId ?? null])).toEqual([['information-shared', liveEntry]]);
    const coordinatorInbox = await app.request('GET', `/notifications?caseId=${caseId}&limit=200`, { user: coordinator });
    expect(coordinatorInbox.body.items).toEqual([]);

    // The case summary and the list show the real-world day the imported case was opened, beside the recorded openedAt.
    const summary = await app.request('GET', `/cases/${caseId}?consistentWith=${shared.body.position}`, { user: coordinator });
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ caseId, openedOn: '2019-02-01' });
    expect(summary.body.openedAt).not.toMatch(/^2019/);
    const list = await app.request('GET', `/cases?coordinator=${coordinator.userId}&consistentWith=${shared.body.position}`, {
      user: coordinator,
    });
    expect(list.body.items).toEqual([expect.objectContaining({ caseId, openedOn: '2019-02-01' })]);
  }, 300_000);
});
