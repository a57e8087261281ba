import { loadReferenceData } from '@samvirke/reference-data';
import { emptyRoadMapFacts, roadMapDeadlines, type RoadMapFacts } from './road-map-deadlines';

const referenceData = loadReferenceData();
const roadMapOf = (code: string) => {
  const roadMap = referenceData.programmes.get(code)?.roadMap;
  return roadMap === undefined ? undefined : referenceData.roadMaps.get(roadMap);
};

function sentencedCase(overrides: Partial<RoadMapFacts> = {}): RoadMapFacts {
  return {
    ...emptyRoadMapFacts(),
    birthDate: '2004-05-01',
    enrolments: [{ programmeCode: 'JOB_EDU_CONVICTED', startedOn: '2026-01-10', endedOn: null }],
    custodies: [{ custodyId: 'c1', kind: 'sentence', startedOn: '2026-01-05', expectedReleaseOn: '2028-01-05', releasedOn: null }],
    ...overrides,
  };
}

const byCode = (facts: RoadMapFacts) => Object.fromEntries(roadMapDeadlines(facts, roadMapOf).map((d) => [d.itemCode, d]));

describe('road-map deadlines', () => {
  it('gives the good-release deadlines relative to custody start and expected release', () => {
    const items = byCode(sentencedCase());
    expect(Object.keys(items).sort()).toEqual(
      ['ACTION_PLAN_MADE', 'ACTION_PLAN_OWNER_APPOINTED', 'ADMISSION_NOTICE', 'MUNICIPALITY_CONTACTED', 'NEEDS_ASSESSED', 'RELEASE_MEETING'],
    );
    expect(items.ACTION_PLAN_MADE.dueOn).toBe('2026-02-02');
    expect(items.MUNICIPALITY_CONTACTED.dueOn).toBe('2027-01-05');
    expect(items.RELEASE_MEETING.dueOn).toBe('2027-10-07');
    expect(items.RELEASE_MEETING.ownerAgency).toBe('KRIMINALFORSORGEN');
  });

  it('moves the release-anchored deadlines when the expected release changes', () => {
    const facts = sentencedCase();
    facts.custodies[0].expectedReleaseOn = '2028-03-05';
    const items = byCode(facts);
    expect(items.RELEASE_MEETING.dueOn).toBe('2027-12-06');
    expect(items.ACTION_PLAN_MADE.dueOn).toBe('2026-02-02');
  });

  it('has no release-anchored deadlines while the release date is unknown', () => {
    const facts = sentencedCase();
    facts.custodies[0].expectedReleaseOn = null;
    expect(Object.keys(byCode(facts))).not.toContain('RELEASE_MEETING');
  });

  it('puts a case on no road map without an enrolment in a programme that names one', () => {
    expect(roadMapDeadlines(sentencedCase({ enrolments: [{ programmeCode: 'SSP_PLUS', startedOn: '2026-01-10', endedOn: null }] }), roadMapOf)).toEqual([]);
  });

  it('leaves out a road map whose custody kind, age or sentence length does not apply', () => {
    const remand = sentencedCase();
    remand.custodies[0].kind = 'remand';
    expect(roadMapDeadlines(remand, roadMapOf)).toEqual([]);
    expect(roadMapDeadlines(sentencedCase({ birthDate: '2010-01-01' }), roadMapOf)).toEqual([]);
    const short = sentencedCase();
    short.custodies[0].expectedReleaseOn = '2026-04-01';
    expect(roadMapDeadlines(short, roadMapOf)).toEqual([]);
  });

  it('meets the action plan with an action added after admission, not before', () => {
    const before = byCode(sentencedCase({ evidence: [{ kind: 'action-added', agency: 'BIF', on: '2026-01-01' }] }));
    expect(before.ACTION_PLAN_MADE.metOn).toBeNull();
    const after = byCode(sentencedCase({ evidence: [{ kind: 'action-added', agency: 'BIF', on: '2026-01-20' }] }));
    expect(after.ACTION_PLAN_MADE.metOn).toBe('2026-01-20');
  });

  it('meets the release meeting only with a conference in the window before release', () => {
    const early = byCode(sentencedCase({ evidence: [{ kind: 'conference-held', agency: 'BIF', on: '2026-06-01' }] }));
    expect(early.RELEASE_MEETING.metOn).toBeNull();
    const inWindow = byCode(sentencedCase({ evidence: [{ kind: 'conference-held', agency: 'BIF', on: '2027-09-01' }] }));
    expect(inWindow.RELEASE_MEETING.metOn).toBe('2027-09-01');
  });

  it("counts only the owner agency's information for an owner-bound item", () => {
    const other = byCode(sentencedCase({ evidence: [{ kind: 'information-sent', agency: 'SOF', on: '2026-01-06' }] }));
    expect(other.ADMISSION_NOTICE.metOn).toBeNull();
    const owner = byCode(sentencedCase({ evidence: [{ kind: 'information-sent', agency: 'KRIMINALFORSORGEN', on: '2026-01-06' }] }));
    expect(owner.ADMISSION_NOTICE.metOn).toBe('2026-01-06');
  });

  it('counts a coordinator appointed before custody as met on the day custody started', () => {
    const items = byCode(sentencedCase({ evidence: [{ kind: 'coordinator-appointed', agency: 'BIF', on: '2025-11-01' }] }));
    expect(items.ACTION_PLAN_OWNER_APPOINTED.metOn).toBe('2026-01-05');
  });

  it('needs two distinct conversations for the second job conversation on remand', () => {
    const facts: RoadMapFacts = {
      ...emptyRoadMapFacts(),
      birthDate: '2004-05-01',
      enrolments: [{ programmeCode: 'JOB_EDU_REMAND', startedOn: '2026-01-05', endedOn: null }],
      custodies: [{ custodyId: 'r1', kind: 'remand', startedOn: '2026-01-05', expectedReleaseOn: null, releasedOn: null }],
      evidence: [{ kind: 'information-sent', agency: 'BIF', on: '2026-01-08' }],
    };
    expect(byCode(facts).SECOND_JOB_CONVERSATION.metOn).toBeNull();
    facts.evidence.push({ kind: 'information-sent', agency: 'BIF', on: '2026-01-20' });
    expect(byCode(facts).SECOND_JOB_CONVERSATION.metOn).toBe('2026-01-20');
    expect(byCode(facts).FIRST_JOB_CONVERSATION.metOn).toBe('2026-01-08');
  });
});
