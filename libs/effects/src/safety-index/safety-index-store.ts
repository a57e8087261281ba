import type { Pool } from 'pg';
import type { Migration } from '@samvirke/event-store/postgres';
import type { SafetyIndexRow } from './safety-index-csv';

/** Imported figures are not events about a case: a plain table, replaced per (district, year). */
// Frozen: applied by @samvirke/migrations (one TypeORM class per entry, libs/migrations/src/migrations).
// A schema change is a new class there, not a new entry here (README, "Database migrations").
export const SAFETY_INDEX_MIGRATIONS: Migration[] = [
  {
    id: '001_safety_index',
    sql: `CREATE TABLE IF NOT EXISTS effects_safety_index (
            district_code text NOT NULL,
            year integer NOT NULL,
            felt_safety numeric NOT NULL,
            victimisation jsonb NOT NULL,
            imported_at timestamptz NOT NULL,
            PRIMARY KEY (district_code, year)
          )`,
  },
];

const AREA_TABLES = {
  district: { table: 'effects_safety_index', column: 'district_code' },
  estate: { table: 'effects_estate_safety_index', column: 'estate_code' },
} as const;

export async function storeSafetyIndex(pool: Pool, rows: readonly SafetyIndexRow[], importedAt: Date, area: 'district' | 'estate' = 'district'): Promise<void> {
  const { table, column } = AREA_TABLES[area];
  await pool.query(
    `INSERT INTO ${table} (${column}, year, felt_safety, victimisation, imported_at)
     SELECT * FROM unnest($1::text[], $2::int[], $3::numeric[], $4::jsonb[], $5::timestamptz[])
     ON CONFLICT (${column}, year) DO UPDATE SET felt_safety = EXCLUDED.felt_safety, victimisation = EXCLUDED.victimisation, imported_at = EXCLUDED.imported_at`,
    [
      rows.map((r) => r.districtCode),
      rows.map((r) => r.year),
      rows.map((r) => r.feltSafety),
      rows.map((r) => JSON.stringify(r.victimisation)),
      rows.map(() => importedAt),
    ],
  );
}

export async function safetyIndexForYear(pool: Pool, year: number): Promise<SafetyIndexRow[]> {
  const { rows } = await pool.query<{ district_code: string; year: number; felt_safety: string; victimisation: SafetyIndexRow['victimisation'] }>(
    'SELECT district_code, year, felt_safety, victimisation FROM effects_safety_index WHERE year = $1 ORDER BY district_code',
    [year],
  );
  return rows.map((r) => ({ districtCode: r.district_code, year: r.year, feltSafety: Number(r.felt_safety), victimisation: r.victimisation }));
}

/** Every year's index of the given areas (districts or estates); the row's districtCode holds the area code. */
export async function safetyIndexOfAreas(pool: Pool, area: 'district' | 'estate', codes: readonly string[]): Promise<SafetyIndexRow[]> {
  const { table, column } = AREA_TABLES[area];
  const { rows } = await pool.query<{ code: string; year: number; felt_safety: string; victimisation: SafetyIndexRow['victimisation'] }>(
    `SELECT ${column} AS code, year, felt_safety, victimisation FROM ${table} WHERE ${column} = ANY($1::text[]) ORDER BY ${column}, year`,
    [codes],
  );
  return rows.map((r) => ({ districtCode: r.code, year: r.year, feltSafety: Number(r.felt_safety), victimisation: r.victimisation }));
}
