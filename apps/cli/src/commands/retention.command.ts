import { PostgresCaseDirectory, ScanningCaseDirectory } from '@samvirke/privacy/retention/case-directory';
import { PostgresLiveKeyInventory } from '@samvirke/privacy/retention/live-key-inventory';
import { loadRetentionPolicy } from '@samvirke/privacy/retention/retention-policy';
import { RetentionJob } from '@samvirke/privacy/retention/retention.job';
import { loadReferenceData } from '@samvirke/reference-data';
import { openCliRuntime } from './cli-runtime';
import { optionValue, privacyServicesFor } from './erase.command';

const USAGE = 'usage: npm run cli -- retention [--dry-run] [--now ISO-INSTANT]\n';

/**
 * `npm run cli -- retention [--dry-run] [--now 2031-01-01T00:00:00Z]`: one run of the retention job
 * with RETENTION_POLICY, printing its report as JSON (case ids and scopes only). `--dry-run` lists
 * what would go and changes nothing; `--now` evaluates the periods at another instant (with
 * --dry-run: "what goes on that date"). Exit 0, or 1 when some erasure failed (run again: erasure
 * is restartable), 64 on bad arguments.
 */
export async function runRetention(args: string[]): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const rawNow = optionValue(args, '--now');
  const now = rawNow === undefined ? new Date() : new Date(rawNow);
  const unknown = args.filter((arg, index) => arg !== '--dry-run' && arg !== '--now' && args[index - 1] !== '--now');
  if (Number.isNaN(now.getTime()) || (args.includes('--now') && rawNow === undefined) || unknown.length > 0) {
    process.stderr.write(USAGE);
    return 64;
  }
  const referenceData = loadReferenceData();
  const policy = loadRetentionPolicy(process.env, referenceData.agencies);
  const runtime = await openCliRuntime();
  try {
    const { erasure } = await privacyServicesFor(runtime);
    const job = new RetentionJob({
      store: runtime.eventStore,
      directory: runtime.postgresEventStore ? new PostgresCaseDirectory(runtime.pool) : new ScanningCaseDirectory(runtime.eventStore),
      keys: new PostgresLiveKeyInventory(runtime.pool),
      erasure,
      policy,
      agencies: referenceData.agencies,
    });
    const report = await job.run({ now, dryRun });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.failed.length > 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}
