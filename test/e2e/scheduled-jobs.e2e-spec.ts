import { SchedulerRegistry } from '@nestjs/schedule';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The API's periodic jobs are @nestjs/schedule's: the privacy retention run (RETENTION_INTERVAL_HOURS)
 * and the audit-log retention, each registered by name while the app runs and cleared when it closes.
 */
describe('scheduled jobs', () => {
  let api: TestApp | undefined;
  afterAll(async () => api?.close());

  it('registers the retention, audit-retention, escalation and deadline-notification intervals with the SchedulerRegistry and clears them at close', async () => {
    api = await startTestApp();
    const registry = api.app.get(SchedulerRegistry);
    // One registry for the whole app: a second ScheduleModule.forRoot() in some module would give that
    // module's jobs a registry of their own, and this one would miss them.
    expect(registry.getIntervals()).toEqual(expect.arrayContaining(['audit-retention', 'retention', 'escalation', 'deadline-notifications']));
    await api.close();
    api = undefined;
    expect(registry.getIntervals()).toEqual([]);
  }, 60_000);

  it('registers no retention interval when RETENTION_INTERVAL_HOURS is 0', async () => {
    const previous = process.env.RETENTION_INTERVAL_HOURS;
    process.env.RETENTION_INTERVAL_HOURS = '0';
    try {
      api = await startTestApp();
    } finally {
      if (previous === undefined) delete process.env.RETENTION_INTERVAL_HOURS;
      else process.env.RETENTION_INTERVAL_HOURS = previous;
    }
    const intervals = api.app.get(SchedulerRegistry).getIntervals();
    expect(intervals).toContain('audit-retention');
    expect(intervals).not.toContain('retention');
  }, 60_000);
});
