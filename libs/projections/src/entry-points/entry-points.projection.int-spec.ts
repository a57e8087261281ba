import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { CaseEvent } from '@samvirke/case';
import { readModelRows, uniqueNames, useRunnerFixture } from '../runner/testing/runner-fixture';
import { currentEntryPointKey, foldEntryPoints, NO_ENTRY_POINT_ROWS, type EntryPointRows } from './entry-points-fold';
import { createEntryPointsProjection } from './entry-points.projection';

/** The rows of one case as the fold's rows. */
async function storedRows(pool: Pool, tables: { current: string; history: string; access: string }, caseId: string): Promise<EntryPointRows> {
  const access = await pool.query(`SELECT * FROM read_models.${tables.access} WHERE case_id = $1`, [caseId]);
  const current = await pool.query(`SELECT * FROM read_models.${tables.current} WHERE case_id = $1`, [caseId]);
  const history = await pool.query(`SELECT * FROM read_models.${tables.history} WHERE case_id = $1 ORDER BY stream_revision`, [caseId]);
  return {
    access: new Map(
      access.rows.map((r) => [r.case_id, { caseId: r.case_id, agencies: r.agencies, coordinatorId: r.coordinator_id, lastRevision: r.last_revision }]),
    ),
    current: new Map(
      current.rows.map((r) => [
        currentEntryPointKey(r.case_id, r.agency),
        {
          caseId: r.case_id,
          agency: r.agency,
          entryPoint: { unit: r.unit, ...(r.contact_person === null ? {} : { contactPerson: r.contact_person }), phone: r.phone, email: r.email },
          since: r.since.toISOString(),
        },
      ]),
    ),
    history: history.rows.map((r) => ({
      caseId: r.case_id,
      streamRevision: r.stream_revision,
      agency: r.agency,
      change: r.change,
      from: r.from_entry_point,
      to: r.to_entry_point,
      changedAt: r.changed_at.toISOString(),
    })),
  };
}

describe('entry points projection', () => {
  const fixture = useRunnerFixture();

  const at = (minute: number) => new Date(Date.UTC(2026, 10, 3, 8, minute)).toISOString();
  const police = { unit: 'Forebyggelse City', contactPerson: 'Bo', phone: '555 1111', email: 'ssp@politi.example.org' };
  const policeLater = { unit: 'Forebyggelse Nord', phone: '555 2222', email: 'nord@politi.example.org' };
  const social = { unit: 'Ungeenheden', phone: '555 3333', email: 'unge@sof.example.org' };
  const jobcentre = { unit: 'Jobcenter', phone: '555 4444', email: 'job@bif.example.org' };

  it('keeps the current entry point per agency, every change with from and to, and the access columns; a rebuild equals the live rows', async () => {
    const names = uniqueNames('entrypts');
    const tables = { current: `${names.tablePrefix}_cep`, history: `${names.tablePrefix}_ceph`, access: `${names.tablePrefix}_cepa` };
    const { pool, appendCaseEvents: append } = fixture;
    const runner = await fixture.startRunner({
      projections: [createEntryPointsProjection({ name: names.name, streamPrefix: names.streamPrefix, tables })],
      batchSize: 2,
    });

    const caseId = randomUUID();
    const stream = `${names.streamPrefix}${caseId}`;
    await append(stream, [
      {
        type: 'CaseOpened',
        data: {
          citizenId: caseId,
          cprHash: 'h',
          name: { sealed: 'n' },
          cpr: { sealed: 'c' },
          birthDate: '2004-01-01',
          districtCode: 'NORREBRO-1',
          referredBy: 'BIF',
          reason: { sealed: 'r' },
          openedAt: at(0),
        },
      },
      { type: 'AgencyJoinedCase', data: { agency: 'BIF', entryPoint: jobcentre, joinedAt: at(0) } },
      { type: 'AgencyJoinedCase', data: { agency: 'KBH-POLITI', entryPoint: police, joinedAt: at(1) } },
      { type: 'AgencyJoinedCase', data: { agency: 'SOF', entryPoint: social, joinedAt: at(2) } },
    ]);
    await append(stream, [
      { type: 'CoordinatorAssigned', data: { coordinatorId: 'coord-1', agency: 'BIF', assignedAt: at(3) } },
      { type: 'EntryPointChanged', data: { agency: 'KBH-POLITI', entryPoint: policeLater, changedAt: at(4) } },
      { type: 'SspCategoryAssessed', data: { level: 3, rationale: { sealed: 'x' }, assessedBy: 'BIF', assessedOn: '2026-11-01' } },
      { type: 'AgencyLeftCase', data: { agency: 'SOF', leftAt: at(5) } },
      { type: 'EntryPointChanged', data: { agency: 'SOF', entryPoint: social, changedAt: at(6) } },
    ]);
    const last = await append(stream, [
      { type: 'CoordinatorChanged', data: { coordinatorId: 'coord-2', agency: 'BIF', previousCoordinatorId: 'coord-1', changedAt: at(7) } },
    ]);
    await expect(runner.waitForPosition([names.name], last, 10_000)).resolves.toBe(true);

    const current = await pool.query(
      `SELECT agency, unit, contact_person, phone, email, since FROM read_models.${tables.current} WHERE case_id = $1 ORDER BY agency`,
      [caseId],
    );
    expect(current.rows).toEqual([
      { agency: 'BIF', unit: 'Jobcenter', contact_person: null, phone: '555 4444', email: 'job@bif.example.org', since: new Date(at(0)) },
      { agency: 'KBH-POLITI', unit: 'Forebyggelse Nord', contact_person: null, phone: '555 2222', email: 'nord@politi.example.org', since: new Date(at(4)) },
    ]);
    const history = await pool.query(
      `SELECT agency, change, from_entry_point, to_entry_point, changed_at FROM read_models.${tables.history} WHERE case_id = $1 ORDER BY stream_revision`,
      [caseId],
    );
    expect(history.rows).toEqual([
      { agency: 'BIF', change: 'joined', from_entry_point: null, to_entry_point: jobcentre, changed_at: new Date(at(0)) },
      { agency: 'KBH-POLITI', change: 'joined', from_entry_point: null, to_entry_point: police, changed_at: new Date(at(1)) },
      { agency: 'SOF', change: 'joined', from_entry_point: null, to_entry_point: social, changed_at: new Date(at(2)) },
      { agency: 'KBH-POLITI', change: 'changed', from_entry_point: police, to_entry_point: policeLater, changed_at: new Date(at(4)) },
      { agency: 'SOF', change: 'left', from_entry_point: social, to_entry_point: null, changed_at: new Date(at(5)) },
    ]);
    const access = await pool.query(`SELECT agencies, coordinator_id, last_revision FROM read_models.${tables.access} WHERE case_id = $1`, [caseId]);
    expect(access.rows).toEqual([{ agencies: ['BIF', 'KBH-POLITI'], coordinator_id: 'coord-2', last_revision: 9 }]);

    // The database holds the rows the fold gives for the same events.
    const recorded = await fixture.store.readStream(stream);
    const folded = foldEntryPoints(
      NO_ENTRY_POINT_ROWS,
      recorded.map((r) => ({ caseId, revision: r.streamRevision, event: { type: r.type, data: r.data } as CaseEvent })),
    );
    expect(await storedRows(pool, tables, caseId)).toEqual(folded.rows);

    const rows = () => Promise.all([tables.current, tables.history, tables.access].map((table) => readModelRows(pool, table)));
    const live = await rows();
    await runner.rebuild(names.name, { batchSize: 1 });
    expect(await rows()).toEqual(live);
    await runner.rebuild(names.name, { batchSize: 500 });
    expect(await rows()).toEqual(live);
  });
});
