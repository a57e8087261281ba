import { testPrivacyConfig } from '../../../../test/support/test-privacy';
import { Pool } from 'pg';
import { PostgresEventStore } from '@samvirke/event-store/postgres';
import type { InformationShared } from '@samvirke/case';
import { caseStreamId } from '@samvirke/case/application/case-identity';
import { loadReferenceData } from '@samvirke/reference-data';
import { testDatabaseUrl } from '../../../../test/support/test-database';
import type { Sealed } from '../encryption/sealed-value';
import { PersonalDataVault } from '../vault/personal-data-vault';
import { CaseGate } from '@samvirke/commands';
import { ErasureService } from '../erasure/erasure.service';
import { writeSealedTestCase, type SealedTestCase } from '../erasure/sealed-test-case';
import type { CaseDirectory } from './case-directory';
import { PostgresCaseDirectory } from './case-directory';
import { PostgresLiveKeyInventory } from './live-key-inventory';
import { loadRetentionPolicy } from './retention-policy';
import { RETENTION_ACTOR, RetentionJob, type RetentionReport } from './retention.job';
import { migrateDatabase } from '@samvirke/migrations';

// The run's shared test keys: other test files' apps read these cases too.
const config = testPrivacyConfig();
const referenceData = loadReferenceData();

/**
 * The job with a controlled `now`. Each test lists only its own cases (the database is shared by the
 * run's other tests), through a directory restricted to them; the PostgreSQL directory itself is
 * checked separately.
 */
describe('RetentionJob (PostgreSQL)', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  let vault: PersonalDataVault;
  let erasure: ErasureService;
  const clock = { now: () => new Date('2031-01-01T00:00:00Z') };

  beforeAll(async () => {
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
    store = new PostgresEventStore({ connectionString: testDatabaseUrl(), maxConnections: 4 });
    await migrateDatabase(testDatabaseUrl());
    vault = new PersonalDataVault(pool, config, { clock });
    erasure = new ErasureService(new CaseGate(store, referenceData, clock), vault, clock);
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
  });

  const only = (cases: SealedTestCase[]): CaseDirectory => ({
    async *listCaseIds() {
      for (const c of cases) yield c.caseId;
    },
  });
  const job = (cases: SealedTestCase[], policyJson?: string) =>
    new RetentionJob({
      store,
      directory: only(cases),
      keys: new PostgresLiveKeyInventory(pool),
      erasure,
      policy: loadRetentionPolicy({ RETENTION_POLICY: policyJson }, referenceData.agencies),
      agencies: referenceData.agencies,
    });
  const statuses = async (fixture: SealedTestCase) => {
    const events = await store.readStream(caseStreamId(fixture.caseId));
    const name = (events.find((e) => e.type === 'CaseOpened')!.data as { name: Sealed }).name;
    const police = (events.find((e) => e.type === 'InformationShared')!.data as InformationShared['data']).summary;
    const [citizen, policeEntry] = await new PersonalDataVault(pool, config).openMany([name, police]);
    return { municipal: citizen.status, police: policeEntry.status, events: events.map((e) => e.type) };
  };
  const ids = (items: RetentionReport['erased']) => items.map((i) => `${i.caseId}:${i.scope}`).sort();

  const opened = new Date('2020-01-01T09:00:00Z');
  const now = new Date('2026-06-01T00:00:00Z');

  async function scenario() {
    const expired = await writeSealedTestCase(store, vault, { openedAt: opened, closedAt: new Date('2021-03-01T09:00:00Z') });
    const held = await writeSealedTestCase(store, vault, {
      openedAt: opened,
      closedAt: new Date('2021-03-01T09:00:00Z'),
      holdAt: new Date('2022-01-01T09:00:00Z'),
    });
    const unexpired = await writeSealedTestCase(store, vault, { openedAt: opened, closedAt: new Date('2022-01-01T09:00:00Z') });
    const open = await writeSealedTestCase(store, vault, { openedAt: opened });
    return { expired, held, unexpired, open, all: [expired, held, unexpired, open] };
  }

  it('erases expired cases (5 years after closing), keeps held, unexpired and open ones, and says so', async () => {
    const { expired, held, unexpired, open, all } = await scenario();

    const report = await job(all).run({ now, dryRun: false });

    expect(report.dryRun).toBe(false);
    expect(report.casesChecked).toBe(4);
    expect(ids(report.erased)).toEqual([`${expired.caseId}:citizen`]);
    expect(ids(report.held)).toEqual([`${held.caseId}:citizen`]);
    expect(report.kept).toEqual([{ caseId: unexpired.caseId, until: '2027-01-01T09:00:00.000Z' }]);
    expect(report.failed).toEqual([]);

    expect(await statuses(expired)).toMatchObject({ municipal: 'erased', police: 'erased' });
    const erasedEvent = (await store.readStream(caseStreamId(expired.caseId))).at(-1)!;
    expect(erasedEvent).toMatchObject({ type: 'CitizenDataErased', data: { scope: 'citizen', reason: 'retention-expired', by: RETENTION_ACTOR } });
    for (const kept of [held, unexpired, open]) {
      expect(await statuses(kept)).toMatchObject({ municipal: 'available', police: 'available' });
      expect((await statuses(kept)).events).not.toContain('CitizenDataErased');
    }
  });

  it('changes nothing in a dry run, but lists what would go', async () => {
    const { expired, held, all } = await scenario();
    const lengths = await Promise.all(all.map(async (c) => (await store.readStream(caseStreamId(c.caseId))).length));

    const report = await job(all).run({ now, dryRun: true });

    expect(report.dryRun).toBe(true);
    expect(ids(report.erased)).toEqual([`${expired.caseId}:citizen`]);
    expect(ids(report.held)).toEqual([`${held.caseId}:citizen`]);
    expect(await Promise.all(all.map(async (c) => (await store.readStream(caseStreamId(c.caseId))).length))).toEqual(lengths);
    expect(await statuses(expired)).toMatchObject({ municipal: 'available', police: 'available' });
  });

  it("erases only an agency's key when that agency's shorter period has passed", async () => {
    // Closed 2022-01-01: the police's 3 years have passed on 2026-06-01, the default 5 years have not.
    const fixture = await writeSealedTestCase(store, vault, { openedAt: opened, closedAt: new Date('2022-01-01T09:00:00Z') });
    const policy = '{"default":"P5Y","agencies":{"KBH-POLITI":"P3Y"}}';

    const report = await job([fixture], policy).run({ now, dryRun: false });

    expect(ids(report.erased)).toEqual([`${fixture.caseId}:KBH-POLITI`]);
    expect(await statuses(fixture)).toMatchObject({ municipal: 'available', police: 'erased' });
    // The next run has nothing left to do for the police, and keeps the rest until the default period ends.
    const again = await job([fixture], policy).run({ now, dryRun: false });
    expect(again.erased).toEqual([]);
    expect(again.kept).toEqual([{ caseId: fixture.caseId, until: '2027-01-01T09:00:00.000Z' }]);
    // When the default period has passed, the citizen scope follows.
    const later = await job([fixture], policy).run({ now: new Date('2027-01-02T00:00:00Z'), dryRun: false });
    expect(ids(later.erased)).toEqual([`${fixture.caseId}:citizen`]);
    expect(await statuses(fixture)).toMatchObject({ municipal: 'erased', police: 'erased' });
  });

  it('keeps everything while a longer agency period runs: the citizen-wide erasure waits for it', async () => {
    const fixture = await writeSealedTestCase(store, vault, { openedAt: opened, closedAt: new Date('2021-03-01T09:00:00Z') });
    const report = await job([fixture], '{"categories":{"law-enforcement":"P10Y"}}').run({ now, dryRun: false });
    // BIF's default 5 years have passed: BIF's key goes, the police's stays (and so does the case).
    expect(ids(report.erased)).toEqual([`${fixture.caseId}:BIF`]);
    expect(await statuses(fixture)).toMatchObject({ municipal: 'erased', police: 'available' });
  });

  it('lists the case streams from es_streams', async () => {
    const fixture = await writeSealedTestCase(store, vault, { openedAt: opened });
    const listed: string[] = [];
    for await (const caseId of new PostgresCaseDirectory(pool).listCaseIds()) listed.push(caseId);
    expect(listed).toContain(fixture.caseId);
    expect(listed.every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
  });
});
