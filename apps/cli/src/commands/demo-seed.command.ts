import { Pool } from 'pg';
import { PostgresEventStore } from '@samvirke/event-store/postgres';
import { loadConfig, openDatabase, surviveConnectionLoss } from '@samvirke/platform';
import { PersonalDataVault, loadPrivacyConfig } from '@samvirke/privacy';
import { findEarlierDemoUntil, seedDemoData } from '@samvirke/demo';

const USAGE = 'usage: npm run cli -- demo-seed [--cases N] [--seed N]   (N: whole numbers; cases 1-100000)';
/** sysexits EX_USAGE. */
const EXIT_USAGE = 64;

interface DemoSeedOptions {
  cases: number;
  seed: number;
}

function parseOptions(args: readonly string[]): DemoSeedOptions | undefined {
  const options: DemoSeedOptions = { cases: 300, seed: 1 };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if ((flag !== '--cases' && flag !== '--seed') || value === undefined || !/^\d{1,9}$/.test(value)) return undefined;
    options[flag === '--cases' ? 'cases' : 'seed'] = Number(value);
  }
  return options.cases >= 1 && options.cases <= 100_000 ? options : undefined;
}

/**
 * `demo-seed`: fills the store with a synthetic Copenhagen case load (see libs/demo/src/demo-scenario.ts).
 * Same database resolution as the API: DATABASE_URL, else the embedded PostgreSQL under DATA_DIR.
 * Running it again with the same seed appends nothing.
 */
export async function runDemoSeed(args: string[]): Promise<number> {
  const options = parseOptions(args);
  if (options === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return EXIT_USAGE;
  }
  const config = loadConfig();
  const privacyConfig = loadPrivacyConfig(process.env, config.dataDir);
  const database = await openDatabase(config);
  const store = new PostgresEventStore({ connectionString: database.connectionString, maxConnections: 6, application: 'samvirke-demo-seed' });
  const pool = new Pool({ connectionString: database.connectionString, max: 4 });
  surviveConnectionLoss(pool);
  try {
    await store.migrate();
    const vault = new PersonalDataVault(pool, privacyConfig);
    await vault.migrate();

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
