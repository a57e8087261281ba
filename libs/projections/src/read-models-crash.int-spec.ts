import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Pool } from 'pg';
import type { CaseEvent } from '@samvirke/case';
import { comparePositions, laterPosition, type GlobalPosition, type NewEvent } from '@samvirke/event-store';
import { PersonalDataVault, openingEventStore } from '@samvirke/privacy';
import { loadReferenceData } from '@samvirke/reference-data';
import { READ_MODEL_PROJECTIONS } from '@samvirke/read-models';
import { testPrivacyConfig } from '../../../test/support/test-app';
import { testCprHmacSecretHex, testMasterKeys } from '../../../test/support/test-privacy';
import { readProjectionStates } from './runner/catalogue';
import { READ_MODEL_SCHEMA, type Projection } from './runner/projection';
import { assertCompiledIsFresh } from './runner/testing/compiled-freshness';
import { decideDemoCaseStreams, type DemoCaseStream } from './runner/testing/demo-case-streams';
import { createIsolatedReadModels, ISOLATED_READ_MODEL_FACTORIES, type IsolatedReadModels } from './runner/testing/isolated-read-models';
import { useRunnerFixture, waitUntil } from './runner/testing/runner-fixture';
import { killRunnerChild, startRunnerChild } from './runner/testing/runner-child-process';

/**
 * Issue 4's crash test, with the real read models: a child process runs every read model the app
 * serves (isolated copies, see isolated-read-models.js) while four writers append the demo
 * scenario's case load, about 5,000 events, in a random interleaving; the child is SIGKILLed at
 * random points 3-5 times and restarted. In the end every table of every read model must equal a
 * clean rebuild from the log (nothing missing, nothing twice), and counts that follow directly
 * from the log must match.
 */
const EVENTS = 5_000;
const WRITERS = 4;
const childScript = join(__dirname, 'runner', 'testing', 'read-models-crash-runner.js');
// The child runs these from dist/: the projections and everything they and the runner import.
const COMPILED_SOURCES = ['libs/projections/src', 'libs/case/src', 'libs/event-store/src', 'libs/reference-data/src', 'libs/privacy/src'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (low: number, high: number) => low + Math.floor(Math.random() * (high - low));

/** A table's rows as JSON text, ordered by the whole row, so two copies compare row for row. */
async function tableRows(pool: Pool, table: string): Promise<string[]> {
  const result = await pool.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${READ_MODEL_SCHEMA}.${table} t ORDER BY 1`);
  return result.rows.map((r) => r.row);
}

async function countRows(pool: Pool, table: string, where = 'true'): Promise<number> {
  const result = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${READ_MODEL_SCHEMA}.${table} WHERE ${where}`);
  return Number(result.rows[0].n);
}

/** What differs between two copies of a table, small enough to read in a failure message. */
function difference(table: string, live: string[], rebuilt: string[]) {
  const rebuiltSet = new Set(rebuilt);
  const liveSet = new Set(live);
  return {
    table,
    liveRows: live.length,
    rebuiltRows: rebuilt.length,
    onlyLive: live.filter((row) => !rebuiltSet.has(row)).slice(0, 3),
    onlyRebuilt: rebuilt.filter((row) => !liveSet.has(row)).slice(0, 3),
  };
}

describe('read models crash test', () => {
  const run = randomUUID().replace(/-/g, '').slice(0, 10);
  let child: ChildProcess | undefined;
  let streams: DemoCaseStream[];
  let isolated: IsolatedReadModels;

  beforeAll(() => assertCompiledIsFresh(COMPILED_SOURCES));
  afterAll(async () => {
    if (child) await killRunnerChild(child);
  });
  const fixture = useRunnerFixture();
  beforeAll(async () => {
    // A privacy config of this test's own: its CPR hashes, hence its case ids, are new to the database.
    const vault = new PersonalDataVault(fixture.pool, testPrivacyConfig());
    // The child runner opens sealed values with the same keys (inherited through the environment).
    process.env['TEST_MASTER_KEYS'] = testMasterKeys();
    process.env['TEST_CPR_HMAC_SECRET'] = testCprHmacSecretHex();
    isolated = createIsolatedReadModels(run);
    streams = await decideDemoCaseStreams({
      vault,
      refData: loadReferenceData(),
      streamPrefix: isolated.streamPrefix,
      minEvents: EVENTS,
      seed: 4,
      until: new Date('2026-06-01T12:00:00Z'),
    });
  }, 60_000);

  it('has an isolated copy of every read model the app serves, same version and tables', () => {
    const real = new Map(READ_MODEL_PROJECTIONS.map((projection) => [projection.name, projection]));
    expect(Object.keys(ISOLATED_READ_MODEL_FACTORIES).sort()).toEqual([...real.keys()].sort());
    for (const [name, copy] of Object.entries(isolated.readModels)) {
      const original = real.get(name) as Projection;
      expect({ name, version: copy.version, tables: copy.tables.length }).toEqual({ name, version: original.version, tables: original.tables.length });
      // Outside the real prefix, so the apps other test files run on this database never see these streams.
      expect(original.streamPrefixes.some((prefix) => isolated.streamPrefix.startsWith(prefix))).toBe(false);
    }
  });

  it('killed at random points while 5,000 demo events flow, ends with every read model equal to a clean rebuild', async () => {
    const { store, pool } = fixture;
    const allEvents = streams.flatMap((stream) => stream.steps.flat());
    expect(allEvents.length).toBeGreaterThanOrEqual(EVENTS);
    const projections = [...Object.values(isolated.readModels), isolated.deliveryWitness];
    child = await startRunnerChild(childScript, [run]);

    // Each case belongs to one writer, so its steps stay in order; the writers interleave at random.
    const owner = streams.map(() => between(0, WRITERS));
    let last: GlobalPosition | undefined;
    const writer = async (lane: number) => {
      const mine = streams.filter((_, index) => owner[index] === lane).map((stream) => ({ stream, next: 0, revision: undefined as number | undefined }));
      for (let open = mine; open.length > 0; open = open.filter((cursor) => cursor.next < cursor.stream.steps.length)) {
        const cursor = open[between(0, open.length)];
        const take = between(1, 4);
        const events: NewEvent[] = cursor.stream.steps.slice(cursor.next, cursor.next + take).flat();
        const result = await store.appendToStream(cursor.stream.streamId, events, cursor.revision ?? 'no-stream');
        cursor.next += take;
        cursor.revision = result.nextRevision;
        last = laterPosition(last, result.position);
        await sleep(between(0, 8));
      }
    };
    const appending = Promise.all(Array.from({ length: WRITERS }, (_, lane) => writer(lane)));
    let done = false;
    void appending.then(() => (done = true));

    let kills = 0;
    while (kills < 3 || (!done && kills < 5)) {
      await sleep(done ? between(100, 600) : between(500, 1_500));
      await killRunnerChild(child);
      kills++;
      child = await startRunnerChild(childScript, [run]);
    }
    await appending;
    const head = last as GlobalPosition;

    const names = projections.map((projection) => projection.name);
    await waitUntil(
      async () => {
        const states = await readProjectionStates(pool, names);
        for (const state of states.values()) {
          if (state.status === 'failed') throw new Error(`projection ${state.name} stopped at ${state.failedEventId}: ${state.error}`);
        }
        return names.every((name) => comparePositions(states.get(name)?.checkpoint, head) >= 0);
      },
      60_000,
      'every read model to catch up',
    );
    await killRunnerChild(child);
    child = undefined;

    // Delivery: every event reached the runner's projections exactly once.
    const seen = await pool.query<{ event_id: string }>(`SELECT event_id FROM ${READ_MODEL_SCHEMA}.rmc_${run}_tally_seen_event`);
    expect(seen.rows.map((row) => row.event_id).sort()).toEqual(allEvents.map((event) => event.id).sort());

    const tables = projections.flatMap((projection) => projection.tables);
    const live = await Promise.all(tables.map((table) => tableRows(pool, table)));
    // Every table has rows: an empty live copy would equal an empty rebuild and prove nothing.
    expect(tables.filter((_, index) => live[index].length === 0)).toEqual([]);

    const rebuilder = fixture.runner({ eventStore: openingEventStore(store, new PersonalDataVault(pool, testPrivacyConfig())), projections });
    for (const projection of projections) {
      expect((await rebuilder.rebuild(projection.name, { batchSize: 1_000 })).generation).toBeGreaterThan(1);
    }
    const rebuilt = await Promise.all(tables.map((table) => tableRows(pool, table)));
    const differences = tables.map((table, index) => difference(table, live[index], rebuilt[index]));
    expect(differences.filter((d) => d.liveRows !== d.rebuiltRows || d.onlyLive.length > 0 || d.onlyRebuilt.length > 0)).toEqual([]);
    expect(rebuilt).toEqual(live);

    // Counts that follow from the log alone: a row per case, per request, per recipient of a share.
    // They catch what the comparison cannot: a bug that the live copy and the rebuild share.
    const decided = allEvents as Array<NewEvent & CaseEvent>;
    const ofType = <T extends CaseEvent['type']>(type: T) =>
      decided.filter((event): event is NewEvent & Extract<CaseEvent, { type: T }> => event.type === type);
    const shares = ofType('InformationShared');
    const requests = ofType('InformationRequested');
    expect({
      caseSummaries: await countRows(pool, `rmc_${run}_case_summary`),
      entryPointAccess: await countRows(pool, `rmc_${run}_case_entry_point_access`),
      shareReceipts: await countRows(pool, `rmc_${run}_information_share_receipt`),
      requests: await countRows(pool, `rmc_${run}_information_request`),
      timelineShares: await countRows(pool, `rmc_${run}_timeline_item`, `kind = 'information-share'`),
      timelineActions: await countRows(pool, `rmc_${run}_timeline_item`, `kind = 'action'`),
    }).toEqual({
      caseSummaries: streams.length,
      entryPointAccess: streams.length,
      shareReceipts: shares.reduce((sum, share) => sum + new Set(share.data.sharedWith).size, 0),
      requests: requests.length,
      timelineShares: shares.length,
      timelineActions: ofType('ActionAdded').length,
    });

    expect(kills).toBeGreaterThanOrEqual(3);
  }, 180_000);
});
