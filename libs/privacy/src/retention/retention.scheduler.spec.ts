import { SchedulerRegistry } from '@nestjs/schedule';
import type { RetentionJob, RetentionReport } from './retention.job';
import { RETENTION_INTERVAL_NAME, RetentionScheduler } from './retention.scheduler';

const report = { erased: 1, held: [], kept: [], failed: [], casesChecked: 3 } as unknown as RetentionReport;

function scheduler(intervalHours: number, run: () => Promise<RetentionReport> = async () => report) {
  const registry = new SchedulerRegistry();
  const lines: Array<[unknown, string]> = [];
  const logger = {
    info: (fields: unknown, message: string) => void lines.push([fields, message]),
    warn: (fields: unknown, message: string) => void lines.push([fields, message]),
  };
  const job = { run } as unknown as RetentionJob;
  return { registry, lines, retention: new RetentionScheduler(job, { now: () => new Date() }, logger as never, intervalHours, registry) };
}

describe('retention schedule (@nestjs/schedule)', () => {
  it('registers its interval with the SchedulerRegistry at start, once, and removes it at stop', async () => {
    const { registry, retention } = scheduler(24);
    retention.start();
    retention.start();
    expect(registry.getIntervals()).toEqual([RETENTION_INTERVAL_NAME]);
    await retention.stop();
    expect(registry.getIntervals()).toEqual([]);
  });

  it('registers nothing when RETENTION_INTERVAL_HOURS is 0', () => {
    const { registry, retention } = scheduler(0);
    retention.start();
    expect(registry.getIntervals()).toEqual([]);
  });

  it('never runs twice at once, and logs counts only', async () => {
    let finish: (value: RetentionReport) => void = () => undefined;
    const { retention, lines } = scheduler(24, () => new Promise((resolve) => (finish = resolve)));
    const first = retention.runOnce();
    expect(await retention.runOnce()).toBeUndefined();
    finish(report);
    expect(await first).toBe(report);
    expect(lines).toEqual([[{ erased: 1, held: 0, kept: 0, failed: 0, casesChecked: 3 }, 'retention run finished']]);
  });
});
