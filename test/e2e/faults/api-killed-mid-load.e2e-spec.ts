import { Pool } from 'pg';
import { PostgresEventStore } from '@samvirke/event-store/postgres';
import { comparePositions, type RecordedEvent } from '@samvirke/event-store';
import { ProjectionRunner } from '@samvirke/projections';
import { PersonalDataVault, openingEventStore } from '@samvirke/privacy';
import { testPrivacyConfig } from '../../support/test-privacy';
import { READ_MODEL_PROJECTIONS } from '@samvirke/read-models';
import { createApiChild, openCasesForLoad, type ApiChild } from '../../support/api-child';
import { createOwnDatabase, type OwnDatabase } from '../../support/own-database';
import type { TestUser } from '../../support/tokens';
import { describeOutcomes, isAcknowledged, isRefused, isUncertain, runWriteLoad, type LedgerEntry } from '../../support/write-load';
import { findLedgerViolations } from '../../support/write-ledger-check';
import { snapshotReadModels } from '../../support/read-model-snapshot';

/**
 * kill -9 of the API in the middle of a load of writes, then a restart on the same database:
 * what was answered 2xx is stored exactly once, nothing is stored half, retries with the same
 * Idempotency-Key settle every write that got no answer, and the projections, resumed from their
 * checkpoints, hold exactly the rows a clean rebuild from position 0 produces.
 */
const coordinator: TestUser = { userId: 'fault-coord', agency: 'BIF', roles: ['coordinator'] };
const CASES = 6;
const CONCURRENCY = 12;
/** The plug is pulled once this many writes were acknowledged, with others still in flight. */
const KILL_AFTER_ACKNOWLEDGED = 80;

describe('the API killed with SIGKILL in the middle of writes', () => {
  let database: OwnDatabase;
  let api: ApiChild;
  let store: PostgresEventStore;
  let pool: Pool;

  beforeAll(async () => {
    database = await createOwnDatabase('fault_kill');
    api = await createApiChild({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await api?.dispose();
    await store?.close().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    await database?.drop();
  });

  async function send(entry: { method: string; path: string; body: unknown; idempotencyKey: string }): Promise<number> {
    const answer = await api.request(entry.method, entry.path, { user: coordinator, body: entry.body, headers: { 'Idempotency-Key': entry.idempotencyKey } });
    return answer.status;
  }

  async function readCaseStreams(caseIds: string[]): Promise<Map<string, RecordedEvent[]>> {
    const streams = new Map<string, RecordedEvent[]>();
    for (const caseId of caseIds) streams.set(`case-${caseId}`, await store.readStream(`case-${caseId}`));
    return streams;
  }

  it('keeps every acknowledged write exactly once, none half, and the read models equal a rebuild', async () => {
    await api.start();
    const caseIds = await openCasesForLoad(api, coordinator, CASES, 'NORREBRO-1');

    // The load: the child is killed from inside the load, at an answer, so other writes are in flight.
    let killed: Promise<void> | undefined;
    const ledger = await runWriteLoad({
      caseIds,
      concurrency: CONCURRENCY,
      maxDurationMs: 30_000,
      send,
      shouldStop: () => killed !== undefined,
      onOutcome: (entries) => {
        if (killed || entries.filter(isAcknowledged).length < KILL_AFTER_ACKNOWLEDGED) return;
        killed = api.stop('SIGKILL');
      },
    });
    await killed;
    expect(killed).toBeDefined();
    const outcomes = describeOutcomes(ledger);
    // A load that never reached the kill point, or was refused wholesale, would prove nothing.
    expect(ledger.filter(isAcknowledged).length).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);
    expect(ledger.filter(isUncertain).length).toBeGreaterThan(0);
    expect({ outcomes, refused: ledger.filter(isRefused).map((e) => e.outcome) }).toEqual({ outcomes, refused: [] });

    await api.start();
    store = new PostgresEventStore({ connectionString: database.url, maxConnections: 4, application: 'fault-test' });
    pool = new Pool({ connectionString: database.url, max: 4 });
    // The database is dropped with FORCE at the end; a terminated idle connection must not fail the run.
    pool.on('error', () => undefined);

    // Right after the restart, before any retry: the store already keeps every promise.
    expect(findLedgerViolations(ledger, await readCaseStreams(caseIds))).toEqual([]);

    // Retrying what got no answer, with the same key and body, settles it: replayed or applied, once.
    const uncertain = ledger.filter(isUncertain);
    const retried: LedgerEntry[] = [];
    for (const entry of uncertain) retried.push({ ...entry, outcome: { kind: 'answered', status: await send(entry) } });
    expect(retried.filter((entry) => !isAcknowledged(entry)).map((entry) => entry.outcome)).toEqual([]);
    const settled = [...ledger.filter((entry) => !isUncertain(entry)), ...retried];
    expect(findLedgerViolations(settled, await readCaseStreams(caseIds))).toEqual([]);

    // Projections resume from their checkpoints and reach the head of the log...
    // The target is the last event written, not the store's head: the head is the visibility
    // horizon, which an open transaction anywhere on the server holds back.
    const runner = new ProjectionRunner({
      eventStore: openingEventStore(store, new PersonalDataVault(pool, testPrivacyConfig())),
      pool,
      projections: READ_MODEL_PROJECTIONS,
    });
    const lastWritten = [...(await readCaseStreams(caseIds)).values()]
      .flat()
      .map((event) => event.globalPosition)
      .sort(comparePositions)
      .at(-1);
    expect(lastWritten).toBeDefined();
    // Generous: on a loaded 2-core CI machine the catch-up after the restart competes with other suites.
    expect(await runner.waitForPosition(runner.projectionNames, lastWritten!, 90_000)).toBe(true);
    await api.stop('SIGTERM');

    // ...and hold the rows a rebuild from position 0 gives (rebuild swaps in a new generation).
    const live = await snapshotReadModels(pool, READ_MODEL_PROJECTIONS);
    expect(Object.values(live).some((rows) => rows.length > 0)).toBe(true);
    for (const name of runner.projectionNames) await runner.rebuild(name);
    expect(await snapshotReadModels(pool, READ_MODEL_PROJECTIONS)).toEqual(live);
  }, 120_000);
});
