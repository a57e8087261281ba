import { Pool } from 'pg';
import { PostgresEventStore } from '@samvirke/event-store/postgres';
import { loadConfig, openDatabase, surviveConnectionLoss } from '@samvirke/platform';
import { PersonalDataVault, loadPrivacyConfig } from '@samvirke/privacy';
import { migrateDatabase } from '@samvirke/migrations';
import { findEarlierDemoUntil, seedDemoData } from '@samvirke/demo';

export interface DemoSeedOptions {
  cases: number;
  seed: number;
}

/**
 * `demo-seed`: fills the store with a synthetic Copenhagen case load (see libs/demo/src/demo-scenario.ts).
 * Same database resolution as the API: DATABASE_URL, else the embedded PostgreSQL under DATA_DIR.
 * Running it again with the same seed appends nothing.
 */
export async function runDemoSeed(options: DemoSeedOptions): Promise<number> {
  const config = loadConfig();
  const privacyConfig = loadPrivacyConfig(process.env, config.dataDir);
  const database = await openDatabase(config, undefined, { role: 'command' });
  const store = new PostgresEventStore({ connectionString: database.connectionString, maxConnections: 6, application: 'samvirke-demo-seed' });
  const pool = new Pool({ connectionString: database.connectionString, max: 4 });
  surviveConnectionLoss(pool);
  try {
    await migrateDatabase(database.connectionString, { applicationName: 'samvirke-demo-seed' });
    const vault = new PersonalDataVault(pool, privacyConfig);

    const started = Date.now();
    const earlier = await findEarlierDemoUntil(store, options.seed);
    const until = earlier ?? new Date(started);
    if (earlier) process.stderr.write(`demo-seed: seed ${options.seed} was seeded before; reusing its end date ${earlier.toISOString().slice(0, 10)}\n`);
    let lastReported = 0;
    const result = await seedDemoData({
      store,
      vault,
      cases: options.cases,
      seed: options.seed,
      until,
      onProgress: ({ casesDone, casesTotal, events }) => {
        if (casesDone === casesTotal || Date.now() - lastReported >= 2_000) {
          lastReported = Date.now();
          process.stderr.write(`demo-seed: ${casesDone}/${casesTotal} cases, ${events} events\n`);
        }
      },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const skipped = result.skippedExisting > 0 ? ` (${result.skippedExisting} already there, skipped)` : '';
    process.stdout.write(`seeded ${result.cases} cases, ${result.events} events in ${seconds} s${skipped}\n`);
    return 0;
  } finally {
    await store.close();
    await pool.end();
    await database.close();
  }
}
