import { PostgresCaseDirectory, ScanningCaseDirectory } from '@samvirke/privacy/retention/case-directory';
import { PostgresLiveKeyInventory } from '@samvirke/privacy/retention/live-key-inventory';
import { loadRetentionPolicy } from '@samvirke/privacy/retention/retention-policy';
import { RetentionJob } from '@samvirke/privacy/retention/retention.job';
import { loadReferenceData } from '@samvirke/reference-data';
import { openCliRuntime } from './cli-runtime';
import { privacyServicesFor } from './erase.command';
import type { RetentionReport } from '@samvirke/privacy/retention/retention.job';

/**
 * The run in one line: what went (or would go), what a legal hold keeps, what failed. A store of a
 * few hundred closed cases makes a report of hundreds of lines; the summary is what an operator
 * reads, `--details` the list to act on.
 */
export function retentionSummary(report: RetentionReport): string {
  const scopes = (n: number) => `${n} ${n === 1 ? 'scope' : 'scopes'}`;
  const verb = report.dryRun ? 'would erase' : 'erased';
  return (
    `retention${report.dryRun ? ' (dry run)' : ''} at ${report.now}: ${report.casesChecked} cases checked; ${verb} ${scopes(report.erased.length)}` +
    ` in ${new Set(report.erased.map((scope) => scope.caseId)).size} cases; ${scopes(report.held.length)} held by a legal hold;` +
    ` ${report.kept.length} closed cases kept for now; ${report.failed.length} failed${report.failed.length > 0 ? ' (run again: erasure is restartable)' : ''}`
  );
}

/**
 * `npm run cli -- retention [--dry-run] [--now 2031-01-01T00:00:00Z] [--details]`: one run of the
 * retention job with RETENTION_POLICY, ending with a one-line summary; `--details` prints the report
 * as JSON first (case ids and scopes only). `--dry-run` changes nothing; `--now` evaluates the
 * periods at another instant (with --dry-run: "what goes on that date"). Exit 0, or 1 when some
 * erasure failed.
 */
export async function runRetention(options: { dryRun: boolean; now: Date; details: boolean }): Promise<number> {
  const { dryRun, now } = options;
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
    if (options.details) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`${retentionSummary(report)}\n`);
    return report.failed.length > 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}
