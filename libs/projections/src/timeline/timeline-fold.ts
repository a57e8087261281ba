/**
 * The timeline's rules as a pure fold: given the road-map facts of the batch's cases (what the
 * projection reads from its own tables) and a batch of case events, the row changes to make, in
 * the order to make them. No SQL, no clock, no I/O: timeline.projection.ts loads the facts, calls
 * `foldTimeline` and turns each change into its statement; timeline-fold.spec.ts specifies the
 * rules as events in, rows out, without a database.
 *
 * Some changes are conditional on rows the fold does not load, and say so; the writer keeps the
 * condition in SQL: an item insert keeps the row already there (`insert-item`), a resolution only
 * meets an open item (`resolve-items`), an escalation copies the audience of the flow's row if there
 * is one (`insert-escalation`), an erasure ends what is still open (`end-open-items`). Loading every
 * item of a case for each batch would cost a long case far more than these conditions do.
 *
 * Order matters where a change reads what an earlier one wrote (an escalation needs its flow's row,
 * an erasure ends only what is open by then), so the changes come as one list in the order of the
 * events. What no statement of the batch reads waits for the end of the batch, as one change each:
 * the road maps (recomputed once per case from the case's facts, however many events moved them),
 * the case-row columns, and the resolutions (after every insert, so an item added and met in the
 * same batch is there to be met; the first resolution of an item wins, as only an open item is met).
 * A citizen erasure is the exception: it writes its case's road map and every resolution so far
 * first, so it ends the same items whether it comes alone or in a batch.
 */
import { copenhagenDate, type CaseEvent } from '@samvirke/case';
import type { RoadMap } from '@samvirke/reference-data';
import { caseAccessChangeOf, type CaseAccessChange } from './case-access-columns';
import type { CaseEventRecord } from './case-event';
import { emptyRoadMapFacts, roadMapDeadlines, type RoadMapEvidence, type RoadMapFacts } from './road-map-deadlines';
import type { TimelineTitle } from './timeline-title';
import { ENDED_RESOLUTION } from './timeline-status';

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

/** Who may see a row about a shared entry or an information request (NULL columns: whoever sees the case). */
export interface TimelineEntryAudience {
  readonly authorAgency: string;
  readonly sharedWith: readonly string[];
  readonly sensitivity: string;
}

/** One row of the item table, every column but the English title (rendered from `title` when written). */
export interface TimelineItemRow {
  readonly caseId: string;
  readonly itemId: string;
  readonly kind: TimelineKind;
  readonly itemOn: string;
  readonly dueOn: string | null;
  readonly doneOn: string | null;
  readonly resolution: string | null;
  readonly ownerAgency: string | null;
  readonly title: TimelineTitle | null;
  readonly detailSealed: string | null;
  readonly relatedId: string | null;
  readonly entry: TimelineEntryAudience | null;
  readonly roadMapCode: string | null;
  readonly roadMapItem: string | null;
}

/** Case-row columns no statement of the batch reads, merged per case over the batch. */
export interface TimelineCaseChange {
  readonly caseId: string;
  readonly status?: 'open' | 'closed';
  readonly sspLevel?: number;
  /** The latest conference of the batch; the row keeps the later of it and what it had. */
  readonly lastConferenceOn?: string;
}

export interface TimelineResolution {
  readonly caseId: string;
  readonly itemId: string;
  readonly doneOn: string;
  readonly resolution: string;
  /** Replaces the row's detail when given (an answer's text); null keeps it. */
  readonly detailSealed: string | null;
}

/** One row change; see the file comment for the conditional ones. */
export type TimelineChange =
  | { readonly type: 'case-access'; readonly caseId: string; readonly change: CaseAccessChange }
  /** Inserted unless a row with its id is there (then that row stays as it is). */
  | { readonly type: 'insert-item'; readonly row: TimelineItemRow }
  /**
   * The release row's deadline: inserted open, or on the row already there the deadline moves, and
   * so does its place on the timeline while the release has not happened.
   */
  | { readonly type: 'expect-release'; readonly caseId: string; readonly custodyId: string; readonly expectedOn: string; readonly ownerAgency: string | null }
  /** The release itself: inserted done, or the row already there is done on that day (its deadline stays). */
  | {
      readonly type: 'release';
      readonly caseId: string;
      readonly custodyId: string;
      readonly releasedOn: string;
      readonly resolution: string;
      readonly ownerAgency: string | null;
    }
  /**
   * An escalation row, done on `on`, copying related id and audience from the flow's row
   * (`flowItemId`); nothing when the flow has no row, and the first row of an id stays.
   */
  | {
      readonly type: 'insert-escalation';
      readonly caseId: string;
      readonly flowItemId: string;
      readonly itemId: string;
      readonly on: string;
      readonly step: string;
      readonly ownerAgency: string;
      readonly title: TimelineTitle;
    }
  /** road_map_facts loses the birth date (a citizen erasure). */
  | { readonly type: 'forget-birth-date'; readonly caseId: string }
  /** Every item of the case still open and unresolved ends on `on`. */
  | { readonly type: 'end-open-items'; readonly caseId: string; readonly on: string }
  /** The case's facts are stored and its road-map rows replaced by `rows`. */
  | { readonly type: 'replace-road-map'; readonly caseId: string; readonly facts: RoadMapFacts; readonly rows: readonly TimelineItemRow[] }
  | { readonly type: 'change-cases'; readonly changes: readonly TimelineCaseChange[] }
  /** Each meets its item if the item is there and open; others are left as they are. */
  | { readonly type: 'resolve-items'; readonly resolutions: readonly TimelineResolution[] };

/**
 * What the fold needs to know of a case before the batch: its road-map facts, for each case that
 * has a case row. A case absent from the map has no row (yet): its facts start on CaseOpened.
 */
export type TimelinePriorState = ReadonlyMap<string, { readonly roadMapFacts: RoadMapFacts }>;

/** The cases of a batch whose prior state the fold reads: those with an event that changes road-map facts. */
export function casesNeedingPriorState(records: readonly CaseEventRecord[]): string[] {
  const caseIds = new Set<string>();
  for (const { caseId, event, actingAgency } of records) {
    if (factsChangeOf(event) !== undefined || evidenceOf(event, actingAgency) !== undefined) caseIds.add(caseId);
  }
  return [...caseIds];
}

const dateOf = (instant: string) => copenhagenDate(new Date(instant));

/**
 * Folds a batch of case events into the row changes they make. `prior` must hold every case of
 * casesNeedingPriorState(records) that has a case row; it is not changed.
 */
export function foldTimeline(prior: TimelinePriorState, records: readonly CaseEventRecord[], roadMaps: readonly RoadMap[]): TimelineChange[] {
  const batch = new TimelineBatch(prior, roadMaps);
  for (const record of records) batch.apply(record);
  return batch.finish();
}

class TimelineBatch {
  private readonly changes: TimelineChange[] = [];
  /** The facts as the case row holds them by now, for cases that have a row. */
  private readonly stored = new Map<string, RoadMapFacts>();
  /** Facts changed in this batch, not written yet (`changed`: whether the road map must be written). */
  private readonly roadMapFacts = new Map<string, { facts: RoadMapFacts; changed: boolean }>();
  private readonly caseChanges = new Map<string, { status?: 'open' | 'closed'; sspLevel?: number; lastConferenceOn?: string }>();
  private readonly resolutions = new Map<string, TimelineResolution>();

  constructor(
    prior: TimelinePriorState,
    private readonly roadMaps: readonly RoadMap[],
  ) {
    for (const [caseId, { roadMapFacts }] of prior) this.stored.set(caseId, roadMapFacts);
  }

  apply(record: CaseEventRecord): void {
    const { caseId, event, actingAgency } = record;
    const access = caseAccessChangeOf(event);
    if (access !== undefined) {
      this.changes.push({ type: 'case-access', caseId, change: access });
      if (access.kind === 'opened' && !this.stored.has(caseId)) this.stored.set(caseId, emptyRoadMapFacts());
    }
    if (event.type === 'CitizenDataErased' && event.data.scope === 'citizen') {
      // The rows stay as derived before the erasure (see timeline.projection.ts): write them now, then forget the birth date.
      this.writeRoadMap(caseId);
      this.roadMapFacts.delete(caseId);
    }
    this.applyItems(record);
    const evidenceFor = evidenceOf(event, actingAgency);
    const factsChange = factsChangeOf(event);
    if (evidenceFor || factsChange)
      this.changeRoadMapFacts(caseId, (facts) => {
        if (factsChange) factsChange(facts);
        const evidence = evidenceFor?.();
        if (evidence && !facts.evidence.some((e) => e.kind === evidence.kind && e.agency === evidence.agency && e.on === evidence.on)) {
          facts.evidence.push(evidence);
          return true;
        }
        return factsChange !== undefined;
      });
  }

  /** What the batch left pending: the changed road maps, the case rows, then the resolutions. */
  finish(): TimelineChange[] {
    for (const caseId of this.roadMapFacts.keys()) this.writeRoadMap(caseId);
    this.roadMapFacts.clear();
    if (this.caseChanges.size > 0)
      this.changes.push({ type: 'change-cases', changes: [...this.caseChanges].map(([caseId, change]) => ({ caseId, ...change })) });
    this.caseChanges.clear();
    this.writeResolutions();
    return this.changes;
  }

  private applyItems({ caseId, event, actingAgency, revision }: CaseEventRecord): void {
    switch (event.type) {
      case 'CaseClosed':
        this.changeCase(caseId, { status: 'closed' });
        return;
      case 'CaseReopened':
        this.changeCase(caseId, { status: 'open' });
        return;
      case 'ReferralReceived': {
        // Another referral of the case's citizen: for whoever sees the case (the referrer, unless on
        // it, sees neither the case nor this row). The reason is case-level text, like the opening one.
        const receivedOn = dateOf(event.data.receivedAt);
        this.insert(caseId, {
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
        this.changeCase(caseId, { sspLevel: event.data.level });
        return;
      case 'ActionAdded':
        this.insert(caseId, {
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
        this.resolve(caseId, `action:${event.data.actionId}`, event.data.completedOn, 'completed');
        return;
      case 'ActionCancelled':
        this.resolve(caseId, `action:${event.data.actionId}`, dateOf(event.data.cancelledAt), 'cancelled');
        return;
      case 'InformationShared': {
        const entry = { authorAgency: event.data.fromAgency, sharedWith: event.data.sharedWith, sensitivity: event.data.sensitivity };
        const sharedOn = event.data.sharedOn ?? dateOf(event.data.sharedAt);
        this.insert(caseId, {
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
          this.insert(caseId, {
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
          caseId,
          `acknowledgement:${event.data.entryId}:${event.data.agency}`,
          event.data.acknowledgedOn ?? dateOf(event.data.acknowledgedAt),
          'acknowledged',
        );
        return;
      case 'InformationRequested': {
        const entry = { authorAgency: event.data.fromAgency, sharedWith: [event.data.toAgency], sensitivity: 'normal' };
        const requestedOn = event.data.requestedOn ?? dateOf(event.data.requestedAt);
        this.insert(caseId, {
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
        this.insert(caseId, {
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
        this.resolve(caseId, `answer:${event.data.requestId}`, dateOf(event.data.answeredAt), 'answered', event.data.answer.sealed);
        return;
      case 'InformationRequestDeclined':
        this.resolve(caseId, `answer:${event.data.requestId}`, dateOf(event.data.declinedAt), 'declined', event.data.note?.sealed ?? null);
        return;
      case 'FlowEscalated': {
        // One row per step taken, seen by whoever sees the flow: it copies the entry columns of the
        // flow's own row (the acknowledgement or answer awaited). No personal text: codes and counts.
        // No deadline of its own: the step is a fact that happened on its day (the flow's row is what is late).
        const flowItemId =
          event.data.flow === 'information' ? `acknowledgement:${event.data.entryId}:${event.data.toAgency}` : `answer:${event.data.requestId}`;
        this.changes.push({
          type: 'insert-escalation',
          caseId,
          flowItemId,
          itemId: `escalation:${flowItemId}:${event.data.step}`,
          on: dateOf(event.data.escalatedAt),
          step: event.data.step,
          ownerAgency: event.data.toAgency,
          title: {
            key: 'escalation',
            args: {
              step: event.data.step,
              agency: event.data.toAgency,
              waitingFor: event.data.flow === 'information' ? 'acknowledgement' : 'answer',
              workingDaysLate: event.data.workingDaysLate,
              coordinator: Boolean(event.data.coordinatorId),
            },
          },
        });
        return;
      }
      case 'CaseConferenceHeld':
        this.insert(caseId, {
          itemId: `conference:${event.data.conferenceId}`,
          kind: 'conference',
          itemOn: event.data.heldOn,
          doneOn: event.data.heldOn,
          resolution: 'held',
          ownerAgency: actingAgency,
          title: { key: 'conference', args: { decisions: event.data.decisions.length, agencies: event.data.agenciesPresent } },
          relatedId: event.data.conferenceId,
        });
        this.changeCase(caseId, { lastConferenceOn: event.data.heldOn });
        return;
      case 'CustodyStarted':
        this.insert(caseId, {
          itemId: `custody-start:${event.data.custodyId}`,
          kind: 'custody-start',
          itemOn: event.data.startedOn,
          doneOn: event.data.startedOn,
          resolution: 'started',
          ownerAgency: actingAgency,
          title: { key: 'custody', args: { kind: event.data.kind, institution: event.data.institution } },
          relatedId: event.data.custodyId,
        });
        if (event.data.expectedReleaseOn !== undefined) this.expectRelease(caseId, event.data.custodyId, event.data.expectedReleaseOn, actingAgency);
        return;
      case 'ExpectedReleaseChanged':
        this.expectRelease(caseId, event.data.custodyId, event.data.expectedReleaseOn, actingAgency);
        return;
      case 'CitizenDataErased': {
        const erasedOn = dateOf(event.data.erasedAt);
        if (event.data.scope === 'citizen') {
          this.changes.push({ type: 'forget-birth-date', caseId });
          const facts = this.stored.get(caseId);
          if (facts !== undefined) this.stored.set(caseId, { ...facts, birthDate: null });
          // Nothing is due on an erased case any more (it is closed and cannot be reopened): every item
          // still open, road-map deadlines included, ends on the day of the erasure, neither done nor overdue.
          // What was resolved before the erasure in this batch is written first, so a rebuild ends the same items as live.
          this.writeResolutions();
          this.changes.push({ type: 'end-open-items', caseId, on: erasedOn });
        }
        // The marker: who erased is in the log; the timeline says what was erased, when and why.
        this.insert(caseId, {
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
        this.changes.push({
          type: 'release',
          caseId,
          custodyId: event.data.custodyId,
          releasedOn: event.data.releasedOn,
          resolution: event.data.conditional ? 'conditionally-released' : 'released',
          ownerAgency: actingAgency,
        });
        return;
      default:
        return;
    }
  }

  private insert(caseId: string, row: Pick<TimelineItemRow, 'itemId' | 'kind' | 'itemOn' | 'ownerAgency'> & Partial<TimelineItemRow>): void {
    this.changes.push({
      type: 'insert-item',
      row: {
        caseId,
        itemId: row.itemId,
        kind: row.kind,
        itemOn: row.itemOn,
        dueOn: row.dueOn ?? null,
        doneOn: row.doneOn ?? null,
        resolution: row.resolution ?? null,
        ownerAgency: row.ownerAgency,
        title: row.title ?? null,
        detailSealed: row.detailSealed ?? null,
        relatedId: row.relatedId ?? null,
        entry: row.entry ?? null,
        roadMapCode: null,
        roadMapItem: null,
      },
    });
  }

  /** The expected release of a custody, when it starts with one or when it moves. */
  private expectRelease(caseId: string, custodyId: string, expectedOn: string, ownerAgency: string | null): void {
    this.changes.push({ type: 'expect-release', caseId, custodyId, expectedOn, ownerAgency });
  }

  private changeCase(caseId: string, change: { status?: 'open' | 'closed'; sspLevel?: number; lastConferenceOn?: string }): void {
    const pending = this.caseChanges.get(caseId) ?? {};
    if (change.status !== undefined) pending.status = change.status;
    if (change.sspLevel !== undefined) pending.sspLevel = change.sspLevel;
    if (change.lastConferenceOn !== undefined && (pending.lastConferenceOn === undefined || change.lastConferenceOn > pending.lastConferenceOn)) {
      pending.lastConferenceOn = change.lastConferenceOn;
    }
    this.caseChanges.set(caseId, pending);
  }

  /** A met item moves to the day it was met on the timeline; its deadline stays in due_on. The first per item wins. */
  private resolve(caseId: string, itemId: string, doneOn: string, resolution: string, detailSealed?: string | null): void {
    const key = `${caseId}\u0000${itemId}`;
    if (!this.resolutions.has(key)) this.resolutions.set(key, { caseId, itemId, doneOn, resolution, detailSealed: detailSealed ?? null });
  }

  private writeResolutions(): void {
    if (this.resolutions.size === 0) return;
    this.changes.push({ type: 'resolve-items', resolutions: [...this.resolutions.values()] });
    this.resolutions.clear();
  }

  /** `change` returns whether it changed anything; an unchanged fact (a second share on a day) costs nothing. */
  private changeRoadMapFacts(caseId: string, change: (facts: RoadMapFacts) => boolean): void {
    let entry = this.roadMapFacts.get(caseId);
    if (!entry) {
      const stored = this.stored.get(caseId);
      if (stored === undefined) return;
      // A copy: the prior state is the caller's, and facts change in place below.
      entry = { facts: copyOf({ ...emptyRoadMapFacts(), ...stored }), changed: false };
      this.roadMapFacts.set(caseId, entry);
    }
    if (change(entry.facts)) entry.changed = true;
  }

  /** Road-map rows are recomputed whole from the case's facts, so a moved anchor moves them all. */
  private writeRoadMap(caseId: string): void {
    const entry = this.roadMapFacts.get(caseId);
    if (!entry?.changed) return;
    entry.changed = false;
    // No copy needed: the entry is dropped once written (finish, or an erasure), so these facts change no more.
    const facts = entry.facts;
    this.stored.set(caseId, facts);
    const rows = roadMapDeadlines(entry.facts, this.roadMaps).map((deadline): TimelineItemRow => {
      // An ended item sits on the day it stopped applying, like a met one on the day it was met.
      const doneOn = deadline.metOn ?? deadline.endedOn;
      return {
        caseId,
        itemId: deadline.itemId,
        kind: 'road-map',
        itemOn: doneOn ?? deadline.dueOn,
        dueOn: deadline.dueOn,
        doneOn,
        resolution: deadline.metOn !== null ? 'met' : deadline.endedOn !== null ? ENDED_RESOLUTION : null,
        ownerAgency: deadline.ownerAgency,
        title: { key: 'road-map-item', args: { roadMap: deadline.roadMapCode, item: deadline.itemCode } },
        detailSealed: null,
        relatedId: deadline.custodyId,
        entry: null,
        roadMapCode: deadline.roadMapCode,
        roadMapItem: deadline.itemCode,
      };
    });
    this.changes.push({ type: 'replace-road-map', caseId, facts, rows });
  }
}

/** A copy whose parts facts change in place (enrolments, custodies, the evidence list) are its own. */
function copyOf(facts: RoadMapFacts): RoadMapFacts {
  return {
    ...facts,
    enrolments: facts.enrolments.map((enrolment) => ({ ...enrolment })),
    custodies: facts.custodies.map((custody) => ({ ...custody })),
    evidence: [...facts.evidence],
  };
}

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

/** The evidence an event gives, if any; a function, so asking whether there is any costs no date conversion. */
function evidenceOf(event: CaseEvent, actingAgency: string | null): (() => RoadMapEvidence) | undefined {
  switch (event.type) {
    case 'CoordinatorAssigned':
      return () => ({ kind: 'coordinator-appointed', agency: event.data.agency, on: dateOf(event.data.assignedAt) });
    case 'CoordinatorChanged':
      return () => ({ kind: 'coordinator-appointed', agency: event.data.agency, on: dateOf(event.data.changedAt) });
    case 'InformationShared':
      return () => ({ kind: 'information-sent', agency: event.data.fromAgency, on: event.data.sharedOn ?? dateOf(event.data.sharedAt) });
    case 'InformationRequested':
      return () => ({ kind: 'information-sent', agency: event.data.fromAgency, on: event.data.requestedOn ?? dateOf(event.data.requestedAt) });
    case 'GoalSet':
      return () => ({ kind: 'goal-set', agency: actingAgency, on: dateOf(event.data.setAt) });
    case 'ProgressionAssessed':
      return () => ({ kind: 'progression-assessed', agency: event.data.assessedBy, on: event.data.assessedOn });
    case 'ActionAdded':
      return () => ({ kind: 'action-added', agency: event.data.responsibleAgency, on: dateOf(event.data.addedAt) });
    case 'CaseConferenceHeld':
      return () => ({ kind: 'conference-held', agency: actingAgency, on: event.data.heldOn });
    default:
      return undefined;
  }
}
