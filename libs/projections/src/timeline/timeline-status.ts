/**
 * Done, due or overdue, decided when read: an item with a done date is done; an open item whose
 * deadline is before today (Copenhagen date) is overdue; every other open item is due (including
 * open items without a deadline, such as an acknowledgement still awaited).
 */
export const TIMELINE_STATUSES = ['done', 'due', 'overdue'] as const;
export type TimelineStatus = (typeof TIMELINE_STATUSES)[number];

/** The status as SQL over an item row alias; `today` is the placeholder of today's date. */
export function timelineStatusSql(alias: string, today: string): string {
  return `(CASE WHEN ${alias}.done_on IS NOT NULL THEN 'done' WHEN ${alias}.due_on < ${today}::date THEN 'overdue' ELSE 'due' END)`;
}
