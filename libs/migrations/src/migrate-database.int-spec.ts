import { Client } from 'pg';
import { EVENT_STORE_MIGRATIONS, type Migration } from '@samvirke/event-store/postgres/schema';
import { PRIVACY_MIGRATIONS } from '@samvirke/privacy/keys/migrations';
import { AUDIT_LOG_MIGRATIONS } from '@samvirke/access/read-audit/audit-log.migrations';
import { CASE_STATE_SNAPSHOT_MIGRATIONS } from '@samvirke/audit/replay/case-state-snapshots';
import { PROJECTION_CATALOGUE_MIGRATIONS } from '@samvirke/projections/runner/catalogue';
import { createOwnDatabase, type OwnDatabase } from '../../../test/support/own-database';
import { LEGACY_TABLES } from './legacy';
import { MIGRATIONS_TABLE, migrateDatabase } from './migrate-database';
import { migrationClasses } from './migration-classes';

const ALL = migrationClasses().map((migration) => migration.name);

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Tables whose name says they record migrations, in any schema but the system's. */
async function migrationTables(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_name LIKE '%migrations' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1",
    );
    return rows.map((row) => row.name);
  });
}

async function recorded(url: string): Promise<string[]> {
  return withClient(url, async (client) =>
    (await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`)).rows.map((row) => row.name),
  );
}

/** What the components did before the one table: each its own ordered list, recorded in its own table. */
async function migrateTheOldWay(url: string, lists: Array<[string, Migration[]]>): Promise<void> {
  await withClient(url, async (client) => {
    for (const [table, migrations] of lists) {
      await client.query(`CREATE TABLE IF NOT EXISTS ${table} (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      for (const migration of migrations) {
        await client.query(migration.sql);
        await client.query(`INSERT INTO ${table} (id) VALUES ($1)`, [migration.id]);
      }
    }
  });
}

describe('migrateDatabase (one TypeORM migrations table)', () => {
  const databases: OwnDatabase[] = [];
  const ownDatabase = async () => {
    const database = await createOwnDatabase('migrations');
    databases.push(database);
    return database.url;
  };
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it("gives a fresh database every component's tables, recorded in one table, and applies nothing the second time", async () => {
    const url = await ownDatabase();
    expect(await migrateDatabase(url)).toEqual({ applied: ALL, adopted: [] });
    expect(await migrationTables(url)).toEqual([MIGRATIONS_TABLE]);
    expect(await recorded(url)).toEqual(ALL);
    const tables = await withClient(url, async (client) =>
      (
        await client.query<{ t: string }>(
          "SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_schema IN ('public', 'read_models') ORDER BY 1",
        )
      ).rows.map((row) => row.t),
    );
    expect(tables).toEqual(
      expect.arrayContaining([
        'public.es_events',
        'public.es_streams',
        'public.privacy_data_keys',
        'public.audit_log',
        'public.case_state_snapshot',
        'public.projection_state',
        'public.effects_safety_index',
      ]),
    );
    expect(await migrateDatabase(url)).toEqual({ applied: [], adopted: [] });
  });

  it('adopts a database migrated by the old per-component tables without running their migrations again', async () => {
    const url = await ownDatabase();
    // An older release: the event store before its last migration, the vault, the audit log, one of
    // the two snapshot migrations, the catalogue; the safety index never imported.
    await migrateTheOldWay(url, [
      ['es_schema_migrations', EVENT_STORE_MIGRATIONS.slice(0, -1)],
      ['privacy_schema_migrations', PRIVACY_MIGRATIONS],
      ['audit_schema_migrations', AUDIT_LOG_MIGRATIONS],
      ['case_state_snapshot_migrations', CASE_STATE_SNAPSHOT_MIGRATIONS.slice(0, 1)],
      ['projection_schema_migrations', PROJECTION_CATALOGUE_MIGRATIONS],
    ]);
    // The first eleven classes are the old lists' entries; later ones never had an old table.
    const legacy = (name: string) => /1764547200\d{3}$/.test(name);
    const adopted = ALL.filter((name) => legacy(name) && !/^(AppendRefusesATransactionWithAnId|CaseStateSnapshotMac|SafetyIndex)\d{13}$/.test(name));
    // Running any adopted migration again would fail (CREATE FUNCTION/TABLE of what exists).
    const result = await migrateDatabase(url);
    expect(result.adopted).toEqual(adopted);
    expect(result.applied).toEqual([
      'AppendRefusesATransactionWithAnId1764547200005',
      'CaseStateSnapshotMac1764547200009',
      'SafetyIndex1764547200011',
      ...ALL.filter((name) => !legacy(name)),
    ]);
    expect(await migrationTables(url)).toEqual([MIGRATIONS_TABLE]);
    expect([...(await recorded(url))].sort()).toEqual([...ALL].sort());
    expect(await migrateDatabase(url)).toEqual({ applied: [], adopted: [] });
  });

  it('refuses a database whose old table records a migration this code does not know, and changes nothing', async () => {
    const url = await ownDatabase();
    await migrateTheOldWay(url, [['es_schema_migrations', [...EVENT_STORE_MIGRATIONS, { id: '0099-from-the-future', sql: 'SELECT 1' }]]]);
    await expect(migrateDatabase(url)).rejects.toThrow(/es_schema_migrations records migration 0099-from-the-future, which this version does not know/);
    expect(await migrationTables(url)).toEqual(['es_schema_migrations']);
  });

  it('names a migration that fails, and leaves nothing applied', async () => {
    const url = await ownDatabase();
    // The sixth migration's table made by hand, so it cannot be created again.
    await withClient(url, (client) => client.query('CREATE TABLE privacy_data_keys (key_id text)'));
    await expect(migrateDatabase(url)).rejects.toThrow(
      /Migration "PrivacyDataKeys1764547200006" failed, error: relation "privacy_data_keys" already exists \(nothing was applied\)/,
    );
    expect(await migrationTables(url)).toEqual([]);
    const events = await withClient(url, async (client) => (await client.query("SELECT to_regclass('es_events') AS t")).rows[0].t);
    expect(events).toBeNull();
  });

  it('lets concurrent migrators take turns: each migration is applied once', async () => {
    const url = await ownDatabase();
    const results = await Promise.all([migrateDatabase(url), migrateDatabase(url), migrateDatabase(url)]);
    const applied = results.map((result) => result.applied);
    expect(applied.filter((names) => names.length > 0)).toEqual([ALL]);
    expect(await recorded(url)).toEqual(ALL);
  });

  it('lists every old table it adopts', () => {
    expect([...LEGACY_TABLES].sort()).toEqual([
      'audit_schema_migrations',
      'case_state_snapshot_migrations',
      'effects_migrations',
      'es_schema_migrations',
      'privacy_schema_migrations',
      'projection_schema_migrations',
    ]);
  });
});
