import { loadReferenceData } from '@samvirke/reference-data';
import { emptyRoadMapFacts, roadMapDeadlines, type RoadMapDeadline, type RoadMapEvidenceKind, type RoadMapFacts } from './road-map-deadlines';

/**
 * Given the facts of a case (as events leave them), then these road-map deadlines. Pure: no
 * database, the shipped reference data.
 */
const roadMaps = [...loadReferenceData().roadMaps.values()];

type Fact = (facts: RoadMapFacts) => void;
const born =
  (birthDate: string): Fact =>
  (f) =>
    void (f.birthDate = birthDate);
const custody =
  (custodyId: string, kind: string, startedOn: string, expectedReleaseOn: string | null = null): Fact =>
  (f) =>
    void f.custodies.push({ custodyId, kind, startedOn, expectedReleaseOn, releasedOn: null });
const releaseMoved =
  (custodyId: string, on: string): Fact =>
  (f) =>
    void (f.custodies.find((c) => c.custodyId === custodyId)!.expectedReleaseOn = on);
const released =
  (custodyId: string, on: string): Fact =>
  (f) =>
    void (f.custodies.find((c) => c.custodyId === custodyId)!.releasedOn = on);
const enrolled =
  (programmeCode: string, startedOn: string): Fact =>
  (f) =>
    void f.enrolments.push({ programmeCode, startedOn, endedOn: null });
const exited =
  (programmeCode: string, on: string): Fact =>
  (f) =>
    void (f.enrolments.find((e) => e.programmeCode === programmeCode)!.endedOn = on);
const happened =
  (kind: RoadMapEvidenceKind, agency: string | null, on: string): Fact =>
  (f) =>
    void f.evidence.push({ kind, agency, on });
const closed =
  (on: string): Fact =>
  (f) =>
    void (f.closedOn = on);
const reopened: Fact = (f) => void (f.closedOn = null);

function given(...facts: Fact[]): {
  deadlines: RoadMapDeadline[];
  item: (roadMap: string, code: string) => RoadMapDeadline | undefined;
  roadMapCodes: () => string[];
} {
  const state = emptyRoadMapFacts();
  for (const fact of facts) fact(state);
  const deadlines = roadMapDeadlines(state, roadMaps);
  return {
    deadlines,
    item: (roadMap, code) => deadlines.find((d) => d.roadMapCode === roadMap && d.itemCode === code),
    roadMapCodes: () => [...new Set(deadlines.map((d) => d.roadMapCode))],
  };
}

const dueDates = (deadlines: RoadMapDeadline[]) => Object.fromEntries(deadlines.map((d) => [d.itemCode, d.dueOn]));
// An adult (born 2004) serving 5 months: 1 July to 1 December 2026.
const adultSentence = [born('2004-05-01'), custody('c1', 'sentence', '2026-07-01', '2026-12-01')];

describe('road-map deadlines', () => {
  describe('the release road map (Køreplan for God Løsladelse) starts from the sentence', () => {
    it('starts for a sentence of 4 months or more for someone 18 or over, with no programme enrolment, at the calendar dates', () => {
      const { deadlines, roadMapCodes } = given(...adultSentence);
      expect(roadMapCodes()).toEqual(['GOOD_RELEASE']);
      expect(dueDates(deadlines)).toEqual({
        ADMISSION_NOTICE: '2026-07-08',
        ACTION_PLAN_OWNER_APPOINTED: '2026-07-15',
        NEEDS_ASSESSED: '2026-07-22',
        ACTION_PLAN_MADE: '2026-07-29',
        MUNICIPALITY_CONTACTED: '2025-12-01',
        RELEASE_MEETING: '2026-09-01',
      });
      expect(deadlines.every((d) => d.metOn === null && d.endedOn === null)).toBe(true);
    });

    it('does not start for an expected length under 4 calendar months, and does at exactly 4 (a clamped month end included)', () => {
      expect(given(born('2004-05-01'), custody('c1', 'sentence', '2026-07-01', '2026-10-31')).deadlines).toEqual([]);
      expect(given(born('2004-05-01'), custody('c1', 'sentence', '2026-07-01', '2026-11-01')).roadMapCodes()).toEqual(['GOOD_RELEASE']);
      // 31 October + 4 months is 28 February.
      expect(given(born('2004-05-01'), custody('c1', 'sentence', '2026-10-31', '2027-02-27')).deadlines).toEqual([]);
      expect(given(born('2004-05-01'), custody('c1', 'sentence', '2026-10-31', '2027-02-28')).roadMapCodes()).toEqual(['GOOD_RELEASE']);
    });

    it('starts only for someone 18 or over on the day custody starts, and not while the birth date is unknown', () => {
      expect(given(born('2008-07-02'), custody('c1', 'sentence', '2026-07-01', '2026-12-01')).deadlines).toEqual([]);
      expect(given(born('2008-07-01'), custody('c1', 'sentence', '2026-07-01', '2026-12-01')).roadMapCodes()).toEqual(['GOOD_RELEASE']);
      expect(given(custody('c1', 'sentence', '2026-07-01', '2026-12-01')).deadlines).toEqual([]);
    });

    it('starts while the release date is unknown, without the release-anchored items', () => {
      const { deadlines } = given(born('2004-05-01'), custody('c1', 'sentence', '2026-07-01'));
      expect(deadlines.map((d) => d.itemCode).sort()).toEqual(['ACTION_PLAN_MADE', 'ACTION_PLAN_OWNER_APPOINTED', 'ADMISSION_NOTICE', 'NEEDS_ASSESSED']);
    });

    it('gives each custody its own deadlines', () => {
      const { deadlines } = given(...adultSentence, released('c1', '2026-12-01'), custody('c2', 'sentence', '2027-03-01', '2027-09-01'));
      expect(deadlines.filter((d) => d.custodyId === 'c2').map((d) => [d.itemCode, d.dueOn])).toContainEqual(['RELEASE_MEETING', '2027-06-01']);
      expect(new Set(deadlines.map((d) => d.itemId)).size).toBe(deadlines.length);
    });
  });

  describe('the remand road map starts from remand', () => {
    it('starts for an adult on remand: conversations after 1 and 3 weeks, the signed plan after 4', () => {
      const { deadlines, roadMapCodes } = given(born('2004-05-01'), custody('r1', 'remand', '2026-01-05'));
      expect(roadMapCodes()).toEqual(['REMAND_JOB_EDU']);
      expect(dueDates(deadlines)).toEqual({
        FIRST_JOB_CONVERSATION: '2026-01-12',
        SECOND_JOB_CONVERSATION: '2026-01-26',
        JOB_EDUCATION_PLAN_SIGNED: '2026-02-02',
      });
    });

    it('needs two distinct conversations for the second job conversation', () => {
      const remand = [born('2004-05-01'), custody('r1', 'remand', '2026-01-05'), happened('information-sent', 'BIF', '2026-01-08')];
      expect(given(...remand).item('REMAND_JOB_EDU', 'SECOND_JOB_CONVERSATION')?.metOn).toBeNull();
      const twice = given(...remand, happened('information-sent', 'BIF', '2026-01-20'));
      expect(twice.item('REMAND_JOB_EDU', 'FIRST_JOB_CONVERSATION')?.metOn).toBe('2026-01-08');
      expect(twice.item('REMAND_JOB_EDU', 'SECOND_JOB_CONVERSATION')?.metOn).toBe('2026-01-20');
    });
  });

  describe('the exit road maps start for exit-programme participants', () => {
    const exitCustody = [born('2000-01-01'), enrolled('EXIT', '2026-01-01'), custody('c1', 'remand', '2026-02-01', '2026-05-01')];

    it('starts the in-custody exit road map for a participant in custody, and none for a non-participant', () => {
      expect(given(...exitCustody).roadMapCodes()).toEqual(['EXIT_IN_CUSTODY', 'REMAND_JOB_EDU']);
      expect(given(...exitCustody).item('EXIT_IN_CUSTODY', 'EXIT_HANDOVER_PLANNED')?.dueOn).toBe('2026-04-01');
      expect(given(born('2000-01-01'), custody('c1', 'remand', '2026-02-01', '2026-05-01')).roadMapCodes()).toEqual(['REMAND_JOB_EDU']);
    });

    it("starts the hand-over to the local exit unit on a participant's release: on the day, and a follow-up 4 weeks later", () => {
      const { item } = given(...exitCustody, released('c1', '2026-04-20'));
      expect(item('EXIT_RELEASE_HANDOVER', 'EXIT_UNIT_HANDOVER_MEETING')).toMatchObject({ dueOn: '2026-04-20', metOn: null, endedOn: null });
      expect(item('EXIT_RELEASE_HANDOVER', 'EXIT_UNIT_FOLLOW_UP')).toMatchObject({ dueOn: '2026-05-18', metOn: null, endedOn: null });
      expect(given(...exitCustody).item('EXIT_RELEASE_HANDOVER', 'EXIT_UNIT_HANDOVER_MEETING')).toBeUndefined();
    });

    it('does not start the hand-over for someone who left the programme before the release', () => {
      expect(given(...exitCustody, exited('EXIT', '2026-03-01'), released('c1', '2026-04-20')).roadMapCodes()).not.toContain('EXIT_RELEASE_HANDOVER');
    });

    it('meets the hand-over with a meeting held just before the release, the follow-up with the next one', () => {
      const { item } = given(
        ...exitCustody,
        happened('conference-held', 'SOF', '2026-04-15'),
        released('c1', '2026-04-20'),
        happened('conference-held', 'SOF', '2026-05-10'),
      );
      expect(item('EXIT_RELEASE_HANDOVER', 'EXIT_UNIT_HANDOVER_MEETING')?.metOn).toBe('2026-04-15');
      expect(item('EXIT_RELEASE_HANDOVER', 'EXIT_UNIT_FOLLOW_UP')?.metOn).toBe('2026-05-10');
    });

    it('ends the open hand-over items when the participant leaves the programme', () => {
      const { item } = given(...exitCustody, released('c1', '2026-04-20'), exited('EXIT', '2026-04-25'));
      expect(item('EXIT_RELEASE_HANDOVER', 'EXIT_UNIT_FOLLOW_UP')).toMatchObject({ metOn: null, endedOn: '2026-04-25' });
    });
  });

  describe('a moved release moves its deadlines', () => {
    it('moves the release-anchored deadlines with the expected release and leaves the admission ones', () => {
      const { item } = given(...adultSentence, releaseMoved('c1', '2027-03-31'));
      expect(item('GOOD_RELEASE', 'RELEASE_MEETING')?.dueOn).toBe('2026-12-31');
      expect(item('GOOD_RELEASE', 'MUNICIPALITY_CONTACTED')?.dueOn).toBe('2026-03-31');
      expect(item('GOOD_RELEASE', 'ACTION_PLAN_MADE')?.dueOn).toBe('2026-07-29');
    });

    it('takes the road map off the case when the sentence is shortened below 4 months', () => {
      expect(given(...adultSentence, releaseMoved('c1', '2026-09-01')).deadlines).toEqual([]);
    });
  });

  describe('items that no longer apply end', () => {
    it('ends every open item of the custody on the release, and keeps the met ones met', () => {
      const { item } = given(...adultSentence, happened('action-added', 'BIF', '2026-07-20'), released('c1', '2026-10-15'));
      expect(item('GOOD_RELEASE', 'ACTION_PLAN_MADE')).toMatchObject({ metOn: '2026-07-20', endedOn: null });
      expect(item('GOOD_RELEASE', 'RELEASE_MEETING')).toMatchObject({ dueOn: '2026-09-01', metOn: null, endedOn: '2026-10-15' });
      expect(item('GOOD_RELEASE', 'NEEDS_ASSESSED')).toMatchObject({ metOn: null, endedOn: '2026-10-15' });
    });

    it('does not count evidence after the release', () => {
      const { item } = given(...adultSentence, released('c1', '2026-10-15'), happened('action-added', 'BIF', '2026-10-20'));
      expect(item('GOOD_RELEASE', 'ACTION_PLAN_MADE')).toMatchObject({ metOn: null, endedOn: '2026-10-15' });
    });

    it('ends every open item when the case closes, and opens them again when it reopens', () => {
      const whileClosed = given(...adultSentence, closed('2026-08-10'));
      expect(whileClosed.deadlines.every((d) => d.endedOn === '2026-08-10')).toBe(true);
      const reopenedCase = given(...adultSentence, closed('2026-08-10'), reopened);
      expect(reopenedCase.deadlines.every((d) => d.endedOn === null)).toBe(true);
    });
  });

  describe('when an item is met', () => {
    it('keeps the day an item was met after its due date (readers show it as done late)', () => {
      const { item } = given(...adultSentence, happened('action-added', 'BIF', '2026-08-20'));
      expect(item('GOOD_RELEASE', 'ACTION_PLAN_MADE')).toMatchObject({ dueOn: '2026-07-29', metOn: '2026-08-20', endedOn: null });
    });

    it('meets the action plan with an action added after admission, not before', () => {
      expect(given(...adultSentence, happened('action-added', 'BIF', '2026-06-01')).item('GOOD_RELEASE', 'ACTION_PLAN_MADE')?.metOn).toBeNull();
      expect(given(...adultSentence, happened('action-added', 'BIF', '2026-07-20')).item('GOOD_RELEASE', 'ACTION_PLAN_MADE')?.metOn).toBe('2026-07-20');
    });

    it('meets the release meeting only with a conference in the window before release', () => {
      const long = [born('2004-05-01'), custody('c1', 'sentence', '2026-01-05', '2028-01-05')];
      expect(given(...long, happened('conference-held', 'BIF', '2026-06-01')).item('GOOD_RELEASE', 'RELEASE_MEETING')?.metOn).toBeNull();
      expect(given(...long, happened('conference-held', 'BIF', '2027-09-01')).item('GOOD_RELEASE', 'RELEASE_MEETING')?.metOn).toBe('2027-09-01');
    });

    it("counts only the owner agency's information for an owner-bound item", () => {
      expect(given(...adultSentence, happened('information-sent', 'SOF', '2026-07-02')).item('GOOD_RELEASE', 'ADMISSION_NOTICE')?.metOn).toBeNull();
      expect(given(...adultSentence, happened('information-sent', 'KRIMINALFORSORGEN', '2026-07-02')).item('GOOD_RELEASE', 'ADMISSION_NOTICE')?.metOn).toBe(
        '2026-07-02',
      );
    });

    it('counts a coordinator appointed before custody as met on the day custody started', () => {
      expect(given(...adultSentence, happened('coordinator-appointed', 'BIF', '2025-11-01')).item('GOOD_RELEASE', 'ACTION_PLAN_OWNER_APPOINTED')?.metOn).toBe(
        '2026-07-01',
      );
    });
  });
});
