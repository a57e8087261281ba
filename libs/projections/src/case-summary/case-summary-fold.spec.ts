import fc from 'fast-check';
import type { CaseEvent } from '@samvirke/case';
import { CITIZEN_ID, caseOpened, coordinatedCase } from '@samvirke/case/testing/case-fixtures';
import { activeProgrammes, foldCaseSummary, foldCaseSummaryEvents, type CaseEventEnvelope, type CaseSummaryRecord } from './case-summary-fold';

const CASE_ID = 'c0ffee00-0000-4000-8000-000000000001';

function fold(events: readonly CaseEvent[], start?: CaseSummaryRecord, firstRevision = 0): CaseSummaryRecord | undefined {
  return events.reduce<CaseSummaryRecord | undefined>(
    (summary, event, i) =>
      foldCaseSummary(summary, { caseId: CASE_ID, event, streamRevision: firstRevision + i, recordedAt: new Date(Date.UTC(2026, 10, 3, 8, i)) }),
    start,
  );
}

const assessed = (level: 1 | 2 | 3 | 4, assessedOn: string): CaseEvent => ({
  type: 'SspCategoryAssessed',
  data: { level, rationale: { sealed: 'x' }, assessedBy: 'BIF', assessedOn },
});

describe('case summary fold', () => {
  it('starts a summary only with CaseOpened, keeping the name as ciphertext', () => {
    expect(fold([{ type: 'CaseClosed', data: { reason: 'other', closedAt: '2026-11-03T08:00:00.000Z' } }])).toBeUndefined();
    const summary = fold([caseOpened()]);
    expect(summary).toMatchObject({
      caseId: CASE_ID,
      citizenId: CITIZEN_ID,
      status: 'open',
      sealedName: 'sealed:name',
      referredBy: 'KBH-POLITI',
      lastRevision: 0,
    });
  });

  it('holds no identity at all when the opening store could not open the birth date and district (a rebuild after an erasure)', () => {
    const opened = caseOpened();
    const { birthDate: _b, districtCode: _d, ...rest } = opened.data;
    const rebuilt = fold([{ ...opened, data: { ...rest, identityUnavailable: { reason: 'erased', erasedAt: '2026-11-06T08:00:00.000Z' } } }]);
    // The read model's CHECK: identity all there or all gone, with the time it went.
    expect(rebuilt).toMatchObject({ sealedName: null, birthDate: null, districtCode: null, erasedAt: '2026-11-06T08:00:00.000Z' });
    const unopenable = fold([{ ...opened, data: { ...rest, identityUnavailable: { reason: 'unopenable' } } }]);
    expect(unopenable).toMatchObject({ sealedName: null, birthDate: null, districtCode: null, erasedAt: '2026-11-03T08:00:00.000Z' });
  });

  it('keeps the agencies on the case and the coordinator', () => {
    const summary = fold([...coordinatedCase(), { type: 'AgencyLeftCase', data: { agency: 'SOF', leftAt: '2026-11-05T08:00:00.000Z' } }]);
    expect(summary?.agencies).toEqual(['KBH-POLITI', 'BIF', 'KBH-FAENGSLER']);
    expect(summary).toMatchObject({ coordinatorId: 'coordinator-1', coordinatorAgency: 'BIF' });
  });

  it('takes the current level from the latest assessment date, and the later record on the same day', () => {
    const summary = fold([caseOpened(), assessed(4, '2026-11-02'), assessed(2, '2026-10-01'), assessed(3, '2026-11-02')]);
    expect(summary).toMatchObject({ sspLevel: 3, sspLevelOn: '2026-11-02' });
    expect(summary?.assessments).toHaveLength(3);
  });

  it('counts open actions and requests by id, so an unknown completion changes nothing', () => {
    const summary = fold([
      caseOpened(),
      {
        type: 'ActionAdded',
        data: { actionId: 'a1', title: { sealed: 't' }, responsibleAgency: 'BIF', dueDate: '2026-12-01', addedAt: '2026-11-03T08:00:00.000Z' },
      },
      {
        type: 'ActionAdded',
        data: { actionId: 'a2', title: { sealed: 't' }, responsibleAgency: 'BIF', dueDate: '2026-12-01', addedAt: '2026-11-03T08:00:00.000Z' },
      },
      { type: 'ActionCompleted', data: { actionId: 'a1', completedOn: '2026-11-04' } },
      { type: 'ActionCancelled', data: { actionId: 'unknown', reason: { sealed: 'r' }, cancelledAt: '2026-11-04T08:00:00.000Z' } },
      {
        type: 'InformationRequested',
        data: {
          requestId: 'r1',
          fromAgency: 'BIF',
          toAgency: 'SOF',
          question: { sealed: 'q' },
          dueDate: '2026-11-20',
          legalBasis: 'RPL115-1-1',
          requestedAt: '2026-11-03T08:00:00.000Z',
        },
      },
      {
        type: 'InformationRequested',
        data: {
          requestId: 'r2',
          fromAgency: 'BIF',
          toAgency: 'SOF',
          question: { sealed: 'q' },
          dueDate: '2026-11-20',
          legalBasis: 'RPL115-1-1',
          requestedAt: '2026-11-03T08:00:00.000Z',
        },
      },
      { type: 'InformationRequestDeclined', data: { requestId: 'r2', agency: 'SOF', reason: 'no-information', declinedAt: '2026-11-04T08:00:00.000Z' } },
    ]);
    expect(summary?.openActionIds).toEqual(['a2']);
    expect(summary?.openRequests).toEqual([{ requestId: 'r1', fromAgency: 'BIF', toAgency: 'SOF' }]);
  });

  it('keeps every enrolment for eligibility and lists only the active programmes', () => {
    const summary = fold([
      caseOpened(),
      { type: 'EnrolledInProgramme', data: { programmeCode: 'EXIT', startedOn: '2026-01-01' } },
      { type: 'EnrolledInProgramme', data: { programmeCode: 'SSP_PLUS', startedOn: '2026-02-01' } },
      { type: 'ExitedProgramme', data: { programmeCode: 'EXIT', endedOn: '2026-03-01', exitReason: 'completed' } },
    ]);
    expect(summary?.enrolments).toEqual([
      { programmeCode: 'EXIT', startedOn: '2026-01-01', endedOn: '2026-03-01' },
      { programmeCode: 'SSP_PLUS', startedOn: '2026-02-01' },
    ]);
    expect(activeProgrammes(summary as CaseSummaryRecord)).toEqual(['SSP_PLUS']);
  });

  it('follows custody from start through a changed release date to release', () => {
    const started: CaseEvent = {
      type: 'CustodyStarted',
      data: { custodyId: 'k1', kind: 'remand', institution: 'Vestre Fængsel', startedOn: '2026-11-01', expectedReleaseOn: '2027-01-01' },
    };
    const moved: CaseEvent = {
      type: 'ExpectedReleaseChanged',
      data: { custodyId: 'k1', expectedReleaseOn: '2027-02-01', changedAt: '2026-11-04T08:00:00.000Z' },
    };
    const inCustody = fold([caseOpened(), started, moved]);
    expect(inCustody?.custody).toEqual({
      custodyId: 'k1',
      kind: 'remand',
      institution: 'Vestre Fængsel',
      startedOn: '2026-11-01',
      expectedReleaseOn: '2027-02-01',
    });
    const released = fold([{ type: 'ReleasedFromCustody', data: { custodyId: 'k1', releasedOn: '2026-11-05', conditional: false } }], inCustody, 3);
    expect(released?.custody).toBeNull();
  });

  it('closes and reopens, and moves the last activity with every event', () => {
    const closed = fold([caseOpened(), { type: 'CaseClosed', data: { reason: 'goals-achieved', closedAt: '2026-11-04T08:00:00.000Z' } }]);
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-11-04T08:00:00.000Z', lastActivityAt: '2026-11-03T08:01:00.000Z' });
    const reopened = fold([{ type: 'CaseReopened', data: { reason: { sealed: 'r' }, reopenedAt: '2026-11-06T08:00:00.000Z' } }], closed, 2);
    expect(reopened).toMatchObject({ status: 'open', closedAt: null, lastRevision: 2 });
  });

  it("empties the citizen's identity on a citizen erasure, and keeps it on one agency's erasure", () => {
    const closed = fold([
      caseOpened(),
      assessed(3, '2026-11-01'),
      { type: 'CaseClosed', data: { reason: 'goals-achieved', closedAt: '2026-11-04T08:00:00.000Z' } },
    ]);
    expect(closed).toMatchObject({ sealedName: 'sealed:name', birthDate: '2004-06-01', districtCode: 'NORREBRO-2', erasedAt: null });
    const agencyErased = fold(
      [{ type: 'CitizenDataErased', data: { scope: 'KBH-POLITI', reason: 'retention-expired', by: 'system', erasedAt: '2026-11-05T08:00:00.000Z' } }],
      closed,
      3,
    );
    expect(agencyErased).toMatchObject({ sealedName: 'sealed:name', birthDate: '2004-06-01', districtCode: 'NORREBRO-2', erasedAt: null, lastRevision: 3 });
    const erased = fold(
      [{ type: 'CitizenDataErased', data: { scope: 'citizen', reason: 'erasure-request', by: 'coord-1', erasedAt: '2026-11-06T08:00:00.000Z' } }],
      agencyErased,
      4,
    );
    expect(erased).toMatchObject({
      sealedName: null,
      birthDate: null,
      districtCode: null,
      erasedAt: '2026-11-06T08:00:00.000Z',
      status: 'closed',
      sspLevel: 3,
    });
  });

  describe('activity, per audience', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 3, 8, minute)).toISOString();
    const shared = (entryId: string, sharedWith: string[], sensitivity = 'normal'): CaseEvent => ({
      type: 'InformationShared',
      data: {
        entryId,
        fromAgency: 'BIF',
        sharedWith,
        legalBasis: 'RPL115-1-1',
        purpose: 'crime-prevention',
        sensitivity: sensitivity as 'normal',
        summary: { sealed: 's' },
        sharedAt: '2026-11-03T08:00:00.000Z',
      },
    });
    const acknowledged = (entryId: string, agency: string): CaseEvent => ({
      type: 'InformationAcknowledged',
      data: { entryId, agency, acknowledgedAt: '2026-11-03T09:00:00.000Z' },
    });
    const requested = (requestId: string, toAgency: string): CaseEvent => ({
      type: 'InformationRequested',
      data: {
        requestId,
        fromAgency: 'BIF',
        toAgency,
        question: { sealed: 'q' },
        dueDate: '2026-11-20',
        legalBasis: 'RPL115-1-1',
        requestedAt: '2026-11-03T08:00:00.000Z',
      },
    });

    it('moves the case-level activity with a case-level event, for everyone who sees the case', () => {
      const summary = fold([caseOpened(), assessed(3, '2026-11-01')]);
      expect(summary).toMatchObject({ caseActivityAt: at(1), lastActivityAt: at(1), agencyActivityAt: {}, sealedActivityAt: null });
    });

    it('moves an entry and its acknowledgement only for its author and recipients', () => {
      const summary = fold([caseOpened(), shared('e1', ['KRIMINALFORSORGEN']), acknowledged('e1', 'KRIMINALFORSORGEN')]);
      expect(summary).toMatchObject({ caseActivityAt: at(0), lastActivityAt: at(2), agencyActivityAt: { BIF: at(2), KRIMINALFORSORGEN: at(2) } });
      expect(summary?.agencyActivityAt['KBH-POLITI']).toBeUndefined();
      // Every recipient has acknowledged: nothing left to remember about the entry.
      expect(summary?.pendingEntries).toEqual({});
    });

    it('keeps an entry until every recipient has acknowledged it', () => {
      const summary = fold([caseOpened(), shared('e1', ['SOF', 'KBH-POLITI']), acknowledged('e1', 'SOF')]);
      expect(summary?.pendingEntries).toEqual({
        e1: { authorAgency: 'BIF', sharedWith: ['SOF', 'KBH-POLITI'], sensitivity: 'normal', awaiting: ['KBH-POLITI'] },
      });
      expect(summary?.agencyActivityAt).toEqual({ BIF: at(2), SOF: at(2), 'KBH-POLITI': at(2) });
    });

    it('moves a sealed-identity entry only in the sealed bucket, for named users', () => {
      const summary = fold([caseOpened(), shared('e1', ['SOF'], 'sealed-identity'), acknowledged('e1', 'SOF')]);
      expect(summary).toMatchObject({ sealedActivityAt: at(2), agencyActivityAt: {}, caseActivityAt: at(0), lastActivityAt: at(2) });
    });

    it('moves a request and its answer only for its two agencies, and counts it open until answered', () => {
      const answered: CaseEvent = {
        type: 'InformationRequestAnswered',
        data: { requestId: 'r1', agency: 'SOF', answer: { sealed: 'a' }, answeredAt: '2026-11-03T09:00:00.000Z' },
      };
      const open = fold([caseOpened(), requested('r1', 'SOF')]);
      expect(open).toMatchObject({ openRequests: [{ requestId: 'r1', fromAgency: 'BIF', toAgency: 'SOF' }], agencyActivityAt: { BIF: at(1), SOF: at(1) } });
      const done = fold([answered], open, 2);
      expect(done).toMatchObject({ openRequests: [], caseActivityAt: at(0) });
      expect(done?.agencyActivityAt).toEqual({ BIF: at(0), SOF: at(0) });
    });

    it('moves an escalation only for those who see the exchange it chases (a sealed one only in the sealed bucket)', () => {
      const escalated = (data: Record<string, unknown>): CaseEvent => ({
        type: 'FlowEscalated',
        data: {
          fromAgency: 'BIF',
          toAgency: 'SOF',
          step: 'reminder',
          notify: ['entry-point'],
          dueOn: '2026-11-05',
          workingDaysLate: 1,
          rulesVersion: 'v',
          escalatedAt: '2026-11-05T08:00:00.000Z',
          ...data,
        } as never,
      });
      const entry = fold([caseOpened(), shared('e1', ['SOF']), escalated({ flow: 'information', entryId: 'e1' })]);
      expect(entry).toMatchObject({ caseActivityAt: at(0), lastActivityAt: at(2), agencyActivityAt: { BIF: at(2), SOF: at(2) } });
      const sealedEntry = fold([caseOpened(), shared('e1', ['SOF'], 'sealed-identity'), escalated({ flow: 'information', entryId: 'e1' })]);
      expect(sealedEntry).toMatchObject({ sealedActivityAt: at(2), agencyActivityAt: {}, caseActivityAt: at(0) });
      const request = fold([caseOpened(), requested('r1', 'SOF'), escalated({ flow: 'request', requestId: 'r1' })]);
      expect(request).toMatchObject({ caseActivityAt: at(0), agencyActivityAt: { BIF: at(2), SOF: at(2) } });
    });

    it('moves only what auditors see for an acknowledgement of an entry it does not know', () => {
      const summary = fold([caseOpened(), acknowledged('unknown', 'SOF')]);
      expect(summary).toMatchObject({ lastActivityAt: at(1), caseActivityAt: at(0), agencyActivityAt: {}, sealedActivityAt: null });
    });
  });

  describe("folding a case's events together (as a batch of the projection does)", () => {
    // Few ids and agencies, so adds, repeats, removals and acknowledgements meet one another.
    const id = (prefix: string) => fc.constantFrom(`${prefix}1`, `${prefix}2`, `${prefix}3`);
    const agency = fc.constantFrom('BIF', 'SOF', 'KBH-POLITI', 'KBH-FAENGSLER');
    const event: fc.Arbitrary<CaseEvent> = fc.oneof(
      id('a').map((actionId) => ({ type: 'ActionAdded', data: { actionId } })),
      fc.tuple(fc.constantFrom('ActionCompleted', 'ActionCancelled'), id('a')).map(([type, actionId]) => ({ type, data: { actionId } })),
      fc
        .tuple(id('e'), agency, fc.uniqueArray(agency, { maxLength: 3 }), fc.constantFrom('normal', 'sealed-identity'))
        .map(([entryId, fromAgency, sharedWith, sensitivity]) => ({ type: 'InformationShared', data: { entryId, fromAgency, sharedWith, sensitivity } })),
      fc.tuple(id('e'), agency).map(([entryId, by]) => ({ type: 'InformationAcknowledged', data: { entryId, agency: by } })),
      fc
        .tuple(id('r'), agency, agency)
        .map(([requestId, fromAgency, toAgency]) => ({ type: 'InformationRequested', data: { requestId, fromAgency, toAgency } })),
      fc
        .tuple(fc.constantFrom('InformationRequestAnswered', 'InformationRequestDeclined'), id('r'))
        .map(([type, requestId]) => ({ type, data: { requestId } })),
      fc.tuple(fc.constantFrom('AgencyJoinedCase', 'AgencyLeftCase'), agency).map(([type, joined]) => ({ type, data: { agency: joined } })),
      fc
        .tuple(fc.constantFrom('EnrolledInProgramme', 'ExitedProgramme'), fc.constantFrom('SSP_PLUS', 'EXIT'))
        .map(([type, programmeCode]) => ({ type, data: { programmeCode, startedOn: '2026-11-01', endedOn: '2026-11-02' } })),
      fc.tuple(fc.constantFrom(1, 2, 3, 4), fc.constantFrom('2026-10-01', '2026-11-01')).map(([level, on]) => assessed(level, on)),
      id('k').map((custodyId) => ({ type: 'CustodyStarted', data: { custodyId, kind: 'remand', institution: 'X', startedOn: '2026-11-01' } })),
      id('k').map((custodyId) => ({ type: 'ExpectedReleaseChanged', data: { custodyId, expectedReleaseOn: '2026-12-01' } })),
      id('k').map((custodyId) => ({ type: 'ReleasedFromCustody', data: { custodyId } })),
      fc.constantFrom(
        { type: 'CaseClosed', data: { reason: 'other', closedAt: '2026-11-04T08:00:00.000Z' } },
        { type: 'CaseReopened', data: {} },
        { type: 'CoordinatorChanged', data: { coordinatorId: 'c2', agency: 'SOF' } },
        { type: 'CitizenDataErased', data: { scope: 'citizen', erasedAt: '2026-11-05T08:00:00.000Z' } },
      ),
      fc
        .tuple(fc.constantFrom('information', 'request'), id('e'), id('r'))
        .map(([flow, entryId, requestId]) => ({ type: 'FlowEscalated', data: flow === 'information' ? { flow, entryId } : { flow, requestId } })),
    ) as fc.Arbitrary<CaseEvent>;
    const envelopes = (events: readonly CaseEvent[]): CaseEventEnvelope[] =>
      events.map((e, i) => ({ caseId: CASE_ID, event: e, streamRevision: i, recordedAt: new Date(Date.UTC(2026, 10, 3, 8, i)) }));
    const deepFrozen = <T>(value: T): T => {
      if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const inner of Object.values(value)) deepFrozen(inner);
      }
      return value;
    };

    it('gives what folding them one by one gives, wherever the batches are cut, and changes no summary it is given (property)', () => {
      fc.assert(
        fc.property(fc.array(event, { maxLength: 60 }), fc.array(fc.nat(60), { maxLength: 6 }), fc.boolean(), (events, cuts, repeat) => {
          const all = envelopes([caseOpened(), ...events]);
          const oneByOne = all.reduce<CaseSummaryRecord | undefined>((summary, envelope) => foldCaseSummary(summary, envelope), undefined);
          const bounds = [0, ...[...new Set(cuts)].filter((cut) => cut < all.length).sort((a, b) => a - b), all.length];
          let batched: CaseSummaryRecord | undefined;
          for (let i = 1; i < bounds.length; i++) {
            const given = batched === undefined ? undefined : deepFrozen(structuredClone(batched));
            // A batch may start again at a revision already folded in (a retried batch): skipped, as one by one.
            const from = repeat && bounds[i - 1] > 0 ? bounds[i - 1] - 1 : bounds[i - 1];
            batched = foldCaseSummaryEvents(given, all.slice(from, bounds[i]));
          }
          expect(batched).toEqual(oneByOne);
        }),
        { numRuns: 300 },
      );
    });
  });

  it('skips an event whose revision it has already folded in', () => {
    const once = fold([caseOpened(), assessed(3, '2026-11-01')]);
    const again = foldCaseSummary(once, { caseId: CASE_ID, event: assessed(3, '2026-11-01'), streamRevision: 1, recordedAt: new Date() });
    expect(again).toBe(once);
    expect(again?.assessments).toHaveLength(1);
  });
});
