import { Query, type Connection } from 'pg';
import pg from 'pg';

/** Below this many rows a multi-row INSERT is as quick as COPY; not worth changing the statement. */
const MIN_COPY_ROWS = 16;

export interface PlainInsert {
  table: string;
  columns: string[];
  rows: unknown[][];
}

const HEAD = /^\s*INSERT INTO ([a-z_][a-z0-9_.]*) \(([a-z0-9_, ]+)\) VALUES /;
const TAIL = /\s*(ON CONFLICT DO NOTHING)?\s*$/;

/**
 * Recognises `INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4) [ON CONFLICT DO NOTHING]` whose
 * placeholders are $1..$n in order (what InsertBatchingTransaction.flush writes), and answers its
 * rows; anything else (expressions, casts, another conflict rule, too few rows) answers undefined.
 * `ON CONFLICT DO NOTHING` is accepted because a COPY that meets an existing key fails whole, and
 * the rebuild then applies the batch again with the INSERT as written (see applyBatch).
 */
export function plainInsert(sql: string, params: unknown[]): PlainInsert | undefined {
  const head = HEAD.exec(sql);
  if (!head) return undefined;
  const columns = head[2].split(',').map((column) => column.trim());
  const width = columns.length;
  if (width === 0 || params.length % width !== 0 || params.length / width < MIN_COPY_ROWS) return undefined;
  const tail = TAIL.exec(sql);
  if (!tail) return undefined;
  const values = sql.slice(head[0].length, tail.index);
  // The VALUES list must be exactly the one written for these rows, placeholder after placeholder.
  let at = 0;
  let placeholder = 1;
  for (let row = 0; row < params.length / width; row++) {
    if (row > 0) {
      if (!values.startsWith(', ', at)) return undefined;
      at += 2;
    }
    if (values[at++] !== '(') return undefined;
    for (let column = 0; column < width; column++) {
      if (column > 0) {
        if (!values.startsWith(', ', at)) return undefined;
        at += 2;
      }
      const expected = `$${placeholder++}`;
      if (!values.startsWith(expected, at) || /[0-9]/.test(values[at + expected.length] ?? '')) return undefined;
      at += expected.length;
    }
    if (values[at++] !== ')') return undefined;
  }
  if (at !== values.length) return undefined;
  if (params.some((value) => Buffer.isBuffer(value) || ArrayBuffer.isView(value))) return undefined;
  const rows: unknown[][] = [];
  for (let start = 0; start < params.length; start += width) rows.push(params.slice(start, start + width));
  return { table: head[1], columns, rows };
}

/** pg's own conversion of a parameter to text (dates, arrays, JSON), so COPY stores what the INSERT would. */
const pgUtils = (pg as unknown as { utils: { prepareValue(this: void, value: unknown): string | null } }).utils;

/** One value in COPY's text format: the text pg would send as a parameter, escaped; NULL as \N. */
function copyField(value: unknown): string {
  const text = pgUtils.prepareValue(value);
  if (text === null) return '\\N';
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Rows per CopyData message: keeps each message well under a megabyte for ordinary rows. */
const ROWS_PER_CHUNK = 500;

/**
 * `COPY table (columns) FROM STDIN` with the rows sent right behind the statement, in the same
 * write. Nothing is waited for, so it can sit in a pipelined connection like any other statement:
 * the server reads the CopyData that follows the COPY from the socket once it starts copying, and
 * if the COPY fails before that (an aborted transaction, a bad name), it ignores CopyData and
 * CopyDone, as the protocol says. `pg` refuses custom query classes on pipelined clients, but a
 * subclass of its own Query is accepted, and this one only changes what is written.
 */
export class CopyRowsQuery extends Query {
  private readonly statement: string;
  private readonly payload: string[];
  /** Settles when the server has answered the COPY. */
  readonly done: Promise<void>;

  constructor(insert: PlainInsert) {
    let settle: (error: Error | undefined) => void = () => undefined;
    const done = new Promise<void>((resolve, reject) => (settle = (error) => (error ? reject(error) : resolve())));
    const statement = `COPY ${insert.table} (${insert.columns.join(', ')}) FROM STDIN`;
    super(statement, undefined, (error: Error | undefined) => settle(error));
    this.statement = statement;
    this.done = done;
    this.payload = [];
    for (let start = 0; start < insert.rows.length; start += ROWS_PER_CHUNK) {
      this.payload.push(
        insert.rows
          .slice(start, start + ROWS_PER_CHUNK)
          .map((row) => `${row.map(copyField).join('\t')}\n`)
          .join(''),
      );
    }
  }

  override submit = (connection: Connection): void => {
    const internal = connection as unknown as {
      query(text: string): void;
      sendCopyFromChunk(chunk: Buffer): void;
      endCopyFrom(): void;
      stream: { cork?(): void; uncork?(): void };
    };
    internal.stream.cork?.();
    try {
      internal.query(this.statement);
      for (const chunk of this.payload) internal.sendCopyFromChunk(Buffer.from(chunk, 'utf8'));
      internal.endCopyFrom();
    } finally {
      internal.stream.uncork?.();
    }
  };

  /** The rows went out with the statement (see submit); pg's default would cancel the COPY here. */
  handleCopyInResponse(): void {}
}
