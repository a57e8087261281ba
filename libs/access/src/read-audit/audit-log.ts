import type { Pool } from 'pg';
import { applyMigrations } from '@samvirke/event-store/postgres';
import type { AuditConfig } from './audit-config';
import { AUDIT_LOG_MIGRATIONS } from './audit-log.migrations';
import type { AuditAction, AuditPurpose } from './audit-vocabulary';
import type { AuditCriteria } from './audited-request';

/** One access, as the interceptor records it. */
export interface AuditEntry {
  requestId: string | null;
  userId: string;
  agency: string;
  roles: readonly string[];
  action: AuditAction;
  method: string;
  route: string;
  caseId: string | null;
  entryId: string | null;
  criteria: AuditCriteria;
  purpose: AuditPurpose;
  outcome: number;
  /** Only for importing history and for tests; the interceptor leaves it to the database clock. */
  recordedAt?: Date;
}

export interface AuditRecord extends Omit<AuditEntry, 'recordedAt'> {
  id: string;
  recordedAt: string;
}

export interface AuditLogFilter {
  caseId?: string;
  userId?: string;
  agency?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  limit: number;
  offset: number;
}

export interface AuditLogPage {
  items: AuditRecord[];
  limit: number;
  offset: number;
  /** Pass as offset for the next page; null on the last page. */
  nextOffset: number | null;
}

/** One line of a citizen's access report: which agency, when, what, why; never who. */
export interface AccessReportLine {
  agency: string;
  at: string;
  action: AuditAction;
  purpose: AuditPurpose;
}

interface AuditRow {
  id: string;
  recorded_at: Date;
  request_id: string | null;
  user_id: string;
  agency: string;
  roles: string[];
  action: AuditAction;
  method: string;
  route: string;
  case_id: string | null;
  entry_id: string | null;
  criteria: AuditCriteria;
  purpose: AuditPurpose;
  outcome: number;
}

const COLUMNS = 'id, recorded_at, request_id, user_id, agency, roles, action, method, route, case_id, entry_id, criteria, purpose, outcome';

function toRecord(row: AuditRow): AuditRecord {
  return {
    id: String(row.id),
    recordedAt: row.recorded_at.toISOString(),
    requestId: row.request_id,
    userId: row.user_id,
    agency: row.agency,
    roles: row.roles,
    action: row.action,
    method: row.method,
    route: row.route,
    caseId: row.case_id,
    entryId: row.entry_id,
    criteria: row.criteria,
    purpose: row.purpose,
    outcome: row.outcome,
  };
}

/**
 * The access log in PostgreSQL: one INSERT per request, queries for auditors, the citizen's
 * access report, and retention. See audit-log.migrations.ts for why it cannot be rewritten.
 */
export class AuditLog {
  constructor(
    private readonly pool: Pool,
    private readonly config: AuditConfig,
  ) {}

  async migrate(): Promise<void> {
    await applyMigrations(this.pool, 'audit_schema_migrations', AUDIT_LOG_MIGRATIONS);
  }

  /** A single statement, so the record is durable (committed) when the promise resolves. */
  async record(entry: AuditEntry): Promise<void> {
    await this.pool.query(
      `INSERT INTO audit_log (recorded_at, request_id, user_id, agency, roles, action, method, route, case_id, entry_id, criteria, purpose, outcome)
       VALUES (coalesce($1, clock_timestamp()), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        entry.recordedAt ?? null,
        entry.requestId,
        entry.userId,
        entry.agency,
        entry.roles,
        entry.action,
        entry.method,
        entry.route,
        entry.caseId,
        entry.entryId,
        JSON.stringify(entry.criteria),
        entry.purpose,
        entry.outcome,
      ],
    );
  }

  async search(filter: AuditLogFilter): Promise<AuditLogPage> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      conditions.push(sql.replace('?', `$${values.length}`));
    };
    if (filter.caseId !== undefined) add('case_id = ?', filter.caseId);
    if (filter.userId !== undefined) add('user_id = ?', filter.userId);
    if (filter.agency !== undefined) add('agency = ?', filter.agency);
    if (filter.from !== undefined) add('recorded_at >= ?', filter.from);
    if (filter.to !== undefined) add('recorded_at < ?', filter.to);
    values.push(filter.limit + 1, filter.offset);
    const { rows } = await this.pool.query<AuditRow>(
      `SELECT ${COLUMNS} FROM audit_log ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY recorded_at, id LIMIT $${values.length - 1} OFFSET $${values.length}`,
      values,
    );
    const more = rows.length > filter.limit;
    return {
      items: rows.slice(0, filter.limit).map(toRecord),
      limit: filter.limit,
      offset: filter.offset,
      nextOffset: more ? filter.offset + filter.limit : null,
    };
  }

  /**
   * Every access to the case that got data (status below 400), oldest first, without user ids:
   * the citizen learns which agencies looked and why, not which employee. Refused attempts are not
   * lookups, so they are left out here (auditors see them in the log).
   */
  async accessReport(caseId: string): Promise<AccessReportLine[]> {
    const { rows } = await this.pool.query<{ agency: string; recorded_at: Date; action: AuditAction; purpose: AuditPurpose }>(
      `SELECT agency, recorded_at, action, purpose FROM audit_log
       WHERE case_id = $1 AND outcome < 400 ORDER BY recorded_at, id`,
      [caseId],
    );
    return rows.map((row) => ({ agency: row.agency, at: row.recorded_at.toISOString(), action: row.action, purpose: row.purpose }));
  }

  /** The successful accesses to a case since an instant, for "who knew what when". */
  async successfulAccessesToCase(caseId: string, since: Date): Promise<AuditRecord[]> {
    const { rows } = await this.pool.query<AuditRow>(
      `SELECT ${COLUMNS} FROM audit_log WHERE case_id = $1 AND outcome < 400 AND recorded_at >= $2 ORDER BY recorded_at, id`,
      [caseId, since],
    );
    return rows.map(toRecord);
  }

  /** Deletes the records older than the retention period; returns how many went. */
  async purgeExpired(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.retentionDays * 86_400_000);
    const { rows } = await this.pool.query<{ purged: string }>('SELECT audit_purge_before($1) AS purged', [cutoff]);
    return Number(rows[0].purged);
  }
}
