import type { CaseEvent } from '@samvirke/case';
import type { ProjectionTransaction } from '../runner/projection';
import type { CaseEventRecord } from './case-event';

/**
 * The columns the access policy (caseVisibilitySql) filters on: the agencies currently on the case
 * and its coordinator. Each projection keeps them in its own per-case table, because a projection
 * may read nothing but its own tables (a rebuild must not depend on another read model's progress).
 */
export const CASE_ACCESS_COLUMNS_SQL = `agencies text[] NOT NULL DEFAULT '{}', coordinator_id text`;

/** What an event does to who may see a case, as data (the timeline's fold returns it). */
export type CaseAccessChange =
  { kind: 'opened' } | { kind: 'agency-joined'; agency: string } | { kind: 'agency-left'; agency: string } | { kind: 'coordinator'; coordinatorId: string };

export function caseAccessChangeOf(event: CaseEvent): CaseAccessChange | undefined {
  switch (event.type) {
    case 'CaseOpened':
      return { kind: 'opened' };
    case 'AgencyJoinedCase':
      return { kind: 'agency-joined', agency: event.data.agency };
    case 'AgencyLeftCase':
      return { kind: 'agency-left', agency: event.data.agency };
    case 'CoordinatorAssigned':
    case 'CoordinatorChanged':
      return { kind: 'coordinator', coordinatorId: event.data.coordinatorId };
    default:
      return undefined;
  }
}

/**
 * Writes one access change to `table` (which has `case_id` as primary key and the columns above).
 * The row is created on CaseOpened; other columns of the table need defaults.
 */
export function writeCaseAccessChange(db: ProjectionTransaction, table: string, caseId: string, change: CaseAccessChange): void {
  switch (change.kind) {
    case 'opened':
      db.write(`INSERT INTO ${table} (case_id) VALUES ($1) ON CONFLICT (case_id) DO NOTHING`, [caseId]);
      return;
    case 'agency-joined':
      db.write(`UPDATE ${table} SET agencies = array_append(agencies, $2::text) WHERE case_id = $1 AND NOT ($2::text = ANY(agencies))`, [
        caseId,
        change.agency,
      ]);
      return;
    case 'agency-left':
      db.write(`UPDATE ${table} SET agencies = array_remove(agencies, $2::text) WHERE case_id = $1`, [caseId, change.agency]);
      return;
    case 'coordinator':
      db.write(`UPDATE ${table} SET coordinator_id = $2 WHERE case_id = $1`, [caseId, change.coordinatorId]);
      return;
  }
}

/** Applies an event that changes who may see a case to `table`. Returns whether the event was one of them. */
export function applyCaseAccessEvent(db: ProjectionTransaction, table: string, record: CaseEventRecord): boolean {
  const change = caseAccessChangeOf(record.event);
  if (change === undefined) return false;
  writeCaseAccessChange(db, table, record.caseId, change);
  return true;
}
