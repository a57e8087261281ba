import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '@samvirke/case';
import { readModelRows, uniqueNames, useRunnerFixture } from '../runner/testing/runner-fixture';
import { createCaseSummaryProjection } from './case-summary.projection';

/**
 * The case summary against a real PostgreSQL: a scripted multi-agency case written to the event
 * store, projected live in small batches, ending with the citizen's erasure, then rebuilt from
 * position 0 in batches of one and of many; every copy must equal the live one row for row.
 */
describe('case summary projection', () => {
  const fixture = useRunnerFixture();

  const at = (minute: number) => new Date(Date.UTC(2026, 10, 3, 8, minute)).toISOString();
  const entryPoint = (unit: string) => ({ unit, contactPerson: `${unit} kontakt`, phone: '555 0000', email: 'kontakt@example.org' });

  function opened(caseId: string, birthDate: string): CaseEvent[] {
    return [
      {
        type: 'CaseOpened',
        data: {
          citizenId: caseId,
          cprHash: 'h',
          name: { sealed: `v1.ciphertext-of-${caseId}` },
          cpr: { sealed: 'c' },
          birthDate,
          districtCode: 'NORREBRO-1',
          referredBy: 'BIF',
          reason: { sealed: 'r' },
          openedAt: at(0),
        },
      },
      { type: 'AgencyJoinedCase', data: { agency: 'BIF', entryPoint: entryPoint('Jobcenter'), joinedAt: at(0) } },
    ];
  }

  it('projects a multi-agency case up to the erasure of its citizen, and a rebuild (one by one, and in large batches) equals the live rows', async () => {
    const names = uniqueNames('casesum');
    const table = `${names.tablePrefix}_case_summary`;
    const projection = createCaseSummaryProjection({ name: names.name, streamPrefix: names.streamPrefix, table });
    const { store, pool, appendCaseEvents: append } = fixture;
    const runner = await fixture.startRunner({ projections: [projection], batchSize: 3 });

    const caseId = randomUUID();
    const other = randomUUID();
    const stream = `${names.streamPrefix}${caseId}`;
    const [action1, action2, request1, request2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await append(stream, opened(caseId, '2004-05-06'));
    await append(`${names.streamPrefix}${other}`, opened(other, '1990-01-01'));
    await append(stream, [
      { type: 'SspCategoryAssessed', data: { level: 3, rationale: { sealed: 'x' }, assessedBy: 'BIF', assessedOn: '2026-10-01' } },
      { type: 'CoordinatorAssigned', data: { coordinatorId: 'coord-1', agency: 'BIF', assignedAt: at(1) } },
      { type: 'AgencyJoinedCase', data: { agency: 'KBH-POLITI', entryPoint: entryPoint('Politi'), joinedAt: at(2) } },
      { type: 'AgencyJoinedCase', data: { agency: 'SOF', entryPoint: entryPoint('SOF'), joinedAt: at(3) } },
    ]);
    await append(stream, [
      { type: 'SspCategoryAssessed', data: { level: 4, rationale: { sealed: 'x' }, assessedBy: 'KBH-POLITI', assessedOn: '2026-11-01' } },
      { type: 'EnrolledInProgramme', data: { programmeCode: 'SSP_PLUS', startedOn: '2026-11-01' } },
      { type: 'EnrolledInProgramme', data: { programmeCode: 'LEISURE_JOB', startedOn: '2026-11-01' } },
      { type: 'ExitedProgramme', data: { programmeCode: 'LEISURE_JOB', endedOn: '2026-11-02', exitReason: 'dropped-out' } },
      { type: 'CoordinatorChanged', data: { coordinatorId: 'coord-2', agency: 'BIF', previousCoordinatorId: 'coord-1', changedAt: at(4) } },
      {
        type: 'InformationRequested',
        data: {
          requestId: request1,
          fromAgency: 'BIF',
          toAgency: 'SOF',
          question: { sealed: 'q' },
          dueDate: '2026-11-20',
          legalBasis: 'RPL115-1-1',
          requestedAt: at(5),
        },
      },
      {
        type: 'InformationRequested',
        data: {
          requestId: request2,
          fromAgency: 'BIF',
          toAgency: 'KBH-POLITI',
          question: { sealed: 'q' },
          dueDate: '2026-11-20',
          legalBasis: 'RPL115-1-1',
          requestedAt: at(5),
        },
      },
    ]);
    await append(stream, [
      { type: 'InformationRequestAnswered', data: { requestId: request1, agency: 'SOF', answer: { sealed: 'a' }, answeredAt: at(6) } },
      { type: 'ActionAdded', data: { actionId: action1, title: { sealed: 't' }, responsibleAgency: 'BIF', dueDate: '2026-12-01', addedAt: at(7) } },
      { type: 'ActionAdded', data: { actionId: action2, title: { sealed: 't' }, responsibleAgency: 'SOF', dueDate: '2026-12-01', addedAt: at(7) } },
      { type: 'ActionCompleted', data: { actionId: action1, completedOn: '2026-11-03' } },
      {
        type: 'CustodyStarted',
        data: { custodyId: 'k1', kind: 'sentence', institution: 'Vestre Fængsel', startedOn: '2026-11-02', expectedReleaseOn: '2027-03-01' },
      },
      { type: 'ExpectedReleaseChanged', data: { custodyId: 'k1', expectedReleaseOn: '2027-04-01', changedAt: at(8) } },
      { type: 'AgencyLeftCase', data: { agency: 'SOF', leftAt: at(9) } },
      { type: 'CaseClosed', data: { reason: 'other', closedAt: at(10) } },
    ]);
    const last = await append(stream, [{ type: 'CaseReopened', data: { reason: { sealed: 'r' }, reopenedAt: at(11) } }]);

    await expect(runner.waitForPosition([names.name], last, 10_000)).resolves.toBe(true);
    expect(await readModelRows(pool, table)).toHaveLength(2);
    const { rows } = await pool.query(
      `SELECT *, birth_date::text AS birth, ssp_level_on::text AS level_on, custody_expected_release_on::text AS release FROM read_models.${table} WHERE case_id = $1`,
      [caseId],
    );
    expect(rows[0]).toMatchObject({
      citizen_id: caseId,
      status: 'open',
      closed_at: null,
      referred_by: 'BIF',
      sealed_name: `v1.ciphertext-of-${caseId}`,
      birth: '2004-05-06',
      district_code: 'NORREBRO-1',
      ssp_level: 4,
      level_on: '2026-11-01',
      coordinator_id: 'coord-2',
      coordinator_agency: 'BIF',
      agencies: ['BIF', 'KBH-POLITI'],
      programmes: ['SSP_PLUS'],
      custody_status: 'sentence',
      custody_institution: 'Vestre Fængsel',
      release: '2027-04-01',
      open_actions: 1,
      open_action_ids: [action2],
      open_requests: 1,
      open_request_list: [{ requestId: request2, fromAgency: 'BIF', toAgency: 'KBH-POLITI' }],
      open_requests_by_agency: { BIF: 1, 'KBH-POLITI': 1 },
      last_revision: 21,
    });
    expect(rows[0].enrolments).toEqual([
      { programmeCode: 'SSP_PLUS', startedOn: '2026-11-01' },
      { programmeCode: 'LEISURE_JOB', startedOn: '2026-11-01', endedOn: '2026-11-02' },
    ]);
    expect(rows[0].assessments).toHaveLength(2);
    const recorded = await store.readStream(stream);
    expect(rows[0].last_activity_at).toEqual(recorded[recorded.length - 1].recordedAt);

    // Erasure at the end: one agency's contributions first (identity stays), then the citizen.
    const identity = `SELECT sealed_name, birth_date::text AS birth, district_code, erased_at FROM read_models.${table} WHERE case_id = $1`;
    const agencyErased = await append(stream, [
      { type: 'CaseClosed', data: { reason: 'other', closedAt: at(12) } },
      { type: 'CitizenDataErased', data: { scope: 'KBH-POLITI', reason: 'retention-expired', by: 'system:retention', erasedAt: at(13) } },
    ]);
    await expect(runner.waitForPosition([names.name], agencyErased, 10_000)).resolves.toBe(true);
    expect((await pool.query(identity, [caseId])).rows[0]).toEqual({
      sealed_name: `v1.ciphertext-of-${caseId}`,
      birth: '2004-05-06',
      district_code: 'NORREBRO-1',
      erased_at: null,
    });
    const erased = await append(stream, [
      { type: 'CitizenDataErased', data: { scope: 'citizen', reason: 'erasure-request', by: 'coord-2', erasedAt: at(14) } },
    ]);
    await expect(runner.waitForPosition([names.name], erased, 10_000)).resolves.toBe(true);
    const afterErasure = await pool.query(`SELECT * FROM read_models.${table} WHERE case_id = $1`, [caseId]);
    expect(afterErasure.rows[0]).toMatchObject({
      sealed_name: null,
      birth_date: null,
      district_code: null,
      erased_at: new Date(at(14)),
      // The coordination history stays: it names nobody without the identity.
      status: 'closed',
      ssp_level: 4,
      agencies: ['BIF', 'KBH-POLITI'],
      coordinator_id: 'coord-2',
      last_revision: 24,
    });
    expect(JSON.stringify(afterErasure.rows[0])).not.toMatch(/2004-05-06|NORREBRO|ciphertext-of/);
    // The other citizen is untouched.
    expect((await pool.query(identity, [other])).rows[0]).toEqual({
      sealed_name: `v1.ciphertext-of-${other}`,
      birth: '1990-01-01',
      district_code: 'NORREBRO-1',
      erased_at: null,
    });
    const live = await readModelRows(pool, table);

    await runner.rebuild(names.name, { batchSize: 1 });
    expect(await readModelRows(pool, table)).toEqual(live);
    await runner.rebuild(names.name, { batchSize: 500 });
    expect(await readModelRows(pool, table)).toEqual(live);
  });

  it('ignores events of a case that was never opened', async () => {
    const names = uniqueNames('casesumorphan');
    const table = `${names.tablePrefix}_case_summary`;
    const runner = await fixture.startRunner({
      projections: [createCaseSummaryProjection({ name: names.name, streamPrefix: names.streamPrefix, table })],
    });
    const last = await fixture.appendCaseEvents(`${names.streamPrefix}${randomUUID()}`, [{ type: 'CaseClosed', data: { reason: 'other', closedAt: at(1) } }]);
    await expect(runner.waitForPosition([names.name], last, 10_000)).resolves.toBe(true);
    expect(await readModelRows(fixture.pool, table)).toEqual([]);
  });
});
