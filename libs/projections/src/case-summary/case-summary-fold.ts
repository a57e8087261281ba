/**
 * The case summary as a pure fold over a case's events: `foldCaseSummary(summary, event)` is the
 * whole logic of the projection, and the projection only loads, folds and stores rows. Keeping it
 * free of SQL makes it a plain specification (case-summary-fold.spec.ts) and keeps batch and
 * one-by-one application identical by construction.
 *
 * Nothing time-dependent is folded in: SSP+ eligibility changes with birthdays, so the row keeps the
 * facts it is computed from (birth date, every assessment, every enrolment) and the reader computes
 * it with the clock. The name stays ciphertext; it is opened per request, for users who may see it.
 *
 * Activity is kept per audience, because what a reader sees of it must move only with events that
 * reader may see (libs/access entry-visibility): a shared entry, its acknowledgements, a request and
 * its answer are seen by the author's agency and the receiving agencies (a sealed-identity entry
 * only by the users named on the identity), every other event by whoever sees the case. So the
 * summary keeps the last case-level activity, the last entry activity per agency, the last
 * sealed-identity activity, and the last of all (auditors); the reader's view takes the latest of
 * those it may see (see readerActivitySql in case-summary-query.ts). Open requests are kept with
 * their two agencies for the same reason. Entries still awaiting an acknowledgement are remembered
 * with their audience, so the acknowledgement moves the same readers; once every recipient has
 * acknowledged, the entry is forgotten (the decider refuses a second acknowledgement).
 *
 * A citizen erasure (CitizenDataErased, scope 'citizen') empties the identity columns: the name's
 * ciphertext is unreadable once the keys are destroyed anyway, but the birth date and district are
 * clear text and would otherwise outlive the erasure here. What remains is the case's coordination
 * history (levels, agencies, programmes, custody), which names nobody without the identity.
 */
import type { CaseEvent, CustodyKind, SspCategory } from '@samvirke/case';

export interface AssessmentFact {
  readonly level: SspCategory;
  readonly assessedBy: string;
  readonly assessedOn: string;
}

export interface EnrolmentFact {
  readonly programmeCode: string;
  readonly startedOn: string;
  readonly endedOn?: string;
}

export interface CustodyFact {
  readonly custodyId: string;
  readonly kind: CustodyKind;
  readonly institution: string;
  readonly startedOn: string;
  readonly expectedReleaseOn?: string;
}

/** Who may see an entry (or a request: an entry of its sender shared with its receiver). */
export interface EntryAudience {
  readonly authorAgency: string;
  readonly sharedWith: readonly string[];
  readonly sensitivity: string;
}

export interface PendingEntry extends EntryAudience {
  /** Recipients that have not acknowledged it yet. */
  readonly awaiting: readonly string[];
}

export interface OpenRequest {
  readonly requestId: string;
  readonly fromAgency: string;
  readonly toAgency: string;
}

export interface CaseSummaryRecord {
  readonly caseId: string;
  readonly citizenId: string;
  readonly status: 'open' | 'closed';
  readonly openedAt: string;
  /** The real-world day the case was opened, where it was recorded later (history import); null when it was not given. */
  readonly openedOn: string | null;
  readonly closedAt: string | null;
  readonly closeReason: string | null;
  readonly referredBy: string;
  /** Ciphertext of the citizen's name, as it came in the event; null once the citizen was erased. */
  readonly sealedName: string | null;
  /** Null exactly when the citizen was erased (as is `districtCode`). */
  readonly birthDate: string | null;
  readonly districtCode: string | null;
  /** When the citizen's data was erased (the event's `erasedAt`); null while it is not. */
  readonly erasedAt: string | null;
  /** The level of the latest assessment by `assessedOn`; same day: the one recorded last. */
  readonly sspLevel: SspCategory | null;
  readonly sspLevelOn: string | null;
  /** Every assessment in recording order, for eligibility "as of" the reading day. */
  readonly assessments: readonly AssessmentFact[];
  readonly coordinatorId: string | null;
  readonly coordinatorAgency: string | null;
  /** Agencies on the case now, in the order they joined. */
  readonly agencies: readonly string[];
  /** Every enrolment, current and ended, in the order they started. */
  readonly enrolments: readonly EnrolmentFact[];
  readonly custody: CustodyFact | null;
  /** Ids rather than counters: a repeated or unknown completion cannot push a count out of true. */
  readonly openActionIds: readonly string[];
  /** With their agencies: a request is seen only by its sender's and its receiver's agency. */
  readonly openRequests: readonly OpenRequest[];
  /** When the last event of the case was recorded (what auditors see). */
  readonly lastActivityAt: string;
  /** When the last event everyone who sees the case may see was recorded. */
  readonly caseActivityAt: string;
  /** Per agency: when the last entry or request that agency may see was recorded. */
  readonly agencyActivityAt: Readonly<Record<string, string>>;
  /** When the last sealed-identity entry (or acknowledgement of one) was recorded. */
  readonly sealedActivityAt: string | null;
  /** Entries some recipient has not acknowledged yet, by entry id. */
  readonly pendingEntries: Readonly<Record<string, PendingEntry>>;
  /** The stream revision of the last event folded in; older revisions are skipped (idempotence). */
  readonly lastRevision: number;
}

export interface CaseEventEnvelope {
  readonly caseId: string;
  readonly event: CaseEvent;
  readonly streamRevision: number;
  readonly recordedAt: Date;
}

/** Programmes the citizen is enrolled in now. */
export function activeProgrammes(summary: Pick<CaseSummaryRecord, 'enrolments'>): string[] {
  return summary.enrolments.filter((enrolment) => enrolment.endedOn === undefined).map((enrolment) => enrolment.programmeCode);
}

/**
 * Folds one event into the summary of its case. `undefined` means "no case yet": everything before
 * CaseOpened is ignored, as the decider never writes it. An event the summary does not show (a
 * shared entry, a charge, ...) still moves the activity of those who may see it. The summary given
 * is never changed; the same one comes back when the event was folded in already.
 */
export function foldCaseSummary(summary: CaseSummaryRecord | undefined, envelope: CaseEventEnvelope): CaseSummaryRecord | undefined {
  return foldCaseSummaryEvents(summary, [envelope]);
}

/**
 * Folds a case's events in order, as `foldCaseSummary` one after another would, at the cost of one
 * copy of the summary's lists for all of them: a case with thousands of open actions or pending
 * entries would otherwise copy them for every event (a rebuild's batch holds hundreds of one case's
 * events). The summary given is never changed.
 */
export function foldCaseSummaryEvents(summary: CaseSummaryRecord | undefined, envelopes: readonly CaseEventEnvelope[]): CaseSummaryRecord | undefined {
  let draft: Draft | undefined;
  for (const { event, caseId, streamRevision, recordedAt } of envelopes) {
    if (draft === undefined && summary === undefined) {
      if (event.type === 'CaseOpened') draft = draftOf(opened(caseId, event, streamRevision, recordedAt));
      continue;
    }
    if (streamRevision <= (draft?.lastRevision ?? (summary as CaseSummaryRecord).lastRevision)) continue;
    draft ??= draftOf(summary as CaseSummaryRecord);
    const at = recordedAt.toISOString();
    touch(draft, audienceOf(draft, event), at);
    draft.lastActivityAt = at;
    draft.lastRevision = streamRevision;
    change(draft, event);
  }
  return draft === undefined ? summary : recordOf(draft);
}

function opened(caseId: string, event: Extract<CaseEvent, { type: 'CaseOpened' }>, streamRevision: number, recordedAt: Date): CaseSummaryRecord {
  const d = event.data;
  return {
    caseId,
    citizenId: d.citizenId,
    status: 'open',
    openedAt: d.openedAt,
    openedOn: d.openedOn ?? null,
    closedAt: null,
    closeReason: null,
    referredBy: d.referredBy,
    // Birth date and district are opened by the privacy layer while the citizen's key lives (issue 21).
    // A rebuild after an erasure gets neither (identityUnavailable): the identity is gone as a whole,
    // until the erasure event later in the stream sets its own time. 'unopenable' (a process without
    // the master key; the API and worker refuse to start so) is logged by the opening store.
    sealedName: d.identityUnavailable ? null : d.name.sealed,
    birthDate: d.identityUnavailable ? null : (d.birthDate ?? null),
    districtCode: d.identityUnavailable ? null : (d.districtCode ?? null),
    erasedAt: d.identityUnavailable ? (d.identityUnavailable.erasedAt ?? recordedAt.toISOString()) : null,
    sspLevel: null,
    sspLevelOn: null,
    assessments: [],
    coordinatorId: null,
    coordinatorAgency: null,
    agencies: [],
    enrolments: [],
    custody: null,
    openActionIds: [],
    openRequests: [],
    lastActivityAt: recordedAt.toISOString(),
    caseActivityAt: recordedAt.toISOString(),
    agencyActivityAt: {},
    sealedActivityAt: null,
    pendingEntries: {},
    lastRevision: streamRevision,
  };
}

/**
 * A summary being folded: its own copies of the lists, changed in place. Open actions, open requests
 * and pending entries are kept in insertion-ordered maps, so adding, finding and removing one costs
 * the same however many there are, and the order comes out as the lists had it (an entry still
 * awaiting someone after an acknowledgement moves to the end, as it did).
 */
type Draft = {
  -readonly [
    K in Exclude<keyof CaseSummaryRecord, 'assessments' | 'agencies' | 'enrolments' | 'openActionIds' | 'openRequests' | 'agencyActivityAt' | 'pendingEntries'>
  ]: CaseSummaryRecord[K];
} & {
  assessments: AssessmentFact[];
  agencies: string[];
  enrolments: EnrolmentFact[];
  openActionIds: Set<string>;
  openRequests: Map<string, OpenRequest>;
  agencyActivityAt: Record<string, string>;
  pendingEntries: Map<string, PendingEntry>;
};

function draftOf(summary: CaseSummaryRecord): Draft {
  return {
    ...summary,
    assessments: [...summary.assessments],
    agencies: [...summary.agencies],
    enrolments: [...summary.enrolments],
    openActionIds: new Set(summary.openActionIds),
    openRequests: new Map(summary.openRequests.map((request) => [request.requestId, request])),
    agencyActivityAt: { ...summary.agencyActivityAt },
    pendingEntries: new Map(Object.entries(summary.pendingEntries)),
  };
}

function recordOf(draft: Draft): CaseSummaryRecord {
  return {
    ...draft,
    openActionIds: [...draft.openActionIds],
    openRequests: [...draft.openRequests.values()],
    pendingEntries: Object.fromEntries(draft.pendingEntries),
  };
}

/** 'auditors': an event nobody else is shown (an acknowledgement or answer of nothing known). */
type ActivityAudience = { kind: 'case' } | { kind: 'entry'; entry: EntryAudience } | { kind: 'auditors' };

/** Who may see an event, decided on the summary before the event (an answer needs its open request). */
function audienceOf(summary: Draft, event: CaseEvent): ActivityAudience {
  switch (event.type) {
    case 'InformationShared':
      return { kind: 'entry', entry: { authorAgency: event.data.fromAgency, sharedWith: event.data.sharedWith, sensitivity: event.data.sensitivity } };
    case 'InformationAcknowledged': {
      const pending = summary.pendingEntries.get(event.data.entryId);
      return pending === undefined ? { kind: 'auditors' } : { kind: 'entry', entry: pending };
    }
    case 'InformationRequested':
      return { kind: 'entry', entry: requestAudience(event.data) };
    case 'InformationRequestAnswered':
    case 'InformationRequestDeclined': {
      const request = summary.openRequests.get(event.data.requestId);
      return request === undefined ? { kind: 'auditors' } : { kind: 'entry', entry: requestAudience(request) };
    }
    case 'FlowEscalated': {
      // Only those who see the exchange learn that it was chased (a sealed-identity entry's escalation included).
      if (event.data.flow === 'information') {
        const pending = event.data.entryId === undefined ? undefined : summary.pendingEntries.get(event.data.entryId);
        return pending === undefined ? { kind: 'auditors' } : { kind: 'entry', entry: pending };
      }
      const request = event.data.requestId === undefined ? undefined : summary.openRequests.get(event.data.requestId);
      return request === undefined ? { kind: 'auditors' } : { kind: 'entry', entry: requestAudience(request) };
    }
    default:
      return { kind: 'case' };
  }
}

/** As entryVisibilitySql reads a request: an entry of its sender shared with its receiver. */
function requestAudience(request: Pick<OpenRequest, 'fromAgency' | 'toAgency'>): EntryAudience {
  return { authorAgency: request.fromAgency, sharedWith: [request.toAgency], sensitivity: 'normal' };
}

function touch(draft: Draft, audience: ActivityAudience, at: string): void {
  switch (audience.kind) {
    case 'case':
      draft.caseActivityAt = at;
      return;
    case 'auditors':
      return;
    case 'entry':
      if (audience.entry.sensitivity === 'sealed-identity') draft.sealedActivityAt = at;
      else for (const agency of [audience.entry.authorAgency, ...audience.entry.sharedWith]) draft.agencyActivityAt[agency] = at;
  }
}

function change(draft: Draft, event: CaseEvent): void {
  switch (event.type) {
    case 'CaseClosed':
      draft.status = 'closed';
      draft.closedAt = event.data.closedAt;
      draft.closeReason = event.data.reason;
      return;
    case 'CaseReopened':
      draft.status = 'open';
      draft.closedAt = null;
      draft.closeReason = null;
      return;
    case 'SspCategoryAssessed': {
      const { level, assessedBy, assessedOn } = event.data;
      draft.assessments.push({ level, assessedBy, assessedOn });
      const current = latestAssessment(draft.assessments);
      draft.sspLevel = current.level;
      draft.sspLevelOn = current.assessedOn;
      return;
    }
    case 'CoordinatorAssigned':
    case 'CoordinatorChanged':
      draft.coordinatorId = event.data.coordinatorId;
      draft.coordinatorAgency = event.data.agency;
      return;
    case 'AgencyJoinedCase':
      if (!draft.agencies.includes(event.data.agency)) draft.agencies.push(event.data.agency);
      return;
    case 'AgencyLeftCase':
      draft.agencies = draft.agencies.filter((agency) => agency !== event.data.agency);
      return;
    case 'EnrolledInProgramme': {
      const { programmeCode, startedOn } = event.data;
      if (!activeProgrammes(draft).includes(programmeCode)) draft.enrolments.push({ programmeCode, startedOn });
      return;
    }
    case 'ExitedProgramme': {
      const { programmeCode, endedOn } = event.data;
      draft.enrolments = draft.enrolments.map((enrolment) =>
        enrolment.programmeCode === programmeCode && enrolment.endedOn === undefined ? { ...enrolment, endedOn } : enrolment,
      );
      return;
    }
    case 'InformationShared': {
      const { entryId, fromAgency, sharedWith, sensitivity } = event.data;
      if (draft.pendingEntries.has(entryId) || sharedWith.length === 0) return;
      draft.pendingEntries.set(entryId, { authorAgency: fromAgency, sharedWith: [...sharedWith], sensitivity, awaiting: [...new Set(sharedWith)] });
      return;
    }
    case 'InformationAcknowledged': {
      const pending = draft.pendingEntries.get(event.data.entryId);
      if (pending === undefined) return;
      draft.pendingEntries.delete(event.data.entryId);
      const awaiting = pending.awaiting.filter((agency) => agency !== event.data.agency);
      if (awaiting.length > 0) draft.pendingEntries.set(event.data.entryId, { ...pending, awaiting });
      return;
    }
    case 'InformationRequested': {
      const { requestId, fromAgency, toAgency } = event.data;
      if (!draft.openRequests.has(requestId)) draft.openRequests.set(requestId, { requestId, fromAgency, toAgency });
      return;
    }
    case 'InformationRequestAnswered':
    case 'InformationRequestDeclined':
      draft.openRequests.delete(event.data.requestId);
      return;
    case 'ActionAdded':
      draft.openActionIds.add(event.data.actionId);
      return;
    case 'ActionCompleted':
    case 'ActionCancelled':
      draft.openActionIds.delete(event.data.actionId);
      return;
    case 'CustodyStarted': {
      const { custodyId, kind, institution, startedOn, expectedReleaseOn } = event.data;
      draft.custody = { custodyId, kind, institution, startedOn, ...(expectedReleaseOn === undefined ? {} : { expectedReleaseOn }) };
      return;
    }
    case 'ExpectedReleaseChanged':
      if (draft.custody?.custodyId === event.data.custodyId) draft.custody = { ...draft.custody, expectedReleaseOn: event.data.expectedReleaseOn };
      return;
    case 'ReleasedFromCustody':
      if (draft.custody?.custodyId === event.data.custodyId) draft.custody = null;
      return;
    case 'CitizenDataErased':
      // An agency scope shreds only that agency's contributions (ciphertext here at most), not the identity.
      if (event.data.scope !== 'citizen') return;
      // The first erasure's date stands: a later one (the decider refuses it) erases nothing new.
      draft.sealedName = null;
      draft.birthDate = null;
      draft.districtCode = null;
      draft.erasedAt = draft.erasedAt ?? event.data.erasedAt;
      return;
    default:
      return;
  }
}

/** Same rule as the decider's eligibility: the latest `assessedOn` wins; on a tie, the later record. */
function latestAssessment(assessments: readonly AssessmentFact[]): AssessmentFact {
  return assessments.reduce((latest, assessment) => (assessment.assessedOn >= latest.assessedOn ? assessment : latest));
}
