/**
 * The status of a timeline item, decided when read (it depends on today):
 * - `ended`: the item stopped applying before it was met (a road-map item after the release, the
 *   programme's end or the case's closing): neither done nor overdue;
 * - `done-late`: done after its deadline (an item met on 6 December against 24 January is late, not
 *   met on time). A cancelled action is not late work, and a release later than expected is nobody's
 *   deadline, so both stay `done`;
 * - `done`: done on or before its deadline, or done with no deadline;
 * - `overdue`: open with a deadline before today (Copenhagen date);
 * - `due`: every other open item (including open items without a deadline, such as an
 *   acknowledgement still awaited).
 */
export const TIMELINE_STATUSES = ['done', 'done-late', 'due', 'overdue', 'ended'] as const;
export type TimelineStatus = (typeof TIMELINE_STATUSES)[number];

/** The resolution of an item that stopped applying (stored with the day it ended as done_on). */
export const ENDED_RESOLUTION = 'ended';

/** The status as SQL over an item row alias; `today` is the placeholder of today's date. */
export function timelineStatusSql(alias: string, today: string): string {
  const a = alias;
  return `(CASE WHEN ${a}.resolution = '${ENDED_RESOLUTION}' THEN 'ended'
    WHEN ${a}.done_on > ${a}.due_on AND ${a}.kind <> 'release' AND ${a}.resolution IS DISTINCT FROM 'cancelled' THEN 'done-late'
    WHEN ${a}.done_on IS NOT NULL THEN 'done'
    WHEN ${a}.due_on < ${today}::date THEN 'overdue' ELSE 'due' END)`;
}
