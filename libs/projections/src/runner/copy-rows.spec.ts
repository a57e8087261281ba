import { plainInsert } from './copy-rows';
import { InsertBatchingTransaction } from './insert-batching-transaction';

/** What InsertBatchingTransaction writes for `rows` rows of two columns, and its parameters. */
function flushed(rows: number, onConflict?: string, key?: (row: number) => string): { sql: string; params: unknown[] } {
  const sent: { sql: string; params: unknown[] }[] = [];
  const batching = new InsertBatchingTransaction({
    query: async () => ({ rows: [], rowCount: 0 }),
    write: (sql, params) => void sent.push({ sql, params: params ?? [] }),
  });
  for (let row = 0; row < rows; row++) batching.insertLater('item', ['a', 'b'], [row, `x${row}`], onConflict, key?.(row));
  batching.flush();
  return sent[0];
}

describe('plainInsert (which INSERTs a rebuild may send as COPY)', () => {
  it('recognises the multi-row INSERT that InsertBatchingTransaction writes, rows in order', () => {
    const { sql, params } = flushed(20);
    const insert = plainInsert(sql, params);
    expect(insert?.table).toBe('item');
    expect(insert?.columns).toEqual(['a', 'b']);
    expect(insert?.rows).toHaveLength(20);
    expect(insert?.rows[19]).toEqual([19, 'x19']);
  });

  it('leaves a DO UPDATE rule as an INSERT: COPY cannot update', () => {
    const { sql, params } = flushed(20, 'ON CONFLICT (a) DO UPDATE SET b = excluded.b', (row) => String(row));
    expect(plainInsert(sql, params)).toBeUndefined();
  });

  it('leaves a few rows as an INSERT', () => {
    const { sql, params } = flushed(3);
    expect(plainInsert(sql, params)).toBeUndefined();
  });

  it('leaves anything but bare placeholders in order as an INSERT', () => {
    const { sql, params } = flushed(20);
    expect(plainInsert(sql.replace('($1, $2)', '($1::int, $2)'), params)).toBeUndefined();
    expect(plainInsert(sql.replace('($1, $2)', '($2, $1)'), params)).toBeUndefined();
    expect(plainInsert(sql.replace('VALUES ($1, $2)', 'VALUES ($1, now())'), params)).toBeUndefined();
    expect(plainInsert(`${sql} RETURNING a`, params)).toBeUndefined();
    expect(plainInsert(sql, [...params, 1])).toBeUndefined();
  });
});
