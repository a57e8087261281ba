import type { Pool } from 'pg';
import { copenhagenDate, type CaseEvent } from '@samvirke/case';
import { caseNewEvents, uniqueNames, useRunnerFixture } from '../runner/testing/runner-fixture';
import { caseEventRecord } from '../timeline/case-event';
import { scriptedCase, scriptedIds } from '../timeline/testing/scripted-case';
import {
  applyInformationFlow,
  foldInformationFlow,
  NO_INFORMATION_FLOW_ROWS,
  receiptKey,
  requestKey,
  type InformationFlowRows,
  type ReceiptRow,
  type RequestRow,
} from './information-flow-fold';
import { createInformationFlowProjection, informationFlowTables } from './information-flow.projection';

/** The rows of one case as the fold's rows: a real-world instant that is not the recorded one gives back its day. */
async function storedRows(pool: Pool, tables: ReturnType<typeof informationFlowTables>, caseId: string): Promise<InformationFlowRows> {
  const iso = (value: Date | null) => value?.toISOString() ?? null;
  const dayOf = (real: Date | null, recorded: Date | null) => (real === null || real.getTime() === recorded?.getTime() ? null : copenhagenDate(real));
  const cases = await pool.query(`SELECT * FROM read_models.${tables.caseRow} WHERE case_id = $1`, [caseId]);
  const receipts = await pool.query(`SELECT * FROM read_models.${tables.receipt} WHERE case_id = $1`, [caseId]);
  const requests = await pool.query(`SELECT *, due_on::text AS due_on FROM read_models.${tables.request} WHERE case_id = $1`, [caseId]);
  return {
    cases: new Map(cases.rows.map((r) => [r.case_id, { caseId: r.case_id, agencies: r.agencies, coordinatorId: r.coordinator_id, status: r.status }])),
    receipts: new Map(
      receipts.rows.map((r): [string, ReceiptRow] => [
        receiptKey(r.case_id, r.entry_id, r.to_agency),
        {
          caseId: r.case_id,
          entryId: r.entry_id,
          fromAgency: r.from_agency,
          toAgency: r.to_agency,
          sharedWith: r.shared_with,
          sensitivity: r.sensitivity,
          legalBasis: r.legal_basis,
          sentRecordedAt: r.sent_recorded_at.toISOString(),
          sentOn: dayOf(r.sent_at, r.sent_recorded_at),
          sentBy: r.sent_by,
          acknowledgedRecordedAt: iso(r.acknowledged_recorded_at),
          acknowledgedOn: dayOf(r.acknowledged_at, r.acknowledged_recorded_at),
          acknowledgedBy: r.acknowledged_by,
          escalationStep: r.escalation_step,
          escalatedAt: iso(r.escalated_at),
        },
      ]),
    ),
    requests: new Map(
      requests.rows.map((r): [string, RequestRow] => [
        requestKey(r.case_id, r.request_id),
        {
          caseId: r.case_id,
          requestId: r.request_id,
          fromAgency: r.from_agency,
          toAgency: r.to_agency,
          legalBasis: r.legal_basis,
          dueOn: r.due_on,
          requestedRecordedAt: r.requested_recorded_at.toISOString(),
          requestedOn: dayOf(r.requested_at, r.requested_recorded_at),
          requestedBy: r.requested_by,
          outcome: r.outcome,
          declineReason: r.decline_reason,
          respondedAt: iso(r.responded_at),
          respondedBy: r.responded_by,
          escalationStep: r.escalation_step,
          escalatedAt: iso(r.escalated_at),
        },
      ]),
    ),
  };
}

describe('information-flow projection', () => {
  const fixture = useRunnerFixture();

  it('records each share per receiving agency and each request, with who responded and when; rebuild equals live', async () => {
    const names = uniqueNames('flow');
    const tablePrefix = `${names.tablePrefix}_`;
    const tables = informationFlowTables(tablePrefix);
    const { store, pool } = fixture;
    const runner = await fixture.startRunner({
      projections: [createInformationFlowProjection({ name: names.name, streamPrefix: `case-${names.streamPrefix}`, tablePrefix })],
      batchSize: 1,
    });
    const ids = scriptedIds();
    const caseId = `${names.streamPrefix}1`;
    const { position } = await store.appendToStream(`case-${caseId}`, scriptedCase(ids), 'no-stream');
    expect(await runner.waitForPosition([names.name], position, 10_000)).toBe(true);

    const receipts = await pool.query(
      `SELECT to_agency, from_agency, shared_with, sent_by, acknowledged_at, acknowledged_by FROM read_models.${tables.receipt} WHERE case_id = $1 ORDER BY to_agency`,
      [caseId],
    );
    expect(receipts.rows).toEqual([
      {
        to_agency: 'BIF',
        from_agency: 'KRIMINALFORSORGEN',
        shared_with: ['BIF', 'SOF'],
        sent_by: 'prison-cai',
        acknowledged_at: new Date('2026-01-07T10:00:00.000Z'),
        acknowledged_by: 'coord-anna',
      },
      { to_agency: 'SOF', from_agency: 'KRIMINALFORSORGEN', shared_with: ['BIF', 'SOF'], sent_by: 'prison-cai', acknowledged_at: null, acknowledged_by: null },
    ]);
    const requests = await pool.query(
      `SELECT request_id, from_agency, to_agency, outcome, responded_by, extract(epoch FROM responded_at - requested_at) / 3600 AS hours
       FROM read_models.${tables.request} WHERE case_id = $1`,
      [caseId],
    );
    expect(requests.rows).toEqual([
      { request_id: ids.requestId, from_agency: 'BIF', to_agency: 'SOF', outcome: 'answered', responded_by: 'social-dan', hours: '24.5000000000000000' },
    ]);
    const caseRow = await pool.query(`SELECT agencies, coordinator_id FROM read_models.${tables.caseRow} WHERE case_id = $1`, [caseId]);
    expect(caseRow.rows).toEqual([{ agencies: ['BIF', 'KRIMINALFORSORGEN', 'SOF'], coordinator_id: 'coord-anna' }]);

    const all = () =>
      Promise.all(
        [tables.caseRow, tables.receipt, tables.request].map(async (table) => (await pool.query(`SELECT * FROM read_models.${table} ORDER BY 1, 2, 3`)).rows),
      );
    const live = await all();
    await runner.rebuild(names.name, { batchSize: 1000 });
    expect(await all()).toEqual(live);
  });

  it('holds the rows the fold gives for the same events, live and after a rebuild', async () => {
    const names = uniqueNames('flowfold');
    const tablePrefix = `${names.tablePrefix}_`;
    const tables = informationFlowTables(tablePrefix);
    const { store, pool } = fixture;
    const runner = await fixture.startRunner({
      projections: [createInformationFlowProjection({ name: names.name, streamPrefix: `case-${names.streamPrefix}`, tablePrefix })],
      batchSize: 3,
    });
    const ids = scriptedIds();
    const caseId = `${names.streamPrefix}1`;
    const stream = `case-${caseId}`;
    await store.appendToStream(stream, scriptedCase(ids), 'no-stream');
    // History recorded later with its days, a repeated acknowledgement, a declined request and escalation steps.
    const later: CaseEvent[] = [
      {
        type: 'InformationShared',
        data: {
          entryId: 'old-entry',
          fromAgency: 'SOF',
          sharedWith: ['BIF', 'KRIMINALFORSORGEN'],
          legalBasis: 'RPL115-1-1',
          purpose: 'crime-prevention',
          sensitivity: 'normal',
          summary: { sealed: 's' },
          sharedAt: '2026-02-20T09:00:00.000Z',
          sharedOn: '2019-03-04',
        },
      },
      {
        type: 'InformationAcknowledged',
        data: { entryId: 'old-entry', agency: 'BIF', acknowledgedAt: '2026-02-20T09:00:00.000Z', acknowledgedOn: '2019-03-06' },
      },
      { type: 'InformationAcknowledged', data: { entryId: 'old-entry', agency: 'BIF', acknowledgedAt: '2026-02-21T09:00:00.000Z' } },
      {
        type: 'InformationRequested',
        data: {
          requestId: 'r-declined',
          fromAgency: 'SOF',
          toAgency: 'BIF',
          question: { sealed: 'q' },
          dueDate: '2026-03-10',
          legalBasis: 'RPL115-1-1',
          requestedAt: '2026-02-21T10:00:00.000Z',
        },
      },
      {
        type: 'FlowEscalated',
        data: {
          flow: 'information',
          entryId: 'old-entry',
          fromAgency: 'SOF',
          toAgency: 'KRIMINALFORSORGEN',
          step: 'reminder',
          notify: ['entry-point'],
          dueOn: '2026-02-25',
          workingDaysLate: 1,
          rulesVersion: 'v1',
          escalatedAt: '2026-02-26T08:00:00.000Z',
        },
      },
      { type: 'InformationRequestDeclined', data: { requestId: 'r-declined', agency: 'BIF', reason: 'not-necessary', declinedAt: '2026-02-27T10:00:00.000Z' } },
      { type: 'CaseClosed', data: { reason: 'goals-achieved', closedAt: '2026-02-28T10:00:00.000Z' } },
    ];
    const { position } = await store.appendToStream(stream, caseNewEvents(later, 'social-dan', 'SOF'), 'any');
    expect(await runner.waitForPosition([names.name], position, 10_000)).toBe(true);

    const folded = applyInformationFlow(NO_INFORMATION_FLOW_ROWS, foldInformationFlow((await store.readStream(stream)).map(caseEventRecord)));
    expect(folded.receipts.size).toBe(4);
    expect(await storedRows(pool, tables, caseId)).toEqual(folded);
    await runner.rebuild(names.name, { batchSize: 1000 });
    expect(await storedRows(pool, tables, caseId)).toEqual(folded);
  });
});
