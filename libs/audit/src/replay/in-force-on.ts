import { copenhagenDate, type IsoDate } from '@samvirke/case';

/**
 * The dates facts carry, for the auditors' date axis ("what was true on 2026-03-01, as known now").
 * A business date where the event has one: the day the assessment was made, the programme, custody,
 * employment or education started or ended, the release, the charge, the conviction, the conference,
 * the step of self-sufficiency. A deadline (dueDate, dueOn, expectedReleaseOn) is not when anything
 * happened, so it never counts. An event without one happened when it was recorded: the Copenhagen
 * day of its own instant (`...At`).
 *
 * The case's frame counts from the start: the opening and what was recorded with it (the intake
 * joining at the same instant), so a case whose story was entered after the fact is the case on
 * every earlier date, with the facts of each date.
 */
const BUSINESS_DATES = [
  'assessedOn',
  'startedOn',
  'endedOn',
  'completedOn',
  'heldOn',
  'releasedOn',
  'chargedOn',
  'convictedOn',
  'reachedOn',
  'lostOn',
] as const;

export function effectiveDateOf(event: { type: string; data: unknown }, openedAt: string | undefined): IsoDate | undefined {
  if (event.type === 'CaseOpened') return undefined;
  const data = (event.data ?? {}) as Record<string, unknown>;
  for (const key of BUSINESS_DATES) {
    const value = data[key];
    if (typeof value === 'string') return value;
  }
  for (const [key, value] of Object.entries(data)) {
    if (!key.endsWith('At') || typeof value !== 'string') continue;
    if (value === openedAt) return undefined;
    return copenhagenDate(new Date(value));
  }
  return undefined;
}

/** The events in force on `day`, in their recorded order. */
export function inForceOn<E extends { type: string; data: unknown }>(events: readonly E[], day: IsoDate): E[] {
  const opening = events.find((event) => event.type === 'CaseOpened')?.data as { openedAt?: string } | undefined;
  return events.filter((event) => {
    const on = effectiveDateOf(event, opening?.openedAt);
    return on === undefined || on <= day;
  });
}
