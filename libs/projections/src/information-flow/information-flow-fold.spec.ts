import { CASE_EVENT_TYPES, type CaseEvent } from '@samvirke/case';
import { caseOpened, directoryEntryPoint, untouchableEventData } from '@samvirke/case/testing/case-fixtures';
import type { CaseEventRecord } from '../timeline/case-event';
import {
  applyInformationFlow,
  foldInformationFlow,
  INFORMATION_FLOW_EVENT_TYPES,
  NO_INFORMATION_FLOW_ROWS,
  receiptKey,
  requestKey,
  type InformationFlowRows,
  type ReceiptRow,
  type RequestRow,
} from './information-flow-fold';

const CASE_ID = 'c0ffee00-0000-4000-8000-000000000002';

/** An event as the projection receives it: done by `actor`, at the next revision. */
type Given = { event: CaseEvent; actor?: string };

function records(events: readonly (CaseEvent | Given)[], firstRevision = 0): CaseEventRecord[] {
  return events.map((given, i) => {
    const { event, actor } = 'event' in given ? given : { event: given, actor: undefined };
    return { caseId: CASE_ID, event, actingAgency: null, actor: actor ?? 'user-1', revision: firstRevision + i };
  });
}

/** Given rows, when a batch of events, then rows. */
function project(events: readonly (CaseEvent | Given)[], given: InformationFlowRows = NO_INFORMATION_FLOW_ROWS): InformationFlowRows {
  return applyInformationFlow(given, foldInformationFlow(records(events)));
}

/** The same events, one batch each. */
function projectOneByOne(events: readonly (CaseEvent | Given)[]): InformationFlowRows {
  return records(events).reduce((rows, record) => applyInformationFlow(rows, foldInformationFlow([record])), NO_INFORMATION_FLOW_ROWS);
}

const receipt = (rows: InformationFlowRows, entryId: string, toAgency: string): ReceiptRow | undefined =>
  rows.receipts.get(receiptKey(CASE_ID, entryId, toAgency));
const request = (rows: InformationFlowRows, requestId: string): RequestRow | undefined => rows.requests.get(requestKey(CASE_ID, requestId));

const joined = (agency: string): CaseEvent => ({
  type: 'AgencyJoinedCase',
  data: { agency, entryPoint: directoryEntryPoint(agency), joinedAt: '2026-11-03T08:00:00.000Z' },
});

const shared = (entryId: string, sharedWith: string[], extra: { sharedOn?: string; sensitivity?: 'normal' | 'sensitive' } = {}): CaseEvent => ({
  type: 'InformationShared',
  data: {
    entryId,
    fromAgency: 'BIF',
    sharedWith,
    legalBasis: 'RPL115-1-1',
    purpose: 'crime-prevention',
    sensitivity: extra.sensitivity ?? 'normal',
    summary: { sealed: 's' },
    sharedAt: '2026-11-03T09:00:00.000Z',
    ...(extra.sharedOn === undefined ? {} : { sharedOn: extra.sharedOn }),
  },
});

const acknowledged = (entryId: string, agency: string, acknowledgedAt: string, acknowledgedOn?: string): CaseEvent => ({
  type: 'InformationAcknowledged',
  data: { entryId, agency, acknowledgedAt, ...(acknowledgedOn === undefined ? {} : { acknowledgedOn }) },
});

const requested = (requestId: string, toAgency = 'SOF'): CaseEvent => ({
  type: 'InformationRequested',
  data: {
    requestId,
    fromAgency: 'BIF',
    toAgency,
    question: { sealed: 'q' },
    dueDate: '2026-11-20',
    legalBasis: 'RPL115-1-1',
    requestedAt: '2026-11-03T10:00:00.000Z',
  },
});

const answered = (requestId: string, answeredAt: string): CaseEvent => ({
  type: 'InformationRequestAnswered',
  data: { requestId, agency: 'SOF', answer: { sealed: 'a' }, answeredAt },
});

const declined = (requestId: string, declinedAt: string): CaseEvent => ({
  type: 'InformationRequestDeclined',
  data: { requestId, agency: 'SOF', reason: 'no-information', declinedAt },
});

const escalated = (
  data: { flow: 'information'; entryId: string } | { flow: 'request'; requestId: string },
  step: 'reminder' | 'escalation',
  escalatedAt: string,
): CaseEvent => ({
  type: 'FlowEscalated',
  data: {
    fromAgency: 'BIF',
    toAgency: 'SOF',
    step,
    notify: ['entry-point'],
    dueOn: '2026-11-05',
    workingDaysLate: 1,
    rulesVersion: 'v1',
    escalatedAt,
    ...data,
  },
});

describe('information flow fold', () => {
  it('records a share once per receiving agency, with its author, recipients, sensitivity, legal basis, sender and instant', () => {
    const rows = project([caseOpened(), { event: shared('e1', ['SOF', 'KBH-POLITI'], { sensitivity: 'sensitive' }), actor: 'bif-anna' }]);
    expect([...rows.receipts.values()]).toEqual([
      expect.objectContaining({ entryId: 'e1', toAgency: 'SOF' }),
      expect.objectContaining({ entryId: 'e1', toAgency: 'KBH-POLITI' }),
    ]);
    expect(receipt(rows, 'e1', 'SOF')).toEqual({
      caseId: CASE_ID,
      entryId: 'e1',
      fromAgency: 'BIF',
      toAgency: 'SOF',
      sharedWith: ['SOF', 'KBH-POLITI'],
      sensitivity: 'sensitive',
      legalBasis: 'RPL115-1-1',
      sentRecordedAt: '2026-11-03T09:00:00.000Z',
      sentOn: null,
      sentBy: 'bif-anna',
      acknowledgedRecordedAt: null,
      acknowledgedOn: null,
      acknowledgedBy: null,
      escalationStep: null,
      escalatedAt: null,
    });
  });

  it('keeps the real-world day of a share recorded later (history), beside when it was recorded', () => {
    const rows = project([caseOpened(), shared('e1', ['SOF'], { sharedOn: '2019-03-04' })]);
    expect(receipt(rows, 'e1', 'SOF')).toMatchObject({ sentOn: '2019-03-04', sentRecordedAt: '2026-11-03T09:00:00.000Z' });
  });

  it('does not record a share again when it comes again', () => {
    const first = project([caseOpened(), { event: shared('e1', ['SOF']), actor: 'first' }]);
    const again = project([{ event: shared('e1', ['SOF']), actor: 'second' }], first);
    expect(receipt(again, 'e1', 'SOF')?.sentBy).toBe('first');
  });

  it('acknowledges a receipt for the acknowledging agency only, with who and when; the first acknowledgement stands', () => {
    const rows = project([
      caseOpened(),
      shared('e1', ['SOF', 'KBH-POLITI']),
      { event: acknowledged('e1', 'SOF', '2026-11-04T08:00:00.000Z', '2026-11-02'), actor: 'sof-dan' },
      { event: acknowledged('e1', 'SOF', '2026-11-05T08:00:00.000Z'), actor: 'sof-eva' },
    ]);
    expect(receipt(rows, 'e1', 'SOF')).toMatchObject({
      acknowledgedRecordedAt: '2026-11-04T08:00:00.000Z',
      acknowledgedOn: '2026-11-02',
      acknowledgedBy: 'sof-dan',
    });
    expect(receipt(rows, 'e1', 'KBH-POLITI')).toMatchObject({ acknowledgedRecordedAt: null, acknowledgedBy: null });
    // In a later batch too: an acknowledged receipt stays as it was acknowledged first.
    const later = project([{ event: acknowledged('e1', 'SOF', '2026-11-06T08:00:00.000Z'), actor: 'sof-finn' }], rows);
    expect(receipt(later, 'e1', 'SOF')).toMatchObject({ acknowledgedRecordedAt: '2026-11-04T08:00:00.000Z', acknowledgedBy: 'sof-dan' });
  });

  it('makes no receipt out of an acknowledgement of an entry it does not know', () => {
    const rows = project([caseOpened(), acknowledged('unknown', 'SOF', '2026-11-04T08:00:00.000Z')]);
    expect(rows.receipts.size).toBe(0);
  });

  it('records a request and its answer with who answered and when; the first response stands', () => {
    const rows = project([
      caseOpened(),
      { event: requested('r1'), actor: 'bif-anna' },
      { event: answered('r1', '2026-11-04T10:30:00.000Z'), actor: 'sof-dan' },
      { event: declined('r1', '2026-11-05T08:00:00.000Z'), actor: 'sof-eva' },
    ]);
    expect(request(rows, 'r1')).toEqual({
      caseId: CASE_ID,
      requestId: 'r1',
      fromAgency: 'BIF',
      toAgency: 'SOF',
      legalBasis: 'RPL115-1-1',
      dueOn: '2026-11-20',
      requestedRecordedAt: '2026-11-03T10:00:00.000Z',
      requestedOn: null,
      requestedBy: 'bif-anna',
      outcome: 'answered',
      declineReason: null,
      respondedAt: '2026-11-04T10:30:00.000Z',
      respondedBy: 'sof-dan',
      escalationStep: null,
      escalatedAt: null,
    });
  });

  it('records a declined request with its reason, and leaves an unanswered one open', () => {
    const rows = project([caseOpened(), requested('r1'), requested('r2'), { event: declined('r1', '2026-11-05T08:00:00.000Z'), actor: 'sof-dan' }]);
    expect(request(rows, 'r1')).toMatchObject({
      outcome: 'declined',
      declineReason: 'no-information',
      respondedAt: '2026-11-05T08:00:00.000Z',
      respondedBy: 'sof-dan',
    });
    expect(request(rows, 'r2')).toMatchObject({ outcome: null, respondedAt: null, respondedBy: null });
  });

  it('keeps the instants delays are measured between, and no response (no delay) for what is still open', () => {
    const rows = project([
      caseOpened(),
      shared('e1', ['SOF', 'KBH-POLITI']),
      acknowledged('e1', 'SOF', '2026-11-04T21:00:00.000Z'),
      requested('r1'),
      answered('r1', '2026-11-04T10:30:00.000Z'),
    ]);
    const hours = (from: string, to: string | null) => (to === null ? null : (Date.parse(to) - Date.parse(from)) / 3_600_000);
    const sof = receipt(rows, 'e1', 'SOF') as ReceiptRow;
    expect(hours(sof.sentRecordedAt, sof.acknowledgedRecordedAt)).toBe(36);
    const police = receipt(rows, 'e1', 'KBH-POLITI') as ReceiptRow;
    expect(hours(police.sentRecordedAt, police.acknowledgedRecordedAt)).toBeNull();
    const asked = request(rows, 'r1') as RequestRow;
    expect(hours(asked.requestedRecordedAt, asked.respondedAt)).toBe(24.5);
  });

  it('keeps the latest escalation step of each open flow, on the receipt of the late agency or on the request', () => {
    const rows = project([
      caseOpened(),
      shared('e1', ['SOF', 'KBH-POLITI']),
      requested('r1'),
      escalated({ flow: 'information', entryId: 'e1' }, 'reminder', '2026-11-10T08:00:00.000Z'),
      escalated({ flow: 'information', entryId: 'e1' }, 'escalation', '2026-11-12T08:00:00.000Z'),
      escalated({ flow: 'request', requestId: 'r1' }, 'reminder', '2026-11-21T08:00:00.000Z'),
    ]);
    expect(receipt(rows, 'e1', 'SOF')).toMatchObject({ escalationStep: 'escalation', escalatedAt: '2026-11-12T08:00:00.000Z' });
    expect(receipt(rows, 'e1', 'KBH-POLITI')).toMatchObject({ escalationStep: null });
    expect(request(rows, 'r1')).toMatchObject({ escalationStep: 'reminder', escalatedAt: '2026-11-21T08:00:00.000Z' });
  });

  it('keeps on the case row the agencies on the case, its coordinator and whether it is open', () => {
    const open = project([
      caseOpened(),
      joined('BIF'),
      joined('SOF'),
      joined('BIF'),
      { type: 'CoordinatorAssigned', data: { coordinatorId: 'coord-1', agency: 'BIF', assignedAt: '2026-11-03T08:00:00.000Z' } },
      { type: 'AgencyLeftCase', data: { agency: 'BIF', leftAt: '2026-11-04T08:00:00.000Z' } },
    ]);
    expect(open.cases.get(CASE_ID)).toEqual({ caseId: CASE_ID, agencies: ['SOF'], coordinatorId: 'coord-1', status: 'open' });
    const closed = project([{ type: 'CaseClosed', data: { reason: 'goals-achieved', closedAt: '2026-11-05T08:00:00.000Z' } }], open);
    expect(closed.cases.get(CASE_ID)?.status).toBe('closed');
    const reopened = project([{ type: 'CaseReopened', data: { reason: { sealed: 'r' }, reopenedAt: '2026-11-06T08:00:00.000Z' } }], closed);
    expect(reopened.cases.get(CASE_ID)?.status).toBe('open');
  });

  it('gives the same rows for a batch as for its events one at a time', () => {
    const events: Given[] = [
      { event: caseOpened() },
      { event: joined('SOF') },
      { event: shared('e1', ['SOF', 'KBH-POLITI'], { sharedOn: '2026-11-01' }), actor: 'bif-anna' },
      { event: acknowledged('e1', 'SOF', '2026-11-04T08:00:00.000Z'), actor: 'sof-dan' },
      { event: acknowledged('e1', 'SOF', '2026-11-04T09:00:00.000Z'), actor: 'sof-eva' },
      { event: requested('r1'), actor: 'bif-anna' },
      { event: requested('r2'), actor: 'bif-anna' },
      { event: escalated({ flow: 'request', requestId: 'r1' }, 'reminder', '2026-11-21T08:00:00.000Z') },
      { event: answered('r1', '2026-11-22T08:00:00.000Z'), actor: 'sof-dan' },
      { event: declined('r1', '2026-11-22T09:00:00.000Z'), actor: 'sof-eva' },
      { event: declined('r2', '2026-11-23T09:00:00.000Z'), actor: 'sof-eva' },
      { event: escalated({ flow: 'information', entryId: 'e1' }, 'reminder', '2026-11-24T08:00:00.000Z') },
      { event: { type: 'CaseClosed', data: { reason: 'goals-achieved', closedAt: '2026-11-25T08:00:00.000Z' } } },
    ];
    const batch = project(events);
    expect(batch).toEqual(projectOneByOne(events));
    expect(receipt(batch, 'e1', 'SOF')?.acknowledgedBy).toBe('sof-dan');
    expect(request(batch, 'r1')).toMatchObject({ outcome: 'answered', respondedBy: 'sof-dan', escalationStep: 'reminder' });
  });
});

describe('the event types of the information flow', () => {
  const folded = (type: string) => {
    try {
      const batch = foldInformationFlow([
        { caseId: CASE_ID, event: { type, data: untouchableEventData() } as CaseEvent, actingAgency: 'BIF', actor: 'a', revision: 1 },
      ]);
      return batch.changes.length + batch.acknowledgements.length + batch.responses.length > 0 ? 'changes' : 'nothing';
    } catch {
      return 'reads its data';
    }
  };

  it('lists every type the fold reads: any other changes nothing without reading its data', () => {
    const others = CASE_EVENT_TYPES.filter((type) => !(INFORMATION_FLOW_EVENT_TYPES as readonly string[]).includes(type));
    expect(others.length).toBeGreaterThan(10);
    for (const type of others) expect([type, folded(type)]).toEqual([type, 'nothing']);
    for (const type of INFORMATION_FLOW_EVENT_TYPES) expect([type, folded(type)]).not.toEqual([type, 'nothing']);
  });
});
