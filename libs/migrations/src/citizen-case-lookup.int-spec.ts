import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { QueryRunner } from 'typeorm';
import { PostgresEventStore } from '@samvirke/event-store/postgres/postgres-event-store';
import type { NewEvent } from '@samvirke/event-store';
import { createOwnDatabase, type OwnDatabase } from '../../../test/support/own-database';
import { migrateDatabase } from './migrate-database';
import { CitizenCaseLookup1796545097955 } from './migrations/1796545097955-citizen-case-lookup';

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: { actor: 'migration-test', agency: 'BIF', correlationId: randomUUID() },
});

const opened = (caseId: string, cprHash?: string) =>
  event('CaseOpened', {
    citizenId: caseId,
    ...(cprHash ? { cprHash } : {}),
    name: { sealed: 'x' },
    cpr: { sealed: 'x' },
    birthDate: '2004-01-01',
    districtCode: 'NORREBRO-1',
    referredBy: 'BIF',
    reason: { sealed: 'x' },
    openedAt: '2026-01-01T09:00:00.000Z',
  });

/** The CPR lookup's migration backfills from old streams' CaseOpened, leaving out erased citizens. */
describe('migration 1796545097955: the CPR lookup, backfilled from old CaseOpened events', () => {
  let database: OwnDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createOwnDatabase('lookup_migration');
    await migrateDatabase(database.url);
    pool = new Pool({ connectionString: database.url, max: 2 });
    // An idle client ended by the server (the database dropped at the end; seen once in CI as an
    // unhandled 57P01 error) is no failure of this test: the assertions are on query answers.
    pool.on('error', () => undefined);
    store = new PostgresEventStore({ connectionString: database.url, maxConnections: 2 });
  });
  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await database?.drop();
  });

  it("maps each old hash to its case, not an erased citizen's, not a new stream without a hash; running it again changes nothing", async () => {
    const [kept, erased, fresh] = [randomUUID(), randomUUID(), randomUUID()];
    const [keptHash, erasedHash] = [randomBytes(32).toString('hex'), randomBytes(32).toString('hex')];
    await store.appendToStream(`case-${kept}`, [opened(kept, keptHash)], 'no-stream');
    await store.appendToStream(
      `case-${erased}`,
      [opened(erased, erasedHash), event('CitizenDataErased', { scope: 'citizen', reason: 'erasure-request', by: 'u', erasedAt: '2026-02-01T09:00:00.000Z' })],
      'no-stream',
    );
    await store.appendToStream(`case-${fresh}`, [opened(fresh)], 'no-stream');
    await store.appendToStream(`other-${randomUUID()}`, [opened(randomUUID(), randomBytes(32).toString('hex'))], 'no-stream');

    const runner = { query: (sql: string) => pool.query(sql) } as unknown as QueryRunner;
    await new CitizenCaseLookup1796545097955().up(runner);
    await new CitizenCaseLookup1796545097955().up(runner);

    const { rows } = await pool.query<{ cpr_hash: string; case_id: string }>('SELECT cpr_hash, case_id FROM citizen_case_lookup');
    expect(rows).toEqual([{ cpr_hash: keptHash, case_id: kept }]);
  });
});
