import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { testDatabaseUrl } from '../../../../test/support/test-database';
import { BatchProjectionTransaction } from './batch-transaction';
import { InsertBatchingTransaction } from './insert-batching-transaction';

/**
 * The JSON rows InsertBatchingTransaction sends (json_populate_recordset, typed by the table) against
 * the same rows inserted one statement each with pg's own parameters, on a table with a column of
 * every kind a projection writes through it.
 */
describe('InsertBatchingTransaction (PostgreSQL)', () => {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
  const schema = `batching_${randomUUID().slice(0, 8)}`;
  const columns = ['id', 'label', 'on_day', 'level', 'flag', 'tags', 'detail', 'note'] as const;

  beforeAll(async () => {
    for (const table of ['by_json', 'by_params']) {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await pool.query(`CREATE TABLE ${schema}.${table} (
        id text PRIMARY KEY, label text, on_day date, level smallint, flag boolean, tags text[], detail jsonb, note text)`);
    }
  });

  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  it('stores every row as one INSERT per row with pg parameters would (text, dates, numbers, booleans, arrays, JSON, nulls; the first of a repeated key)', async () => {
    const rows: {
      id: string;
      label: string | null;
      onDay: string | null;
      level: number | null;
      flag: boolean | null;
      tags: string[] | null;
      detail: object | null;
      note?: string;
    }[] = [
      {
        id: 'a',
        label: 'Æblegrød "på" Nørrebro \\ 😀',
        onDay: '2026-12-07',
        level: 3,
        flag: true,
        tags: ['KBH-POLITI', 'SOF', 'with,comma', 'with "quote"', ''],
        detail: { n: 1, list: [1, 'x', null] },
        note: 'x',
      },
      { id: 'b', label: null, onDay: null, level: null, flag: null, tags: null, detail: null },
      { id: 'c', label: '', onDay: '2024-02-29', level: -32768, flag: false, tags: [], detail: { text: 'a string "inside"' }, note: undefined },
      { id: 'a', label: 'second row of a: kept out by DO NOTHING', onDay: '2026-01-01', level: 1, flag: false, tags: null, detail: null },
    ];
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const db = new BatchProjectionTransaction(client);
      const batching = new InsertBatchingTransaction(db);
      for (const row of rows) {
        batching.insertLater(`${schema}.by_json`, columns, [row.id, row.label, row.onDay, row.level, row.flag, row.tags, row.detail, row.note]);
        await client.query(`INSERT INTO ${schema}.by_params (${columns.join(', ')}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`, [
          row.id,
          row.label,
          row.onDay,
          row.level,
          row.flag,
          row.tags,
          row.detail === null ? null : JSON.stringify(row.detail),
          row.note,
        ]);
      }
      batching.flush();
      expect(await db.settle()).toBeUndefined();
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const read = async (table: string) => (await pool.query(`SELECT ${columns.join(', ')}, on_day::text AS day FROM ${schema}.${table} ORDER BY id`)).rows;
    const byJson = await read('by_json');
    expect(byJson).toHaveLength(3);
    expect(byJson).toEqual(await read('by_params'));
    expect(byJson[0]).toMatchObject({ id: 'a', label: rows[0].label, day: '2026-12-07', tags: rows[0].tags, detail: rows[0].detail });
  });
});
