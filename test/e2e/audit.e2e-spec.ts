import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { startTestApp, type TestApp } from '../support/test-app';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { testCitizen } from '../support/citizens';
import type { TestUser } from '../support/tokens';
import { caseIdOfCitizen } from '../support/referrals';
import { copenhagenDate } from '@samvirke/case';
import { SNAPSHOT_AFTER_EVENTS } from '@samvirke/audit/replay/case-replay';

/**
 * Read audit, tamper evidence and replay over real HTTP against the real app (AuditModule wired in
 * app.module.ts) and a real PostgreSQL. Every user here has a fresh id, so "exactly one audit
 * record per request" is counted per user, whatever other tests run at the same time.
 */
const fresh = (user: TestUser): TestUser => ({ ...user, userId: `${user.userId ?? 'u'}-${randomUUID().slice(0, 8)}` });
const coordinator: TestUser = { userId: 'coord', agency: 'BIF', roles: ['coordinator'] };
const auditor: TestUser = { userId: 'auditor', agency: 'OKF', roles: ['auditor'] };
const policeLiaison: TestUser = { userId: 'police', agency: 'KBH-POLITI', roles: ['liaison'] };

// Every test app runs every projection over the run's one shared database, and under the full
// suite on two cores (the embedded PostgreSQL pass in CI especially) the entry-points projection has
// been seen to fall past the consistency wait (503 READ_MODEL_BEHIND, the API's correct answer to a
// read that cannot be served in time). One retry, with the first failure logged, keeps a real stall
// (which fails twice) visible without failing CI on the convoy. See the session note of 2026-12-06.
jest.retryTimes(1, { logErrorsBeforeRetry: true });

describe('audit over HTTP', () => {
  let api: TestApp;
  let pool: Pool;

  let ownDatabase: OwnDatabase | undefined;

  beforeAll(async () => {
    // A database of its own: other test files append to case streams of the shared one (integration
    // tests included) that every app's projections then carry, and its counts would see their cases.
    ownDatabase = await createOwnDatabase('audit');
    api = await startTestApp({ databaseUrl: ownDatabase.url });
    pool = new Pool({ connectionString: ownDatabase.url, max: 2 });
    // The database is dropped with FORCE at the end; a terminated idle connection must not fail the run.
    pool.on('error', () => undefined);
  });
  afterAll(async () => {
    await api?.close();
    await pool?.end();
    await ownDatabase?.drop();
  });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const today = () => copenhagenDate(new Date());

  /** A user's audit rows; refusals are written as their response finishes, so poll briefly. */
  async function auditRowsOf(userId: string, atLeast = 1) {
    for (let attempt = 0; ; attempt += 1) {
      const { rows } = await pool.query('SELECT * FROM audit_log WHERE user_id = $1 ORDER BY id', [userId]);
      if (rows.length >= atLeast || attempt >= 40) return rows;
      await sleep(25);
    }
  }

  async function ok(method: string, path: string, user: TestUser, body?: unknown, headers?: Record<string, string>) {
    const response = await api.request(method, path, { user, body, headers });
    if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  }

  async function openCase(user: TestUser) {
    const citizen = testCitizen();
    await ok('POST', '/cases', user, {
      cpr: citizen.cpr,
      name: citizen.name,
      birthDate: citizen.birthDate,
      districtCode: 'NORREBRO-1',
      reason: 'Gentagen kriminalitet',
    });
    // The referral names no case: found by the CPR, its position read from the store.
    const caseId = await caseIdOfCitizen(citizen.cpr, ownDatabase!.url);
    const position = (await api.store.readStream(`case-${caseId}`)).at(-1)!.globalPosition;
    return { caseId, citizen, position: position as string };
  }

  it('every request leaves exactly one audit record, with route pattern, case, action, purpose and status', async () => {
    const writer = fresh(coordinator);
    const { caseId } = await openCase(writer);
    const reader = fresh(auditor);
    const reads = [
      `/audit/cases/${caseId}/events`,
      `/audit/cases/${caseId}/state`,
      `/audit/cases/${caseId}/verification`,
      `/cases/${caseId}/access-report`,
      `/audit/log?caseId=${caseId}`,
    ];
    for (const path of reads) await ok('GET', path, reader, undefined, { 'X-Purpose': 'audit' });

    const written = await auditRowsOf(writer.userId!);
    // Opening a case has no :caseId in its route; the case id comes from the answer.
    expect(written.map((row) => [row.action, row.route, row.case_id, row.outcome])).toEqual([['change', '/cases', caseId, 202]]);
    const rows = await auditRowsOf(reader.userId!, reads.length);
    expect(rows.map((row) => [row.action, row.route, row.case_id, row.outcome, row.purpose])).toEqual([
      ['read', '/audit/cases/:caseId/events', caseId, 200, 'audit'],
      ['read', '/audit/cases/:caseId/state', caseId, 200, 'audit'],
      ['read', '/audit/cases/:caseId/verification', caseId, 200, 'audit'],
      ['export', '/cases/:caseId/access-report', caseId, 200, 'audit'],
      ['search', '/audit/log', null, 200, 'audit'],
    ]);
    expect(rows[4].criteria).toEqual({ caseId });
    expect(rows[0]).toMatchObject({ agency: 'OKF', roles: ['auditor'] });
  });

  it('every read of every read model leaves exactly one audit record too', async () => {
    const worker = fresh(coordinator);
    const { caseId, position } = await openCase(worker);
    const consistent = `consistentWith=${position}`;
    const reads: Array<[string, string, string | null]> = [
      [`/cases/${caseId}?${consistent}`, '/cases/:caseId', caseId],
      [`/cases/${caseId}/timeline?${consistent}`, '/cases/:caseId/timeline', caseId],
      [`/cases/${caseId}/entry-points?${consistent}`, '/cases/:caseId/entry-points', caseId],
      [`/cases/${caseId}/information-flow?${consistent}`, '/cases/:caseId/information-flow', caseId],
      ['/cases?limit=5', '/cases', null],
      ['/ssp-register?limit=5', '/ssp-register', null],
      ['/worklist?limit=5', '/worklist', null],
      ['/information-flow/delays', '/information-flow/delays', null],
    ];
    for (const [path] of reads) await ok('GET', path, worker);
    const rows = await auditRowsOf(worker.userId!, reads.length + 1);
    const readRows = rows.filter((row) => row.action !== 'change');
    expect(readRows.map((row) => [row.route, row.case_id, row.outcome])).toEqual(reads.map(([, route, id]) => [route, id, 200]));
  });

  it('logs a refused read with its status, and refuses an unknown X-Purpose with 400', async () => {
    const reader = fresh(auditor);
    expect((await api.request('GET', `/audit/cases/${randomUUID()}/events`, { user: reader })).status).toBe(404);
    const rows = await auditRowsOf(reader.userId!);
    expect(rows.map((row) => [row.route, row.outcome])).toEqual([['/audit/cases/:caseId/events', 404]]);
    const bad = await api.request('GET', `/audit/log`, { user: reader, headers: { 'X-Purpose': 'curiosity' } });
    expect(bad.status).toBe(400);
  });

  it('refuses the police any case read declared for criminal investigation (section 115(2)), and logs the attempt', async () => {
    const { caseId } = await openCase(fresh(coordinator));
    // A police user who may read case routes (here the auditors' ones) is refused centrally, before any handler.
    const officer = fresh({ ...policeLiaison, roles: ['liaison', 'auditor'] });
    const refused = await api.request('GET', `/audit/cases/${caseId}/events`, { user: officer, headers: { 'X-Purpose': 'criminal-investigation' } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ reason: 'DISCLOSURE_FOR_INVESTIGATION_REFUSED' });
    expect(JSON.stringify(refused.body)).not.toContain('CaseOpened');
    expect((await api.request('GET', `/audit/cases/${caseId}/events`, { user: officer, headers: { 'X-Purpose': 'coordination' } })).status).toBe(200);
    const rows = await auditRowsOf(officer.userId!, 2);
    expect(rows.map((row) => [row.outcome, row.purpose])).toEqual([
      [403, 'criminal-investigation'],
      [200, 'coordination'],
    ]);
  });

  it('a read whose audit write fails returns 503 and no data', async () => {
    const { caseId, citizen } = await openCase(fresh(coordinator));
    const doomed = fresh(auditor);
    // A real database failure for this one user only: a constraint their audit row breaks.
    const constraint = `audit_e2e_${randomUUID().slice(0, 8)}`;
    await pool.query(`ALTER TABLE audit_log ADD CONSTRAINT ${constraint} CHECK (user_id <> '${doomed.userId}') NOT VALID`);
    try {
      const response = await api.request('GET', `/audit/cases/${caseId}/events`, { user: doomed });
      expect(response.status).toBe(503);
      expect(JSON.stringify(response.body)).not.toContain(citizen.name);
      expect(JSON.stringify(response.body)).not.toContain('CaseOpened');
    } finally {
      await pool.query(`ALTER TABLE audit_log DROP CONSTRAINT ${constraint}`);
    }
  });

  it("auditors query the log by case and user; the citizen's access report names agencies, not staff", async () => {
    const writer = fresh(coordinator);
    const { caseId } = await openCase(writer);
    const reader = fresh(auditor);
    await ok('GET', `/audit/cases/${caseId}/events`, reader, undefined, { 'X-Purpose': 'citizen-access-request' });
    const byCase = await ok('GET', `/audit/log?caseId=${caseId}&limit=10`, fresh(auditor));
    expect(byCase.body.items.map((item: { userId: string }) => item.userId)).toEqual([writer.userId, reader.userId]);
    const byUser = await ok('GET', `/audit/log?userId=${reader.userId}`, fresh(auditor));
    expect(byUser.body.items).toHaveLength(1);
    expect((await api.request('GET', '/audit/log?limit=5000', { user: fresh(auditor) })).status).toBe(400);
    expect((await api.request('GET', '/audit/log', { user: fresh(coordinator) })).status).toBe(403);

    const report = await ok('GET', `/cases/${caseId}/access-report`, fresh(auditor));
    expect(report.body.accesses).toEqual([
      { agency: 'BIF', agencyName: 'Beskæftigelses- og Integrationsforvaltningen', at: expect.any(String), action: 'change', purpose: 'case-work' },
      { agency: 'OKF', agencyName: 'Økonomiforvaltningen', at: expect.any(String), action: 'read', purpose: 'citizen-access-request' },
    ]);
    expect(JSON.stringify(report.body)).not.toContain(writer.userId);
    expect(JSON.stringify(report.body)).not.toContain(reader.userId);
  });

  it('as-of reconstruction matches the state captured at that moment', async () => {
    const user = fresh(coordinator);
    const { caseId } = await openCase(user);
    await ok('POST', `/cases/${caseId}/assessments`, user, { level: 3, rationale: 'Flere sigtelser', assessedOn: today() });
    await ok('POST', `/cases/${caseId}/agencies/SOF`, user, {});
    const captured = await ok('GET', `/audit/cases/${caseId}/state`, fresh(auditor));
    await sleep(30);
    const t = new Date().toISOString();
    await sleep(30);
    await ok('POST', `/cases/${caseId}/agencies/KBH-POLITI`, user, {});
    await ok('POST', `/cases/${caseId}/close`, user, { reason: 'goals-achieved' });

    const asOf = await ok('GET', `/audit/cases/${caseId}/state?asOf=${encodeURIComponent(t)}`, fresh(auditor));
    expect(asOf.body.state).toEqual(captured.body.state);
    expect(asOf.body.revision).toBe(captured.body.revision);
    expect(asOf.body.state.status).toBe('open');
    const now = await ok('GET', `/audit/cases/${caseId}/state`, fresh(auditor));
    expect(now.body.state.status).toBe('closed');
    expect((await api.request('GET', `/audit/cases/${caseId}/state?asOf=yesterday`, { user: fresh(auditor) })).status).toBe(400);
  });

  it('as-of from a snapshot with nothing after it sends the same bytes and headers as the fold from the first event, and refuses an altered one', async () => {
    const user = fresh(coordinator);
    const { caseId } = await openCase(user);
    await ok('POST', `/cases/${caseId}/assessments`, user, { level: 3, rationale: 'Flere sigtelser', assessedOn: today() });
    await ok('POST', `/cases/${caseId}/agencies/KBH-POLITI`, user, {});
    await ok('POST', `/cases/${caseId}/entries`, user, {
      entryId: randomUUID(),
      sharedWith: ['KBH-POLITI'],
      legalBasis: 'RPL115-1-1',
      purpose: 'crime-prevention',
      sensitivity: 'normal',
      summary: 'Borger er startet i praktik',
    });
    // Enough events for a reconstruction to leave a snapshot: copies of that share (a new entry id
    // each), written to the stream directly, as 500 commands would take long.
    const streamId = `case-${caseId}`;
    const shared = (await api.store.readStream(streamId)).at(-1)!;
    const copies = Array.from({ length: SNAPSHOT_AFTER_EVENTS }, () => ({
      id: randomUUID(),
      type: shared.type,
      schemaVersion: shared.schemaVersion,
      data: { ...(shared.data as object), entryId: randomUUID() },
      metadata: shared.metadata,
    }));
    await api.store.appendToStream(streamId, copies, 'any');
    await sleep(30);
    const path = `/audit/cases/${caseId}/state?asOf=${encodeURIComponent(new Date().toISOString())}`;
    const snapshots = async () => (await pool.query('SELECT count(*)::int AS n FROM case_state_snapshot WHERE stream_id = $1', [streamId])).rows[0].n;

    expect(await snapshots()).toBe(0);
    const folded = await ok('GET', path, fresh(auditor));
    expect(await snapshots()).toBe(1);
    const reader = fresh(auditor);
    const stored = await ok('GET', path, reader);
    expect(stored.text).toBe(folded.text);
    for (const header of ['content-type', 'content-length', 'cache-control', 'pragma', 'etag'])
      expect(stored.headers.get(header)).toBe(folded.headers.get(header));
    expect(stored.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(stored.body).toMatchObject({
      caseId,
      revision: shared.streamRevision + SNAPSHOT_AFTER_EVENTS,
      sspLevel: 3,
      inForceOn: null,
      state: { status: 'open' },
    });
    expect((await auditRowsOf(reader.userId!)).map((row) => [row.action, row.route, row.case_id, row.outcome])).toEqual([
      ['read', '/audit/cases/:caseId/state', caseId, 200],
    ]);

    // The stored view altered to say the case is closed: refused, the case folded from its first event.
    await pool.query(`UPDATE case_state_snapshot SET view = replace(view::text, '"status":"open"', '"status":"closed"')::json WHERE stream_id = $1`, [
      streamId,
    ]);
    expect((await ok('GET', path, fresh(auditor))).text).toBe(folded.text);
  });

  it('replays the history with sealed fields opened, and tells who knew about an entry', async () => {
    const user = fresh(coordinator);
    const { caseId, citizen } = await openCase(user);
    await ok('POST', `/cases/${caseId}/agencies/KBH-POLITI`, user, {});
    const entryId = randomUUID();
    await ok('POST', `/cases/${caseId}/entries`, user, {
      entryId,
      sharedWith: ['KBH-POLITI'],
      legalBasis: 'RPL115-1-1',
      purpose: 'crime-prevention',
      sensitivity: 'normal',
      summary: 'Borger er startet i praktik',
    });
    const officer = fresh(policeLiaison);
    await ok('POST', `/cases/${caseId}/entries/${entryId}/acknowledgements`, officer);

    const history = await ok('GET', `/audit/cases/${caseId}/events`, fresh(auditor));
    const opened = history.body.events[0];
    expect(opened).toMatchObject({ type: 'CaseOpened', revision: 0, metadata: { actor: user.userId, agency: 'BIF' } });
    expect(opened.data.name).toEqual({ status: 'available', value: citizen.name });

    const knowledge = await ok('GET', `/audit/cases/${caseId}/entries/${entryId}/knowledge`, fresh(auditor));
    expect(knowledge.body).toMatchObject({ authorAgency: 'BIF', sharedWith: ['KBH-POLITI'], acknowledgedBy: [{ agency: 'KBH-POLITI' }] });
    expect(knowledge.body.couldSee.map((agency: { agency: string }) => agency.agency)).toEqual(['BIF', 'KBH-POLITI']);
    // The officer acknowledged the entry on its own route; the auditor replayed the events, which list it.
    expect(knowledge.body.readBy).toEqual([
      expect.objectContaining({ userId: officer.userId, agency: 'KBH-POLITI', via: 'entry' }),
      expect.objectContaining({ agency: 'OKF', route: '/audit/cases/:caseId/events', via: 'listing' }),
    ]);
  });

  it('changing one byte of a stored event makes the case verification fail at that event', async () => {
    const user = fresh(coordinator);
    const { caseId } = await openCase(user);
    await ok('POST', `/cases/${caseId}/assessments`, user, { level: 3, rationale: 'Flere sigtelser', assessedOn: today() });
    const intact = await ok('GET', `/audit/cases/${caseId}/verification`, fresh(auditor));
    expect(intact.body).toEqual({ caseId, ok: true, eventsChecked: 3 });

    const { rows } = await pool.query(
      `UPDATE es_events SET data = replace(data::text, '"BIF"', '"SOF"')::json WHERE stream_id = $1 AND stream_revision = 1 RETURNING event_id, global_position`,
      [`case-${caseId}`],
    );
    const broken = await ok('GET', `/audit/cases/${caseId}/verification`, fresh(auditor));
    expect(broken.body).toMatchObject({
      ok: false,
      firstBroken: {
        streamId: `case-${caseId}`,
        revision: 1,
        eventId: rows[0].event_id,
        globalPosition: String(rows[0].global_position),
        problem: 'hash-mismatch',
      },
    });
    const whole = await ok('GET', '/audit/verification', fresh(auditor));
    expect(whole.body.ok).toBe(false);
  });
});
