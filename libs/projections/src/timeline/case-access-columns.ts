import type { ProjectionTransaction } from '../runner/projection';
import type { CaseEventRecord } from './case-event';

/**
 * The columns the access policy (caseVisibilitySql) filters on: the agencies currently on the case
 * and its coordinator. Each projection keeps them in its own per-case table, because a projection
 * may read nothing but its own tables (a rebuild must not depend on another read model's progress).
 */
export const CASE_ACCESS_COLUMNS_SQL = `agencies text[] NOT NULL DEFAULT '{}', coordinator_id text`;

/**
 * Applies the events that change who may see a case to `table` (which has `case_id` as primary key
 * and the columns above). Returns whether the event was one of them. The row is created on
 * CaseOpened; other columns of the table need defaults.
 */
export function applyCaseAccessEvent(db: ProjectionTransaction, table: string, record: CaseEventRecord): boolean {
  const { caseId, event } = record;
  switch (event.type) {
    case 'CaseOpened':
      db.write(`INSERT INTO ${table} (case_id) VALUES ($1) ON CONFLICT (case_id) DO NOTHING`, [caseId]);
      return true;
    case 'AgencyJoinedCase':
      db.write(`UPDATE ${table} SET agencies = array_append(agencies, $2::text) WHERE case_id = $1 AND NOT ($2::text = ANY(agencies))`, [
        caseId,
        event.data.agency,
      ]);
      return true;
    case 'AgencyLeftCase':
      db.write(`UPDATE ${table} SET agencies = array_remove(agencies, $2::text) WHERE case_id = $1`, [caseId, event.data.agency]);
      return true;
    case 'CoordinatorAssigned':
    case 'CoordinatorChanged':
      db.write(`UPDATE ${table} SET coordinator_id = $2 WHERE case_id = $1`, [caseId, event.data.coordinatorId]);
      return true;
    default:
      return false;
  }
}
