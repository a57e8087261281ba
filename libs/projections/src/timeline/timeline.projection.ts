import { copenhagenDate, type CaseEvent } from '@samvirke/case';
import type { RecordedEvent } from '@samvirke/event-store';
import { loadReferenceData, type ReferenceData, type RoadMap } from '@samvirke/reference-data';
import { InsertBatchingTransaction } from '../runner/insert-batching-transaction';
import type { Projection, ProjectionTransaction } from '../runner/projection';
import { applyCaseAccessEvent, CASE_ACCESS_COLUMNS_SQL } from './case-access-columns';
import { CASE_STREAM_PREFIX, caseEventRecord, type CaseEventRecord } from './case-event';
import { ENDED_RESOLUTION } from './timeline-status';
import { emptyRoadMapFacts, roadMapDeadlines, type RoadMapEvidenceKind, type RoadMapFacts } from './road-map-deadlines';
import { timelineTitle, type TimelineTitle } from './timeline-title';

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
 */
export const TIMELINE_KINDS = [
  'action',
  'information-share',
  'acknowledgement',
  'information-request',
  'information-answer',
  'conference',
  'custody-start',
  'release',
  'road-map',
  'referral',
  'escalation',
  'erasure',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

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
      const batch = new TimelineBatch(new InsertBatchingTransaction(db));
      for (const event of events) await writer.apply(caseEventRecord(event), batch);
      writer.finish(batch);
    },
  };
}

interface ItemRow {
  itemId: string;
  kind: TimelineKind;
  itemOn: string;
  dueOn?: string | null;
  doneOn?: string | null;
  resolution?: string | null;
  ownerAgency: string | null;
  title?: TimelineTitle;
  detailSealed?: string | null;
  relatedId?: string | null;
  entry?: { authorAgency: string; sharedWith: readonly string[]; sensitivity: string };
}

const dateOf = (instant: string) => copenhagenDate(new Date(instant));

/**
 * What one `apply` call has in hand: the transaction (runs of item inserts go out as one statement)
 * and the road-map facts of the cases the batch touched. Road-map rows are derived from the facts
 * as a whole, so they are recomputed once per case at the end of the batch rather than after every
 * event that changes a fact: the rows are the same, and a case's 100 shares in one batch cost one
 * recomputation instead of 100.
 */
class TimelineBatch {
  readonly roadMaps = new Map<string, { facts: RoadMapFacts; changed: boolean }>();
  /**
   * Changes to case-row columns no other statement of the batch reads, and resolutions of items,
   * kept to be written as one statement each at the end of the batch. A resolution only applies to
   * an open item, so the first one per item wins, as it would one statement at a time.
   */
  readonly caseChanges = new Map<string, { status?: 'open' | 'closed'; sspLevel?: number; lastConferenceOn?: string }>();
  readonly resolutions = new Map<string, { caseId: string; itemId: string; doneOn: string; resolution: string; detailSealed: string | null }>();
  constructor(readonly db: InsertBatchingTransaction) {}

  changeCase(caseId: string, change: { status?: 'open' | 'closed'; sspLevel?: number; lastConferenceOn?: string }): void {
    const pending = this.caseChanges.get(caseId) ?? {};
    if (change.status !== undefined) pending.status = change.status;
    if (change.sspLevel !== undefined) pending.sspLevel = change.sspLevel;
    if (change.lastConferenceOn !== undefined && (pending.lastConferenceOn === undefined || change.lastConferenceOn > pending.lastConferenceOn)) {
      pending.lastConferenceOn = change.lastConferenceOn;
    }
    this.caseChanges.set(caseId, pending);
  }
}

class TimelineWriter {
  private readonly roadMaps: readonly RoadMap[];

  constructor(
    private readonly tables: { item: string; caseRow: string },
    private readonly referenceData: ReferenceData,
  ) {
    this.roadMaps = [...referenceData.roadMaps.values()];
  }

  /** The stored columns of a title: English, key, arguments (JSON). */
  private titleColumns(title: TimelineTitle | undefined): [string | null, string | null, string | null] {
    if (!title) return [null, null, null];
    return [timelineTitle(title, 'en', this.referenceData), title.key, JSON.stringify(title.args)];
  }

  async apply(record: CaseEventRecord, batch: TimelineBatch): Promise<void> {
    const db = batch.db;
    applyCaseAccessEvent(db, this.tables.caseRow, record);
    const { caseId, event, actingAgency } = record;
    if (event.type === 'CitizenDataErased' && event.data.scope === 'citizen') {
      // The rows stay as derived before the erasure (see above): write them now, then forget the birth date.
      this.writeRoadMap(caseId, batch);
      batch.roadMaps.delete(caseId);
    }
    this.applyItems(caseId, event, actingAgency, batch, record.revision);
    const evidence = evidenceOf(event, actingAgency);
    const factsChange = factsChangeOf(event);
    if (evidence || factsChange)
      await this.changeRoadMapFacts(caseId, batch, (facts) => {
        if (factsChange) factsChange(facts);
        if (evidence && !facts.evidence.some((e) => e.kind === evidence.kind && e.agency === evidence.agency && e.on === evidence.on)) {
          facts.evidence.push(evidence);
          return true;
        }
        return factsChange !== undefined;
      });
  }

  /** Writes what the batch left pending: the last item inserts and the changed road maps. */
  finish(batch: TimelineBatch): void {
    for (const caseId of batch.roadMaps.keys()) this.writeRoadMap(caseId, batch);
    batch.roadMaps.clear();
    this.writeCaseChanges(batch);
    // After every insert of the batch (write flushes them first), so an item added and met in the
    // same batch is there to be met.
    this.writeResolutions(batch);
    batch.db.flush();
  }

  private applyItems(caseId: string, event: CaseEvent, actingAgency: string | null, batch: TimelineBatch, revision: number): void {
    const { item, caseRow } = this.tables;
    const db = batch.db;
    switch (event.type) {
      case 'CaseClosed':
        batch.changeCase(caseId, { status: 'closed' });
        return;
      case 'CaseReopened':
        batch.changeCase(caseId, { status: 'open' });
        return;
      case 'ReferralReceived': {
        // Another referral of the case's citizen: for whoever sees the case (the referrer, unless on
        // it, sees neither the case nor this row). The reason is case-level text, like the opening one.
        const receivedOn = dateOf(event.data.receivedAt);
        this.insert(db, caseId, {
          itemId: `referral:${revision}`,
          kind: 'referral',
          itemOn: receivedOn,
          doneOn: receivedOn,
          resolution: 'received',
          ownerAgency: event.data.referredBy,
          title: { key: 'referral', args: { agency: event.data.referredBy } },
          detailSealed: event.data.reason.sealed,
        });
        return;
      }
      case 'SspCategoryAssessed':
        batch.changeCase(caseId, { sspLevel: event.data.level });
        return;
      case 'ActionAdded':
        this.insert(db, caseId, {
          itemId: `action:${event.data.actionId}`,
          kind: 'action',
          itemOn: event.data.dueDate,
          dueOn: event.data.dueDate,
          ownerAgency: event.data.responsibleAgency,
          detailSealed: event.data.title.sealed,
          relatedId: event.data.actionId,
        });
        return;
      case 'ActionCompleted':
        this.resolve(batch, caseId, `action:${event.data.actionId}`, event.data.completedOn, 'completed');
        return;
      case 'ActionCancelled':
        this.resolve(batch, caseId, `action:${event.data.actionId}`, dateOf(event.data.cancelledAt), 'cancelled');
        return;
      case 'InformationShared': {
        const entry = { authorAgency: event.data.fromAgency, sharedWith: event.data.sharedWith, sensitivity: event.data.sensitivity };
        const sharedOn = event.data.sharedOn ?? dateOf(event.data.sharedAt);
        this.insert(db, caseId, {
          itemId: `share:${event.data.entryId}`,
          kind: 'information-share',
          itemOn: sharedOn,
          doneOn: sharedOn,
          resolution: 'sent',
          ownerAgency: event.data.fromAgency,
          detailSealed: event.data.summary.sealed,
          relatedId: event.data.entryId,
          entry,
        });
        for (const recipient of event.data.sharedWith) {
          this.insert(db, caseId, {
            itemId: `acknowledgement:${event.data.entryId}:${recipient}`,
            kind: 'acknowledgement',
            itemOn: sharedOn,
            ownerAgency: recipient,
            relatedId: event.data.entryId,
            entry,
          });
        }
        return;
      }
      case 'InformationAcknowledged':
        this.resolve(
          batch,
          caseId,
          `acknowledgement:${event.data.entryId}:${event.data.agency}`,
          event.data.acknowledgedOn ?? dateOf(event.data.acknowledgedAt),
          'acknowledged',
        );
        return;
      case 'InformationRequested': {
        const entry = { authorAgency: event.data.fromAgency, sharedWith: [event.data.toAgency], sensitivity: 'normal' };
        const requestedOn = event.data.requestedOn ?? dateOf(event.data.requestedAt);
        this.insert(db, caseId, {
          itemId: `request:${event.data.requestId}`,
          kind: 'information-request',
          itemOn: requestedOn,
          doneOn: requestedOn,
          resolution: 'sent',
          ownerAgency: event.data.fromAgency,
          detailSealed: event.data.question.sealed,
          relatedId: event.data.requestId,
          entry,
        });
        this.insert(db, caseId, {
          itemId: `answer:${event.data.requestId}`,
          kind: 'information-answer',
          itemOn: event.data.dueDate,
          dueOn: event.data.dueDate,
          ownerAgency: event.data.toAgency,
          relatedId: event.data.requestId,
          entry,
        });
        return;
      }
      case 'InformationRequestAnswered':
        this.resolve(batch, caseId, `answer:${event.data.requestId}`, dateOf(event.data.answeredAt), 'answered', event.data.answer.sealed);
        return;
      case 'InformationRequestDeclined':
        this.resolve(batch, caseId, `answer:${event.data.requestId}`, dateOf(event.data.declinedAt), 'declined', event.data.note?.sealed ?? null);
        return;
      case 'FlowEscalated': {
        // One row per step taken, seen by whoever sees the flow: it copies the entry columns of the
        // flow's own row (the acknowledgement or answer awaited). No personal text: codes and counts.
        // No deadline of its own: the step is a fact that happened on its day (the flow's row is what is late).
        const flowItemId =
          event.data.flow === 'information' ? `acknowledgement:${event.data.entryId}:${event.data.toAgency}` : `answer:${event.data.requestId}`;
        const title = this.titleColumns({
          key: 'escalation',
          args: {
            step: event.data.step,
            agency: event.data.toAgency,
            waitingFor: event.data.flow === 'information' ? 'acknowledgement' : 'answer',
            workingDaysLate: event.data.workingDaysLate,
            coordinator: Boolean(event.data.coordinatorId),
          },
        });
        db.write(
          `INSERT INTO ${item} (case_id, item_id, kind, item_on, due_on, done_on, resolution, owner_agency, title, title_key, title_args, related_id,
             entry_author_agency, entry_shared_with, entry_sensitivity)
           SELECT f.case_id, $3, 'escalation', $4::date, NULL, $4::date, $5, $6, $7, $8, $9::jsonb, f.related_id, f.entry_author_agency, f.entry_shared_with, f.entry_sensitivity
           FROM ${item} f WHERE f.case_id = $1 AND f.item_id = $2
           ON CONFLICT (case_id, item_id) DO NOTHING`,
          [caseId, flowItemId, `escalation:${flowItemId}:${event.data.step}`, dateOf(event.data.escalatedAt), event.data.step, event.data.toAgency, ...title],
        );
        return;
      }
      case 'CaseConferenceHeld':
        this.insert(db, caseId, {
          itemId: `conference:${event.data.conferenceId}`,
          kind: 'conference',
          itemOn: event.data.heldOn,
          doneOn: event.data.heldOn,
          resolution: 'held',
          ownerAgency: actingAgency,
          title: { key: 'conference', args: { decisions: event.data.decisions.length, agencies: event.data.agenciesPresent } },
          relatedId: event.data.conferenceId,
        });
        batch.changeCase(caseId, { lastConferenceOn: event.data.heldOn });
        return;
      case 'CustodyStarted':
        this.insert(db, caseId, {
          itemId: `custody-start:${event.data.custodyId}`,
          kind: 'custody-start',
          itemOn: event.data.startedOn,
          doneOn: event.data.startedOn,
          resolution: 'started',
          ownerAgency: actingAgency,
          title: { key: 'custody', args: { kind: event.data.kind, institution: event.data.institution } },
          relatedId: event.data.custodyId,
        });
        if (event.data.expectedReleaseOn !== undefined) this.expectRelease(db, caseId, event.data.custodyId, event.data.expectedReleaseOn, actingAgency);
        return;
      case 'ExpectedReleaseChanged':
        this.expectRelease(db, caseId, event.data.custodyId, event.data.expectedReleaseOn, actingAgency);
        return;
      case 'CitizenDataErased': {
        const erasedOn = dateOf(event.data.erasedAt);
        if (event.data.scope === 'citizen') {
          db.write(`UPDATE ${caseRow} SET road_map_facts = jsonb_set(road_map_facts, '{birthDate}', 'null'::jsonb) WHERE case_id = $1`, [caseId]);
          // Nothing is due on an erased case any more (it is closed and cannot be reopened): every item
          // still open, road-map deadlines included, ends on the day of the erasure, neither done nor overdue.
          // What was resolved before the erasure in this batch is written first, so a rebuild ends the same items as live.
          this.writeResolutions(batch);
          db.write(
            `UPDATE ${item} SET done_on = $2, item_on = $2, resolution = '${ENDED_RESOLUTION}' WHERE case_id = $1 AND done_on IS NULL AND resolution IS NULL`,
            [caseId, erasedOn],
          );
        }
        // The marker: who erased is in the log; the timeline says what was erased, when and why.
        this.insert(db, caseId, {
          itemId: `erasure:${revision}`,
          kind: 'erasure',
          itemOn: erasedOn,
          doneOn: erasedOn,
          resolution: 'erased',
          ownerAgency: event.data.scope === 'citizen' ? null : event.data.scope,
          title:
            event.data.scope === 'citizen'
              ? { key: 'erasure-citizen', args: { reason: event.data.reason } }
              : { key: 'erasure-agency', args: { agency: event.data.scope, reason: event.data.reason } },
        });
        return;
      }
      case 'ReleasedFromCustody':
        db.write(
          `INSERT INTO ${item} (case_id, item_id, kind, item_on, done_on, resolution, owner_agency, related_id)
           VALUES ($1, $2, 'release', $3, $3, $4, $5, $6)
           ON CONFLICT (case_id, item_id) DO UPDATE SET item_on = excluded.item_on, done_on = excluded.done_on, resolution = excluded.resolution`,
          [
            caseId,
            `release:${event.data.custodyId}`,
            event.data.releasedOn,
            event.data.conditional ? 'conditionally-released' : 'released',
            actingAgency,
            event.data.custodyId,
          ],
        );
        return;
      default:
        return;
    }
  }

  /** The expected release is a deadline that moves; once the release happened it no longer does. */
  private expectRelease(db: InsertBatchingTransaction, caseId: string, custodyId: string, expectedOn: string, agency: string | null): void {
    db.write(
      `INSERT INTO ${this.tables.item} (case_id, item_id, kind, item_on, due_on, owner_agency, title, title_key, title_args, related_id)
       VALUES ($1, $2, 'release', $3, $3, $4, $6, $7, $8::jsonb, $5)
       ON CONFLICT (case_id, item_id) DO UPDATE SET due_on = excluded.due_on,
         item_on = CASE WHEN ${this.tables.item}.done_on IS NULL THEN excluded.item_on ELSE ${this.tables.item}.item_on END`,
      [caseId, `release:${custodyId}`, expectedOn, agency, custodyId, ...this.titleColumns({ key: 'expected-release', args: {} })],
    );
  }

  private insert(db: InsertBatchingTransaction, caseId: string, row: ItemRow): void {
    db.insertLater(this.tables.item, ITEM_INSERT_COLUMNS, [
      caseId,
      row.itemId,
      row.kind,
      row.itemOn,
      row.dueOn ?? null,
      row.doneOn ?? null,
      row.resolution ?? null,
      row.ownerAgency,
      ...this.titleColumns(row.title),
      row.detailSealed ?? null,
      row.relatedId ?? null,
      row.entry?.authorAgency ?? null,
      row.entry ? [...row.entry.sharedWith] : null,
      row.entry?.sensitivity ?? null,
      null,
      null,
    ]);
  }

  /** Written at the end of the batch (writeResolutions). */
  private resolve(batch: TimelineBatch, caseId: string, itemId: string, doneOn: string, resolution: string, detailSealed?: string | null): void {
    const key = `${caseId}\u0000${itemId}`;
    if (!batch.resolutions.has(key)) batch.resolutions.set(key, { caseId, itemId, doneOn, resolution, detailSealed: detailSealed ?? null });
  }

  private writeCaseChanges(batch: TimelineBatch): void {
    if (batch.caseChanges.size === 0) return;
    const changes = [...batch.caseChanges];
    batch.caseChanges.clear();
    batch.db.write(
      `UPDATE ${this.tables.caseRow} c SET status = COALESCE(v.status, c.status), ssp_level = COALESCE(v.ssp_level, c.ssp_level),
         last_conference_on = GREATEST(c.last_conference_on, v.last_conference_on)
       FROM unnest($1::text[], $2::text[], $3::smallint[], $4::date[]) AS v(case_id, status, ssp_level, last_conference_on)
       WHERE c.case_id = v.case_id`,
      [
        changes.map(([caseId]) => caseId),
        changes.map(([, change]) => change.status ?? null),
        changes.map(([, change]) => change.sspLevel ?? null),
        changes.map(([, change]) => change.lastConferenceOn ?? null),
      ],
    );
  }

  /** A met item moves to the day it was met on the timeline; its deadline stays in due_on. */
  private writeResolutions(batch: TimelineBatch): void {
    if (batch.resolutions.size === 0) return;
    const resolutions = [...batch.resolutions.values()];
    batch.resolutions.clear();
    batch.db.write(
      `UPDATE ${this.tables.item} i SET done_on = v.done_on, item_on = v.done_on, resolution = v.resolution,
         detail_sealed = COALESCE(v.detail_sealed, i.detail_sealed)
       FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[]) AS v(case_id, item_id, done_on, resolution, detail_sealed)
       WHERE i.case_id = v.case_id AND i.item_id = v.item_id AND i.done_on IS NULL`,
      [
        resolutions.map((r) => r.caseId),
        resolutions.map((r) => r.itemId),
        resolutions.map((r) => r.doneOn),
        resolutions.map((r) => r.resolution),
        resolutions.map((r) => r.detailSealed),
      ],
    );
  }

  /** `change` returns whether it changed anything; an unchanged fact (a second share on a day) costs nothing. */
  private async changeRoadMapFacts(caseId: string, batch: TimelineBatch, change: (facts: RoadMapFacts) => boolean): Promise<void> {
    let entry = batch.roadMaps.get(caseId);
    if (!entry) {
      const found = await batch.db.query<{ road_map_facts: RoadMapFacts }>(`SELECT road_map_facts FROM ${this.tables.caseRow} WHERE case_id = $1`, [caseId]);
      if (found.rows.length === 0) return;
      entry = { facts: { ...emptyRoadMapFacts(), ...found.rows[0].road_map_facts }, changed: false };
      batch.roadMaps.set(caseId, entry);
    }
    if (change(entry.facts)) entry.changed = true;
  }

  /** Road-map rows are recomputed whole from the case's facts, so a moved anchor moves them all. */
  private writeRoadMap(caseId: string, batch: TimelineBatch): void {
    const entry = batch.roadMaps.get(caseId);
    if (!entry?.changed) return;
    entry.changed = false;
    const { item, caseRow } = this.tables;
    const { db } = batch;
    db.write(`UPDATE ${caseRow} SET road_map_facts = $2 WHERE case_id = $1`, [caseId, JSON.stringify(entry.facts)]);
    db.write(`DELETE FROM ${item} WHERE case_id = $1 AND kind = 'road-map'`, [caseId]);
    for (const deadline of roadMapDeadlines(entry.facts, this.roadMaps)) {
      // An ended item sits on the day it stopped applying, like a met one on the day it was met.
      const doneOn = deadline.metOn ?? deadline.endedOn;
      db.insertLater(item, ITEM_INSERT_COLUMNS, [
        caseId,
        deadline.itemId,
        'road-map',
        doneOn ?? deadline.dueOn,
        deadline.dueOn,
        doneOn,
        deadline.metOn !== null ? 'met' : deadline.endedOn !== null ? ENDED_RESOLUTION : null,
        deadline.ownerAgency,
        ...this.titleColumns({ key: 'road-map-item', args: { roadMap: deadline.roadMapCode, item: deadline.itemCode } }),
        null,
        deadline.custodyId,
        null,
        null,
        null,
        deadline.roadMapCode,
        deadline.itemCode,
      ]);
    }
  }
}

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

/** The change an event makes to the facts road maps are derived from, if any. */
function factsChangeOf(event: CaseEvent): ((facts: RoadMapFacts) => void) | undefined {
  switch (event.type) {
    case 'CaseOpened':
      return (facts) => void (facts.birthDate = event.data.birthDate ?? null);
    case 'CaseClosed':
      return (facts) => void (facts.closedOn = dateOf(event.data.closedAt));
    case 'CaseReopened':
      return (facts) => void (facts.closedOn = null);
    case 'EnrolledInProgramme':
      return (facts) => void facts.enrolments.push({ programmeCode: event.data.programmeCode, startedOn: event.data.startedOn, endedOn: null });
    case 'ExitedProgramme':
      return (facts) => {
        const open = facts.enrolments.find((e) => e.programmeCode === event.data.programmeCode && e.endedOn === null);
        if (open) open.endedOn = event.data.endedOn;
      };
    case 'CustodyStarted':
      return (facts) =>
        void facts.custodies.push({
          custodyId: event.data.custodyId,
          kind: event.data.kind,
          startedOn: event.data.startedOn,
          expectedReleaseOn: event.data.expectedReleaseOn ?? null,
          releasedOn: null,
        });
    case 'ExpectedReleaseChanged':
      return (facts) => {
        const custody = facts.custodies.find((c) => c.custodyId === event.data.custodyId);
        if (custody) custody.expectedReleaseOn = event.data.expectedReleaseOn;
      };
    case 'ReleasedFromCustody':
      return (facts) => {
        const custody = facts.custodies.find((c) => c.custodyId === event.data.custodyId);
        if (custody) custody.releasedOn = event.data.releasedOn;
      };
    default:
      return undefined;
  }
}

function evidenceOf(event: CaseEvent, actingAgency: string | null): { kind: RoadMapEvidenceKind; agency: string | null; on: string } | undefined {
  switch (event.type) {
    case 'CoordinatorAssigned':
      return { kind: 'coordinator-appointed', agency: event.data.agency, on: dateOf(event.data.assignedAt) };
    case 'CoordinatorChanged':
      return { kind: 'coordinator-appointed', agency: event.data.agency, on: dateOf(event.data.changedAt) };
    case 'InformationShared':
      return { kind: 'information-sent', agency: event.data.fromAgency, on: event.data.sharedOn ?? dateOf(event.data.sharedAt) };
    case 'InformationRequested':
      return { kind: 'information-sent', agency: event.data.fromAgency, on: event.data.requestedOn ?? dateOf(event.data.requestedAt) };
    case 'GoalSet':
      return { kind: 'goal-set', agency: actingAgency, on: dateOf(event.data.setAt) };
    case 'ProgressionAssessed':
      return { kind: 'progression-assessed', agency: event.data.assessedBy, on: event.data.assessedOn };
    case 'ActionAdded':
      return { kind: 'action-added', agency: event.data.responsibleAgency, on: dateOf(event.data.addedAt) };
    case 'CaseConferenceHeld':
      return { kind: 'conference-held', agency: actingAgency, on: event.data.heldOn };
    default:
      return undefined;
  }
}
