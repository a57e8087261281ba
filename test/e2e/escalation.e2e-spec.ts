import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '@samvirke/case';
import { caseStreamId } from '@samvirke/case/application/case-identity';
import { CaseGate } from '@samvirke/commands';
import { EscalationJob } from '@samvirke/projections/escalation';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { testCitizen } from '../support/citizens';
import { referCitizen, referralOf } from '../support/referrals';
import type { TestUser } from '../support/tokens';

/**
 * Escalation of unacknowledged information, end to end: real HTTP writes, the real information-flow
 * projection, the real escalation job through the real gate, and the clock moved by hand across
 * Easter 2026. BIF shares with Kriminalforsorgen only, on the Wednesday before Easter (1 April):
 * the working days after it are Tuesday 7, Wednesday 8, Thursday 9, Friday 10 and Monday 13 April.
 * Left unacknowledged, the reminder is recorded on Thursday 9 and the escalation on Monday 13;
 * acknowledged in time, nothing is.
 */
describe('escalation of unanswered exchanges', () => {
  let api: TestApp;
  let job: EscalationJob;
  // A store of its own: the job chases every open flow of the store, and this test's clock (April
  // 2026) must not escalate other test files' cases in the shared database.
  let database: OwnDatabase | undefined;
  const suffix = randomUUID().slice(0, 8);
  const coordinator: TestUser = { userId: `coord-esc-${suffix}`, agency: 'BIF', roles: ['coordinator'] };
  const probation: TestUser = { userId: `kf-esc-${suffix}`, agency: 'KRIMINALFORSORGEN', roles: ['liaison'] };
  const previousInterval = process.env.ESCALATION_INTERVAL_MINUTES;

  /** 10:00 in Copenhagen (summer time) on a day of April 2026. */
  const at = (day: string) => `${day}T08:00:00.000Z`;

  beforeAll(async () => {
    // The test runs the job itself, on the days it chooses; no timer runs it in between.
    process.env.ESCALATION_INTERVAL_MINUTES = '0';
    database = await createOwnDatabase('escalation');
    api = await startTestApp({ clock: new TestClock(new Date(at('2026-04-01'))), databaseUrl: database.url });
    job = api.app.get(EscalationJob);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
    if (previousInterval === undefined) delete process.env.ESCALATION_INTERVAL_MINUTES;
    else process.env.ESCALATION_INTERVAL_MINUTES = previousInterval;
  });

  async function ok(method: string, path: string, user: TestUser, body?: unknown): Promise<{ position: string; body: any }> {
    const response = await api.request(method, path, { user, body });
    if (![200, 201].includes(response.status)) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return { position: response.body.position, body: response.body };
  }

  /** A case coordinated by BIF with Kriminalforsorgen on it; BIF shares one entry with Kriminalforsorgen only. */
  async function sharedWithProbation() {
    // BIF is the referral intake: its coordinator refers the citizen and takes the case over.
    const { caseId } = await referCitizen(
      (method, path, options) => api.request(method, path, options),
      coordinator,
      referralOf(testCitizen(2003), { reason: 'Løsladelse nærmer sig' }),
      { coordinator: { ...coordinator, userId: coordinator.userId! } },
      database!.url,
    );
    const base = `/cases/${caseId}`;
    await ok('POST', `${base}/agencies/KRIMINALFORSORGEN`, coordinator, {});
    const entryId = randomUUID();
    const shared = await ok('POST', `${base}/entries`, coordinator, {
      entryId,
      sharedWith: ['KRIMINALFORSORGEN'],
      legalBasis: 'RPL115-1-3',
      purpose: 'crime-prevention',
      sensitivity: 'normal',
      summary: 'Jobplan klar til løsladelsen',
    });
    return { caseId, base, entryId, position: shared.position };
  }

  async function escalations(caseId: string): Promise<Array<Extract<CaseEvent, { type: 'FlowEscalated' }>['data']>> {
    const events = await api.store.readStream(caseStreamId(caseId));
    return events.filter((event) => event.type === 'FlowEscalated').map((event) => event.data as never);
  }

  /** Runs the job as the scheduler would on `day` at 10:00, after the information flow has caught up with `position`. */
  async function runOn(day: string, position: string) {
    api.clock.set(at(day));
    const caughtUp = await api.request('GET', `/information-flow/delays?month=2026-03&consistentWith=${position}`, { user: coordinator });
    expect(caughtUp.status).toBe(200);
    return job.run({ now: api.clock.now() });
  }

  let late: Awaited<ReturnType<typeof sharedWithProbation>>;
  let inTime: Awaited<ReturnType<typeof sharedWithProbation>>;

  it('records nothing while the information is within its 2 working days (Easter and the weekend do not count)', async () => {
    late = await sharedWithProbation();
    inTime = await sharedWithProbation();
    for (const day of ['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06', '2026-04-07']) {
      const report = await runOn(day, inTime.position);
      expect(report.escalated.filter((e) => e.caseId === late.caseId || e.caseId === inTime.caseId)).toEqual([]);
    }
    // Kriminalforsorgen acknowledges the second entry on Tuesday 7 April, in time.
    const acknowledged = await ok('POST', `${inTime.base}/entries/${inTime.entryId}/acknowledgements`, probation, {});
    inTime.position = acknowledged.position;
    const report = await runOn('2026-04-08', inTime.position);
    expect(report.escalated.filter((e) => e.caseId === late.caseId || e.caseId === inTime.caseId)).toEqual([]);
    expect(await escalations(late.caseId)).toEqual([]);
  });

  it("reminds Kriminalforsorgen's entry point on Thursday 9 April, once however often the job runs", async () => {
    const report = await runOn('2026-04-09', inTime.position);
    expect(report.escalated.filter((e) => e.caseId === late.caseId)).toMatchObject([
      { flow: 'information', id: late.entryId, toAgency: 'KRIMINALFORSORGEN', step: 'reminder' },
    ]);
    const reminder = report.escalated.find((e) => e.caseId === late.caseId)!;
    // Again the same day, and on Friday 10 April (the escalation is not due yet): nothing new.
    await runOn('2026-04-09', reminder.position!);
    await runOn('2026-04-10', reminder.position!);
    expect(await escalations(late.caseId)).toEqual([
      {
        flow: 'information',
        entryId: late.entryId,
        fromAgency: 'BIF',
        toAgency: 'KRIMINALFORSORGEN',
        step: 'reminder',
        notify: ['entry-point'],
        dueOn: '2026-04-09',
        workingDaysLate: 1,
        rulesVersion: expect.any(String),
        escalatedAt: at('2026-04-09'),
      },
    ]);
    late.position = reminder.position!;
  });

  it("escalates to Kriminalforsorgen's escalation contact and the coordinator on Monday 13 April, once with two jobs at a time", async () => {
    // Saturday and Sunday: nothing.
    await runOn('2026-04-11', late.position);
    await runOn('2026-04-12', late.position);
    expect(await escalations(late.caseId)).toHaveLength(1);
    api.clock.set(at('2026-04-13'));
    const [first, second] = await Promise.all([job.run({ now: api.clock.now() }), job.run({ now: api.clock.now() })]);
    const recorded = [...first.escalated, ...second.escalated].filter((e) => e.caseId === late.caseId);
    expect(recorded.map((e) => e.step)).toEqual(['escalation']);
    expect((await escalations(late.caseId)).map((e) => e.step)).toEqual(['reminder', 'escalation']);
    expect((await escalations(late.caseId))[1]).toMatchObject({
      notify: ['escalation-contact', 'coordinator'],
      escalationContact: { functionMailbox: 'eskalering.kriminalforsorgen@example.org' },
      coordinatorId: coordinator.userId,
      dueOn: '2026-04-13',
      workingDaysLate: 3,
    });
    late.position = recorded[0].position!;
    // Nothing further is ever due for it.
    await runOn('2026-04-20', late.position);
    expect(await escalations(late.caseId)).toHaveLength(2);
    expect(await escalations(inTime.caseId)).toEqual([]);
  });

  it("shows the escalation on the timeline, on the information flow, and first on the coordinator's worklist with its reasons", async () => {
    const timeline = await api.request('GET', `${late.base}/timeline?kind=escalation&consistentWith=${late.position}`, { user: coordinator });
    expect(timeline.status).toBe(200);
    expect((timeline.body.items as any[]).map((item) => [item.on, item.resolution, item.ownerAgency, item.status])).toEqual([
      ['2026-04-09', 'reminder', 'KRIMINALFORSORGEN', 'done'],
      ['2026-04-13', 'escalation', 'KRIMINALFORSORGEN', 'done'],
    ]);
    expect(timeline.body.items[1].title).toBe(
      "Escalated to Prison and Probation Service's escalation contact and the coordinator: acknowledgement 3 working days late",
    );
    const danish = await api.request('GET', `${late.base}/timeline?kind=escalation&lang=da&consistentWith=${late.position}`, { user: coordinator });
    expect((danish.body.items as any[]).map((item) => item.title)).toEqual([
      'Påmindelse til indgangen hos Kriminalforsorgen: kvitteringen er 1 arbejdsdag forsinket',
      'Eskaleret til eskalationskontakten hos Kriminalforsorgen og koordinatoren: kvitteringen er 3 arbejdsdage forsinket',
    ]);

    const flow = await api.request('GET', `${late.base}/information-flow?consistentWith=${late.position}`, { user: coordinator });
    expect(flow.body.items).toMatchObject([
      { id: late.entryId, toAgency: 'KRIMINALFORSORGEN', outcome: null, escalation: { step: 'escalation', at: at('2026-04-13') } },
    ]);

    const worklist = await api.request('GET', `/worklist?consistentWith=${late.position}&limit=200`, { user: coordinator });
    expect(worklist.status).toBe(200);
    const rows = worklist.body.items as any[];
    const lateRow = rows.findIndex((row) => row.caseId === late.caseId);
    const inTimeRow = rows.findIndex((row) => row.caseId === inTime.caseId);
    expect(rows[lateRow]).toMatchObject({ escalatedFlows: 1, stalledFlows: 1, reasons: expect.arrayContaining(['escalated-flows', 'stalled-flows']) });
    expect(rows[lateRow].reasons.slice(0, 2)).toEqual(['escalated-flows', 'stalled-flows']);
    expect(rows[inTimeRow]).toMatchObject({ escalatedFlows: 0, stalledFlows: 0 });
    expect(lateRow).toBeLessThan(inTimeRow);
    const filtered = await api.request('GET', `/worklist?reason=escalated-flows&consistentWith=${late.position}`, { user: coordinator });
    expect((filtered.body.items as any[]).map((row) => row.caseId)).toEqual([late.caseId]);
  });

  it('shows the coordinator the chasing of an exchange between two other agencies on their case, and not a BIF liaison', async () => {
    api.clock.set(at('2026-04-20'));
    const { caseId: openedCaseId } = await referCitizen(
      (method, path, options) => api.request(method, path, options),
      coordinator,
      referralOf(testCitizen(2002), { reason: 'Løsladelse nærmer sig' }),
      { coordinator: { ...coordinator, userId: coordinator.userId! } },
      database!.url,
    );
    const opened = { body: { caseId: openedCaseId } };
    const base = `/cases/${openedCaseId}`;
    await ok('POST', `${base}/agencies/KRIMINALFORSORGEN`, coordinator, {});
    await ok('POST', `${base}/agencies/SOF`, coordinator, {});
    const entryId = randomUUID();
    const shared = await ok('POST', `${base}/entries`, probation, {
      entryId,
      sharedWith: ['SOF'],
      legalBasis: 'RPL115-1-3',
      purpose: 'crime-prevention',
      sensitivity: 'normal',
      summary: 'Tilsyn aftalt',
    });
    // Shared on Monday 20 April: the reminder is due on Thursday 23 April.
    await runOn('2026-04-22', shared.position);
    const report = await runOn('2026-04-23', shared.position);
    const reminder = report.escalated.find((e) => e.id === entryId);
    expect(reminder).toMatchObject({ toAgency: 'SOF', step: 'reminder' });

    const worklist = await api.request('GET', `/worklist?consistentWith=${reminder!.position}&limit=200`, { user: coordinator });
    expect((worklist.body.items as any[]).find((row) => row.caseId === opened.body.caseId)).toMatchObject({
      stalledFlows: 1,
      escalatedFlows: 0,
      reasons: expect.arrayContaining(['stalled-flows']),
    });
    const forCoordinator = await api.request('GET', `${base}/timeline?kind=escalation&consistentWith=${reminder!.position}`, { user: coordinator });
    expect((forCoordinator.body.items as any[]).map((item) => [item.on, item.resolution, item.ownerAgency])).toEqual([['2026-04-23', 'reminder', 'SOF']]);
    const jobcentre: TestUser = { userId: `jobcenter-esc-${suffix}`, agency: 'BIF', roles: ['liaison'] };
    const forLiaison = await api.request('GET', `${base}/timeline?kind=escalation&consistentWith=${reminder!.position}`, { user: jobcentre });
    expect(forLiaison.status).toBe(200);
    expect(forLiaison.body.items).toEqual([]);
  });

  it('lets no user record an escalation, and no system purpose but the escalation job (and synthetic data)', async () => {
    const gate = api.app.get(CaseGate);
    const command = { type: 'EscalateFlow', data: { flow: 'information', entryId: late.entryId, toAgency: 'KRIMINALFORSORGEN', step: 'reminder' } } as const;
    for (const user of [coordinator, probation]) {
      await expect(
        gate.execute({ caseId: late.caseId, caller: { kind: 'user', user: { ...user, namedAccess: [] } as never }, intent: { type: 'EscalateFlow' }, command }),
      ).rejects.toMatchObject({ name: 'CaseWriteForbiddenError' });
    }
    await expect(
      gate.execute({
        caseId: late.caseId,
        caller: { kind: 'system', purpose: 'retention', actor: 'system:retention' },
        intent: { type: 'EscalateFlow' },
        command,
      }),
    ).rejects.toMatchObject({ name: 'CaseWriteForbiddenError' });
  });
});
