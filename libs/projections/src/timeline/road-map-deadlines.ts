/**
 * Which road-map deadlines a case has, and which of them are met, from the case's facts. Pure and
 * clock-free: the projection stores due dates and the date an item was met; whether an open item is
 * due or overdue is decided when it is read.
 *
 * ## When a case is on a road map
 * A road map (reference data) applies to a custody when the case is enrolled in a programme that
 * names the road map during that custody (enrolled before release, not exited before the custody
 * started), the custody's kind is one the road map covers, the citizen is old enough on the day
 * custody started, and, for a minimum sentence length, the time from custody start to the expected
 * release is long enough (an unknown release date counts as long enough: better one deadline too
 * many than a missed release). Each custody gets its own deadlines.
 *
 * ## Anchors
 * `custody-started` items are due `offsetDays` after the custody started; `expected-release` items
 * are due relative to the latest expected release date (they move when it changes) and exist only
 * once a release date is known.
 *
 * ## When an item is met
 * Events do not name road-map items, so each item code has a completion rule (ROAD_MAP_COMPLETION):
 * the n-th piece of matching evidence within the item's window, optionally only from the item's
 * owner agency. The window opens when custody starts (for `expected-release` items, at the earliest
 * 180 days before the due date, so a contact made at admission does not count as preparing a release
 * two years later) and closes on the actual release. An item code without a rule is never met
 * automatically: it stays open and shows as overdue, which prompts someone to add a rule.
 */
import { ageOn } from '@samvirke/case';
import type { RoadMap, RoadMapItem } from '@samvirke/reference-data';

/** Things that happened on a case that can meet a road-map item. */
export type RoadMapEvidenceKind =
  /** A coordinator (the person responsible for the action plan) was assigned or changed. */
  | 'coordinator-appointed'
  /** An agency shared information or sent an information request. */
  | 'information-sent'
  /** A goal was set (the road map's assessment areas are the goal areas). */
  | 'goal-set'
  /** Progression toward the labour market was assessed. */
  | 'progression-assessed'
  /** An action was added to the action plan (agency: the responsible agency). */
  | 'action-added'
  | 'conference-held';

export interface RoadMapEvidence {
  kind: RoadMapEvidenceKind;
  agency: string | null;
  on: string;
}

export interface CustodyFacts {
  custodyId: string;
  kind: string;
  startedOn: string;
  expectedReleaseOn: string | null;
  releasedOn: string | null;
}

export interface EnrolmentFacts {
  programmeCode: string;
  startedOn: string;
  endedOn: string | null;
}

/** What the projection remembers per case to derive road-map deadlines (stored as jsonb). */
export interface RoadMapFacts {
  birthDate: string | null;
  enrolments: EnrolmentFacts[];
  custodies: CustodyFacts[];
  evidence: RoadMapEvidence[];
}

export function emptyRoadMapFacts(): RoadMapFacts {
  return { birthDate: null, enrolments: [], custodies: [], evidence: [] };
}

export interface CompletionRule {
  evidence: readonly RoadMapEvidenceKind[];
  /** Only evidence from the item's owner agency counts. */
  fromOwnerAgency: boolean;
  /** The n-th matching piece of evidence meets the item (two conversations: 2). */
  occurrence: number;
}

/** How each road-map item of the shipped reference data is met; see the file comment. */
export const ROAD_MAP_COMPLETION: Readonly<Record<string, CompletionRule>> = {
  // Good release.
  ADMISSION_NOTICE: { evidence: ['information-sent'], fromOwnerAgency: true, occurrence: 1 },
  ACTION_PLAN_OWNER_APPOINTED: { evidence: ['coordinator-appointed'], fromOwnerAgency: false, occurrence: 1 },
  NEEDS_ASSESSED: { evidence: ['goal-set', 'progression-assessed'], fromOwnerAgency: false, occurrence: 1 },
  ACTION_PLAN_MADE: { evidence: ['action-added'], fromOwnerAgency: false, occurrence: 1 },
  MUNICIPALITY_CONTACTED: { evidence: ['information-sent'], fromOwnerAgency: true, occurrence: 1 },
  RELEASE_MEETING: { evidence: ['conference-held'], fromOwnerAgency: false, occurrence: 1 },
  // Job and education on remand: the jobcentre's conversations show as its shares or requests.
  FIRST_JOB_CONVERSATION: { evidence: ['information-sent', 'conference-held'], fromOwnerAgency: true, occurrence: 1 },
  SECOND_JOB_CONVERSATION: { evidence: ['information-sent', 'conference-held'], fromOwnerAgency: true, occurrence: 2 },
  JOB_EDUCATION_PLAN_SIGNED: { evidence: ['action-added'], fromOwnerAgency: true, occurrence: 1 },
  // Exit.
  EXIT_VISITATION: { evidence: ['conference-held', 'information-sent'], fromOwnerAgency: false, occurrence: 1 },
  EXIT_HANDOVER_MEETING: { evidence: ['conference-held'], fromOwnerAgency: false, occurrence: 1 },
};

/** How far before its due date a release-anchored item's window opens at the earliest. */
export const RELEASE_WINDOW_LEAD_DAYS = 180;

export interface RoadMapDeadline {
  /** Stable per custody, road map and item, so a moved release updates the same timeline row. */
  itemId: string;
  custodyId: string;
  roadMapCode: string;
  itemCode: string;
  title: string;
  ownerAgency: string;
  dueOn: string;
  metOn: string | null;
}

export function addDays(date: string, days: number): string {
  const shifted = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  return shifted.toISOString().slice(0, 10);
}

function monthsBetween(from: string, to: string): number {
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  return to.slice(8) >= from.slice(8) ? months : months - 1;
}

function applies(roadMap: RoadMap, custody: CustodyFacts, facts: RoadMapFacts): boolean {
  const { applicability } = roadMap;
  if (!applicability.custodyKinds.some((kind) => kind === custody.kind)) return false;
  if (applicability.minAgeYears !== undefined) {
    if (facts.birthDate === null || ageOn(facts.birthDate, custody.startedOn) < applicability.minAgeYears) return false;
  }
  if (applicability.minSentenceMonths !== undefined && custody.expectedReleaseOn !== null) {
    if (monthsBetween(custody.startedOn, custody.expectedReleaseOn) < applicability.minSentenceMonths) return false;
  }
  return true;
}

function enrolledDuring(enrolment: EnrolmentFacts, custody: CustodyFacts): boolean {
  const custodyEnd = custody.releasedOn;
  if (custodyEnd !== null && enrolment.startedOn > custodyEnd) return false;
  return enrolment.endedOn === null || enrolment.endedOn >= custody.startedOn;
}

function metOn(item: RoadMapItem, dueOn: string, custody: CustodyFacts, evidence: readonly RoadMapEvidence[]): string | null {
  const rule = ROAD_MAP_COMPLETION[item.code];
  if (!rule) return null;
  let opens = custody.startedOn;
  if (item.anchor === 'expected-release') {
    const earliest = addDays(dueOn, -RELEASE_WINDOW_LEAD_DAYS);
    if (earliest > opens) opens = earliest;
  }
  const closes = custody.releasedOn;
  const matching = evidence
    .filter((e) => rule.evidence.includes(e.kind))
    .filter((e) => !rule.fromOwnerAgency || e.agency === item.ownerAgency)
    .filter((e) => e.on >= opens && (closes === null || e.on <= closes))
    .map((e) => e.on)
    .sort();
  // Appointing the person responsible before custody started still counts: the person exists.
  if (item.code === 'ACTION_PLAN_OWNER_APPOINTED' && matching.length === 0) {
    const earlier = evidence.some((e) => e.kind === 'coordinator-appointed' && e.on < opens);
    return earlier ? opens : null;
  }
  return matching[rule.occurrence - 1] ?? null;
}

/** Every road-map deadline of the case, in a stable order. */
export function roadMapDeadlines(
  facts: RoadMapFacts,
  roadMapOfProgramme: (programmeCode: string) => RoadMap | undefined,
): RoadMapDeadline[] {
  const deadlines: RoadMapDeadline[] = [];
  for (const custody of facts.custodies) {
    const roadMaps = new Map<string, RoadMap>();
    for (const enrolment of facts.enrolments) {
      const roadMap = roadMapOfProgramme(enrolment.programmeCode);
      if (roadMap && enrolledDuring(enrolment, custody) && applies(roadMap, custody, facts)) roadMaps.set(roadMap.code, roadMap);
    }
    for (const roadMap of [...roadMaps.values()].sort((a, b) => a.code.localeCompare(b.code))) {
      for (const item of roadMap.items) {
        const anchor = item.anchor === 'custody-started' ? custody.startedOn : custody.expectedReleaseOn;
        if (anchor === null) continue;
        const dueOn = addDays(anchor, item.offsetDays);
        deadlines.push({
          itemId: `road-map:${custody.custodyId}:${roadMap.code}:${item.code}`,
          custodyId: custody.custodyId,
          roadMapCode: roadMap.code,
          itemCode: item.code,
          title: item.title,
          ownerAgency: item.ownerAgency,
          dueOn,
          metOn: metOn(item, dueOn, custody, facts.evidence),
        });
      }
    }
  }
  return deadlines;
}
