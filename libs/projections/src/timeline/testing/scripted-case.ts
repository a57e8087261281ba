import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '@samvirke/case';
import type { NewEvent } from '@samvirke/event-store';

/** A stand-in for a sealed value: read models store it as it is and never look inside. */
export const sealed = (label: string) => ({ sealed: `test-sealed:${label}` });

type Step = { by: { actor: string; agency: string }; event: CaseEvent };

const coordinator = { actor: 'coord-anna', agency: 'BIF' };
const prison = { actor: 'prison-cai', agency: 'KRIMINALFORSORGEN' };
const social = { actor: 'social-dan', agency: 'SOF' };

/**
 * A multi-agency case on the good-release road map, early 2026: sentence from 5 January with the
 * expected release moved from 5 January to 5 March 2028; the prison shares with the jobcentre (BIF,
 * acknowledges) and social services (SOF, does not); BIF asks SOF, which answers; an action is added
 * after admission; a conference is held. Ids are fixed per call so tests can assert rows.
 */
export function scriptedCase(ids: { entryId: string; requestId: string; actionId: string; custodyId: string; conferenceId: string }): NewEvent[] {
  const steps: Step[] = [
    {
      by: coordinator,
      event: {
        type: 'CaseOpened',
        data: {
          citizenId: randomUUID(),
          cprHash: 'hash',
          name: sealed('name'),
          cpr: sealed('cpr'),
          birthDate: '2004-05-01',
          districtCode: 'NORREBRO-1',
          referredBy: 'BIF',
          reason: sealed('reason'),
          openedAt: '2026-01-02T09:00:00.000Z',
        },
      },
    },
    {
      by: coordinator,
      event: {
        type: 'AgencyJoinedCase',
        data: { agency: 'BIF', entryPoint: { unit: 'Jobcentret', phone: '+45 1', email: 'a@b.dk' }, joinedAt: '2026-01-02T09:00:00.000Z' },
      },
    },
    { by: coordinator, event: { type: 'SspCategoryAssessed', data: { level: 3, rationale: sealed('why'), assessedBy: 'BIF', assessedOn: '2026-01-02' } } },
    { by: coordinator, event: { type: 'CoordinatorAssigned', data: { coordinatorId: 'coord-anna', agency: 'BIF', assignedAt: '2026-01-02T10:00:00.000Z' } } },
    {
      by: coordinator,
      event: {
        type: 'AgencyJoinedCase',
        data: { agency: 'KRIMINALFORSORGEN', entryPoint: { unit: 'KIF', phone: '+45 2', email: 'k@f.dk' }, joinedAt: '2026-01-02T11:00:00.000Z' },
      },
    },
    {
      by: coordinator,
      event: {
        type: 'AgencyJoinedCase',
        data: { agency: 'SOF', entryPoint: { unit: 'Unge', phone: '+45 3', email: 's@o.dk' }, joinedAt: '2026-01-02T11:00:00.000Z' },
      },
    },
    { by: coordinator, event: { type: 'EnrolledInProgramme', data: { programmeCode: 'JOB_EDU_CONVICTED', startedOn: '2026-01-03' } } },
    {
      by: prison,
      event: {
        type: 'CustodyStarted',
        data: { custodyId: ids.custodyId, kind: 'sentence', institution: 'Vestre Fængsel', startedOn: '2026-01-05', expectedReleaseOn: '2028-01-05' },
      },
    },
    {
      by: prison,
      event: {
        type: 'InformationShared',
        data: {
          entryId: ids.entryId,
          fromAgency: 'KRIMINALFORSORGEN',
          sharedWith: ['BIF', 'SOF'],
          legalBasis: 'RPL115-1-3',
          purpose: 'crime-prevention',
          sensitivity: 'normal',
          summary: sealed('summary'),
          sharedAt: '2026-01-06T08:00:00.000Z',
        },
      },
    },
    { by: coordinator, event: { type: 'InformationAcknowledged', data: { entryId: ids.entryId, agency: 'BIF', acknowledgedAt: '2026-01-07T10:00:00.000Z' } } },
    {
      by: coordinator,
      event: {
        type: 'InformationRequested',
        data: {
          requestId: ids.requestId,
          fromAgency: 'BIF',
          toAgency: 'SOF',
          question: sealed('question'),
          dueDate: '2026-01-20',
          legalBasis: 'RPL115-1-1',
          requestedAt: '2026-01-08T12:00:00.000Z',
        },
      },
    },
    {
      by: social,
      event: {
        type: 'InformationRequestAnswered',
        data: { requestId: ids.requestId, agency: 'SOF', answer: sealed('answer'), answeredAt: '2026-01-09T12:30:00.000Z' },
      },
    },
    {
      by: coordinator,
      event: {
        type: 'ActionAdded',
        data: { actionId: ids.actionId, title: sealed('title'), responsibleAgency: 'BIF', dueDate: '2026-03-01', addedAt: '2026-01-20T09:00:00.000Z' },
      },
    },
    {
      by: prison,
      event: { type: 'ExpectedReleaseChanged', data: { custodyId: ids.custodyId, expectedReleaseOn: '2028-03-05', changedAt: '2026-01-25T09:00:00.000Z' } },
    },
    {
      by: coordinator,
      event: { type: 'CaseConferenceHeld', data: { conferenceId: ids.conferenceId, heldOn: '2026-02-01', agenciesPresent: ['BIF', 'SOF'], decisions: [] } },
    },
  ];
  return steps.map(({ by, event }) => ({
    id: randomUUID(),
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { actor: by.actor, agency: by.agency, correlationId: randomUUID() },
  }));
}

export function scriptedIds() {
  return { entryId: randomUUID(), requestId: randomUUID(), actionId: randomUUID(), custodyId: randomUUID(), conferenceId: randomUUID() };
}
