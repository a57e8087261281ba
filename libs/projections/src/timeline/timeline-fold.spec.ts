import type { CaseEvent } from '@samvirke/case';
import { loadReferenceData } from '@samvirke/reference-data';
import type { CaseEventRecord } from './case-event';
import { scriptedCase } from './testing/scripted-case';
import { TimelineRows } from './testing/timeline-rows';
import { foldTimeline, type TimelineItemRow } from './timeline-fold';

/**
 * The timeline projection as given/when/then: given a case's events (in batches, as the runner
 * delivers them), then these rows. No database: TimelineRows applies the fold's changes as the
 * projection's statements do (timeline.projection.int-spec.ts checks those on PostgreSQL).
 */
const roadMaps = [...loadReferenceData().roadMaps.values()];
const CASE = 'c1';

type Step = CaseEvent | { by: string; event: CaseEvent };

/** Records of one case with revisions from `first`, acting for BIF unless a step says otherwise. */
function recordsOf(steps: readonly Step[], caseId = CASE, first = 0): CaseEventRecord[] {
  return steps.map((step, i) => {
    const { by, event } = 'by' in step ? step : { by: 'BIF', event: step };
    return { caseId, event, actingAgency: by, actor: 'user', revision: first + i };
  });
}

/** Each argument is one batch; revisions run on across them. */
function given(...batches: Step[][]): TimelineRows {
  const rows = new TimelineRows(roadMaps);
  let revision = 0;
  for (const batch of batches) {
    rows.apply(recordsOf(batch, CASE, revision));
    revision += batch.length;
  }
  return rows;
}

const opened = (birthDate = '2004-05-01'): CaseEvent => ({
  type: 'CaseOpened',
  data: {
    citizenId: 'citizen-1',
    name: { sealed: 'name' },
    cpr: { sealed: 'cpr' },
    birthDate,
    districtCode: 'NORREBRO-1',
    referredBy: 'BIF',
    reason: { sealed: 'reason' },
    openedAt: '2026-01-02T09:00:00.000Z',
  },
});
const sentence = (expectedReleaseOn?: string): Step => ({
  by: 'KRIMINALFORSORGEN',
  event: {
    type: 'CustodyStarted',
    data: { custodyId: 'k1', kind: 'sentence', institution: 'Vestre Fængsel', startedOn: '2026-01-05', ...(expectedReleaseOn ? { expectedReleaseOn } : {}) },
  },
});
const released = (releasedOn: string, conditional = false): Step => ({
  by: 'KRIMINALFORSORGEN',
  event: { type: 'ReleasedFromCustody', data: { custodyId: 'k1', releasedOn, conditional } },
});
const shared = (entryId: string, sharedWith: string[], sensitivity: 'normal' | 'sealed-identity' = 'normal', fromAgency = 'KRIMINALFORSORGEN'): Step => ({
  by: fromAgency,
  event: {
    type: 'InformationShared',
    data: {
      entryId,
      fromAgency,
      sharedWith,
      legalBasis: 'RPL115-1-3',
      purpose: 'crime-prevention',
      sensitivity,
      summary: { sealed: `summary ${entryId}` },
      sharedAt: '2026-01-06T08:00:00.000Z',
    },
  },
});
const acknowledged = (entryId: string, agency: string, acknowledgedAt = '2026-01-07T10:00:00.000Z'): Step => ({
  by: agency,
  event: { type: 'InformationAcknowledged', data: { entryId, agency, acknowledgedAt } },
});
const requested = (requestId: string, dueDate: string): CaseEvent => ({
  type: 'InformationRequested',
  data: {
    requestId,
    fromAgency: 'BIF',
    toAgency: 'SOF',
    question: { sealed: 'question' },
    dueDate,
    legalBasis: 'RPL115-1-1',
    requestedAt: '2026-01-08T12:00:00.000Z',
  },
});
const answered = (requestId: string, answeredAt: string): Step => ({
  by: 'SOF',
  event: { type: 'InformationRequestAnswered', data: { requestId, agency: 'SOF', answer: { sealed: 'answer' }, answeredAt } },
});
const escalated = (data: { flow: 'information'; entryId: string } | { flow: 'request'; requestId: string }, toAgency = 'SOF'): CaseEvent => ({
  type: 'FlowEscalated',
  data: {
    ...data,
    fromAgency: 'KRIMINALFORSORGEN',
    toAgency,
    step: 'reminder',
    notify: ['entry-point'],
    dueOn: '2026-01-09',
    workingDaysLate: 1,
    rulesVersion: 'v1',
    escalatedAt: '2026-01-10T08:00:00.000Z',
  },
});
const closed = (closedAt = '2026-02-10T09:00:00.000Z'): CaseEvent => ({ type: 'CaseClosed', data: { reason: 'goals-achieved', closedAt } });
const citizenErased = (erasedAt = '2026-02-12T09:00:00.000Z'): CaseEvent => ({
  type: 'CitizenDataErased',
  data: { scope: 'citizen', reason: 'erasure-request', by: 'coord-anna', erasedAt },
});

const roadMapRow = (rows: TimelineRows, code: string) => rows.item(CASE, `road-map:k1:GOOD_RELEASE:${code}`);
const roadMapRows = (rows: TimelineRows) => rows.itemsOf(CASE).filter((row) => row.kind === 'road-map');

describe('timeline fold', () => {
  describe('a referral opens the case', () => {
    it('creates the case row (open, no agencies) and no item', () => {
      const rows = given([opened()]);
      expect(rows.cases.get(CASE)).toMatchObject({ status: 'open', agencies: [], coordinatorId: null, sspLevel: null });
      expect(rows.cases.get(CASE)?.roadMapFacts.birthDate).toBe('2004-05-01');
      expect(rows.itemsOf(CASE)).toEqual([]);
    });

    it("puts a later referral of the case's citizen on the timeline, received that day, from the referring agency", () => {
      const rows = given(
        [opened()],
        [{ type: 'ReferralReceived', data: { referredBy: 'SOF', reason: { sealed: 'again' }, receivedAt: '2026-03-01T23:30:00.000Z' } }],
      );
      // 23:30 UTC on 1 March is 2 March in Copenhagen.
      expect(rows.item(CASE, 'referral:1')).toMatchObject({
        kind: 'referral',
        itemOn: '2026-03-02',
        doneOn: '2026-03-02',
        resolution: 'received',
        ownerAgency: 'SOF',
        detailSealed: 'again',
        title: { key: 'referral', args: { agency: 'SOF' } },
        entry: null,
      });
    });

    it("gives an adult's sentence the good-release road map, due from the custody start and the expected release", () => {
      const rows = given([opened(), sentence('2028-01-05')]);
      expect(roadMapRows(rows).map((row) => [row.roadMapItem, row.dueOn, row.doneOn, row.ownerAgency])).toEqual([
        ['ACTION_PLAN_MADE', '2026-02-02', null, 'KRIMINALFORSORGEN'],
        ['ACTION_PLAN_OWNER_APPOINTED', '2026-01-19', null, 'SOF'],
        ['ADMISSION_NOTICE', '2026-01-12', null, 'KRIMINALFORSORGEN'],
        ['MUNICIPALITY_CONTACTED', '2027-01-05', null, 'KRIMINALFORSORGEN'],
        ['NEEDS_ASSESSED', '2026-01-26', null, 'KRIMINALFORSORGEN'],
        ['RELEASE_MEETING', '2027-10-05', null, 'KRIMINALFORSORGEN'],
      ]);
      expect(roadMapRow(rows, 'ADMISSION_NOTICE')).toMatchObject({
        itemOn: '2026-01-12',
        relatedId: 'k1',
        roadMapCode: 'GOOD_RELEASE',
        title: { key: 'road-map-item', args: { roadMap: 'GOOD_RELEASE', item: 'ADMISSION_NOTICE' } },
      });
    });

    it('gives no good-release road map to a citizen under 18', () => {
      expect(roadMapRows(given([opened('2010-05-01'), sentence('2028-01-05')]))).toEqual([]);
    });

    it('derives road maps only for a case it has a row for (facts before the opening are not kept)', () => {
      const exit: CaseEvent = { type: 'EnrolledInProgramme', data: { programmeCode: 'EXIT', startedOn: '2026-01-03' } };
      // The exit programme's road map has no age condition: with the case opened, the custody starts it.
      expect(roadMapRows(given([opened(), exit, sentence('2028-01-05')])).map((row) => row.roadMapCode)).toContain('EXIT_IN_CUSTODY');
      expect(roadMapRows(given([exit, sentence('2028-01-05')]))).toEqual([]);
    });

    it('meets a road-map item with its evidence and moves it to that day', () => {
      const rows = given([opened(), sentence('2028-01-05')], [shared('e1', ['BIF'])]);
      expect(roadMapRow(rows, 'ADMISSION_NOTICE')).toMatchObject({ dueOn: '2026-01-12', doneOn: '2026-01-06', itemOn: '2026-01-06', resolution: 'met' });
    });

    it('moves the release-anchored items and the release row when the expected release moves', () => {
      const moved: CaseEvent = {
        type: 'ExpectedReleaseChanged',
        data: { custodyId: 'k1', expectedReleaseOn: '2028-03-05', changedAt: '2026-01-25T09:00:00.000Z' },
      };
      const rows = given([opened(), sentence('2028-01-05')], [moved]);
      expect(roadMapRow(rows, 'RELEASE_MEETING')?.dueOn).toBe('2027-12-05');
      expect(rows.item(CASE, 'release:k1')).toMatchObject({ itemOn: '2028-03-05', dueOn: '2028-03-05', doneOn: null });
    });
  });

  describe('information shared and acknowledged', () => {
    it('sends the share that day and awaits an acknowledgement from each recipient (due, no deadline)', () => {
      const rows = given([opened()], [shared('e1', ['BIF', 'SOF'])]);
      const audience = { authorAgency: 'KRIMINALFORSORGEN', sharedWith: ['BIF', 'SOF'], sensitivity: 'normal' };
      expect(rows.item(CASE, 'share:e1')).toMatchObject({
        kind: 'information-share',
        itemOn: '2026-01-06',
        doneOn: '2026-01-06',
        resolution: 'sent',
        ownerAgency: 'KRIMINALFORSORGEN',
        detailSealed: 'summary e1',
        entry: audience,
      });
      for (const agency of ['BIF', 'SOF']) {
        expect(rows.item(CASE, `acknowledgement:e1:${agency}`)).toMatchObject({
          kind: 'acknowledgement',
          itemOn: '2026-01-06',
          dueOn: null,
          doneOn: null,
          resolution: null,
          ownerAgency: agency,
          relatedId: 'e1',
          entry: audience,
        });
      }
    });

    it("marks a recipient's acknowledgement done on the day it came, and only that recipient's", () => {
      const rows = given([opened()], [shared('e1', ['BIF', 'SOF'])], [acknowledged('e1', 'BIF')]);
      expect(rows.item(CASE, 'acknowledgement:e1:BIF')).toMatchObject({ itemOn: '2026-01-07', doneOn: '2026-01-07', resolution: 'acknowledged' });
      expect(rows.item(CASE, 'acknowledgement:e1:SOF')).toMatchObject({ doneOn: null, resolution: null });
    });

    it('meets a share acknowledged in the same batch, and keeps the first acknowledgement of a recipient', () => {
      const rows = given([opened(), shared('e1', ['BIF']), acknowledged('e1', 'BIF'), acknowledged('e1', 'BIF', '2026-01-09T10:00:00.000Z')]);
      expect(rows.item(CASE, 'acknowledgement:e1:BIF')).toMatchObject({ doneOn: '2026-01-07', resolution: 'acknowledged' });
    });

    it('keeps an escalation to the audience of the flow it chases, and writes none for a flow it does not know', () => {
      const rows = given(
        [opened(), shared('e1', ['SOF'])],
        [escalated({ flow: 'information', entryId: 'e1' }), escalated({ flow: 'information', entryId: 'e9' })],
      );
      expect(rows.item(CASE, 'escalation:acknowledgement:e1:SOF:reminder')).toMatchObject({
        kind: 'escalation',
        itemOn: '2026-01-10',
        dueOn: null,
        doneOn: '2026-01-10',
        resolution: 'reminder',
        ownerAgency: 'SOF',
        relatedId: 'e1',
        entry: { authorAgency: 'KRIMINALFORSORGEN', sharedWith: ['SOF'], sensitivity: 'normal' },
      });
      expect(rows.itemsOf(CASE).filter((row) => row.kind === 'escalation')).toHaveLength(1);
    });
  });

  describe('sealed-identity entries', () => {
    it('carry their sensitivity on the share, its acknowledgements and their escalations, so only the users named on the identity see them', () => {
      const rows = given([opened(), shared('e1', ['SOF'], 'sealed-identity'), escalated({ flow: 'information', entryId: 'e1' })]);
      const audience = { authorAgency: 'KRIMINALFORSORGEN', sharedWith: ['SOF'], sensitivity: 'sealed-identity' };
      expect(rows.item(CASE, 'share:e1')?.entry).toEqual(audience);
      expect(rows.item(CASE, 'acknowledgement:e1:SOF')?.entry).toEqual(audience);
      expect(rows.item(CASE, 'escalation:acknowledgement:e1:SOF:reminder')?.entry).toEqual(audience);
    });

    it('leave the case-level rows (case-wide audience) without an entry audience', () => {
      const rows = given([opened(), sentence('2028-01-05'), shared('e1', ['SOF'], 'sealed-identity')]);
      const caseWide = rows.itemsOf(CASE).filter((row) => !row.itemId.includes('e1'));
      expect(caseWide.length).toBeGreaterThan(0);
      expect(caseWide.every((row) => row.entry === null)).toBe(true);
    });
  });

  describe('overdue and late items (readers compare due_on with today)', () => {
    it('keeps an unanswered request open with its deadline, which makes it overdue once the day has passed', () => {
      const rows = given([opened(), requested('r1', '2026-01-20')]);
      expect(rows.item(CASE, 'answer:r1')).toMatchObject({
        kind: 'information-answer',
        itemOn: '2026-01-20',
        dueOn: '2026-01-20',
        doneOn: null,
        resolution: null,
        ownerAgency: 'SOF',
        entry: { authorAgency: 'BIF', sharedWith: ['SOF'], sensitivity: 'normal' },
      });
      expect(rows.item(CASE, 'request:r1')).toMatchObject({ kind: 'information-request', doneOn: '2026-01-08', resolution: 'sent', ownerAgency: 'BIF' });
    });

    it('keeps the deadline of an answer that came late, and stores the answer as its detail', () => {
      const rows = given([opened(), requested('r1', '2026-01-20')], [answered('r1', '2026-01-23T10:00:00.000Z')]);
      expect(rows.item(CASE, 'answer:r1')).toMatchObject({
        dueOn: '2026-01-20',
        doneOn: '2026-01-23',
        itemOn: '2026-01-23',
        resolution: 'answered',
        detailSealed: 'answer',
      });
    });

    it('keeps a road-map item open past its deadline when nothing met it', () => {
      const rows = given([opened(), sentence('2028-01-05')]);
      expect(roadMapRow(rows, 'NEEDS_ASSESSED')).toMatchObject({ dueOn: '2026-01-26', doneOn: null, resolution: null });
    });

    it('meets an action on the day it was completed, or cancels it', () => {
      const action = (actionId: string): CaseEvent => ({
        type: 'ActionAdded',
        data: { actionId, title: { sealed: 't' }, responsibleAgency: 'BIF', dueDate: '2026-03-01', addedAt: '2026-01-20T09:00:00.000Z' },
      });
      const rows = given(
        [opened(), action('a1'), action('a2'), action('a3')],
        [
          { type: 'ActionCompleted', data: { actionId: 'a1', completedOn: '2026-03-04' } },
          { type: 'ActionCancelled', data: { actionId: 'a2', reason: { sealed: 'r' }, cancelledAt: '2026-02-01T09:00:00.000Z' } },
        ],
      );
      expect(rows.item(CASE, 'action:a1')).toMatchObject({ dueOn: '2026-03-01', doneOn: '2026-03-04', resolution: 'completed', detailSealed: 't' });
      expect(rows.item(CASE, 'action:a2')).toMatchObject({ doneOn: '2026-02-01', resolution: 'cancelled' });
      expect(rows.item(CASE, 'action:a3')).toMatchObject({ itemOn: '2026-03-01', dueOn: '2026-03-01', doneOn: null });
    });
  });

  describe('a closed case', () => {
    it('is closed on its row, and its road-map items not met by then end that day', () => {
      const rows = given([opened(), sentence('2028-01-05'), shared('e1', ['BIF'])], [closed()]);
      expect(rows.cases.get(CASE)?.status).toBe('closed');
      expect(roadMapRow(rows, 'NEEDS_ASSESSED')).toMatchObject({ dueOn: '2026-01-26', doneOn: '2026-02-10', itemOn: '2026-02-10', resolution: 'ended' });
      expect(roadMapRow(rows, 'ADMISSION_NOTICE')).toMatchObject({ doneOn: '2026-01-06', resolution: 'met' });
    });

    it('applies its road maps again when reopened', () => {
      const reopened: CaseEvent = { type: 'CaseReopened', data: { reason: { sealed: 'r' }, reopenedAt: '2026-02-20T09:00:00.000Z' } };
      const rows = given([opened(), sentence('2028-01-05')], [closed()], [reopened]);
      expect(rows.cases.get(CASE)?.status).toBe('open');
      expect(roadMapRow(rows, 'NEEDS_ASSESSED')).toMatchObject({ doneOn: null, resolution: null });
    });

    it('keeps the SSP+ level and the latest conference on the case row', () => {
      const conference = (conferenceId: string, heldOn: string): CaseEvent => ({
        type: 'CaseConferenceHeld',
        data: { conferenceId, heldOn, agenciesPresent: ['BIF', 'SOF'], decisions: [] },
      });
      const rows = given(
        [opened(), { type: 'SspCategoryAssessed', data: { level: 3, rationale: { sealed: 'w' }, assessedBy: 'BIF', assessedOn: '2026-01-02' } }],
        [conference('m2', '2026-02-01'), conference('m1', '2026-01-15')],
      );
      expect(rows.cases.get(CASE)).toMatchObject({ sspLevel: 3, lastConferenceOn: '2026-02-01' });
      expect(rows.item(CASE, 'conference:m1')).toMatchObject({ kind: 'conference', doneOn: '2026-01-15', resolution: 'held', ownerAgency: 'BIF' });
    });
  });

  describe('custody', () => {
    it('starts on its day, with the expected release as an open deadline', () => {
      const rows = given([opened(), sentence('2028-01-05')]);
      expect(rows.item(CASE, 'custody-start:k1')).toMatchObject({
        kind: 'custody-start',
        itemOn: '2026-01-05',
        doneOn: '2026-01-05',
        resolution: 'started',
        ownerAgency: 'KRIMINALFORSORGEN',
        title: { key: 'custody', args: { kind: 'sentence', institution: 'Vestre Fængsel' } },
      });
      expect(rows.item(CASE, 'release:k1')).toMatchObject({
        kind: 'release',
        itemOn: '2028-01-05',
        dueOn: '2028-01-05',
        doneOn: null,
        title: { key: 'expected-release', args: {} },
      });
    });

    it('is released on its day, keeping the expected date as its deadline, and its road map ends', () => {
      const rows = given([opened(), sentence('2028-01-05')], [released('2026-06-01', true)]);
      expect(rows.item(CASE, 'release:k1')).toMatchObject({
        itemOn: '2026-06-01',
        dueOn: '2028-01-05',
        doneOn: '2026-06-01',
        resolution: 'conditionally-released',
      });
      expect(roadMapRow(rows, 'RELEASE_MEETING')).toMatchObject({ doneOn: '2026-06-01', resolution: 'ended' });
    });

    it('puts a release without an expected date on its day, and no longer moves it when a date comes later', () => {
      const moved: CaseEvent = {
        type: 'ExpectedReleaseChanged',
        data: { custodyId: 'k1', expectedReleaseOn: '2028-03-05', changedAt: '2026-07-01T09:00:00.000Z' },
      };
      const rows = given([opened(), sentence()], [released('2026-06-01')], [moved]);
      expect(rows.item(CASE, 'release:k1')).toMatchObject({
        itemOn: '2026-06-01',
        dueOn: '2028-03-05',
        doneOn: '2026-06-01',
        resolution: 'released',
        title: null,
      });
    });
  });

  describe('erasure', () => {
    it("ends every open item on the day the citizen's data was erased, keeps the road-map rows and forgets the birth date", () => {
      const rows = given([opened(), sentence('2028-01-05'), shared('e1', ['BIF'])], [closed()], [citizenErased()]);
      expect(rows.cases.get(CASE)?.roadMapFacts).toMatchObject({ birthDate: null, closedOn: '2026-02-10' });
      expect(rows.item(CASE, 'acknowledgement:e1:BIF')).toMatchObject({ itemOn: '2026-02-12', doneOn: '2026-02-12', resolution: 'ended' });
      expect(rows.item(CASE, 'release:k1')).toMatchObject({ dueOn: '2028-01-05', doneOn: '2026-02-12', resolution: 'ended' });
      expect(roadMapRows(rows)).toHaveLength(6);
      expect(roadMapRow(rows, 'NEEDS_ASSESSED')).toMatchObject({ doneOn: '2026-02-10', resolution: 'ended' });
      expect(rows.item(CASE, 'erasure:4')).toMatchObject({
        kind: 'erasure',
        itemOn: '2026-02-12',
        doneOn: '2026-02-12',
        resolution: 'erased',
        ownerAgency: null,
        title: { key: 'erasure-citizen', args: { reason: 'erasure-request' } },
      });
    });

    it('ends nothing that was met earlier in the same batch', () => {
      const rows = given([opened(), shared('e1', ['BIF']), acknowledged('e1', 'BIF'), closed(), citizenErased()]);
      expect(rows.item(CASE, 'acknowledgement:e1:BIF')).toMatchObject({ doneOn: '2026-01-07', resolution: 'acknowledged' });
    });

    it("marks one agency's erasure and leaves the items and the birth date", () => {
      const agencyErased: CaseEvent = {
        type: 'CitizenDataErased',
        data: { scope: 'KBH-POLITI', reason: 'retention-expired', by: 'system:retention', erasedAt: '2026-02-11T09:00:00.000Z' },
      };
      const rows = given([opened(), shared('e1', ['BIF'])], [agencyErased]);
      expect(rows.item(CASE, 'erasure:2')).toMatchObject({
        ownerAgency: 'KBH-POLITI',
        title: { key: 'erasure-agency', args: { agency: 'KBH-POLITI', reason: 'retention-expired' } },
      });
      expect(rows.item(CASE, 'acknowledgement:e1:BIF')).toMatchObject({ doneOn: null });
      expect(rows.cases.get(CASE)?.roadMapFacts.birthDate).toBe('2004-05-01');
    });
  });

  describe('a batch gives the rows of its events one by one', () => {
    // The scripted multi-agency case, closed and erased (the int-spec's case), and a second case
    // with its events interleaved, so a batch holds both.
    const scripted = (caseId: string) => [
      ...scriptedCase({ entryId: `${caseId}-e`, requestId: `${caseId}-r`, actionId: `${caseId}-a`, custodyId: `${caseId}-k`, conferenceId: `${caseId}-m` }).map(
        (event): Step => ({ by: event.metadata.agency as string, event: { type: event.type, data: event.data } as CaseEvent }),
      ),
      released('2026-02-05'),
      acknowledged(`${caseId}-e`, 'SOF', '2026-02-06T09:00:00.000Z'),
      closed(),
      citizenErased(),
    ];
    const log: CaseEventRecord[] = [];
    const first = recordsOf(scripted('c1'), 'c1');
    const second = recordsOf(scripted('c2').slice(0, 12), 'c2');
    for (let i = 0; i < Math.max(first.length, second.length); i++) log.push(...[first[i], second[i]].filter((record) => record !== undefined));

    const project = (batchSize: number) => {
      const rows = new TimelineRows(roadMaps);
      for (let i = 0; i < log.length; i += batchSize) rows.apply(log.slice(i, i + batchSize));
      const items = [...rows.items.values()].sort((a, b) => `${a.caseId} ${a.itemId}`.localeCompare(`${b.caseId} ${b.itemId}`));
      return { items, cases: [...rows.cases.values()].sort((a, b) => a.caseId.localeCompare(b.caseId)) };
    };

    it('folds the whole log at once into the rows of one event per batch', () => {
      const oneByOne = project(1);
      expect(oneByOne.items.length).toBeGreaterThan(20);
      expect(oneByOne.items.some((row: TimelineItemRow) => row.resolution === 'met')).toBe(true);
      expect(project(log.length)).toEqual(oneByOne);
    });

    it('gives the same rows for batches that cut the log anywhere', () => {
      const oneByOne = project(1);
      for (const batchSize of [2, 3, 7, 16]) expect(project(batchSize)).toEqual(oneByOne);
    });

    it('computes each road map once per case per batch', () => {
      const changes = foldTimeline(new Map(), log, roadMaps);
      const roadMapWrites = changes.filter((change) => change.type === 'replace-road-map').map((change) => change.caseId);
      // c1 writes its road map at the erasure and has nothing left to write at the end; c2 once.
      expect(roadMapWrites.sort()).toEqual(['c1', 'c2']);
    });
  });

  it('leaves the prior state it was given as it was', () => {
    const facts = { birthDate: '2004-05-01', enrolments: [], custodies: [], evidence: [], closedOn: null };
    const prior = new Map([[CASE, { roadMapFacts: facts }]]);
    foldTimeline(prior, recordsOf([sentence('2028-01-05'), shared('e1', ['BIF'])], CASE, 1), roadMaps);
    expect(facts).toEqual({ birthDate: '2004-05-01', enrolments: [], custodies: [], evidence: [], closedOn: null });
  });
});
