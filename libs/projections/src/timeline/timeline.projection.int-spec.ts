import type { GlobalPosition, NewEvent } from '@samvirke/event-store';
import { caseNewEvents, uniqueNames, useRunnerFixture } from '../runner/testing/runner-fixture';
import { scriptedCase, scriptedIds } from './testing/scripted-case';
import { createTimelineProjection, timelineTables } from './timeline.projection';

describe('timeline projection', () => {
  const fixture = useRunnerFixture();

  async function project() {
    const names = uniqueNames('tl');
    const tablePrefix = `${names.tablePrefix}_`;
    const projection = createTimelineProjection({ name: names.name, streamPrefix: `case-${names.streamPrefix}`, tablePrefix });
    // One event per batch live, whole log per batch on rebuild: equal tables prove both give the same rows.
    const { store } = fixture;
    const runner = await fixture.startRunner({ projections: [projection], batchSize: 1 });
    const ids = scriptedIds();
    const caseId = `${names.streamPrefix}1`;
    const events = scriptedCase(ids);
    const tables = timelineTables(tablePrefix);
    let position = (await store.appendToStream(`case-${caseId}`, events.slice(0, 8), 'no-stream')).position;
    position = (await store.appendToStream(`case-${caseId}`, events.slice(8), 'any')).position;
    expect(await runner.waitForPosition([names.name], position, 10_000)).toBe(true);
    // The case ends closed and its citizen erased, so the rebuild test covers the erasure too.
    const [close, scopedErasure, citizenErasure] = erasureEvents();
    position = (await store.appendToStream(`case-${caseId}`, [close, scopedErasure], 'any')).position;
    expect(await runner.waitForPosition([names.name], position, 10_000)).toBe(true);
    const factsBeforeErasure = await roadMapFacts(tables.caseRow, caseId);
    position = (await store.appendToStream(`case-${caseId}`, [citizenErasure], 'any')).position;
    expect(await runner.waitForPosition([names.name], position, 10_000)).toBe(true);
    return { runner, names, ids, caseId, tables, factsBeforeErasure };
  }

  async function roadMapFacts(caseTable: string, caseId: string): Promise<Record<string, unknown>> {
    const { rows } = await fixture.pool.query(`SELECT road_map_facts FROM read_models.${caseTable} WHERE case_id = $1`, [caseId]);
    return rows[0].road_map_facts;
  }

  /** Every row of the item and case tables, in a fixed order. */
  function tableRows(tables: { item: string; caseRow: string }): Promise<unknown[][]> {
    return Promise.all(
      [tables.item, tables.caseRow].map(
        async (table) =>
          (await fixture.pool.query(`SELECT * FROM read_models.${table} ORDER BY case_id, ${table === tables.item ? 'item_id' : 'agencies'}`)).rows,
      ),
    );
  }

  function erasureEvents(): NewEvent[] {
    return caseNewEvents(
      [
        { type: 'CaseClosed', data: { reason: 'goals-achieved', closedAt: '2026-02-10T09:00:00.000Z' } },
        { type: 'CitizenDataErased', data: { scope: 'KBH-POLITI', reason: 'retention-expired', by: 'system:retention', erasedAt: '2026-02-11T09:00:00.000Z' } },
        { type: 'CitizenDataErased', data: { scope: 'citizen', reason: 'erasure-request', by: 'coord-anna', erasedAt: '2026-02-12T09:00:00.000Z' } },
      ],
      'coord-anna',
      'BIF',
    );
  }

  it('builds the cross-agency timeline of a scripted case, with road-map deadlines that follow the release (kept after the erasure)', async () => {
    const { ids, caseId, tables } = await project();
    const rows = await fixture.pool.query(
      `SELECT item_id, kind, to_char(item_on, 'YYYY-MM-DD') AS item_on, to_char(due_on, 'YYYY-MM-DD') AS due_on,
         to_char(done_on, 'YYYY-MM-DD') AS done_on, resolution, owner_agency, entry_author_agency, entry_shared_with
       FROM read_models.${tables.item} WHERE case_id = $1 ORDER BY item_id`,
      [caseId],
    );
    const byId = new Map(rows.rows.map((row) => [row.item_id as string, row]));
    // Still open when the citizen was erased on 12 February: ended then, neither done nor overdue (issue 21).
    expect(byId.get(`action:${ids.actionId}`)).toMatchObject({
      kind: 'action',
      due_on: '2026-03-01',
      done_on: '2026-02-12',
      resolution: 'ended',
      owner_agency: 'BIF',
      entry_author_agency: null,
    });
    expect(byId.get(`share:${ids.entryId}`)).toMatchObject({ done_on: '2026-01-06', owner_agency: 'KRIMINALFORSORGEN', entry_shared_with: ['BIF', 'SOF'] });
    expect(byId.get(`acknowledgement:${ids.entryId}:BIF`)).toMatchObject({ done_on: '2026-01-07', resolution: 'acknowledged' });
    expect(byId.get(`acknowledgement:${ids.entryId}:SOF`)).toMatchObject({ done_on: '2026-02-12', item_on: '2026-02-12', resolution: 'ended' });
    expect(byId.get(`answer:${ids.requestId}`)).toMatchObject({
      due_on: '2026-01-20',
      done_on: '2026-01-09',
      resolution: 'answered',
      owner_agency: 'SOF',
      entry_shared_with: ['SOF'],
    });
    expect(byId.get(`conference:${ids.conferenceId}`)).toMatchObject({ done_on: '2026-02-01', owner_agency: 'BIF' });
    expect(byId.get(`custody-start:${ids.custodyId}`)).toMatchObject({ done_on: '2026-01-05', owner_agency: 'KRIMINALFORSORGEN' });
    expect(byId.get(`release:${ids.custodyId}`)).toMatchObject({ due_on: '2028-03-05', done_on: '2026-02-12', resolution: 'ended' });
    // A marker per erasure: the police's contributions on 11 February, the citizen on 12 February.
    expect(rows.rows.filter((row) => row.kind === 'erasure')).toEqual([
      expect.objectContaining({ item_on: '2026-02-11', done_on: '2026-02-11', resolution: 'erased', owner_agency: 'KBH-POLITI' }),
      expect.objectContaining({ item_on: '2026-02-12', done_on: '2026-02-12', resolution: 'erased', owner_agency: null }),
    ]);

    const roadMap = (code: string) => byId.get(`road-map:${ids.custodyId}:GOOD_RELEASE:${code}`);
    // The prison's share on 6 January is its notice of the admission.
    expect(roadMap('ADMISSION_NOTICE')).toMatchObject({ due_on: '2026-01-12', done_on: '2026-01-06' });
    // Not met when the case closed on 10 February: it no longer applies (ended), it is not overdue.
    expect(roadMap('NEEDS_ASSESSED')).toMatchObject({ due_on: '2026-01-26', done_on: '2026-02-10', item_on: '2026-02-10', resolution: 'ended' });
    expect(roadMap('ACTION_PLAN_OWNER_APPOINTED')).toMatchObject({ due_on: '2026-01-19', done_on: '2026-01-05', resolution: 'met' });
    expect(roadMap('ACTION_PLAN_MADE')).toMatchObject({ due_on: '2026-02-02', done_on: '2026-01-20', item_on: '2026-01-20' });
    // 3 months before the moved expected release (5 March 2028), not the first one (5 January 2028).
    expect(roadMap('RELEASE_MEETING')).toMatchObject({ due_on: '2027-12-05', resolution: 'ended', owner_agency: 'KRIMINALFORSORGEN' });
    // 1 year before 5 March 2028 is 5 March 2027 (365 days would give 6 March: February 2028 has 29 days).
    expect(roadMap('MUNICIPALITY_CONTACTED')).toMatchObject({ due_on: '2027-03-05' });
    expect(rows.rows.filter((row) => row.kind === 'road-map')).toHaveLength(6);

    const caseRow = await fixture.pool.query(
      `SELECT agencies, coordinator_id, status, ssp_level, to_char(last_conference_on, 'YYYY-MM-DD') AS last FROM read_models.${tables.caseRow} WHERE case_id = $1`,
      [caseId],
    );
    expect(caseRow.rows[0]).toEqual({
      agencies: ['BIF', 'KRIMINALFORSORGEN', 'SOF'],
      coordinator_id: 'coord-anna',
      status: 'closed',
      ssp_level: 3,
      last: '2026-02-01',
    });
  });

  it('drops the birth date from the road-map facts when the citizen is erased, and keeps the road-map rows derived before', async () => {
    const { caseId, tables, factsBeforeErasure } = await project();
    expect(factsBeforeErasure).toMatchObject({ birthDate: '2004-05-01', closedOn: '2026-02-10' });
    const facts = await roadMapFacts(tables.caseRow, caseId);
    expect(facts).toEqual({ ...factsBeforeErasure, birthDate: null });
    const tablesText = await fixture.pool.query(
      `SELECT (SELECT json_agg(c)::text FROM read_models.${tables.caseRow} c WHERE case_id = $1) || (SELECT json_agg(i)::text FROM read_models.${tables.item} i WHERE case_id = $1) AS text`,
      [caseId],
    );
    expect(tablesText.rows[0].text).not.toContain('2004-05-01');
    const roadMapRows = await fixture.pool.query(`SELECT count(*)::int AS n FROM read_models.${tables.item} WHERE case_id = $1 AND kind = 'road-map'`, [
      caseId,
    ]);
    expect(roadMapRows.rows[0].n).toBe(6);
  });

  it('rebuilds from position 0 into tables equal to the live ones', async () => {
    const { runner, names, tables } = await project();
    const all = () => tableRows(tables);
    const live = await all();
    expect(live[0].length).toBeGreaterThan(10);
    await runner.rebuild(names.name, { batchSize: 1000 });
    expect(await all()).toEqual(live);
  });

  it('gives the same rows for several cases in one batch as one event at a time (road maps of many cases, releases among other rows)', async () => {
    const names = uniqueNames('tl-many');
    const tablePrefix = `${names.tablePrefix}_`;
    const tables = timelineTables(tablePrefix);
    const projection = createTimelineProjection({ name: names.name, streamPrefix: `case-${names.streamPrefix}`, tablePrefix });
    const runner = await fixture.startRunner({ projections: [projection], batchSize: 1 });
    // Four cases, their events interleaved in the log, so a batch holds road-map changes and releases of several cases.
    const scripts = [1, 2, 3, 4].map((n) => ({ stream: `case-${names.streamPrefix}${n}`, events: scriptedCase(scriptedIds()) }));
    let position: GlobalPosition | undefined;
    for (let index = 0; index < scripts[0].events.length; index++) {
      for (const { stream, events } of scripts) position = (await fixture.store.appendToStream(stream, [events[index]], 'any')).position;
    }
    expect(position && (await runner.waitForPosition([names.name], position, 10_000))).toBe(true);
    const all = () => tableRows(tables);
    const live = await all();
    expect(new Set((live[0] as Array<{ case_id: string; kind: string }>).filter((row) => row.kind === 'road-map').map((row) => row.case_id)).size).toBe(4);
    expect((live[0] as Array<{ kind: string }>).filter((row) => row.kind === 'release').length).toBeGreaterThanOrEqual(4);
    // One batch, and batches of a few events of every case (road-map rows of earlier batches replaced).
    for (const batchSize of [1000, 6]) {
      await runner.rebuild(names.name, { batchSize });
      expect(await all()).toEqual(live);
    }
  });
});
