import type { RecordedEvent } from '@samvirke/event-store';
import { loadReferenceData, type ReferenceData, type RoadMap } from '@samvirke/reference-data';
import { InsertBatchingTransaction } from '../runner/insert-batching-transaction';
import type { Projection, ProjectionTransaction } from '../runner/projection';
import { CASE_ACCESS_COLUMNS_SQL, writeCaseAccessChange } from './case-access-columns';
import { CASE_STREAM_PREFIX, caseEventRecord } from './case-event';
import type { RoadMapFacts } from './road-map-deadlines';
import { casesNeedingPriorState, foldTimeline, type TimelineChange, type TimelineItemRow, type TimelinePriorState } from './timeline-fold';
import { ENDED_RESOLUTION } from './timeline-status';
import { timelineTitle, type TimelineTitle } from './timeline-title';

export { TIMELINE_KINDS, type TimelineKind } from './timeline-fold';

export interface TimelineProjectionOptions {
  name?: string;
  /** Tests use their own stream prefix (still starting with `case-`) and table prefix. */
  streamPrefix?: string;
  tablePrefix?: string;
  referenceData?: ReferenceData;
}

export const TIMELINE_PROJECTION_NAME = 'timeline';

export function timelineTables(tablePrefix = ''): { item: string; caseRow: string } {
  return { item: `${tablePrefix}timeline_item`, caseRow: `${tablePrefix}timeline_case` };
}

/**
 * The coordination timeline of a case: one row per thing that happened or is due, across agencies.
 *
 * Rows store dates only: `item_on` (where the row sits on the timeline: the deadline of an open
 * item, the day it happened or was met otherwise), `due_on` (the deadline, if any) and `done_on`.
 * "Due" and "overdue" depend on today, so readers compute them (see timeline-status.ts); nothing
 * time-dependent is stored, and a rebuild gives the same rows whenever it runs.
 *
 * Rows about a shared entry or an information request carry the entry's author agency, recipients
 * and sensitivity, so readers filter them with entryVisibilitySql; the other rows have NULL there
 * and are visible to whoever may see the case (the case row holds the case-visibility columns).
 *
 * Road-map deadlines come from reference data (shipped with the code, so deterministic for a
 * release): a change to the road maps or to their completion rules needs a version bump.
 *
 * The one clear personal fact kept here is the birth date in `road_map_facts` (road maps apply from
 * an age). A citizen erasure removes it and leaves the road-map rows as they were derived: they
 * hold no identity, and after a citizen erasure the decider accepts no event that changes a road
 * map's facts (the case is closed and cannot be reopened), so nothing recomputes them without it.
 * Everything personal elsewhere in these tables is ciphertext (`detail_sealed`).
 *
 * A row's title is stored language-neutral (`title_key`, `title_args`: see timeline-title.ts) for
 * readers to render in their language, and in English in `title`.
 *
 * The rules are in timeline-fold.ts (pure); this file loads what the fold needs of the batch's
 * cases (their road-map facts, one query), and writes the fold's changes: item inserts and the
 * releases' upserts gather by shape into multi-row statements (InsertBatchingTransaction, keyed by
 * case and item, so a release does not cut a run of item rows), a run of road maps of distinct cases
 * goes as three statements, and the rest one statement each.
 */
export function createTimelineProjection(options: TimelineProjectionOptions = {}): Projection {
  const tables = timelineTables(options.tablePrefix);
  const referenceData = options.referenceData ?? loadReferenceData();
  const writer = new TimelineWriter(tables, referenceData);
  return {
    name: options.name ?? TIMELINE_PROJECTION_NAME,
    // 2: a citizen erasure removes the birth date from road_map_facts.
    // 3: road maps start from their triggers (not from programme enrolment), offsets in calendar
    //    units, items that no longer apply end (resolution 'ended'), road_map_facts.closedOn.
    //    4: a referral of a citizen who already has the case ('referral' rows, for its coordinator);
    //    escalation rows (FlowEscalated) came in the same version.
    // 5: an erasure marker, and a citizen erasure ends every open item (issue 21).
    // 6: shares, acknowledgements and requests on their real-world day (sharedOn, acknowledgedOn,
    //    requestedOn: history recorded later), as road-map evidence too.
    // 7: titles stored language-neutral too (title_key, title_args), rendered in the reader's
    //    language when read; the English title names agencies by name, not code.
    version: 7,
    streamPrefixes: [options.streamPrefix ?? CASE_STREAM_PREFIX],
    tables: [tables.item, tables.caseRow],
    schemaSql: `
      CREATE TABLE ${tables.caseRow} (
        case_id text PRIMARY KEY,
        ${CASE_ACCESS_COLUMNS_SQL},
        status text NOT NULL DEFAULT 'open',
        ssp_level smallint,
        last_conference_on date,
        road_map_facts jsonb NOT NULL DEFAULT '{"birthDate":null,"enrolments":[],"custodies":[],"evidence":[],"closedOn":null}'
      );
      CREATE TABLE ${tables.item} (
        case_id text NOT NULL,
        item_id text NOT NULL,
        kind text NOT NULL,
        item_on date NOT NULL,
        due_on date,
        done_on date,
        resolution text,
        owner_agency text,
        title text,
        title_key text,
        title_args jsonb,
        detail_sealed text,
        related_id text,
        road_map_code text,
        road_map_item text,
        entry_author_agency text,
        entry_shared_with text[],
        entry_sensitivity text,
        PRIMARY KEY (case_id, item_id)
      );
      CREATE INDEX ${tables.item}_by_date ON ${tables.item} (case_id, item_on, kind, item_id);
      CREATE INDEX ${tables.item}_open ON ${tables.item} (case_id, due_on) WHERE done_on IS NULL;`,
    async apply(events: RecordedEvent[], db: ProjectionTransaction) {
      const records = events.map(caseEventRecord);
      const prior = await writer.loadPriorState(db, casesNeedingPriorState(records));
      writer.write(foldTimeline(prior, records, writer.roadMaps), new InsertBatchingTransaction(db));
    },
  };
}

/** Turns the fold's changes into statements on the timeline's tables. */
class TimelineWriter {
  readonly roadMaps: readonly RoadMap[];

  constructor(
    private readonly tables: { item: string; caseRow: string },
    private readonly referenceData: ReferenceData,
  ) {
    this.roadMaps = [...referenceData.roadMaps.values()];
  }

  async loadPriorState(db: ProjectionTransaction, caseIds: string[]): Promise<TimelinePriorState> {
    if (caseIds.length === 0) return new Map();
    const { rows } = await db.query<{ case_id: string; road_map_facts: RoadMapFacts }>(
      `SELECT case_id, road_map_facts FROM ${this.tables.caseRow} WHERE case_id = ANY($1::text[])`,
      [caseIds],
    );
    return new Map(rows.map((row) => [row.case_id, { roadMapFacts: row.road_map_facts }]));
  }

  write(changes: readonly TimelineChange[], db: InsertBatchingTransaction): void {
    for (let index = 0; index < changes.length;) {
      const change = changes[index];
      if (change.type !== 'replace-road-map') {
        this.writeChange(change, db);
        index += 1;
        continue;
      }
      // The road maps of the batch's end, one per case: three statements for the run, not three per case.
      const run = [change];
      const cases = new Set([change.caseId]);
      for (let next = changes[index + run.length]; next?.type === 'replace-road-map' && !cases.has(next.caseId); next = changes[index + run.length]) {
        run.push(next);
        cases.add(next.caseId);
      }
      this.replaceRoadMaps(run, db);
      index += run.length;
    }
    db.flush();
  }

  /** Road maps of distinct cases: their facts, their rows gone, the new rows (gathered with the batch's other item inserts). */
  private replaceRoadMaps(changes: ReadonlyArray<Extract<TimelineChange, { type: 'replace-road-map' }>>, db: InsertBatchingTransaction): void {
    const { item, caseRow } = this.tables;
    db.write(
      `UPDATE ${caseRow} c SET road_map_facts = v.facts FROM jsonb_to_recordset($1::jsonb) AS v(case_id text, facts jsonb) WHERE c.case_id = v.case_id`,
      [JSON.stringify(changes.map((change) => ({ case_id: change.caseId, facts: change.facts })))],
    );
    db.write(`DELETE FROM ${item} WHERE case_id = ANY($1::text[]) AND kind = 'road-map'`, [changes.map((change) => change.caseId)]);
    for (const change of changes) for (const row of change.rows) this.insert(db, row);
  }

  /** The stored columns of a title (English, key, arguments) as statement parameters: the arguments as JSON text, for `$n::jsonb`. */
  private titleColumns(title: TimelineTitle | null): [string | null, string | null, string | null] {
    const [english, key, args] = this.titleValues(title);
    return [english, key, args === null ? null : JSON.stringify(args)];
  }

  /** Title, key and arguments as an `insertLater` row's values (the arguments as the JSON value itself). */
  private titleValues(title: TimelineTitle | null): [string | null, string | null, TimelineTitle['args'] | null] {
    if (!title) return [null, null, null];
    return [timelineTitle(title, 'en', this.referenceData), title.key, title.args];
  }

  private writeChange(change: TimelineChange, db: InsertBatchingTransaction): void {
    const { item, caseRow } = this.tables;
    switch (change.type) {
      case 'case-access':
        writeCaseAccessChange(db, caseRow, change.caseId, change.change);
        return;
      case 'insert-item':
        this.insert(db, change.row);
        return;
      case 'expect-release': {
        // The expected release is a deadline that moves; once the release happened it no longer does.
        const itemId = `release:${change.custodyId}`;
        db.insertLater(
          item,
          EXPECT_RELEASE_COLUMNS,
          [
            change.caseId,
            itemId,
            'release',
            change.expectedOn,
            change.expectedOn,
            change.ownerAgency,
            ...this.titleValues({ key: 'expected-release', args: {} }),
            change.custodyId,
          ],
          `ON CONFLICT (case_id, item_id) DO UPDATE SET due_on = excluded.due_on,
             item_on = CASE WHEN ${item}.done_on IS NULL THEN excluded.item_on ELSE ${item}.item_on END`,
          itemKey(change.caseId, itemId),
        );
        return;
      }
      case 'release': {
        const itemId = `release:${change.custodyId}`;
        db.insertLater(
          item,
          RELEASE_COLUMNS,
          [change.caseId, itemId, 'release', change.releasedOn, change.releasedOn, change.resolution, change.ownerAgency, change.custodyId],
          'ON CONFLICT (case_id, item_id) DO UPDATE SET item_on = excluded.item_on, done_on = excluded.done_on, resolution = excluded.resolution',
          itemKey(change.caseId, itemId),
        );
        return;
      }
      case 'insert-escalation':
        db.write(
          `INSERT INTO ${item} (case_id, item_id, kind, item_on, due_on, done_on, resolution, owner_agency, title, title_key, title_args, related_id,
             entry_author_agency, entry_shared_with, entry_sensitivity)
           SELECT f.case_id, $3, 'escalation', $4::date, NULL, $4::date, $5, $6, $7, $8, $9::jsonb, f.related_id, f.entry_author_agency, f.entry_shared_with, f.entry_sensitivity
           FROM ${item} f WHERE f.case_id = $1 AND f.item_id = $2
           ON CONFLICT (case_id, item_id) DO NOTHING`,
          [change.caseId, change.flowItemId, change.itemId, change.on, change.step, change.ownerAgency, ...this.titleColumns(change.title)],
        );
        return;
      case 'forget-birth-date':
        db.write(`UPDATE ${caseRow} SET road_map_facts = jsonb_set(road_map_facts, '{birthDate}', 'null'::jsonb) WHERE case_id = $1`, [change.caseId]);
        return;
      case 'end-open-items':
        db.write(
          `UPDATE ${item} SET done_on = $2, item_on = $2, resolution = '${ENDED_RESOLUTION}' WHERE case_id = $1 AND done_on IS NULL AND resolution IS NULL`,
          [change.caseId, change.on],
        );
        return;
      case 'replace-road-map':
        this.replaceRoadMaps([change], db);
        return;
      case 'change-cases':
        db.write(
          `UPDATE ${caseRow} c SET status = COALESCE(v.status, c.status), ssp_level = COALESCE(v.ssp_level, c.ssp_level),
             last_conference_on = GREATEST(c.last_conference_on, v.last_conference_on)
           FROM unnest($1::text[], $2::text[], $3::smallint[], $4::date[]) AS v(case_id, status, ssp_level, last_conference_on)
           WHERE c.case_id = v.case_id`,
          [
            change.changes.map((c) => c.caseId),
            change.changes.map((c) => c.status ?? null),
            change.changes.map((c) => c.sspLevel ?? null),
            change.changes.map((c) => c.lastConferenceOn ?? null),
          ],
        );
        return;
      case 'resolve-items':
        // A met item moves to the day it was met on the timeline; its deadline stays in due_on.
        db.write(
          `UPDATE ${item} i SET done_on = v.done_on, item_on = v.done_on, resolution = v.resolution,
             detail_sealed = COALESCE(v.detail_sealed, i.detail_sealed)
           FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[]) AS v(case_id, item_id, done_on, resolution, detail_sealed)
           WHERE i.case_id = v.case_id AND i.item_id = v.item_id AND i.done_on IS NULL`,
          [
            change.resolutions.map((r) => r.caseId),
            change.resolutions.map((r) => r.itemId),
            change.resolutions.map((r) => r.doneOn),
            change.resolutions.map((r) => r.resolution),
            change.resolutions.map((r) => r.detailSealed),
          ],
        );
        return;
      default: {
        const unhandled: never = change;
        throw new Error(`unhandled timeline change ${JSON.stringify(unhandled)}`);
      }
    }
  }

  private insert(db: InsertBatchingTransaction, row: TimelineItemRow): void {
    db.insertLater(
      this.tables.item,
      ITEM_INSERT_COLUMNS,
      [
        row.caseId,
        row.itemId,
        row.kind,
        row.itemOn,
        row.dueOn,
        row.doneOn,
        row.resolution,
        row.ownerAgency,
        ...this.titleValues(row.title),
        row.detailSealed,
        row.relatedId,
        row.entry?.authorAgency ?? null,
        row.entry ? [...row.entry.sharedWith] : null,
        row.entry?.sensitivity ?? null,
        row.roadMapCode,
        row.roadMapItem,
      ],
      undefined,
      itemKey(row.caseId, row.itemId),
    );
  }
}

/** An item row's conflict key (case, item) for InsertBatchingTransaction: rows of other keys may go in the same statements. */
function itemKey(caseId: string, itemId: string): string {
  return `${caseId}\u0000${itemId}`;
}

const EXPECT_RELEASE_COLUMNS = ['case_id', 'item_id', 'kind', 'item_on', 'due_on', 'owner_agency', 'title', 'title_key', 'title_args', 'related_id'] as const;
const RELEASE_COLUMNS = ['case_id', 'item_id', 'kind', 'item_on', 'done_on', 'resolution', 'owner_agency', 'related_id'] as const;

/** Every row goes in with all columns, so item and road-map rows of a batch share one statement. */
const ITEM_INSERT_COLUMNS = [
  'case_id',
  'item_id',
  'kind',
  'item_on',
  'due_on',
  'done_on',
  'resolution',
  'owner_agency',
  'title',
  'title_key',
  'title_args',
  'detail_sealed',
  'related_id',
  'entry_author_agency',
  'entry_shared_with',
  'entry_sensitivity',
  'road_map_code',
  'road_map_item',
] as const;
