import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@samvirke/event-store';
import { createLogger, loadConfig } from '@samvirke/platform';
import type { Projection } from '@samvirke/projections';
import { createApiApp } from '../../../apps/api/src/bootstrap';
import { READ_MODEL_PROJECTIONS } from '@samvirke/read-models';
import { testCitizen } from '../../support/citizens';
import { createOwnDatabase, type OwnDatabase } from '../../support/own-database';
import { testPrivacyConfig } from '../../support/test-app';
import { createTestAuth, type TestUser } from '../../support/tokens';
import { caseIdOfCitizen } from '../../support/referrals';

/**
 * One projection cannot apply one event: it stops at that event and says so on /health, while the
 * other projections go past it (their read-your-writes endpoints answer) and writes go on.
 */
const coordinator: TestUser = { userId: 'fault-proj-coord', agency: 'BIF', roles: ['coordinator'] };
const POISON_NAME = 'fault-poison';

/** Records every case event it sees, and throws on the InformationShared event of one entry. */
function poisonProjection(poisonEntryId: string): Projection {
  return {
    name: POISON_NAME,
    version: 1,
    streamPrefixes: ['case-'],
    schemaSql: 'CREATE TABLE fault_poison_seen (event_id uuid PRIMARY KEY, event_type text NOT NULL)',
    tables: ['fault_poison_seen'],
    async apply(events, db) {
      for (const event of events) {
        if (event.type === 'InformationShared' && (event.data as { entryId?: string }).entryId === poisonEntryId) {
          throw new Error('this projection cannot apply this entry (test poison)');
        }
        await db.query('INSERT INTO fault_poison_seen (event_id, event_type) VALUES ($1, $2)', [event.id, event.type]);
      }
    },
  };
}

describe('a projection that throws on one event', () => {
  const poisonEntryId = randomUUID();
  let database: OwnDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let store: EventStore;
  let pool: Pool;
  const auth = createTestAuth();

  beforeAll(async () => {
    database = await createOwnDatabase('fault_projection');
    const config = { ...loadConfig({ RATE_LIMIT_PER_MINUTE: '100000', DATABASE_URL: database.url, LOG_LEVEL: 'silent' }), port: 0 };
    app = await createApiApp({
      config,
      connectionString: database.url,
      logger: createLogger('silent'),
      authConfig: auth.authConfig,
      privacyConfig: testPrivacyConfig(),
      projections: [...READ_MODEL_PROJECTIONS, poisonProjection(poisonEntryId)],
    });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    store = app.get<EventStore>(EVENT_STORE);
    pool = new Pool({ connectionString: database.url, max: 2 });
    // The database is dropped with FORCE at the end; a terminated idle connection must not fail the run.
    pool.on('error', () => undefined);
  });
  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await database?.drop();
  });

  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { authorization: `Bearer ${await auth.token(coordinator)}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  const share = (caseId: string, entryId: string) =>
    call('POST', `/cases/${caseId}/entries`, {
      entryId,
      sharedWith: ['SOF'],
      legalBasis: 'RPL115-1-1',
      purpose: 'crime-prevention',
      sensitivity: 'normal',
      summary: 'Projektionsfejltest',
    });

  it('stops that projection at the event and reports it; the others and the writes go on', async () => {
    const citizen = testCitizen();
    const opened = await call('POST', '/cases', {
      cpr: citizen.cpr,
      name: citizen.name,
      birthDate: citizen.birthDate,
      districtCode: 'NORREBRO-1',
      reason: 'Fejltest projektion',
    });
    expect(opened.status).toBe(202);
    const caseId = await caseIdOfCitizen(citizen.cpr, database.url);
    expect((await call('POST', `/cases/${caseId}/agencies/SOF`, {})).status).toBe(201);
    const before = randomUUID();
    const after = randomUUID();
    expect((await share(caseId, before)).status).toBe(201);
    expect((await share(caseId, poisonEntryId)).status).toBe(201);
    expect((await share(caseId, after)).status).toBe(201);

    const events: RecordedEvent[] = await store.readStream(`case-${caseId}`);
    const poisonEvent = events.find((event) => (event.data as { entryId?: string }).entryId === poisonEntryId)!;
    const eventOf = (entryId: string) => events.find((event) => (event.data as { entryId?: string }).entryId === entryId)!;

    // /health names the projection and the event it stopped at, within a bound.
    let health: { status: number; body: any } | undefined;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      health = await call('GET', '/health');
      if (String(health.body?.components?.projections?.detail ?? '').includes(poisonEvent.id)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(health?.status).toBe(503);
    expect(health?.body.components.projections).toEqual({ up: false, detail: expect.stringContaining(`${POISON_NAME} stopped at event ${poisonEvent.id}`) });
    expect(health?.body.components.database.up).toBe(true);
    const state = await pool.query('SELECT status, failed_event_id FROM projection_state WHERE name = $1', [POISON_NAME]);
    expect(state.rows[0]).toEqual({ status: 'failed', failed_event_id: poisonEvent.id });

    // It stopped exactly there: the event before is in its table, the poison and everything after are not.
    const seen = new Set((await pool.query<{ event_id: string }>('SELECT event_id FROM read_models.fault_poison_seen')).rows.map((row) => row.event_id));
    expect(seen.has(eventOf(before).id)).toBe(true);
    expect(seen.has(poisonEvent.id)).toBe(false);
    expect(seen.has(eventOf(after).id)).toBe(false);

    // Writes still succeed, and the other read models follow them (read-your-writes answers 200).
    const later = randomUUID();
    const written = await share(caseId, later);
    expect(written.status).toBe(201);
    const timeline = await call('GET', `/cases/${caseId}/timeline?consistentWith=${written.body.position}&limit=200`);
    expect(timeline.status).toBe(200);
    for (const entryId of [poisonEntryId, after, later]) expect(JSON.stringify(timeline.body)).toContain(entryId);
    const summary = await call('GET', `/cases/${caseId}?consistentWith=${written.body.position}`);
    expect(summary.status).toBe(200);
    const states = await pool.query<{ name: string; status: string }>('SELECT name, status FROM projection_state WHERE name <> $1 ORDER BY name', [
      POISON_NAME,
    ]);
    expect(states.rows).toEqual(READ_MODEL_PROJECTIONS.map((p) => ({ name: p.name, status: 'running' })).sort((a, b) => a.name.localeCompare(b.name)));
  }, 60_000);
});
