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

describe('InsertBatchingTransaction', () => {
  it('sends a run of inserts of one shape as one multi-row statement', async () => {
    const { db, sent } = recordingTransaction();
    const batching = new InsertBatchingTransaction(db);
    batching.insertLater('item', ['a', 'b'], [1, 'x']);
    batching.insertLater('item', ['a', 'b'], [2, 'y']);
    expect(sent).toHaveLength(0);
    batching.flush();
    expect(sent).toEqual([{ sql: 'INSERT INTO item (a, b) VALUES ($1, $2), ($3, $4) ON CONFLICT DO NOTHING', params: [1, 'x', 2, 'y'] }]);
  });

  it('sends the pending rows before any other statement, so that statement sees them', async () => {
    const { db, sent } = recordingTransaction();
    const batching = new InsertBatchingTransaction(db);
    batching.insertLater('item', ['a'], [1]);
    await batching.query('UPDATE item SET a = 2 WHERE a = $1', [1]);
    expect(sent.map((s) => s.sql)).toEqual(['INSERT INTO item (a) VALUES ($1) ON CONFLICT DO NOTHING', 'UPDATE item SET a = 2 WHERE a = $1']);
  });

  it('keeps gathering rows across a write to another table, and sends them before a write that names theirs', async () => {
    const { db, sent } = recordingTransaction();
    const batching = new InsertBatchingTransaction(db);
    batching.insertLater('item', ['a'], [1]);
    batching.write('UPDATE item_case SET b = 1 WHERE a = $1', [1]);
    batching.insertLater('item', ['a'], [2]);
    batching.write('UPDATE item SET a = 3 WHERE a = $1', [2]);
    expect(sent.map((s) => s.sql)).toEqual([
      'UPDATE item_case SET b = 1 WHERE a = $1',
      'INSERT INTO item (a) VALUES ($1), ($2) ON CONFLICT DO NOTHING',
      'UPDATE item SET a = 3 WHERE a = $1',
    ]);
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
    expect(sent.map((s) => s.params)).toEqual([
      [1, 'first', 2, 'other'],
      [1, 'second'],
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
    expect(sent).toEqual([
      { sql: 'INSERT INTO item (a) VALUES ($1), ($2) ON CONFLICT DO NOTHING', params: [1, 3] },
      { sql: `INSERT INTO item (a, b) VALUES ($1, $2), ($3, $4) ${upsert}`, params: [2, 'x', 4, 'y'] },
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
    expect(sent.map((s) => s.params)).toEqual([[1, 2], [2, 'met'], [3]]);
  });

  it('sends every other shape of the table first when a row names no key', async () => {
    const { db, sent } = recordingTransaction();
    const batching = new InsertBatchingTransaction(db);
    batching.insertLater('item', ['a'], [1], undefined, '1');
    batching.insertLater('other', ['a'], [2], undefined, '2');
    batching.insertLater('item', ['a', 'b'], [3, 'x']);
    batching.insertLater('item', ['a'], [4], undefined, '4');
    batching.flush();
    expect(sent.map((s) => s.params)).toEqual([[1], [3, 'x'], [2], [4]]);
  });

  it('splits a run that would exceed the parameter limit of one statement', async () => {
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
    expect(sent.map((s) => s.params.length)).toEqual([...Array.from({ length: 7 }, () => 4_000), 2_010]);
  });

  it('sends nothing on flush when nothing is pending', async () => {
    const { db, sent } = recordingTransaction();
    new InsertBatchingTransaction(db).flush();
    expect(sent).toHaveLength(0);
  });
});
