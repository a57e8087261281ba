import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { comparePositions, type RecordedEvent } from '@samvirke/event-store';
import { PostgresEventStore } from '@samvirke/event-store/postgres';
import { ProjectionRunner } from '@samvirke/projections';
import { PersonalDataVault, openingEventStore } from '@samvirke/privacy';
import { testPrivacyConfig } from '../../support/test-privacy';
import { freePort } from '@samvirke/platform';
import { READ_MODEL_PROJECTIONS } from '@samvirke/read-models';
import { createApiChild, openCasesForLoad, type ApiChild } from '../../support/api-child';
import { startEmbeddedPostgresProcess, type EmbeddedPostgresProcess } from '../../support/embedded-postgres-process';
import type { TestUser } from '../../support/tokens';
import { describeOutcomes, isAcknowledged, isUncertain, planCaseWrite, runWriteLoad, type LedgerEntry, type PlannedWrite } from '../../support/write-load';
import { findLedgerViolations } from '../../support/write-ledger-check';

/**
 * The database goes away under load and comes back on the same port and data folder, while the
 * API keeps running: while it is gone every write answers 503 (never 500, never hangs), the API
 * recovers by itself when it returns, nothing answered 2xx is lost, and the projections catch up.
 */
const coordinator: TestUser = { userId: 'fault-db-coord', agency: 'BIF', roles: ['coordinator'] };
const CASES = 4;
const CONCURRENCY = 8;
const STOP_AFTER_ACKNOWLEDGED = 40;
/** A request that takes longer than this while the database is down counts as hanging. */
const CLIENT_TIMEOUT_MS = 10_000;
const RECOVERY_BOUND_MS = 30_000;

describe('the database restarted under load', () => {
  const folder = mkdtempSync(join(tmpdir(), 'samvirke-fault-db-'));
  const dataDir = join(folder, 'pg');
  let port: number;
  let database: EmbeddedPostgresProcess | undefined;
  let api: ApiChild;
  let store: PostgresEventStore | undefined;
  let pool: Pool | undefined;

  beforeAll(async () => {
    port = await freePort();
    database = await startEmbeddedPostgresProcess({ dataDir, port });
    api = await createApiChild({ databaseUrl: database.connectionString });
  });
  afterAll(async () => {
    await api?.dispose();
    await store?.close().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    await database?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  async function send(write: PlannedWrite): Promise<number> {
    const answer = await api.request(write.method, write.path, {
      user: coordinator,
      body: write.body,
      headers: { 'Idempotency-Key': write.idempotencyKey },
      timeoutMs: CLIENT_TIMEOUT_MS,
    });
    return answer.status;
  }

  it('answers 503 while it is gone, recovers by itself, and loses nothing answered 2xx', async () => {
    await api.start();
    const caseIds = await openCasesForLoad(api, coordinator, CASES, 'VALBY-1');

    // Load, with the database stopped from inside it (writes in flight meet the shutdown).
    let stopping: Promise<void> | undefined;
    const beforeStop = await runWriteLoad({
      caseIds,
      concurrency: CONCURRENCY,
      maxDurationMs: 30_000,
      send,
      shouldStop: () => stopping !== undefined,
      onOutcome: (entries) => {
        if (!stopping && entries.filter(isAcknowledged).length >= STOP_AFTER_ACKNOWLEDGED) stopping = database!.stop();
      },
    });
    await stopping;
    expect(stopping).toBeDefined();
    expect(beforeStop.filter(isAcknowledged).length).toBeGreaterThanOrEqual(STOP_AFTER_ACKNOWLEDGED);

    // While it is gone: every write answers 503 within the client timeout; readiness says so too.
    const whileDown: LedgerEntry[] = await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, i) => {
        const write = planCaseWrite(caseIds[i % CASES], i);
        const started = Date.now();
        try {
          const status = await send(write);
          return { ...write, outcome: { kind: 'answered' as const, status }, tookMs: Date.now() - started };
        } catch (error) {
          return { ...write, outcome: { kind: 'no-answer' as const, error: String(error) }, tookMs: Date.now() - started };
        }
      }),
    );
    expect(whileDown.map((entry) => entry.outcome)).toEqual(whileDown.map(() => ({ kind: 'answered', status: 503 })));
    expect((await api.request('GET', '/health/ready')).status).toBe(503);

    // Back on the same port and data; the API is not restarted. Poll with real writes until one is in.
    database = await startEmbeddedPostgresProcess({ dataDir, port });
    const recovery: LedgerEntry[] = [];
    const deadline = Date.now() + RECOVERY_BOUND_MS;
    while (Date.now() < deadline && !recovery.some(isAcknowledged)) {
      const write = planCaseWrite(caseIds[recovery.length % CASES], recovery.length);
      try {
        recovery.push({ ...write, outcome: { kind: 'answered', status: await send(write) } });
      } catch (error) {
        recovery.push({ ...write, outcome: { kind: 'no-answer', error: String(error) } });
      }
      if (!recovery.some(isAcknowledged)) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const recoveryOutcomes = describeOutcomes(recovery);
    expect({ recovered: recovery.some(isAcknowledged), recoveryOutcomes }).toEqual({ recovered: true, recoveryOutcomes });
    // On the way back the API may still say 503, never 500.
    expect(recovery.filter((entry) => !isAcknowledged(entry) && !(entry.outcome.kind === 'answered' && entry.outcome.status === 503))).toEqual([]);
    expect((await api.request('GET', '/health/ready')).status).toBe(200);

    // Nothing answered 2xx is lost; the uncertain ones settle by retrying with their keys.
    store = new PostgresEventStore({ connectionString: database.connectionString, maxConnections: 4, application: 'fault-test' });
    pool = new Pool({ connectionString: database.connectionString, max: 4 });
    pool.on('error', () => undefined);
    const readStreams = async () => {
      const streams = new Map<string, RecordedEvent[]>();
      for (const caseId of caseIds) streams.set(`case-${caseId}`, await store!.readStream(`case-${caseId}`));
      return streams;
    };
    const ledger = [...beforeStop, ...whileDown, ...recovery];
    // The API itself never went away: every write got an answer, and no answer was a 5xx but 503.
    expect(
      ledger.filter((entry) => entry.outcome.kind === 'no-answer' || (entry.outcome.status >= 500 && entry.outcome.status !== 503)).map((e) => e.outcome),
    ).toEqual([]);
    expect(findLedgerViolations(ledger, await readStreams())).toEqual([]);
    const retried: LedgerEntry[] = [];
    for (const entry of ledger.filter(isUncertain)) retried.push({ ...entry, outcome: { kind: 'answered', status: await send(entry) } });
    expect(retried.filter((entry) => !isAcknowledged(entry)).map((entry) => entry.outcome)).toEqual([]);
    const streams = await readStreams();
    expect(findLedgerViolations([...ledger.filter((entry) => !isUncertain(entry)), ...retried], streams)).toEqual([]);

    // The projections in the API come back by themselves too (their retry backoff starts at 1 s).
    const runner = new ProjectionRunner({
      eventStore: openingEventStore(store, new PersonalDataVault(pool, testPrivacyConfig())),
      pool,
      projections: READ_MODEL_PROJECTIONS,
    });
    const lastWritten = [...streams.values()]
      .flat()
      .map((event) => event.globalPosition)
      .sort(comparePositions)
      .at(-1);
    expect(await runner.waitForPosition(runner.projectionNames, lastWritten!, RECOVERY_BOUND_MS)).toBe(true);
  }, 150_000);
});
