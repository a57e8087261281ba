import { Pool } from 'pg';
import { caseStreamId } from '@samvirke/case/application/case-identity';
import type { Sealed } from '@samvirke/case';
import { PostgresEventStore } from '@samvirke/event-store/postgres';
import { PersonalDataVault } from '@samvirke/privacy';
import { loadReferenceData } from '@samvirke/reference-data';
import { testDatabaseUrl } from '../../../test/support/test-database';
import { testPrivacyConfig } from '../../../test/support/test-app';
import { generateDemoCaseLoad } from './demo-scenario';
import { seedDemoData } from './seed-demo-data';
import { migrateDatabase } from '@samvirke/migrations';

const refData = loadReferenceData();
const until = new Date('2026-11-25T18:00:00Z');
const CASES = 25;
const SEED = 42;

describe('seeding the demo case load (PostgreSQL)', () => {
  let store: PostgresEventStore;
  let pool: Pool;
  // A privacy config of this test's own: the CPR hashes, hence the case ids, are new to the database.
  let vault: PersonalDataVault;

  beforeAll(async () => {
    store = new PostgresEventStore({ connectionString: testDatabaseUrl(), maxConnections: 4 });
    await migrateDatabase(testDatabaseUrl());
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
    vault = new PersonalDataVault(pool, testPrivacyConfig());
  });

  afterAll(async () => {
    await store.close();
    await pool.end();
  });

  const citizens = generateDemoCaseLoad({ cases: CASES, seed: SEED, until, refData });
  // Through the CPR lookup, as the seeder found them (the same ids again: the rows exist).
  const streamIds = () => Promise.all(citizens.map(async (c) => caseStreamId(await vault.caseIdOfCitizen(c.cpr))));

  it('writes every case to its case- stream, one event or more per step, sealed', async () => {
    const progress: number[] = [];
    const result = await seedDemoData({ store, vault, cases: CASES, seed: SEED, until, refData, onProgress: (p) => progress.push(p.casesDone) });

    expect(result.cases).toBe(CASES);
    expect(result.skippedExisting).toBe(0);
    expect(progress.at(-1)).toBe(CASES);
    let total = 0;
    for (const [index, streamId] of (await streamIds()).entries()) {
      expect(streamId.startsWith('case-')).toBe(true);
      const events = await store.readStream(streamId);
      expect(events[0].type).toBe('CaseOpened');
      expect(events.length).toBeGreaterThanOrEqual(citizens[index].steps.length);
      expect(events[0].metadata).toMatchObject({ actor: citizens[index].steps[0].actor.userId, agency: citizens[index].steps[0].actor.agency });
      total += events.length;
    }
    expect(result.events).toBe(total);

    // The name is in the store, sealed: the vault opens it back to the synthetic name.
    const [opened] = await store.readStream((await streamIds())[0], { maxCount: 1 });
    const sealedName = (opened.data as { name: Sealed }).name;
    await expect(vault.open(sealedName)).resolves.toEqual({ status: 'available', value: citizens[0].name });
  });

  it('stores no name or CPR number in clear text', async () => {
    const { rows } = await pool.query<{ text: string }>('SELECT data::text AS text FROM es_events WHERE stream_id = ANY($1)', [await streamIds()]);
    expect(rows.length).toBeGreaterThan(CASES);
    const stored = rows.map((r) => r.text).join('\n');
    for (const citizen of citizens) {
      expect(stored).not.toContain(citizen.name);
      expect(stored).not.toContain(citizen.cpr);
      expect(stored).not.toContain(citizen.cpr.replace('-', ''));
    }
  });

  it('appends nothing when the same seed runs again', async () => {
    const { rows: before } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM es_events WHERE stream_id = ANY($1)', [await streamIds()]);
    const again = await seedDemoData({ store, vault, cases: CASES, seed: SEED, until, refData });
    expect(again).toEqual({ cases: 0, events: 0, skippedExisting: CASES });
    const { rows: after } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM es_events WHERE stream_id = ANY($1)', [await streamIds()]);
    expect(after[0].n).toBe(before[0].n);
  });
});
