import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore } from '@samvirke/event-store/postgres';
import { caseStreamId } from '@samvirke/case/application/case-identity';
import { verifyAll, verifyStream } from '@samvirke/audit/tamper-evidence/hash-chain-verification';
import { migrateDatabase } from '@samvirke/migrations';
import { createOwnDatabase, type OwnDatabase } from '../../../../test/support/own-database';
import { testPrivacyConfig } from '../../../../test/support/test-privacy';
import { openCaseOpened } from '../vault/opening-event-store';
import { PersonalDataVault } from '../vault/personal-data-vault';
import { resealCaseOpenedEvents } from './reseal-store';

/**
 * Issue 21: old CaseOpened events (keyed CPR hash, birth date and district in clear) rewritten through
 * the upcaster in a store of this test's own, the chain re-computed and verified; the opened values are
 * the old ones, an erased citizen's are dropped. Seen failing with the re-chaining left out (the
 * chain no longer verified).
 */
describe('resealCaseOpenedEvents (PostgreSQL, a store of its own)', () => {
  let database: OwnDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let vault: PersonalDataVault;

  beforeAll(async () => {
    database = await createOwnDatabase('reseal');
    await migrateDatabase(database.url);
    pool = new Pool({ connectionString: database.url, max: 2 });
    // A client still closing when the database is dropped WITH (FORCE) reports 57P01: not a failure.
    pool.on('error', () => undefined);
    store = new PostgresEventStore({ connectionString: database.url, maxConnections: 2 });
    vault = new PersonalDataVault(pool, testPrivacyConfig());
  });
  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await database?.drop();
  });

  /** A stream as it was written before issue 21, with a later event so the chain runs past the rewrite. */
  async function oldCase(options: { erased: boolean }): Promise<string> {
    const caseId = randomUUID();
    const name = await vault.seal({ citizenId: caseId, agency: 'BIF' }, 'Gammel Borger');
    const metadata = { actor: 'test', agency: 'BIF', correlationId: randomUUID() };
    const opened = {
      citizenId: caseId,
      cprHash: 'ab'.repeat(32),
      name,
      cpr: name,
      birthDate: '2004-03-09',
      districtCode: 'NORREBRO-1',
      referredBy: 'BIF',
      reason: name,
      openedAt: '2025-01-01T09:00:00.000Z',
    };
    const events = [
      { id: randomUUID(), type: 'CaseOpened', schemaVersion: 1, data: opened, metadata },
      { id: randomUUID(), type: 'CaseClosed', schemaVersion: 1, data: { reason: 'goals-achieved', closedAt: '2025-06-01T09:00:00.000Z' }, metadata },
    ];
    if (options.erased) {
      events.push({
        id: randomUUID(),
        type: 'CitizenDataErased',
        schemaVersion: 1,
        data: { scope: 'citizen', reason: 'erasure-request', by: 'test', erasedAt: '2025-07-01T09:00:00.000Z' } as never,
        metadata,
      });
    }
    await store.appendToStream(caseStreamId(caseId), events, 'no-stream');
    if (options.erased) await vault.eraseSubject(caseId, { agency: 'all' }, 'test', 'erasure-request');
    return caseId;
  }

  it('removes the hash, seals birth date and district (drops them once erased), re-chains, and the chain verifies', async () => {
    const live = await oldCase({ erased: false });
    const erased = await oldCase({ erased: true });

    const result = await resealCaseOpenedEvents(pool, vault);

    expect(result).toEqual({ rewritten: 2, erased: 1, rechained: 5 });
    expect(await verifyAll(pool)).toMatchObject({ ok: true });
    for (const caseId of [live, erased]) expect(await verifyStream(pool, caseStreamId(caseId))).toMatchObject({ ok: true });

    const [liveOpened] = await store.readStream(caseStreamId(live));
    expect(Object.keys(liveOpened.data as object)).not.toEqual(expect.arrayContaining(['cprHash']));
    expect(liveOpened.data).not.toHaveProperty('birthDate');
    expect(liveOpened.data).not.toHaveProperty('districtCode');
    expect((await openCaseOpened(liveOpened, vault)).data).toMatchObject({ birthDate: '2004-03-09', districtCode: 'NORREBRO-1' });

    const [erasedOpened] = await store.readStream(caseStreamId(erased));
    const text = JSON.stringify(erasedOpened.data);
    for (const gone of ['cprHash', 'birthDate', 'districtCode', 'sealedBirthDate', '2004-03-09', 'NORREBRO-1']) expect(text).not.toContain(gone);

    // A second run finds nothing left to rewrite, and appends after it chain on.
    expect(await resealCaseOpenedEvents(pool, vault)).toEqual({ rewritten: 0, erased: 0, rechained: 0 });
    await store.appendToStream(
      caseStreamId(live),
      [{ id: randomUUID(), type: 'CaseReopened', schemaVersion: 1, data: {}, metadata: { actor: 't', correlationId: 'c' } }],
      'any',
    );
    expect(await verifyAll(pool)).toMatchObject({ ok: true });
  });
});
