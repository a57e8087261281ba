import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationInterface } from 'typeorm';

/** `<13-digit timestamp>-<words>.ts` (`.js` once built); the class inside ends with the same timestamp. */
const MIGRATION_FILE = /^(\d{13})-[a-z0-9-]+\.(ts|js)$/;

export type MigrationClass = new () => MigrationInterface;

/**
 * Every migration class in ./migrations, oldest first. Adding a migration is adding one file there
 * (see the README, "Database migrations"): nothing else lists them.
 */
export function migrationClasses(directory = join(__dirname, 'migrations')): MigrationClass[] {
  const files = readdirSync(directory)
    .filter((file) => MIGRATION_FILE.test(file))
    .sort();
  return files.map((file) => {
    const timestamp = MIGRATION_FILE.exec(file)![1];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = Object.values(require(join(directory, file)) as Record<string, unknown>).filter((value) => typeof value === 'function');
    if (exported.length !== 1) throw new Error(`migrations/${file} must export exactly one migration class`);
    const migration = exported[0] as MigrationClass;
    if (!migration.name.endsWith(timestamp)) throw new Error(`migrations/${file}: the class name must end with the file's timestamp ${timestamp}`);
    return migration;
  });
}
