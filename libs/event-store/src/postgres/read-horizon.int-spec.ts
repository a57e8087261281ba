import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { testDatabaseUrl } from '../../../../test/support/test-database';
import { ReadHorizonMonitor, type ReadHorizonHolder } from './read-horizon';

describe('ReadHorizonMonitor (PostgreSQL)', () => {
  it('names the open transaction that holds the event log back (pid, application, age), once, and forgets it when it ends', async () => {
    const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
    const application = `horizon-${randomUUID().slice(0, 8)}`;
    const holder = new Client({ connectionString: testDatabaseUrl(), application_name: application });
    await holder.connect();
    const warnings: Array<Record<string, unknown>> = [];
    const checked: Array<ReadHorizonHolder | undefined> = [];
    const monitor = new ReadHorizonMonitor(
      pool,
      { warn: (fields) => void warnings.push(fields) },
      { warnAfterSeconds: 0.2, onCheck: (found) => void checked.push(found) },
    );
    try {
      const { rows } = await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await holder.query('BEGIN');
      await holder.query('SELECT pg_current_xact_id()'); // holds a transaction id, as any write does
      await new Promise((resolve) => setTimeout(resolve, 400));
      // Other tests' transactions come and go on the same cluster: ours, open longest, is the oldest soon.
      let found: ReadHorizonHolder | undefined;
      for (let attempt = 0; attempt < 20 && found?.pid !== rows[0].pid; attempt++) {
        found = await monitor.check();
        if (found?.pid !== rows[0].pid) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(found).toMatchObject({ pid: rows[0].pid, applicationName: application });
      expect(found!.ageSeconds).toBeGreaterThanOrEqual(0.2);
      expect(warnings).toContainEqual(expect.objectContaining({ pid: rows[0].pid, applicationName: application }));
      const warned = warnings.length;
      await monitor.check();
      expect(warnings.filter((fields) => fields.pid === rows[0].pid)).toHaveLength(
        warnings.slice(0, warned).filter((fields) => fields.pid === rows[0].pid).length,
      );
      expect(checked.length).toBeGreaterThan(0);
      await holder.query('COMMIT');
      expect((await monitor.holder())?.pid).not.toBe(rows[0].pid);
    } finally {
      await holder.end();
      await pool.end();
    }
  });
});
