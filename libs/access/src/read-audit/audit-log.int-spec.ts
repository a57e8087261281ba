import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { testDatabaseUrl } from '../../../../test/support/test-database';
import { AuditLog, type AuditEntry } from './audit-log';
import { migrateDatabase } from '@samvirke/migrations';

describe('AuditLog (PostgreSQL)', () => {
  let pool: Pool;
  let auditLog: AuditLog;

  beforeAll(async () => {
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
    auditLog = new AuditLog(pool, { retentionDays: 1825 });
    await migrateDatabase(testDatabaseUrl());
    await migrateDatabase(testDatabaseUrl());
  });
  afterAll(async () => {
    await pool?.end();
  });

  const entry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
    requestId: randomUUID(),
    userId: `user-${randomUUID()}`,
    agency: 'BIF',
    roles: ['coordinator'],
    action: 'read',
    method: 'GET',
    route: '/cases/:caseId/timeline',
    caseId: randomUUID(),
    entryId: null,
    criteria: {},
    purpose: 'case-work',
    outcome: 200,
    ...overrides,
  });

  it('records an access and finds it by case, user, agency and time', async () => {
    const caseId = randomUUID();
    const userId = `user-${randomUUID()}`;
    await auditLog.record(entry({ caseId, userId, action: 'search', criteria: { district: 'NORREBRO-1' }, purpose: 'coordination' }));
    await auditLog.record(entry({ caseId, agency: 'SOF' }));
    await auditLog.record(entry({ userId }));

    const byCase = await auditLog.search({ caseId, limit: 10, offset: 0 });
    expect(byCase.items).toHaveLength(2);
    expect(byCase.items[0]).toMatchObject({
      caseId,
      userId,
      agency: 'BIF',
      roles: ['coordinator'],
      action: 'search',
      criteria: { district: 'NORREBRO-1' },
      purpose: 'coordination',
      outcome: 200,
    });
    expect((await auditLog.search({ userId, limit: 10, offset: 0 })).items).toHaveLength(2);
    expect((await auditLog.search({ caseId, agency: 'SOF', limit: 10, offset: 0 })).items).toHaveLength(1);

    const recordedAt = new Date(byCase.items[0].recordedAt);
    expect((await auditLog.search({ caseId, from: new Date(recordedAt.getTime() + 60_000), limit: 10, offset: 0 })).items).toHaveLength(0);
    expect(
      (await auditLog.search({ caseId, from: new Date(recordedAt.getTime() - 60_000), to: new Date(recordedAt.getTime() + 60_000), limit: 10, offset: 0 }))
        .items,
    ).toHaveLength(2);
  });

  it('records the rows of many concurrent requests, each committed when its promise resolves, in fewer statements than rows', async () => {
    const caseId = randomUUID();
    const statements = jest.spyOn(pool, 'query');
    try {
      await Promise.all(Array.from({ length: 60 }, (_, index) => auditLog.record(entry({ caseId, outcome: 200 + index }))));
      // Four go out at once; the other 56 wait for them and share the next statements.
      expect(statements.mock.calls.length).toBeLessThanOrEqual(8);
    } finally {
      statements.mockRestore();
    }
    const recorded = (await auditLog.search({ caseId, limit: 100, offset: 0 })).items.map((item) => item.outcome);
    expect(recorded.sort()).toEqual(Array.from({ length: 60 }, (_, index) => 200 + index));
  });

  it('a row the database refuses costs only its own request: the others sent with it are recorded', async () => {
    const caseId = randomUUID();
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, index) =>
        auditLog.record(entry({ caseId, outcome: 200 + index, ...(index === 8 ? { action: 'not-an-action' as AuditEntry['action'] } : {}) })),
      ),
    );
    expect(results.map((result) => result.status)).toEqual(Array.from({ length: 12 }, (_, index) => (index === 8 ? 'rejected' : 'fulfilled')));
    expect((await auditLog.search({ caseId, limit: 100, offset: 0 })).items).toHaveLength(11);
  });

  it('a break-glass opening is its user’s grant once its row is committed, even while a lookup of the user’s openings is cached', async () => {
    const userId = `auditor-${randomUUID()}`;
    const caseId = randomUUID();
    // Another request of the same user looked just before: nothing opened, kept for a few seconds.
    expect(await auditLog.openedSeals(userId, 'BIF')).toEqual([]);
    await auditLog.record(entry({ userId, caseId, action: 'open-seal', method: 'POST', route: '/cases/:caseId/seal-openings', outcome: 201 }));
    expect(await auditLog.openedSeals(userId, 'BIF')).toEqual([caseId]);
    // A refused opening grants nothing, and what was opened stays.
    await auditLog.record(entry({ userId, caseId: randomUUID(), action: 'open-seal', method: 'POST', route: '/cases/:caseId/seal-openings', outcome: 409 }));
    expect(await auditLog.openedSeals(userId, 'BIF')).toEqual([caseId]);
  });

  it('pages oldest first and says where the next page starts', async () => {
    const caseId = randomUUID();
    for (let i = 0; i < 5; i += 1) await auditLog.record(entry({ caseId, outcome: 200 + i }));
    const first = await auditLog.search({ caseId, limit: 2, offset: 0 });
    expect(first.items.map((item) => item.outcome)).toEqual([200, 201]);
    expect(first.nextOffset).toBe(2);
    const last = await auditLog.search({ caseId, limit: 2, offset: 4 });
    expect(last.items.map((item) => item.outcome)).toEqual([204]);
    expect(last.nextOffset).toBeNull();
  });

  it('the database refuses to update, delete or truncate audit records', async () => {
    const caseId = randomUUID();
    await auditLog.record(entry({ caseId }));
    await expect(pool.query(`UPDATE audit_log SET purpose = 'audit' WHERE case_id = $1`, [caseId])).rejects.toThrow(/append-only/);
    await expect(pool.query('DELETE FROM audit_log WHERE case_id = $1', [caseId])).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect((await auditLog.search({ caseId, limit: 10, offset: 0 })).items).toHaveLength(1);
  });

  it('purges only the records older than the retention period', async () => {
    const caseId = randomUUID();
    await auditLog.record(entry({ caseId, recordedAt: new Date('2001-01-01T00:00:00Z'), outcome: 201 }));
    await auditLog.record(entry({ caseId, recordedAt: new Date('2004-06-01T00:00:00Z'), outcome: 202 }));
    // now = 2007-01-01: the cutoff is 1825 days earlier, 2002-01-02.
    expect(await auditLog.purgeExpired(new Date('2007-01-01T00:00:00Z'))).toBeGreaterThanOrEqual(1);
    expect((await auditLog.search({ caseId, limit: 10, offset: 0 })).items.map((item) => item.outcome)).toEqual([202]);
  });

  it('a purge flag raised by hand still lets no record newer than its cutoff go', async () => {
    const caseId = randomUUID();
    await auditLog.record(entry({ caseId }));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('samvirke.audit_purge', 'on', true), set_config('samvirke.audit_purge_before', '2000-01-01T00:00:00Z', true)`);
      await expect(client.query('DELETE FROM audit_log WHERE case_id = $1', [caseId])).rejects.toThrow(/append-only/);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    expect((await auditLog.search({ caseId, limit: 10, offset: 0 })).items).toHaveLength(1);
  });

  it('the access report lists agency, time, action and purpose of the accesses that got data, without user ids', async () => {
    const caseId = randomUUID();
    await auditLog.record(entry({ caseId, userId: 'secret-staff-1', agency: 'KBH-POLITI', purpose: 'coordination' }));
    await auditLog.record(entry({ caseId, userId: 'secret-staff-2', agency: 'SOF', outcome: 403 }));
    await auditLog.record(entry({ caseId, userId: 'secret-staff-3', agency: 'SOF', action: 'change', method: 'POST', outcome: 201 }));
    const report = await auditLog.accessReport(caseId);
    expect(report).toEqual([
      { agency: 'KBH-POLITI', at: expect.any(String), action: 'read', purpose: 'coordination' },
      { agency: 'SOF', at: expect.any(String), action: 'change', purpose: 'case-work' },
    ]);
    expect(JSON.stringify(report)).not.toContain('secret-staff');
  });
});
