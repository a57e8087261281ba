import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { CaseEvent } from '@samvirke/case';
import type { NewEvent } from '@samvirke/event-store';
import type { PostgresEventStore } from '@samvirke/event-store/postgres';
import { loadReferenceData } from '@samvirke/reference-data';
import { ProjectionRunner } from '../../runner/projection-runner';
import { openRunnerFixture, uniqueNames } from '../../runner/testing/runner-fixture';
import type { CaseEventRecord } from '../case-event';
import type { TimelineItemRow } from '../timeline-fold';
import { createTimelineProjection, timelineTables } from '../timeline.projection';
import { scriptedCase, scriptedIds } from './scripted-case';
import { TimelineRows } from './timeline-rows';

/**
 * The fold's specs (timeline-fold.spec.ts) read rows from TimelineRows, which applies the fold's
 * changes in memory as the projection's statements would. This checks that claim: the same events,
 * projected into PostgreSQL one event per batch, leave the rows TimelineRows holds.
 */
describe('timeline rows in memory', () => {
  let store: PostgresEventStore;
  let pool: Pool;
  let close: () => Promise<void>;
  let runner: ProjectionRunner | undefined;

  beforeAll(async () => {
    ({ store, pool, close } = await openRunnerFixture());
  });
  afterAll(async () => {
    await runner?.stop();
    await close();
  });

  const extra = (ids: ReturnType<typeof scriptedIds>): NewEvent[] =>
    (
      [
        { type: 'ReleasedFromCustody', data: { custodyId: ids.custodyId, releasedOn: '2026-02-05', conditional: true } },
        { type: 'InformationAcknowledged', data: { entryId: ids.entryId, agency: 'SOF', acknowledgedAt: '2026-02-06T09:00:00.000Z' } },
        escalated(ids.entryId),
        { type: 'CaseClosed', data: { reason: 'goals-achieved', closedAt: '2026-02-10T09:00:00.000Z' } },
        { type: 'CitizenDataErased', data: { scope: 'citizen', reason: 'erasure-request', by: 'coord-anna', erasedAt: '2026-02-12T09:00:00.000Z' } },
      ] as CaseEvent[]
    ).map((event) => ({
      id: randomUUID(),
      type: event.type,
      schemaVersion: 1,
      data: event.data,
      metadata: { actor: 'coord-anna', agency: 'BIF', correlationId: randomUUID() },
    }));

  const escalated = (entryId: string): CaseEvent => ({
    type: 'FlowEscalated',
    data: {
      flow: 'information',
      entryId,
      fromAgency: 'KRIMINALFORSORGEN',
      toAgency: 'SOF',
      step: 'reminder',
      notify: ['entry-point'],
      dueOn: '2026-01-12',
      workingDaysLate: 3,
      rulesVersion: 'v1',
      escalatedAt: '2026-01-15T08:00:00.000Z',
    },
  });

  it('are the rows PostgreSQL holds for two scripted cases (released, escalated, closed, one erased), one event per batch', async () => {
    const names = uniqueNames('tlr');
    const tablePrefix = `${names.tablePrefix}_`;
    const projection = createTimelineProjection({ name: names.name, streamPrefix: `case-${names.streamPrefix}`, tablePrefix });
    runner = new ProjectionRunner({ eventStore: store, pool, projections: [projection], batchSize: 1 });
    await runner.start();
    const logs = new Map<string, NewEvent[]>();
    const first = scriptedIds();
    logs.set(`${names.streamPrefix}1`, [...scriptedCase(first), ...extra(first)]);
    const second = scriptedIds();
    logs.set(`${names.streamPrefix}2`, [...scriptedCase(second), ...extra(second).slice(0, 3)]);
    const appended = [];
    for (const [caseId, events] of logs) appended.push(await store.appendToStream(`case-${caseId}`, events, 'no-stream'));
    expect(await runner.waitForPosition([names.name], appended[appended.length - 1].position, 10_000)).toBe(true);

    const memory = new TimelineRows([...loadReferenceData().roadMaps.values()]);
    const records: CaseEventRecord[] = [...logs].flatMap(([caseId, events]) =>
      events.map((event, revision) => ({
        caseId,
        event: { type: event.type, data: event.data } as CaseEvent,
        actingAgency: event.metadata.agency as string,
        actor: event.metadata.actor,
        revision,
      })),
    );
    // One event per batch, as the runner above: every statement's condition is met on rows written before.
    for (const record of records) memory.apply([record]);

    const tables = timelineTables(tablePrefix);
    const items = await pool.query(
      `SELECT case_id, item_id, kind, item_on::text, due_on::text, done_on::text, resolution, owner_agency, title_key, title_args, detail_sealed,
         related_id, entry_author_agency, entry_shared_with, entry_sensitivity, road_map_code, road_map_item
       FROM read_models.${tables.item} ORDER BY case_id, item_id`,
    );
    const stored: TimelineItemRow[] = items.rows.map((row) => ({
      caseId: row.case_id,
      itemId: row.item_id,
      kind: row.kind,
      itemOn: row.item_on,
      dueOn: row.due_on,
      doneOn: row.done_on,
      resolution: row.resolution,
      ownerAgency: row.owner_agency,
      title: row.title_key === null ? null : { key: row.title_key, args: row.title_args },
      detailSealed: row.detail_sealed,
      relatedId: row.related_id,
      entry:
        row.entry_author_agency === null
          ? null
          : { authorAgency: row.entry_author_agency, sharedWith: row.entry_shared_with, sensitivity: row.entry_sensitivity },
      roadMapCode: row.road_map_code,
      roadMapItem: row.road_map_item,
    }));
    expect(stored.length).toBeGreaterThan(30);
    expect([...logs.keys()].flatMap((caseId) => memory.itemsOf(caseId))).toEqual(stored);

    const cases = await pool.query(
      `SELECT case_id, agencies, coordinator_id, status, ssp_level, last_conference_on::text, road_map_facts FROM read_models.${tables.caseRow} ORDER BY case_id`,
    );
    expect(
      cases.rows.map((row) => ({
        caseId: row.case_id,
        agencies: row.agencies,
        coordinatorId: row.coordinator_id,
        status: row.status,
        sspLevel: row.ssp_level,
        lastConferenceOn: row.last_conference_on,
        roadMapFacts: row.road_map_facts,
      })),
    ).toEqual([...logs.keys()].map((caseId) => memory.cases.get(caseId)));
  });
});
