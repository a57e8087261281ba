import { DataSource, MigrationExecutor, type Logger, type Migration, type QueryRunner } from 'typeorm';
import { LEGACY_TABLES, type LegacyRecord } from './legacy';
import { migrationClasses } from './migration-classes';

/** The one table that records applied migrations, for every component (TypeORM's shape). */
export const MIGRATIONS_TABLE = 'samvirke_migrations';

/** Concurrent starters (api, worker, a CLI command) take turns on this transaction-level advisory lock. */
const MIGRATION_LOCK = 'samvirke-migrations';

export interface MigrationResult {
  /** Migrations run now, oldest first. */
  applied: string[];
  /** Migrations found recorded in the old per-component tables and recorded in MIGRATIONS_TABLE now. */
  adopted: string[];
}

export interface MigrateOptions {
  /** Shown in pg_stat_activity while the migrations run. */
  applicationName?: string;
  /**
   * Apply the migrations only up to and including this one (a class name, as `samvirke_migrations`
   * records it): a restore rebuilds the schema a backup was taken at before loading its rows.
   */
  upTo?: string;
}

/** The migration classes to run: all, or those up to `upTo` (which must be one of them). */
function migrationsUpTo(upTo: string | undefined): ReturnType<typeof migrationClasses> {
  const all = migrationClasses();
  if (upTo === undefined) return all;
  const index = all.findIndex((migration) => migration.name === upTo);
  if (index < 0) throw new Error(`migration ${upTo} is not one this version knows: the database it comes from is newer than this code`);
  return all.slice(0, index + 1);
}

/** TypeORM's console logger would print beside the app's JSON log: keep only which migration failed. */
class FailureLogger implements Logger {
  failure: string | undefined;
  logQuery(): void {}
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  log(): void {}
  logMigration(message: string): void {
    if (/failed/.test(message)) this.failure = message;
  }
}

/** A TypeORM DataSource for the migrations only: one connection, no entities. */
export function createMigrationDataSource(connectionString: string, options: MigrateOptions = {}, logger: Logger = new FailureLogger()): DataSource {
  return new DataSource({
    type: 'postgres',
    url: connectionString,
    migrations: migrationsUpTo(options.upTo),
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'all',
    applicationName: options.applicationName ?? 'samvirke-migrations',
    poolSize: 1,
    logger,
    // A migration may rewrite a large table: no statement timeout, and the connection is ours alone.
    extra: { statement_timeout: 0, idle_in_transaction_session_timeout: 0, connectionTimeoutMillis: 10_000 },
  });
}

/**
 * Brings the database to the newest schema: every pending migration, in one transaction with its
 * records, so a failure leaves nothing half-applied. The whole run holds a transaction-level
 * advisory lock (TypeORM 0.3 takes none), so processes starting together take turns and each
 * migration is applied once. A database migrated before the one table existed is adopted first.
 */
export async function migrateDatabase(connectionString: string, options: MigrateOptions = {}): Promise<MigrationResult> {
  const logger = new FailureLogger();
  const dataSource = createMigrationDataSource(connectionString, options, logger);
  await dataSource.initialize();
  const queryRunner = dataSource.createQueryRunner();
  try {
    await queryRunner.connect();
    await queryRunner.startTransaction();
    await queryRunner.query('SELECT pg_advisory_xact_lock(hashtext($1))', [MIGRATION_LOCK]);
    const executor = new LockedMigrationExecutor(dataSource, queryRunner);
    const adopted = await executor.adoptLegacyTables();
    // The transaction is ours, so TypeORM runs the pending migrations inside it and commits nothing.
    const applied = await executor.executePendingMigrations();
    await queryRunner.commitTransaction();
    return { adopted, applied: applied.map((migration) => migration.name) };
  } catch (error) {
    if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction().catch(() => undefined);
    // "Migration "X" failed, error: ...": the database's message alone does not say which one.
    if (logger.failure) throw new Error(`${logger.failure} (nothing was applied)`, { cause: error });
    throw error;
  } finally {
    await queryRunner.release().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
  }
}

class LockedMigrationExecutor extends MigrationExecutor {
  constructor(
    dataSource: DataSource,
    private readonly runner: QueryRunner,
  ) {
    super(dataSource, runner);
    this.transaction = 'all';
  }

  /**
   * Before the one table, each component kept its own (`es_schema_migrations`, ...). What such a
   * table records counts as applied: it is written to MIGRATIONS_TABLE, and the old table is
   * dropped, all in the caller's transaction. A recorded id this code does not know means the
   * database is newer than the code: refuse rather than guess.
   */
  async adoptLegacyTables(): Promise<string[]> {
    await this.createMigrationsTableIfNotExist(this.runner);
    const present = (await this.runner.query('SELECT relname FROM pg_class WHERE relname = ANY ($1::text[]) AND relkind = $2 AND pg_table_is_visible(oid)', [
      [...LEGACY_TABLES],
      'r',
    ])) as Array<{ relname: string }>;
    if (present.length === 0) return [];
    const known = this.getMigrations();
    const executed = new Set((await this.loadExecutedMigrations(this.runner)).map((migration) => migration.name));
    const adopted: string[] = [];
    for (const { relname: table } of present) {
      const ids = (await this.runner.query(`SELECT id FROM ${table} ORDER BY id`)) as Array<{ id: string }>;
      for (const { id } of ids) {
        const migration = known.find((candidate) => legacyOf(candidate)?.table === table && legacyOf(candidate)?.id === id);
        if (!migration) throw new Error(`${table} records migration ${id}, which this version does not know: the database is newer than this code`);
        if (executed.has(migration.name)) continue;
        await this.insertExecutedMigration(this.runner, migration);
        executed.add(migration.name);
        adopted.push(migration.name);
      }
      await this.runner.query(`DROP TABLE ${table}`);
    }
    return adopted.sort((a, b) => Number(a.slice(-13)) - Number(b.slice(-13)));
  }
}

function legacyOf(migration: Migration): LegacyRecord | undefined {
  return (migration.instance as { legacy?: LegacyRecord } | undefined)?.legacy;
}
