import { uniqueNames, useRunnerFixture } from '../runner/testing/runner-fixture';
import { scriptedCase, scriptedIds } from '../timeline/testing/scripted-case';
import { createInformationFlowProjection, informationFlowTables } from './information-flow.projection';

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
});
