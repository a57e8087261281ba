import type { Pool } from 'pg';
import type { EventStore } from '@samvirke/event-store';
import { CASE_STREAM_PREFIX } from '@samvirke/case/application/case-identity';

/** Every case id in the store, for jobs that must visit all cases (retention). */
export interface CaseDirectory {
  listCaseIds(): AsyncIterable<string>;
}

const PAGE = 500;
const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The PostgreSQL event store keeps one head row per stream in `es_streams`, so the case ids come from
 * a table with a row per case, not from the events. Keyset paging on the primary key keeps each query
 * small; a head row without events yet (revision -1) is no case.
 */
export class PostgresCaseDirectory implements CaseDirectory {
  constructor(private readonly pool: Pool) {}

  async *listCaseIds(): AsyncIterable<string> {
    let after = '';
    for (;;) {
      const { rows } = await this.pool.query<{ stream_id: string }>(
        `SELECT stream_id FROM es_streams
          WHERE stream_id > $1 AND starts_with(stream_id, $2) AND revision >= 0
          ORDER BY stream_id LIMIT $3`,
        [after, CASE_STREAM_PREFIX, PAGE],
      );
      for (const row of rows) {
        const caseId = row.stream_id.slice(CASE_STREAM_PREFIX.length);
        // Case streams are named by UUID; anything else under the prefix is not a case.
        if (CASE_ID.test(caseId)) yield caseId;
      }
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1].stream_id;
    }
  }
}

/**
 * For adapters without a stream table (EventStoreDB): one pass over the global log. Costs a read of
 * every event, which a daily job can afford; the PostgreSQL directory is the one to use where it can.
 */
export class ScanningCaseDirectory implements CaseDirectory {
  constructor(private readonly store: EventStore) {}

  async *listCaseIds(): AsyncIterable<string> {
    const seen = new Set<string>();
    let after: Awaited<ReturnType<EventStore['readAll']>>['nextAfter'];
    for (;;) {
      const page = await this.store.readAll({ after, maxCount: PAGE, streamPrefixes: [CASE_STREAM_PREFIX] });
      for (const event of page.events) {
        if (event.streamId.startsWith(CASE_STREAM_PREFIX) && !seen.has(event.streamId)) {
          seen.add(event.streamId);
          yield event.streamId.slice(CASE_STREAM_PREFIX.length);
        }
      }
      if (page.events.length === 0 || page.nextAfter === undefined) return;
      after = page.nextAfter;
    }
  }
}
