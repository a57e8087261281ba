import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { PostgresEventStore } from '@samvirke/event-store/postgres';
import { ProjectionRunner } from '@samvirke/projections';
import { openRunnerFixture, uniqueNames } from '@samvirke/projections/runner/testing/runner-fixture';
import { scriptedCase, scriptedIds } from '@samvirke/projections/timeline/testing/scripted-case';
import { createNotificationProjection } from './notification.projection';

/**
 * From the log to stored notifications, with the real runner on real PostgreSQL: which events
 * notify whom, and that neither a restart nor a rebuild from position 0 stores one twice or adds
 * an outbox row.
 */
describe('notification projection', () => {
  let store: PostgresEventStore;
  let pool: Pool;
  let close: () => Promise<void>;
  const runners: ProjectionRunner[] = [];

  beforeAll(async () => {
    ({ store, pool, close } = await openRunnerFixture());
  });
  afterAll(async () => {
    await Promise.all(runners.map((runner) => runner.stop()));
    await close();
  });

  function runnerFor(names: ReturnType<typeof uniqueNames>, batchSize: number): ProjectionRunner {
    const runner = new ProjectionRunner({
      eventStore: store,
      pool,
      projections: [createNotificationProjection({ name: names.name, streamPrefix: `case-${names.streamPrefix}`, caseTable: `${names.tablePrefix}_case` })],
      batchSize,
    });
    runners.push(runner);
    return runner;
  }

  it('stores one notification per event and recipient, once, with its outbox rows; a restart and a rebuild add nothing', async () => {
    const names = uniqueNames('notify');
    const runner = runnerFor(names, 1);
    await runner.start();
    const caseId = `${names.streamPrefix}1`;
    const { position } = await store.appendToStream(`case-${caseId}`, scriptedCase(scriptedIds()), 'no-stream');
    expect(await runner.waitForPosition([names.name], position, 10_000)).toBe(true);

    const stored = async () =>
      (
        await pool.query(
          `SELECT n.kind, n.recipient_kind, n.recipient_agency, n.recipient_entry_point, n.from_agency, n.id,
             (SELECT array_agg(o.channel ORDER BY o.channel) FROM public.notification_outbox o WHERE o.notification_id = n.id AND o.channel <> 'webhook') AS channels
           FROM public.notification n WHERE n.case_id = $1 ORDER BY n.seq`,
          [caseId],
        )
      ).rows;
    const live = await stored();
    // The coordinator bringing in their own agency and taking the case themselves asks nothing of anyone.
    expect(live.map(({ id: _id, ...row }) => row)).toEqual([
      {
        kind: 'asked-to-join',
        recipient_kind: 'unit',
        recipient_agency: 'KRIMINALFORSORGEN',
        recipient_entry_point: 'KRIMINALFORSORGEN-KSP',
        from_agency: 'BIF',
        channels: ['inbox', 'mail'],
      },
      {
        kind: 'asked-to-join',
        recipient_kind: 'unit',
        recipient_agency: 'SOF',
        recipient_entry_point: 'SOF-UNGE-18-25',
        from_agency: 'BIF',
        channels: ['inbox', 'mail'],
      },
      {
        kind: 'information-shared',
        recipient_kind: 'unit',
        recipient_agency: 'BIF',
        recipient_entry_point: 'BIF-SSP-PLUS',
        from_agency: 'KRIMINALFORSORGEN',
        channels: ['inbox', 'mail'],
      },
      {
        kind: 'information-shared',
        recipient_kind: 'unit',
        recipient_agency: 'SOF',
        recipient_entry_point: 'SOF-UNGE-18-25',
        from_agency: 'KRIMINALFORSORGEN',
        channels: ['inbox', 'mail'],
      },
      {
        kind: 'information-requested',
        recipient_kind: 'unit',
        recipient_agency: 'SOF',
        recipient_entry_point: 'SOF-UNGE-18-25',
        from_agency: 'BIF',
        channels: ['inbox', 'mail'],
      },
    ]);

    // A restart (a new runner from the committed checkpoint) and a rebuild from position 0.
    await runner.stop();
    const restarted = runnerFor(names, 1000);
    await restarted.start();
    await restarted.rebuild(names.name, { batchSize: 1000 });
    expect(await stored()).toEqual(live);
    const outbox = await pool.query(
      `SELECT count(*)::int AS n FROM public.notification_outbox WHERE notification_id = ANY($1::uuid[]) AND channel <> 'webhook'`,
      [live.map((row) => row.id)],
    );
    expect(outbox.rows[0].n).toBe(10);
  });

  it('tells the entry point, the escalation contact and the coordinator of an escalation step the job recorded', async () => {
    const names = uniqueNames('notify-esc');
    const runner = runnerFor(names, 100);
    await runner.start();
    const caseId = `${names.streamPrefix}1`;
    const ids = scriptedIds();
    await store.appendToStream(`case-${caseId}`, scriptedCase(ids), 'no-stream');
    const escalated = {
      id: randomUUID(),
      type: 'FlowEscalated',
      schemaVersion: 1,
      data: {
        flow: 'information',
        entryId: ids.entryId,
        fromAgency: 'KRIMINALFORSORGEN',
        toAgency: 'SOF',
        step: 'escalation',
        notify: ['entry-point', 'escalation-contact', 'coordinator'],
        escalationContact: { role: 'Ledelsen', functionMailbox: 'eskalering.sof@example.org' },
        coordinatorId: 'coord-anna',
        dueOn: '2026-01-13',
        workingDaysLate: 4,
        rulesVersion: '1',
        escalatedAt: '2026-01-13T07:00:00.000Z',
      },
      metadata: { actor: 'system:escalation', correlationId: randomUUID() },
    };
    const { position } = await store.appendToStream(`case-${caseId}`, [escalated], 'any');
    expect(await runner.waitForPosition([names.name], position, 10_000)).toBe(true);
    const rows = await pool.query(
      `SELECT kind, recipient_kind, recipient_agency, recipient_entry_point, recipient_user, entry_id FROM public.notification WHERE event_id = $1 ORDER BY recipient_kind, recipient_entry_point`,
      [escalated.id],
    );
    expect(rows.rows).toEqual([
      {
        kind: 'escalation',
        recipient_kind: 'unit',
        recipient_agency: 'SOF',
        recipient_entry_point: 'ESCALATION-CONTACT',
        recipient_user: null,
        entry_id: null,
      },
      { kind: 'escalation', recipient_kind: 'unit', recipient_agency: 'SOF', recipient_entry_point: 'SOF-UNGE-18-25', recipient_user: null, entry_id: null },
      { kind: 'escalation', recipient_kind: 'user', recipient_agency: 'BIF', recipient_entry_point: null, recipient_user: 'coord-anna', entry_id: null },
    ]);
  });
});
