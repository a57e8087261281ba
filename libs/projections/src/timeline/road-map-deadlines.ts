/**
 * Which road-map deadlines a case has, and which of them are met or ended, from the case's facts.
 * Pure and clock-free: the projection stores due dates and the date an item was met or ended;
 * whether an open item is due or overdue, or a met one late, is decided when it is read.
 *
 * ## When a road map starts
 * Each road map (reference data) states its trigger: the fact it starts on (a custody starting, or
 * a release) and the conditions on it: the custody's kind, the expected length from custody start
 * to the expected release in months (an unknown release date counts as long enough: better one
 * deadline too many than a missed release), the citizen's age on the day it starts (from the birth
 * date on CaseOpened; unknown: it does not start), and an enrolment in a programme on that day
 * (for a custody: at any time between its start and its release). Each custody gets its own
 * deadlines. The trigger is read from the facts as they are now: a sentence shortened below the
 * minimum takes its road map off the case, as if it had never applied.
 *
 * ## Anchors and offsets
 * Items are due a calendar offset (days, weeks, months, years: calendar-offset.ts) from the day
 * custody started, the latest expected release (they move when it changes; they exist only once a
 * release date is known) or the actual release.
 *
 * ## When an item is met
 * Events do not name road-map items, so each item code has a completion rule (ROAD_MAP_COMPLETION):
 * the n-th piece of matching evidence within the item's window, optionally only from the item's
 * owner agency. The window opens when custody starts (for `expected-release` items, at the earliest
 * 180 days before the due date, so a contact made at admission does not count as preparing a release
 * two years later; for `released` items, 30 days before the release, so a hand-over meeting held
 * just before the release counts) and closes when the road map ends. An item code without a rule is
 * never met automatically: it stays open and shows as overdue, which prompts someone to add a rule.
 *
 * ## When an item ends
 * A road map ends when what it was about ends: a custody's road map on the release, a programme's
 * road map when the citizen leaves the programme, every road map when the case closes (and it
 * applies again when the case reopens). An item not met by then ends that day: it no longer applies,
 * so it is neither met nor overdue. An item met after its due date stays met; readers show it late.
 */
import { ageOn } from '@samvirke/case';
import type { LocalisedName, RoadMap, RoadMapAnchor, RoadMapItem } from '@samvirke/reference-data';
import { addDays, addMonths, applyOffset } from './calendar-offset';

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
  /** The day the case closed, while it is closed. */
  closedOn: string | null;
}

export function emptyRoadMapFacts(): RoadMapFacts {
  return { birthDate: null, enrolments: [], custodies: [], evidence: [], closedOn: null };
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
  EXIT_HANDOVER_PLANNED: { evidence: ['conference-held'], fromOwnerAgency: false, occurrence: 1 },
  // Exit hand-over on release: the first conference around the release is the hand-over, the second the follow-up.
  EXIT_UNIT_HANDOVER_MEETING: { evidence: ['conference-held'], fromOwnerAgency: false, occurrence: 1 },
  EXIT_UNIT_FOLLOW_UP: { evidence: ['conference-held'], fromOwnerAgency: false, occurrence: 2 },
};

/** How far before its due date a release-anchored item's window opens at the earliest. */
export const RELEASE_WINDOW_LEAD_DAYS = 180;
/** How far before the release a released-anchored item's window opens (a hand-over just before release counts). */
export const HANDOVER_WINDOW_LEAD_DAYS = 30;

export interface RoadMapDeadline {
  /** Stable per custody, road map and item, so a moved release updates the same timeline row. */
  itemId: string;
  custodyId: string;
  roadMapCode: string;
  itemCode: string;
  title: LocalisedName;
  ownerAgency: string;
  dueOn: string;
  metOn: string | null;
  /** The day the item stopped applying without being met (release, programme left, case closed). */
  endedOn: string | null;
}

/** One road map started by one custody: when it started and when (if) it ended. */
interface StartedRoadMap {
  roadMap: RoadMap;
  custody: CustodyFacts;
  endsOn: string | null;
}

function anchorDate(anchor: RoadMapAnchor, custody: CustodyFacts): string | null {
  switch (anchor) {
    case 'custody-started':
      return custody.startedOn;
    case 'expected-release':
      return custody.expectedReleaseOn;
    case 'released':
      return custody.releasedOn;
    default: {
      const _exhaustive: never = anchor;
      return _exhaustive;
    }
  }
}

const earliest = (dates: readonly (string | null | undefined)[]): string | null =>
  dates.reduce<string | null>((min, date) => (date == null || (min !== null && min <= date) ? min : date), null);

/** The road map started by `custody`, if its trigger holds on the facts; see the file comment. */
function started(roadMap: RoadMap, custody: CustodyFacts, facts: RoadMapFacts): StartedRoadMap | undefined {
  const { trigger } = roadMap;
  const startsOn = anchorDate(trigger.startsOn, custody);
  if (startsOn === null) return undefined;
  if (trigger.custodyKind !== undefined && custody.kind !== trigger.custodyKind) return undefined;
  if (trigger.minMonths !== undefined && custody.expectedReleaseOn !== null) {
    if (custody.expectedReleaseOn < addMonths(custody.startedOn, trigger.minMonths)) return undefined;
  }
  if (trigger.minAge !== undefined) {
    if (facts.birthDate === null || ageOn(facts.birthDate, startsOn) < trigger.minAge) return undefined;
  }
  let programmeEndedOn: string | null = null;
  if (trigger.programme !== undefined) {
    // Enrolled while the road map's fact held: during the custody, or on the day of the release.
    const until = custody.releasedOn;
    const enrolment = facts.enrolments.find(
      (e) => e.programmeCode === trigger.programme && (until === null || e.startedOn <= until) && (e.endedOn === null || e.endedOn >= startsOn),
    );
    if (!enrolment) return undefined;
    programmeEndedOn = enrolment.endedOn;
  }
  const custodyEndsIt = trigger.startsOn === 'custody-started' ? custody.releasedOn : null;
  return { roadMap, custody, endsOn: earliest([custodyEndsIt, programmeEndedOn, facts.closedOn]) };
}

function windowOpens(item: RoadMapItem, dueOn: string, custody: CustodyFacts): string {
  switch (item.due.from) {
    case 'custody-started':
      return custody.startedOn;
    case 'expected-release': {
      const lead = addDays(dueOn, -RELEASE_WINDOW_LEAD_DAYS);
      return lead > custody.startedOn ? lead : custody.startedOn;
    }
    case 'released':
      return addDays(custody.releasedOn ?? dueOn, -HANDOVER_WINDOW_LEAD_DAYS);
    default: {
      const _exhaustive: never = item.due.from;
      return _exhaustive;
    }
  }
}

function metOn(item: RoadMapItem, dueOn: string, { custody, endsOn }: StartedRoadMap, evidence: readonly RoadMapEvidence[]): string | null {
  const rule = ROAD_MAP_COMPLETION[item.code];
  if (!rule) return null;
  const opens = windowOpens(item, dueOn, custody);
  const matching = evidence
    .filter((e) => rule.evidence.includes(e.kind))
    .filter((e) => !rule.fromOwnerAgency || e.agency === item.ownerAgency)
    .filter((e) => e.on >= opens && (endsOn === null || e.on <= endsOn))
    .map((e) => e.on)
    .sort();
  // Appointing the person responsible before custody started still counts: the person exists.
  if (item.code === 'ACTION_PLAN_OWNER_APPOINTED' && matching.length === 0) {
    const earlier = evidence.some((e) => e.kind === 'coordinator-appointed' && e.on < opens);
    return earlier ? opens : null;
  }
  return matching[rule.occurrence - 1] ?? null;
}

/** Every road-map deadline of the case, in a stable order (custody, road map code, item). */
export function roadMapDeadlines(facts: RoadMapFacts, roadMaps: readonly RoadMap[]): RoadMapDeadline[] {
  const ordered = [...roadMaps].sort((a, b) => a.code.localeCompare(b.code));
  const deadlines: RoadMapDeadline[] = [];
  for (const custody of facts.custodies) {
    for (const roadMap of ordered) {
      const start = started(roadMap, custody, facts);
      if (!start) continue;
      for (const item of roadMap.items) {
        const anchor = anchorDate(item.due.from, custody);
        if (anchor === null) continue;
        const dueOn = applyOffset(anchor, item.due);
        const met = metOn(item, dueOn, start, facts.evidence);
        deadlines.push({
          itemId: `road-map:${custody.custodyId}:${roadMap.code}:${item.code}`,
          custodyId: custody.custodyId,
          roadMapCode: roadMap.code,
          itemCode: item.code,
          title: item.title,
          ownerAgency: item.ownerAgency,
          dueOn,
          metOn: met,
          endedOn: met === null ? start.endsOn : null,
        });
      }
    }
  }
  return deadlines;
}
