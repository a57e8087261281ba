import { ProgressReporter, ProjectionRunner, postgresEventCounter } from '@samvirke/projections';
import { READ_MODEL_PROJECTIONS } from '@samvirke/read-models';
import { PersonalDataVault, loadPrivacyConfig, openingEventStore, warnWhenUnopenable } from '@samvirke/privacy';
import { openCliRuntime } from './cli-runtime';

/**
 * `npm run projections:rebuild -- NAME [--batch-size N]` (or `all`): builds a new generation of the
 * projection from position 0 while the running API keeps serving the old one, then swaps them.
 */
export async function runRebuild(target: string, batchSize: number): Promise<number> {
  const names = READ_MODEL_PROJECTIONS.map((p) => p.name);
  const runtime = await openCliRuntime();
  try {
    const runner = new ProjectionRunner({
      // Projections get CaseOpened's sealed birth date and district opened (issue 21).
      eventStore: openingEventStore(runtime.eventStore, new PersonalDataVault(runtime.pool, loadPrivacyConfig(process.env, runtime.config.dataDir)), {
        onUnopenable: warnWhenUnopenable((fields, message) => process.stderr.write(`warning: ${message} (${JSON.stringify(fields)})\n`)),
      }),
      pool: runtime.pool,
      projections: READ_MODEL_PROJECTIONS,
      countEvents: runtime.postgresEventStore ? postgresEventCounter(runtime.postgresEventStore.pool) : undefined,
    });
    for (const name of target === 'all' ? names : [target]) {
      const reporter = new ProgressReporter();
      const started = Date.now();
      const result = await runner.rebuild(name, { batchSize, onProgress: reporter.report });
      reporter.finish();
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`rebuilt ${name}: ${result.eventsApplied} events in ${seconds.toFixed(1)} s, now serving generation ${result.generation}\n`);
    }
    return 0;
  } finally {
    await runtime.close();
  }
}
