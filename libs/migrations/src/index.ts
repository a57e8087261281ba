export { MIGRATIONS_TABLE, createMigrationDataSource, migrateDatabase, type MigrateOptions, type MigrationResult } from './migrate-database';
export { LEGACY_TABLES } from './legacy';
export { migrationClasses } from './migration-classes';
