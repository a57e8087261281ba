import { InsertBatchingTransaction } from './insert-batching-transaction';
import type { ProjectionTransaction } from './projection';

function recordingTransaction(): { db: ProjectionTransaction; sent: { sql: string; params: unknown[] }[] } {
  const sent: { sql: string; params: unknown[] }[] = [];
  return {
    sent,
    db: {
      query: async (sql, params) => {
        sent.push({ sql, params: params ?? [] });
        return { rows: [], rowCount: 0 };
      },
      write: (sql, params) => void sent.push({ sql, params: params ?? [] }),
    },
  };
}

/** The statement a run of `columns` into `table` goes out as (its rows: one JSON parameter). */
function insertSql(table: string, columns: string, onConflict = 'ON CONFLICT DO NOTHING'): string {
  return `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1::json) ${onConflict}`;
}

/** A sent run's rows, each as its values in column order. */
function rowsOf(statement: { params: unknown[] }): unknown[][] {
  return (JSON.parse(statement.params[0] as string) as Record<string, unknown>[]).map((row) => Object.values(row));
}

describe('InsertBatchingTransaction', () => {
  it('sends a run of inserts of one shape as one multi-row statement', async () => {
    const { db, sent } = recordingTransaction();
    const batching = new InsertBatchingTransaction(db);
    batching.insertLater('item', ['a', 'b'], [1, 'x']);
    batching.insertLater('item', ['a', 'b'], [2, 'y']);
    expect(sent).toHaveLength(0);
    batching.flush();
    expect(sent).toEqual([
      {
        sql: insertSql('item', 'a, b'),
        params: [
          JSON.stringify([
            { a: 1, b: 'x' },
            { a: 2, b: 'y' },
          ]),
        ],
      },
    ]);
  });

  it('sends the pending rows before any other statement, so that statement sees them', async () => {
    const { db, sent } = recordingTransaction();
    const batching = new InsertBatchingTransaction(db);
    batching.insertLater('item', ['a'], [1]);
    await batching.query('UPDATE item SET a = 2 WHERE a = $1', [1]);
    expect(sent.map((s) => s.sql)).toEqual([insertSql('item', 'a'), 'UPDATE item SET a = 2 WHERE a = $1']);
  });

  it('keeps gathering rows across a write to another table, and sends them before a write that names theirs', async () => {
    const { db, sent } = recordingTransaction();
    const batching = new InsertBatchingTransaction(db);
    batching.insertLater('item', ['a'], [1]);
    batching.write('UPDATE item_case SET b = 1 WHERE a = $1', [1]);
    batching.insertLater('item', ['a'], [2]);
    batching.write('UPDATE item SET a = 3 WHERE a = $1', [2]);
    expect(sent.map((s) => s.sql)).toEqual(['UPDATE item_case SET b = 1 WHERE a = $1', insertSql('item', 'a'), 'UPDATE item SET a = 3 WHERE a = $1']);
  });

  it('starts a new statement when the table, the columns or the conflict rule change', async () => {
    const { db, sent } = recordingTransaction();
    const batching = new InsertBatchingTransaction(db);
    batching.insertLater('item', ['a'], [1]);
    batching.insertLater('other', ['a'], [2]);
    batching.insertLater('other', ['b'], [3]);
    batching.insertLater('other', ['b'], [4], '');
    batching.flush();
    expect(sent).toHaveLength(4);
  });

  it('starts a new statement when a key repeats, since DO UPDATE cannot touch a row twice in one statement', async () => {
    const { db, sent } = recordingTransaction();
    const batching = new InsertBatchingTransaction(db);
    const upsert = 'ON CONFLICT (a) DO UPDATE SET b = excluded.b';
    batching.insertLater('item', ['a', 'b'], [1, 'first'], upsert, '1');
    batching.insertLater('item', ['a', 'b'], [2, 'other'], upsert, '2');
    batching.insertLater('item', ['a', 'b'], [1, 'second'], upsert, '1');
    batching.flush();
    expect(sent.map(rowsOf)).toEqual([
      [
        [1, 'first'],
        [2, 'other'],
      ],
      [[1, 'second']],
    ]);
  });

  it('gathers rows of several shapes of one table side by side when every row names its key', async () => {
    const { db, sent } = recordingTransaction();
    const batching = new InsertBatchingTransaction(db);
    const upsert = 'ON CONFLICT (a) DO UPDATE SET b = excluded.b';
    batching.insertLater('item', ['a'], [1], undefined, '1');
    batching.insertLater('item', ['a', 'b'], [2, 'x'], upsert, '2');
    batching.insertLater('item', ['a'], [3], undefined, '3');
    batching.insertLater('item', ['a', 'b'], [4, 'y'], upsert, '4');
    batching.flush();
    expect(sent.map((s) => [s.sql, rowsOf(s)])).toEqual([
      [insertSql('item', 'a'), [[1], [3]]],
      [
        insertSql('item', 'a, b', upsert),
        [
          [2, 'x'],
          [4, 'y'],
        ],
      ],
    ]);
  });

  it('sends a shape first when a row of another shape meets one of its keys, so the two run in the order called', async () => {
    const { db, sent } = recordingTransaction();
    const batching = new InsertBatchingTransaction(db);
    const upsert = 'ON CONFLICT (a) DO UPDATE SET b = excluded.b';
    batching.insertLater('item', ['a'], [1], undefined, '1');
    batching.insertLater('item', ['a'], [2], undefined, '2');
    batching.insertLater('item', ['a', 'b'], [2, 'met'], upsert, '2');
    batching.insertLater('item', ['a'], [3], undefined, '3');
    batching.flush();
    expect(sent.map(rowsOf)).toEqual([[[1], [2]], [[2, 'met']], [[3]]]);
  });

  it('sends every other shape of the table first when a row names no key', async () => {
    const { db, sent } = recordingTransaction();
    const batching = new InsertBatchingTransaction(db);
    batching.insertLater('item', ['a'], [1], undefined, '1');
    batching.insertLater('other', ['a'], [2], undefined, '2');
    batching.insertLater('item', ['a', 'b'], [3, 'x']);
    batching.insertLater('item', ['a'], [4], undefined, '4');
    batching.flush();
    expect(sent.map(rowsOf)).toEqual([[[1]], [[3, 'x']], [[2]], [[4]]]);
  });

  it('splits a run at 4,000 values a statement', async () => {
    const { db, sent } = recordingTransaction();
    const batching = new InsertBatchingTransaction(db);
    const columns = Array.from({ length: 10 }, (_, index) => `c${index}`);
    for (let row = 0; row < 3_001; row++)
      batching.insertLater(
        'wide',
        columns,
        columns.map(() => row),
      );
    batching.flush();
    expect(sent.map((s) => rowsOf(s).length)).toEqual([...Array.from({ length: 7 }, () => 400), 201]);
  });

  it('refuses values that have no JSON value of their own (a date, a buffer, a bigint)', () => {
    const { db, sent } = recordingTransaction();
    const batching = new InsertBatchingTransaction(db);
    for (const value of [new Date(), Buffer.from('x'), 1n]) expect(() => batching.insertLater('item', ['a'], [value])).toThrow(TypeError);
    batching.flush();
    expect(sent).toHaveLength(0);
  });

  it('sends nothing on flush when nothing is pending', async () => {
    const { db, sent } = recordingTransaction();
    new InsertBatchingTransaction(db).flush();
    expect(sent).toHaveLength(0);
  });
});
