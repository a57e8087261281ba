import type { Pool } from 'pg';
import type { AuditConfig } from './audit-config';
import type { AuditAction, AuditPurpose } from './audit-vocabulary';
import type { AuditCriteria } from './audited-request';

const MAX_AUDIT_INSERTS_IN_FLIGHT = 4;
const MAX_AUDIT_ROWS_PER_INSERT = 200;

/** Data exceptions (22) and integrity violations (23): the row, not the connection, was refused. */
function isRowError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

/** A row the interceptor waits for, with the settlers of its promise. */
interface WaitingRow {
  entry: AuditEntry;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** The answer when an access cannot be logged: nothing is returned without its log line. */
export const AUDIT_UNAVAILABLE_BODY = {
  statusCode: 503,
  error: 'Service Unavailable',
  message: 'the access could not be logged, so nothing is returned; retry shortly',
} as const;

/** How long a break-glass opening of a sealed identity lasts. */
export const SEAL_OPENING_HOURS = 4;
const OPENED_SEALS_CACHE_MS = 5_000;

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
  action?: AuditAction;
  purpose?: AuditPurpose;
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

  /**
   * Resolves once the row is committed (durable), never before: the interceptor holds the answer
   * back until then. Rows of concurrent requests share a statement: up to four INSERTs are in
   * flight at once, and rows that arrive meanwhile wait and go together in the next one (group
   * commit), so under load a request costs a fraction of a round trip and a commit, and alone it
   * waits for nothing.
   */
  record(entry: AuditEntry): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      this.sendWaiting();
    });
  }

  private readonly waiting: WaitingRow[] = [];
  private inFlight = 0;

  private sendWaiting(): void {
    while (this.inFlight < MAX_AUDIT_INSERTS_IN_FLIGHT && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_AUDIT_ROWS_PER_INSERT);
      this.inFlight++;
      void this.write(batch).finally(() => {
        this.inFlight--;
        this.sendWaiting();
      });
    }
  }

  private async write(batch: WaitingRow[]): Promise<void> {
    try {
      await this.insert(batch.map((waiting) => waiting.entry));
      this.forgetOpenedSealsOf(batch);
      for (const waiting of batch) waiting.resolve();
    } catch (error) {
      // A row the database refuses (a bug: every value comes from the server) must not cost the
      // other requests of its statement their answers, so those are tried one by one. A lost
      // connection fails them all alike, and trying again would only make them wait longer.
      if (batch.length === 1 || !isRowError(error)) {
        for (const waiting of batch) waiting.reject(error);
        return;
      }
      await Promise.all(
        batch.map((waiting) =>
          this.insert([waiting.entry]).then(() => {
            this.forgetOpenedSealsOf([waiting]);
            waiting.resolve();
          }, waiting.reject),
        ),
      );
    }
  }

  /** A committed break-glass opening is its user's grant from now on: what this instance kept for them is stale. */
  private forgetOpenedSealsOf(committed: WaitingRow[]): void {
    for (const { entry } of committed) {
      if (entry.action === 'open-seal' && entry.outcome >= 200 && entry.outcome < 300) this.forgetOpenedSeals(entry.userId, entry.agency);
    }
  }

  private async insert(entries: AuditEntry[]): Promise<void> {
    const values: unknown[] = [];
    const rows = entries.map((entry) => {
      const first = values.length + 1;
      values.push(
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
      );
      const parameters = Array.from({ length: 12 }, (_, index) => `$${first + 1 + index}`);
      return `(coalesce($${first}::timestamptz, clock_timestamp()), ${parameters.join(', ')})`;
    });
    await this.pool.query(
      `INSERT INTO audit_log (recorded_at, request_id, user_id, agency, roles, action, method, route, case_id, entry_id, criteria, purpose, outcome)
       VALUES ${rows.join(', ')}`,
      values,
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
    if (filter.action !== undefined) add('action = ?', filter.action);
    if (filter.purpose !== undefined) add('purpose = ?', filter.purpose);
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

  /**
   * The sealed identities (case ids) this user, for this agency, opened by break-glass within the
   * last SEAL_OPENING_HOURS: the successful 'open-seal' rows of the log are the grant, so there is no
   * second place where an opening could be recorded without its reason. Looked up on every
   * authenticated request, so kept for a few seconds per user (an opening on this instance is seen
   * at once: forgetOpenedSeals).
   */
  async openedSeals(userId: string, agency: string): Promise<string[]> {
    const key = `${agency}\u0000${userId}`;
    const now = Date.now();
    const cached = this.openedSealsCache.get(key);
    if (cached && cached.until > now) return cached.caseIds;
    const forgotten = this.openedSealsForgotten;
    const { rows } = await this.pool.query<{ case_id: string }>(
      `SELECT DISTINCT case_id FROM audit_log
       WHERE action = 'open-seal' AND user_id = $1 AND agency = $2 AND outcome BETWEEN 200 AND 299 AND case_id IS NOT NULL
         AND recorded_at > clock_timestamp() - make_interval(hours => $3)`,
      [userId, agency, SEAL_OPENING_HOURS],
    );
    const caseIds = rows.map((row) => row.case_id);
    // A forget meanwhile (an opening committed while this read ran) may make this answer stale: not kept.
    if (forgotten !== this.openedSealsForgotten) return caseIds;
    if (this.openedSealsCache.size > 10_000) this.openedSealsCache.clear();
    this.openedSealsCache.set(key, { caseIds, until: now + OPENED_SEALS_CACHE_MS });
    return caseIds;
  }

  /** Called when the opening is decided, and again once its audit row is committed (the grant is the row). */
  forgetOpenedSeals(userId: string, agency: string): void {
    this.openedSealsCache.delete(`${agency}\u0000${userId}`);
    this.openedSealsForgotten++;
  }

  /** Every break-glass opening of a case's sealed identity, newest first (for the people named on it). */
  async sealOpenings(caseId: string): Promise<Array<{ userId: string; agency: string; roles: string[]; at: string; reason: string; purpose: AuditPurpose }>> {
    const { rows } = await this.pool.query<{
      user_id: string;
      agency: string;
      roles: string[];
      recorded_at: Date;
      criteria: AuditCriteria;
      purpose: AuditPurpose;
    }>(
      `SELECT user_id, agency, roles, recorded_at, criteria, purpose FROM audit_log
       WHERE action = 'open-seal' AND case_id = $1 AND outcome BETWEEN 200 AND 299 ORDER BY recorded_at DESC, id DESC`,
      [caseId],
    );
    return rows.map((row) => ({
      userId: row.user_id,
      agency: row.agency,
      roles: row.roles,
      at: row.recorded_at.toISOString(),
      reason: typeof row.criteria['reason'] === 'string' ? row.criteria['reason'] : '',
      purpose: row.purpose,
    }));
  }

  private readonly openedSealsCache = new Map<string, { caseIds: string[]; until: number }>();
  /** Counts forgets (any user): a lookup that saw one happen while it ran does not fill the cache. */
  private openedSealsForgotten = 0;

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
