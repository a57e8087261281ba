import type { Logger } from 'pino';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppMetrics } from '../metrics/metrics';
import { ScheduledJob } from './scheduled-job';

describe('the shared scheduled-job wrapper', () => {
  it('counts each run by outcome in metrics, and logs a failure by the error name only, never throwing into the timer', async () => {
    const metrics = new AppMetrics();
    const lines: Array<[unknown, string]> = [];
    const logger = {
      info: (fields: unknown, message?: string) => void lines.push([fields, message ?? '']),
      warn: (fields: unknown, message?: string) => void lines.push([fields, message ?? '']),
    } as unknown as Pick<Logger, 'info' | 'warn'>;
    let fail = false;
    const job = new ScheduledJob<number>({
      name: 'test-job',
      run: async () => {
        if (fail) throw new RangeError('with 0101901234 in it');
        return 2;
      },
      clock: { now: () => new Date() },
      logger,
      intervalMs: 60_000,
      registry: new SchedulerRegistry(),
      summary: (n) => ({ fields: { n }, message: 'test job finished' }),
      failureMessage: 'test job failed',
      metrics,
    });
    expect(await job.runOnce()).toBe(2);
    fail = true;
    expect(await job.runOnce()).toBeUndefined();
    expect(lines).toEqual([
      [{ n: 2 }, 'test job finished'],
      [{ errorName: 'RangeError' }, 'test job failed'],
    ]);
    const text = await metrics.registry.metrics();
    expect(text).toContain('samvirke_scheduled_job_runs_total{job="test-job",outcome="done"} 1');
    expect(text).toContain('samvirke_scheduled_job_runs_total{job="test-job",outcome="failed"} 1');
  });
});
