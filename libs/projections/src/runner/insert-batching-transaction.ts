import type { QueryResultRow } from 'pg';
import type { ProjectionTransaction } from './projection';

/**
 * Values per statement before a run is sent and a new one begins. A batch's rows go out in
 * statements of about this size, so PostgreSQL inserts the first while the writer still encodes the
 * next; in one statement each, the two took turns. A timeline rebuild of 100,000 events (220 item
 * rows a statement here): 0.93 of the time with one statement per run (bench/README.md, thirteenth
 * round).
 */
const MAX_VALUES_PER_STATEMENT = 4_000;

interface PendingInsert {
  table: string;
  columns: readonly string[];
  onConflict: string;
  rows: unknown[][];
  /** The conflict keys of the rows, when every row came with one. */
  keys: Set<string>;
  /** A row came without a key: nothing is known about which rows it meets. */
  unkeyed: boolean;
}

/**
 * A projection transaction that turns runs of row inserts into one multi-row INSERT per shape.
 *
 * A projection pays a round trip per statement, and most events add rows: applied one statement
 * at a time, a batch of 2,000 events costs thousands of round trips. `insertLater` only records the
 * row; the pending rows go out before any read (`query`), before a `write` that names their table,
 * or when the batch ends (`flush`). So every statement still runs after the inserts called before
 * it (an UPDATE sees the rows it follows) and the effects are those of the calls one by one.
 *
 * Rows of one shape (table, columns, conflict rule) gather in one statement. Rows of several shapes
 * of one table gather side by side when every row names its conflict key (`key`): inserts of
 * different keys commute, so only a key already pending in another shape sends that shape first.
 * A row without a key sends every other shape of its table pending before it, as the calls came.
 *
 * That equivalence needs the conflict rule to tolerate repeats inside one statement: `DO NOTHING`
 * keeps the first row of a key, as sequential inserts would. `DO UPDATE` cannot touch one row twice
 * in one statement, so a key that repeats in a run starts a new statement.
 *
 * A run goes out as one parameter, its rows as a JSON array of objects keyed by column, which
 * PostgreSQL reads with `json_populate_recordset` typed by the table's own row type: the statement's
 * text is the same for every run of a shape, and PostgreSQL parses one JSON text rather than a
 * statement of thousands of placeholders and as many parameters. So a row's values are the JSON
 * values of their columns: text, numbers, booleans, null, arrays for array columns, and for a json
 * or jsonb column the value itself (an object), not its JSON text (a string stays a JSON string).
 * Dates, buffers and bigints have no such value and are refused; column names are lower case.
 * The timeline's rebuild of 100,000 events: PostgreSQL's parse, bind and execute of its item inserts
 * 2.5 s → 1.3 s in the statement log (bench/README.md, fourteenth round).
 */
export class InsertBatchingTransaction implements ProjectionTransaction {
  /** In the order their first row came. */
  private readonly pending: PendingInsert[] = [];

  constructor(private readonly db: ProjectionTransaction) {}

  /**
   * Queues one row for `INSERT INTO table (columns) VALUES (...) <onConflict>`. `key` identifies the
   * row's conflict target (a DO UPDATE rule needs it; with it, rows of other shapes of the table may
   * keep gathering beside this one).
   */
  insertLater(table: string, columns: readonly string[], row: unknown[], onConflict = 'ON CONFLICT DO NOTHING', key?: string): void {
    for (const value of row) {
      if (value instanceof Date || value instanceof Uint8Array || typeof value === 'bigint') {
        throw new TypeError(`insertLater into ${table}: a row's values are JSON values (text for dates, no buffers or bigints)`);
      }
    }
    let run: PendingInsert | undefined;
    for (let index = 0; index < this.pending.length;) {
      const other = this.pending[index];
      const sameShape = other.table === table && other.onConflict === onConflict && sameColumns(other.columns, columns);
      // Another shape of the table: sent first when this row might meet one of its rows (send takes it out of the list).
      if (other.table === table && !sameShape && (key === undefined || other.unkeyed || other.keys.has(key))) {
        this.send(other);
        continue;
      }
      if (sameShape) run = other;
      index += 1;
    }
    if (run && ((key !== undefined && run.keys.has(key)) || (run.rows.length + 1) * columns.length > MAX_VALUES_PER_STATEMENT)) {
      this.send(run);
      run = undefined;
    }
    if (!run) {
      run = { table, columns, onConflict, rows: [], keys: new Set(), unkeyed: false };
      this.pending.push(run);
    }
    run.rows.push(row);
    if (key === undefined) run.unkeyed = true;
    else run.keys.add(key);
  }

  query<Row extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]): Promise<{ rows: Row[]; rowCount: number | null }> {
    this.flush();
    return this.db.query<Row>(sql, params);
  }

  /**
   * A write that does not name the table of pending rows cannot see them, so they may keep
   * gathering across it (projection tables have no triggers or foreign keys that could reach them).
   */
  write(sql: string, params?: unknown[]): void {
    for (let index = 0; index < this.pending.length;) {
      if (namesTable(sql, this.pending[index].table)) this.send(this.pending[index]);
      else index += 1;
    }
    this.db.write(sql, params);
  }

  /** Sends the queued rows (as writes). Call it before `apply` returns. */
  flush(): void {
    while (this.pending.length > 0) this.send(this.pending[0]);
  }

  private send(run: PendingInsert): void {
    this.pending.splice(this.pending.indexOf(run), 1);
    const { columns, table } = run;
    const rows = run.rows.map((row) => {
      const record: Record<string, unknown> = {};
      for (let column = 0; column < columns.length; column++) record[columns[column]] = row[column];
      return record;
    });
    const names = columns.join(', ');
    this.db.write(`INSERT INTO ${table} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${table}, $1::json) ${run.onConflict}`, [
      JSON.stringify(rows),
    ]);
  }
}

function namesTable(sql: string, table: string): boolean {
  return new RegExp(`(^|[^a-z0-9_])${table}($|[^a-z0-9_])`).test(sql);
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((column, index) => column === b[index]));
}
