import type { QueryResultRow } from 'pg';
import type { ProjectionTransaction } from './projection';

/** PostgreSQL takes at most 65,535 parameters per statement; stay well below it. */
const MAX_PARAMETERS_PER_STATEMENT = 30_000;

interface PendingInsert {
  table: string;
  columns: readonly string[];
  onConflict: string;
  rows: unknown[][];
}

/**
 * A projection transaction that turns runs of row inserts into one multi-row INSERT.
 *
 * A projection pays a round trip per statement, and most events add rows: applied one statement
 * at a time, a batch of 2,000 events costs thousands of round trips. `insertLater` only records the
 * row; the pending rows go out as one statement before any read (`query`), before a `write` that
 * names their table, or when the batch ends (`flush`). So every statement still runs after the inserts called before it (an
 * UPDATE sees the rows it follows) and the effects are those of the calls one by one.
 *
 * That equivalence needs the conflict rule to tolerate repeats inside one statement: `DO NOTHING`
 * keeps the first row of a key, as sequential inserts would. `DO UPDATE` cannot touch one row twice
 * in one statement, so a key that repeats in a run starts a new statement.
 */
export class InsertBatchingTransaction implements ProjectionTransaction {
  private pending: PendingInsert | undefined;
  private pendingKeys = new Set<string>();

  constructor(private readonly db: ProjectionTransaction) {}

  /**
   * Queues one row for `INSERT INTO table (columns) VALUES (...) <onConflict>`. `key` identifies the
   * row's conflict target; it is only needed with a `DO UPDATE` rule.
   */
  insertLater(table: string, columns: readonly string[], row: unknown[], onConflict = 'ON CONFLICT DO NOTHING', key?: string): void {
    const pending = this.pending;
    const sameShape = pending !== undefined && pending.table === table && pending.onConflict === onConflict && sameColumns(pending.columns, columns);
    const repeatsKey = key !== undefined && this.pendingKeys.has(key);
    if (pending && (!sameShape || repeatsKey || (pending.rows.length + 1) * columns.length > MAX_PARAMETERS_PER_STATEMENT)) this.flush();
    if (!this.pending) this.pending = { table, columns, onConflict, rows: [] };
    this.pending.rows.push(row);
    if (key !== undefined) this.pendingKeys.add(key);
  }

  query<Row extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]): Promise<{ rows: Row[]; rowCount: number | null }> {
    this.flush();
    return this.db.query<Row>(sql, params);
  }

  /**
   * A write that does not name the table of the pending rows cannot see them, so they may keep
   * gathering across it (projection tables have no triggers or foreign keys that could reach them).
   */
  write(sql: string, params?: unknown[]): void {
    if (this.pending && namesTable(sql, this.pending.table)) this.flush();
    this.db.write(sql, params);
  }

  /** Sends the queued rows (as a write). Call it before `apply` returns. */
  flush(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    this.pendingKeys.clear();
    const width = pending.columns.length;
    const tuples = pending.rows.map((_, rowIndex) => `(${pending.columns.map((__, column) => `$${rowIndex * width + column + 1}`).join(', ')})`);
    this.db.write(`INSERT INTO ${pending.table} (${pending.columns.join(', ')}) VALUES ${tuples.join(', ')} ${pending.onConflict}`, pending.rows.flat());
  }
}

function namesTable(sql: string, table: string): boolean {
  return new RegExp(`(^|[^a-z0-9_])${table}($|[^a-z0-9_])`).test(sql);
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((column, index) => column === b[index]));
}
