import { loadConfig, openDatabase } from '@samvirke/platform';
import { migrateDatabase, migrationClasses } from '@samvirke/migrations';

/**
 * `npm run cli -- migrate`: applies the pending database migrations (libs/migrations), the same the
 * API and the worker run at start, and prints each one. Safe beside a starting API or worker: they
 * take turns on one advisory lock, and each migration is applied once.
 */
export async function runMigrate(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase(config, undefined, { role: 'command' });
  try {
    const result = await migrateDatabase(database.connectionString, { applicationName: 'samvirke-cli-migrate' });
    if (result.adopted.length > 0) {
      process.stdout.write(`adopted ${result.adopted.length} migrations recorded by the old per-component tables: ${result.adopted.join(', ')}\n`);
    }
    for (const name of result.applied) process.stdout.write(`applied ${name}\n`);
    if (result.applied.length === 0) process.stdout.write(`nothing to apply: all ${migrationClasses().length} migrations are applied\n`);
    return 0;
  } finally {
    await database.close();
  }
}
