import type { OutcomeFact, OutcomeFactDetail, OutcomeFactType } from '../outcome/outcome-fact';
import type { LabourMarketStatus } from '../measures/measure-definition';

/**
 * A case's outcome facts as known at the report's as-of instant, in business-date order (stream
 * revision breaks ties, so two facts on one day keep the order they were decided in).
 */
export interface CaseHistory {
  readonly caseId: string;
  readonly birthDate: string | undefined;
  readonly districtCode: string | undefined;
  readonly facts: readonly OutcomeFact[];
}

export function caseHistories(facts: readonly OutcomeFact[]): CaseHistory[] {
  const byCase = new Map<string, OutcomeFact[]>();
  for (const fact of facts) {
    const list = byCase.get(fact.caseId) ?? [];
    list.push(fact);
    byCase.set(fact.caseId, list);
  }
  return [...byCase.keys()].sort().map((caseId) => {
    const sorted = (byCase.get(caseId) ?? []).slice().sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.revision - b.revision));
    const opened = sorted.find((f) => f.detail.type === 'case-opened')?.detail as Extract<OutcomeFactDetail, { type: 'case-opened' }> | undefined;
    return { caseId, birthDate: opened?.birthDate, districtCode: opened?.districtCode, facts: sorted };
  });
}

export type FactOf<T extends OutcomeFactType> = OutcomeFact & { readonly detail: Extract<OutcomeFactDetail, { type: T }> };

export function factsOfType<T extends OutcomeFactType>(history: CaseHistory, type: T): FactOf<T>[] {
  return history.facts.filter((fact): fact is FactOf<T> => fact.detail.type === type);
}

/** The SSP level last assessed on or before `date`, or undefined when none was. */
export function levelOn(history: CaseHistory, date: string): number | undefined {
  let level: number | undefined;
  for (const fact of factsOfType(history, 'level-assessed')) if (fact.on <= date) level = fact.detail.level;
  return level;
}

/** Self-sufficient on `date`: the last reached/lost fact on or before it is "reached" (lost on a day means not self-sufficient that day). */
export function selfSufficientOn(history: CaseHistory, date: string): boolean {
  let selfSufficient = false;
  for (const fact of history.facts) {
    if (fact.on > date) break;
    if (fact.detail.type === 'self-sufficiency-reached') selfSufficient = true;
    if (fact.detail.type === 'self-sufficiency-lost') selfSufficient = false;
  }
  return selfSufficient;
}

export interface EmploymentPeriod {
  readonly kind: string;
  readonly startedOn: string;
  /** The last day worked; undefined while it lasts. */
  readonly endedOn: string | undefined;
}

export function employmentPeriods(history: CaseHistory): EmploymentPeriod[] {
  const ends = new Map(factsOfType(history, 'employment-ended').map((f) => [f.detail.employmentId, f.on]));
  return factsOfType(history, 'employment-started').map((f) => ({ kind: f.detail.kind, startedOn: f.on, endedOn: ends.get(f.detail.employmentId) }));
}

function inEducationOn(history: CaseHistory, date: string): boolean {
  const ends = new Map<string, string>();
  for (const fact of history.facts) {
    if (fact.detail.type === 'education-ended' || fact.detail.type === 'education-completed') ends.set(fact.detail.educationId, fact.on);
  }
  return factsOfType(history, 'education-started').some((f) => f.on <= date && (ends.get(f.detail.educationId) ?? '9999-12-31') >= date);
}

/**
 * The citizen's labour-market status on `date`, the most independent status winning:
 * self-sufficient, ordinary job (ordinary or flexible), wage-subsidy job, internship, education,
 * else benefits (a case citizen with none of these is assumed to be on public benefits).
 */
export function labourMarketStatusOn(history: CaseHistory, date: string): LabourMarketStatus {
  if (selfSufficientOn(history, date)) return 'self-sufficient';
  const working = employmentPeriods(history)
    .filter((p) => p.startedOn <= date && (p.endedOn === undefined || p.endedOn >= date))
    .map((p) => p.kind);
  if (working.includes('ordinary') || working.includes('flexible')) return 'ordinary-job';
  if (working.includes('wage-subsidy')) return 'wage-subsidy-job';
  if (working.includes('internship')) return 'internship';
  if (inEducationOn(history, date)) return 'education';
  return 'benefits';
}

/** The status over time: one entry per change, from the day the case was opened. */
export function labourMarketTimeline(history: CaseHistory): { from: string; status: LabourMarketStatus }[] {
  const days = new Set<string>();
  for (const fact of history.facts) {
    days.add(fact.on);
    // An employment or education ending on a day changes the status the day after.
    if (fact.detail.type === 'employment-ended' || fact.detail.type === 'education-ended' || fact.detail.type === 'education-completed') {
      days.add(new Date(Date.parse(`${fact.on}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
    }
  }
  const timeline: { from: string; status: LabourMarketStatus }[] = [];
  for (const day of [...days].sort()) {
    const status = labourMarketStatusOn(history, day);
    if (timeline.length === 0 || timeline[timeline.length - 1].status !== status) timeline.push({ from: day, status });
  }
  return timeline;
}
