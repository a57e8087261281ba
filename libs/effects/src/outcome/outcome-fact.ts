import { copenhagenDate, type CaseEvent, type CaseEventType } from '@samvirke/case';
import type { RecordedEvent } from '@samvirke/event-store';

/**
 * One fact of a case's outcome history, as the outcome projection stores it: clear, non-personal
 * fields only (codes, dates, flags), never a sealed or decrypted text. `recordedAt` is when the
 * event entered the log; `on` is the business date it is about. An "as of T" report reads only
 * facts recorded at or before T, which is what makes a published report reproducible after later
 * corrections (a correction is a later-recorded fact with an earlier business date).
 */
export interface OutcomeFact {
  readonly caseId: string;
  readonly revision: number;
  readonly recordedAt: string;
  /** Agency the event was recorded on behalf of (event metadata). */
  readonly agency: string | null;
  readonly on: string;
  readonly detail: OutcomeFactDetail;
}

export type OutcomeFactDetail =
  /**
   * Birth date and district as the privacy layer opened them (issue 21): absent once the citizen's key
   * is gone, and a citizen erasure removes the birth date from the row (outcome.projection.ts).
   */
  | { readonly type: 'case-opened'; readonly birthDate?: string; readonly districtCode?: string }
  | { readonly type: 'case-closed' }
  | { readonly type: 'case-reopened' }
  | { readonly type: 'level-assessed'; readonly level: number }
  | { readonly type: 'enrolled'; readonly programmeCode: string }
  | { readonly type: 'exited'; readonly programmeCode: string; readonly exitReason: string }
  | { readonly type: 'custody-started'; readonly custodyKind: string; readonly custodyId?: string }
  | { readonly type: 'released'; readonly conditional: boolean; readonly custodyId?: string }
  /** An action added to the action plan, with the agency responsible for it (no title: it is sealed). */
  | { readonly type: 'action-added'; readonly responsibleAgency: string }
  | { readonly type: 'charged'; readonly offenceCategory: string }
  | { readonly type: 'convicted'; readonly offenceCategory: string; readonly dangerousToPersons: boolean }
  | { readonly type: 'employment-started'; readonly employmentId: string; readonly kind: string }
  | { readonly type: 'employment-ended'; readonly employmentId: string }
  | { readonly type: 'education-started'; readonly educationId: string }
  | { readonly type: 'education-ended'; readonly educationId: string }
  | { readonly type: 'education-completed'; readonly educationId: string }
  | { readonly type: 'self-sufficiency-reached' }
  | { readonly type: 'self-sufficiency-lost' }
  | { readonly type: 'progression-assessed'; readonly step: number }
  | { readonly type: 'information-shared'; readonly entryId: string; readonly sharedWith: readonly string[]; readonly at: string }
  | { readonly type: 'information-acknowledged'; readonly entryId: string; readonly receiver: string; readonly at: string }
  | { readonly type: 'conference-held'; readonly agenciesPresent: readonly string[] };

export type OutcomeFactType = OutcomeFactDetail['type'];

/** The event types that contribute a fact (detailOf); an event of any other type contributes none. */
export const OUTCOME_FACT_EVENT_TYPES = [
  'CaseOpened',
  'CaseClosed',
  'CaseReopened',
  'SspCategoryAssessed',
  'EnrolledInProgramme',
  'ExitedProgramme',
  'CustodyStarted',
  'ReleasedFromCustody',
  'ActionAdded',
  'ChargeRecorded',
  'ConvictionRecorded',
  'EmploymentStarted',
  'EmploymentEnded',
  'EducationStarted',
  'EducationEnded',
  'EducationCompleted',
  'SelfSufficiencyReached',
  'SelfSufficiencyLost',
  'ProgressionAssessed',
  'InformationShared',
  'InformationAcknowledged',
  'CaseConferenceHeld',
] as const satisfies readonly CaseEventType[];

/** The fact an event contributes to the outcome history, or undefined when it contributes none. */
export function outcomeFactOf(caseId: string, recorded: RecordedEvent): OutcomeFact | undefined {
  const found = detailOf({ type: recorded.type, data: recorded.data } as CaseEvent);
  if (found === undefined) return undefined;
  const agency = typeof recorded.metadata.agency === 'string' ? recorded.metadata.agency : null;
  return { caseId, revision: recorded.streamRevision, recordedAt: recorded.recordedAt.toISOString(), agency, on: found.on, detail: found.detail };
}

function detailOf(event: CaseEvent): { on: string; detail: OutcomeFactDetail } | undefined {
  switch (event.type) {
    case 'CaseOpened':
      return {
        // The real-world day the case was opened when history gave one (openedOn), else the day recorded.
        on: event.data.openedOn ?? copenhagenDate(new Date(event.data.openedAt)),
        detail: { type: 'case-opened', birthDate: event.data.birthDate, districtCode: event.data.districtCode },
      };
    case 'CaseClosed':
      return { on: copenhagenDate(new Date(event.data.closedAt)), detail: { type: 'case-closed' } };
    case 'CaseReopened':
      return { on: copenhagenDate(new Date(event.data.reopenedAt)), detail: { type: 'case-reopened' } };
    case 'SspCategoryAssessed':
      return { on: event.data.assessedOn, detail: { type: 'level-assessed', level: event.data.level } };
    case 'EnrolledInProgramme':
      return { on: event.data.startedOn, detail: { type: 'enrolled', programmeCode: event.data.programmeCode } };
    case 'ExitedProgramme':
      return { on: event.data.endedOn, detail: { type: 'exited', programmeCode: event.data.programmeCode, exitReason: event.data.exitReason } };
    case 'CustodyStarted':
      return { on: event.data.startedOn, detail: { type: 'custody-started', custodyKind: event.data.kind, custodyId: event.data.custodyId } };
    case 'ReleasedFromCustody':
      return { on: event.data.releasedOn, detail: { type: 'released', conditional: event.data.conditional, custodyId: event.data.custodyId } };
    case 'ActionAdded':
      return { on: copenhagenDate(new Date(event.data.addedAt)), detail: { type: 'action-added', responsibleAgency: event.data.responsibleAgency } };
    case 'ChargeRecorded':
      return { on: event.data.chargedOn, detail: { type: 'charged', offenceCategory: event.data.offenceCategory } };
    case 'ConvictionRecorded':
      return {
        on: event.data.convictedOn,
        detail: { type: 'convicted', offenceCategory: event.data.offenceCategory, dangerousToPersons: event.data.dangerousToPersons },
      };
    case 'EmploymentStarted':
      return { on: event.data.startedOn, detail: { type: 'employment-started', employmentId: event.data.employmentId, kind: event.data.kind } };
    case 'EmploymentEnded':
      return { on: event.data.endedOn, detail: { type: 'employment-ended', employmentId: event.data.employmentId } };
    case 'EducationStarted':
      return { on: event.data.startedOn, detail: { type: 'education-started', educationId: event.data.educationId } };
    case 'EducationEnded':
      return { on: event.data.endedOn, detail: { type: 'education-ended', educationId: event.data.educationId } };
    case 'EducationCompleted':
      return { on: event.data.completedOn, detail: { type: 'education-completed', educationId: event.data.educationId } };
    case 'SelfSufficiencyReached':
      return { on: event.data.reachedOn, detail: { type: 'self-sufficiency-reached' } };
    case 'SelfSufficiencyLost':
      return { on: event.data.lostOn, detail: { type: 'self-sufficiency-lost' } };
    case 'ProgressionAssessed':
      return { on: event.data.assessedOn, detail: { type: 'progression-assessed', step: event.data.step } };
    // A real-world day recorded with history (sharedOn, acknowledgedOn) stands for the instant: the
    // start of that day in UTC, so two such days are whole days apart and the delay counts days.
    case 'InformationShared':
      return {
        on: event.data.sharedOn ?? copenhagenDate(new Date(event.data.sharedAt)),
        detail: {
          type: 'information-shared',
          entryId: event.data.entryId,
          sharedWith: [...event.data.sharedWith],
          at: dayStart(event.data.sharedOn) ?? event.data.sharedAt,
        },
      };
    case 'InformationAcknowledged':
      return {
        on: event.data.acknowledgedOn ?? copenhagenDate(new Date(event.data.acknowledgedAt)),
        detail: {
          type: 'information-acknowledged',
          entryId: event.data.entryId,
          receiver: event.data.agency,
          at: dayStart(event.data.acknowledgedOn) ?? event.data.acknowledgedAt,
        },
      };
    case 'CaseConferenceHeld':
      return { on: event.data.heldOn, detail: { type: 'conference-held', agenciesPresent: [...event.data.agenciesPresent] } };
    default:
      return undefined;
  }
}

function dayStart(day: string | undefined): string | undefined {
  return day === undefined ? undefined : `${day}T00:00:00.000Z`;
}
