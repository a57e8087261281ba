import type { MeasureDefinition } from '../measures/measure-definition';
import { addMonths } from './calendar-months';
import { factsOfType, type CaseHistory } from './case-history';

/** One counted person: a case, the day counting starts (the anchor) and the window's last day. */
export interface CohortMember {
  readonly caseId: string;
  /** Set when the cohort is split by programme: the programme this membership belongs to. */
  readonly programme: string | undefined;
  readonly anchorOn: string;
  readonly windowEndOn: string;
}

/**
 * Who a measure counts, for one case:
 * - the case must have been enrolled in one of `programmes` (those that picked the measure);
 *   its first such enrolment is the entry date (per programme when split by programme);
 * - anchor "enrolment": the entry date; anchor "release": the first release on or after it;
 * - the window runs from the anchor through anchor + windowMonths, both days included;
 * - only anchors whose whole window lies on or before the measurement date are counted, so a
 *   cohort never grows a member whose outcome cannot be observed yet.
 * A reopened case is the same case id: it is counted once, from its first entry.
 */
export function cohortMembersOf(
  history: CaseHistory,
  measure: MeasureDefinition,
  programmes: ReadonlySet<string>,
  measurementDate: string,
  splitByProgramme: boolean,
): CohortMember[] {
  const firstEntry = new Map<string, string>();
  for (const fact of factsOfType(history, 'enrolled')) {
    const code = fact.detail.programmeCode;
    if (!programmes.has(code)) continue;
    const known = firstEntry.get(code);
    if (known === undefined || fact.on < known) firstEntry.set(code, fact.on);
  }
  if (firstEntry.size === 0) return [];
  const entries: [string | undefined, string][] = splitByProgramme
    ? [...firstEntry.entries()].sort(([a], [b]) => (a < b ? -1 : 1))
    : [[undefined, [...firstEntry.values()].sort()[0]]];
  const members: CohortMember[] = [];
  for (const [programme, enteredOn] of entries) {
    const anchorOn = measure.anchor === 'enrolment' ? enteredOn : factsOfType(history, 'released').find((f) => f.on >= enteredOn)?.on;
    if (anchorOn === undefined) continue;
    const windowEndOn = addMonths(anchorOn, measure.windowMonths);
    if (windowEndOn > measurementDate) continue;
    members.push({ caseId: history.caseId, programme, anchorOn, windowEndOn });
  }
  return members;
}
