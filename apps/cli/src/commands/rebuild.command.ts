import { ProgressReporter, ProjectionRunner, postgresEventCounter, type RebuildProgress } from '@samvirke/projections';
import { READ_MODEL_PROJECTIONS } from '@samvirke/read-models';
import { PersonalDataVault, loadPrivacyConfig, openingEventStore, warnWhenUnopenable } from '@samvirke/privacy';
import { openCliRuntime } from './cli-runtime';

/**
 * `npm run projections:rebuild -- NAME [--batch-size N]` (or `all`): builds a new generation of the
 * projection from position 0 while the running API keeps serving the old one, then swaps them.
 * `all` rebuilds every read model from one read of the log; one that fails keeps serving its old
 * generation while the others swap in, and the command exits 1.
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
    if (target !== 'all') {
      const reporter = new ProgressReporter();
      const started = Date.now();
      const result = await runner.rebuild(target, { batchSize, onProgress: reporter.report });
      reporter.finish();
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`rebuilt ${target}: ${result.eventsApplied} events in ${seconds.toFixed(1)} s, now serving generation ${result.generation}\n`);
      return 0;
    }
    // All of them from one read of the log; the bar shows the events applied summed over the read models.
    const reporter = new ProgressReporter();
    const latest = new Map<string, RebuildProgress>();
    const started = Date.now();
    const outcomes = await runner.rebuildAll(names, {
      batchSize,
      onProgress: (progress) => {
        latest.set(progress.projection, progress);
        const all = [...latest.values()];
        const totals = all.map((p) => p.total);
        reporter.report({
          projection: `${names.length} read models`,
          done: all.reduce((sum, p) => sum + p.done, 0),
          total: totals.some((t) => t === undefined) ? undefined : totals.reduce<number>((sum, t) => sum + (t ?? 0), 0),
          checkpoint: undefined,
        });
      },
      onSettled: (outcome) => {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        process.stdout.write(
          outcome.error
            ? `not rebuilt ${outcome.projection} (its current generation keeps serving): ${outcome.error.message}\n`
            : `rebuilt ${outcome.projection}: ${outcome.result.eventsApplied} events in ${seconds} s, now serving generation ${outcome.result.generation}\n`,
        );
      },
    });
    reporter.finish();
    if (outcomes.some((outcome) => outcome.error)) return 1;
    return 0;
  } finally {
    await runtime.close();
  }
}
