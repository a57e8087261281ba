import type { Pool } from 'pg';
import { READ_MODEL_SCHEMA } from '@samvirke/projections';
import type { OutcomeFact, OutcomeFactDetail } from './outcome-fact';
import { OUTCOME_FACTS_TABLE } from './outcome.projection';

interface OutcomeFactRow {
  case_id: string;
  stream_revision: number;
  recorded_at: Date;
  agency: string | null;
  occurred_on: string;
  detail: OutcomeFactDetail;
}

/** Every outcome fact recorded at or before `asOf`: the report's frozen view of history. */
export async function outcomeFactsAsOf(pool: Pool, asOf: Date, table = OUTCOME_FACTS_TABLE): Promise<OutcomeFact[]> {
  const { rows } = await pool.query<OutcomeFactRow>(
    `SELECT case_id, stream_revision, recorded_at, agency, occurred_on::text AS occurred_on, detail
       FROM ${READ_MODEL_SCHEMA}.${table} WHERE recorded_at <= $1 ORDER BY case_id, stream_revision`,
    [asOf],
  );
  return rows.map((row) => ({
    caseId: row.case_id,
    revision: row.stream_revision,
    recordedAt: row.recorded_at.toISOString(),
    agency: row.agency,
    on: row.occurred_on,
    detail: row.detail,
  }));
}
