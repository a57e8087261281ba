import { randomUUID } from 'node:crypto';
import { testPrivacyConfig } from '../../../../test/support/test-privacy';
import { Pool } from 'pg';
import { PostgresEventStore } from '@samvirke/event-store/postgres';
import { PersonalDataVault } from '@samvirke/privacy';
import { caseFoldVersion, evolve, initialCaseState, stateAsJson, type CaseEvent } from '@samvirke/case';
import { testDatabaseUrl } from '../../../../test/support/test-database';
import { AuditLog, type AuditEntry } from '@samvirke/access/read-audit/audit-log';
import { IDENTITY_SEALING_EVENT_TYPES } from '@samvirke/access';
import { CaseReplay, SNAPSHOT_AFTER_EVENTS } from './case-replay';
import { CaseStateSnapshots } from './case-state-snapshots';
import { migrateDatabase } from '@samvirke/migrations';

// The run's shared test keys: other test files' apps read these cases too.
const privacy = testPrivacyConfig();
const erasureDate = new Date('2026-03-01T10:00:00.000Z');

describe('CaseReplay (PostgreSQL)', () => {
  let store: PostgresEventStore;
  let pool: Pool;
  let vault: PersonalDataVault;
  let auditLog: AuditLog;
  let replay: CaseReplay;
  let snapshots: CaseStateSnapshots;
  let replayWithSnapshots: CaseReplay;
  const rejected: { streamId: string; revision: number }[] = [];

  beforeAll(async () => {
    store = new PostgresEventStore({ connectionString: testDatabaseUrl(), maxConnections: 4 });
    await migrateDatabase(testDatabaseUrl());
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
    vault = new PersonalDataVault(pool, privacy, { clock: { now: () => erasureDate } });
    auditLog = new AuditLog(pool, { retentionDays: 1825 });
    replay = new CaseReplay(store, vault, auditLog);
    snapshots = new CaseStateSnapshots(pool, caseFoldVersion(), vault.derivedMacKey('case-state-snapshot-v1'), (streamId, revision) =>
      rejected.push({ streamId, revision }),
    );
    replayWithSnapshots = new CaseReplay(store, vault, auditLog, snapshots);
  });
  afterAll(async () => {
    await store?.close();
    await pool?.end();
  });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** stateAtJson's pieces joined and decoded: the text a client receives. */
  const answerText = async (pieces: Promise<Buffer[] | undefined>) => {
    const parts = await pieces;
    return parts && Buffer.concat(parts).toString('utf8');
  };

  async function append(caseId: string, event: CaseEvent, actor = 'coord-anna', agency = 'BIF') {
    await store.appendToStream(
      `case-${caseId}`,
      [{ id: randomUUID(), type: event.type, schemaVersion: 1, data: event.data, metadata: { actor, agency, correlationId: randomUUID() } }],
      'any',
    );
  }

  async function openedCase() {
    const caseId = randomUUID();
    const now = new Date().toISOString();
    const opened: CaseEvent = {
      type: 'CaseOpened',
      data: {
        citizenId: caseId,
        cprHash: 'h'.repeat(64),
        name: await vault.seal({ citizenId: caseId, agency: 'BIF' }, 'Testperson Replay'),
        cpr: await vault.seal({ citizenId: caseId, agency: 'BIF' }, '010104-5123'),
        birthDate: '2004-01-01',
        districtCode: 'NORREBRO-1',
        referredBy: 'BIF',
        reason: await vault.seal({ citizenId: caseId, agency: 'BIF' }, 'Gentagen kriminalitet'),
        openedAt: now,
      },
    };
    const joined: CaseEvent = {
      type: 'AgencyJoinedCase',
      data: { agency: 'BIF', entryPoint: { unit: 'Jobcenter', phone: '1', email: 'a@b.dk' }, joinedAt: now },
    };
    await append(caseId, opened);
    await append(caseId, joined);
    return { caseId, events: [opened, joined] };
  }

  it('as-of reconstruction equals the state folded from the events known at that moment', async () => {
    const { caseId, events } = await openedCase();
    const assessed: CaseEvent = {
      type: 'SspCategoryAssessed',
      data: { level: 3, rationale: await vault.seal({ citizenId: caseId, agency: 'BIF' }, 'grund'), assessedBy: 'BIF', assessedOn: '2026-01-05' },
    };
    await append(caseId, assessed);
    const expectedAtT = stateAsJson([...events, assessed].reduce(evolve, initialCaseState()));
    await sleep(20);
    const t = new Date();
    await sleep(20);
    await append(caseId, { type: 'CaseClosed', data: { reason: 'goals-achieved', closedAt: new Date().toISOString() } });

    const asOfT = await replay.stateAsOf(caseId, t);
    expect(asOfT).toMatchObject({ caseId, revision: 2, eventsApplied: 3 });
    expect(asOfT?.state).toEqual(expectedAtT);
    expect((asOfT?.state as { status: string }).status).toBe('open');
    expect(((await replay.stateAsOf(caseId, new Date()))?.state as { status: string }).status).toBe('closed');
    expect(await replay.stateAsOf(caseId, new Date('2000-01-01T00:00:00Z'))).toMatchObject({
      revision: null,
      eventsApplied: 0,
      state: { status: 'not-opened' },
    });
    expect(await replay.stateAsOf(randomUUID(), t)).toBeUndefined();
  });

  describe('with snapshots of the folded state', () => {
    /** Shares of normal information by BIF, one event each: any number of them is a valid case. */
    async function appendShares(caseId: string, count: number) {
      const events = Array.from({ length: count }, () => ({
        id: randomUUID(),
        type: 'InformationShared',
        schemaVersion: 1,
        data: {
          entryId: randomUUID(),
          fromAgency: 'BIF',
          sharedWith: ['BIF'],
          legalBasis: 'RPL115-1-1',
          purpose: 'crime-prevention',
          sensitivity: 'normal',
          summary: 'sealed:x',
          sharedAt: new Date().toISOString(),
        },
        metadata: { actor: 'coord-anna', agency: 'BIF', correlationId: randomUUID() },
      }));
      await store.appendToStream(`case-${caseId}`, events, 'any');
    }
    const snapshotRows = async (caseId: string) =>
      (
        await pool.query<{ revision: number; fold_version: string }>(
          'SELECT revision, fold_version FROM case_state_snapshot WHERE stream_id = $1 ORDER BY revision',
          [`case-${caseId}`],
        )
      ).rows;

    it('answers exactly what a fold from the first event answers, before, at and after the snapshot it leaves', async () => {
      const { caseId } = await openedCase();
      await appendShares(caseId, SNAPSHOT_AFTER_EVENTS);
      await sleep(20);
      const between = new Date();
      await sleep(20);
      await appendShares(caseId, 10);

      // The first reconstruction of the whole case folds 512 events and leaves a snapshot at its end.
      expect(await replayWithSnapshots.stateAsOf(caseId)).toEqual(await replay.stateAsOf(caseId));
      expect(await snapshotRows(caseId)).toEqual([{ revision: SNAPSHOT_AFTER_EVENTS + 11, fold_version: caseFoldVersion() }]);
      // From the snapshot: the same answer, and for an instant before the snapshot, the answer of that instant.
      expect(await replayWithSnapshots.stateAsOf(caseId)).toEqual(await replay.stateAsOf(caseId));
      const atBetween = await replayWithSnapshots.stateAsOf(caseId, between);
      expect(atBetween).toEqual(await replay.stateAsOf(caseId, between));
      expect(atBetween).toMatchObject({ revision: SNAPSHOT_AFTER_EVENTS + 1, eventsApplied: SNAPSHOT_AFTER_EVENTS + 2 });
      expect(await snapshotRows(caseId)).toHaveLength(2);
      // Events after the snapshot are folded onto it.
      await append(caseId, { type: 'CaseClosed', data: { reason: 'goals-achieved', closedAt: new Date().toISOString() } });
      // recorded_at has microseconds, a Date milliseconds: in the same millisecond, "now" would fall
      // just before the close (seen once in CI). A step past it, as `between` above.
      await sleep(20);
      const now = new Date();
      const closed = await replayWithSnapshots.stateAsOf(caseId, now);
      expect(closed).toEqual(await replay.stateAsOf(caseId, now));
      expect(closed).toMatchObject({ revision: SNAPSHOT_AFTER_EVENTS + 12, state: { status: 'closed' } });
    });

    it('answers from a snapshot with nothing after it with the stored view as it is: the bytes a fold from the first event answers', async () => {
      const { caseId } = await openedCase();
      const assessed: CaseEvent = {
        type: 'SspCategoryAssessed',
        data: { level: 3, rationale: await vault.seal({ citizenId: caseId, agency: 'BIF' }, 'grund'), assessedBy: 'BIF', assessedOn: '2026-01-05' },
      };
      await append(caseId, assessed);
      await appendShares(caseId, SNAPSHOT_AFTER_EVENTS);
      await sleep(20);
      const t = new Date();
      const streamId = `case-${caseId}`;
      for (const knownAt of [t, undefined]) {
        const folded = JSON.stringify(await replay.stateAt(caseId, { knownAt }));
        // The first leaves a snapshot at the last event, the second answers from it.
        expect(await answerText(replayWithSnapshots.stateAtJson(caseId, { knownAt }))).toBe(folded);
        expect(await snapshotRows(caseId)).toHaveLength(1);
        expect(await answerText(replayWithSnapshots.stateAtJson(caseId, { knownAt }))).toBe(folded);
        expect(await replayWithSnapshots.stateAsOf(caseId, knownAt)).toEqual(JSON.parse(folded));
      }
      expect(JSON.parse((await answerText(replayWithSnapshots.stateAtJson(caseId, { knownAt: t })))!)).toMatchObject({ sspLevel: 3, inForceOn: null });

      // Which path answered: the view re-signed with the key (only its holder can) is sent as stored, byte for byte.
      const header = (await snapshots.latest(streamId))!;
      await pool.query('DELETE FROM case_state_snapshot WHERE stream_id = $1', [streamId]);
      const stored = '{ "stored":  "as it is" }';
      await snapshots.save(streamId, header.revision, header.recordedAt, { state: {}, viewJson: stored, sspLevel: 1 });
      expect(await answerText(replayWithSnapshots.stateAtJson(caseId, { knownAt: t }))).toBe(
        `{"caseId":"${caseId}","asOf":"${t.toISOString()}","revision":${header.revision},"eventsApplied":${header.revision + 1},"state":${stored},"inForceOn":null,"sspLevel":1}`,
      );

      // A view of many network reads, with characters of two and three bytes (a piece may end inside
      // one), and no SSP level: the bytes arrive in pieces and go out as they are.
      await pool.query('DELETE FROM case_state_snapshot WHERE stream_id = $1', [streamId]);
      const large = JSON.stringify({ notes: 'Ærø – €uro, “citat” '.repeat(40_000) });
      await snapshots.save(streamId, header.revision, header.recordedAt, { state: {}, viewJson: large, sspLevel: null });
      rejected.length = 0;
      const pieces = (await replayWithSnapshots.stateAtJson(caseId, { knownAt: t }))!;
      expect(pieces.length).toBeGreaterThan(3);
      expect(Buffer.concat(pieces).toString('utf8')).toBe(
        `{"caseId":"${caseId}","asOf":"${t.toISOString()}","revision":${header.revision},"eventsApplied":${header.revision + 1},"state":${large},"inForceOn":null,"sspLevel":null}`,
      );
      expect(rejected).toEqual([]);
    });

    it('ignores and reports a snapshot altered in the database, or moved to an earlier time, and folds from the first event', async () => {
      const { caseId } = await openedCase();
      await appendShares(caseId, SNAPSHOT_AFTER_EVENTS);
      const streamId = `case-${caseId}`;
      const honest = await replay.stateAsOf(caseId);
      await replayWithSnapshots.stateAsOf(caseId);
      const [{ revision }] = await snapshotRows(caseId);
      const alter = async (column: 'state' | 'view') => {
        await pool.query(
          `UPDATE case_state_snapshot SET ${column} = replace(${column}::text, '"status":"open"', '"status":"closed"')::json WHERE stream_id = $1 AND revision = $2`,
          [streamId, revision],
        );
        const { rows } = await pool.query(`SELECT ${column}::text LIKE '%"status":"closed"%' AS altered FROM case_state_snapshot WHERE stream_id = $1`, [
          streamId,
        ]);
        expect(rows[0].altered).toBe(true);
      };

      // The view rewritten to say the case is closed: sent as it is, it would answer "closed".
      await alter('view');
      rejected.length = 0;
      expect(await replayWithSnapshots.stateAsOf(caseId)).toEqual(honest);
      expect(await answerText(replayWithSnapshots.stateAtJson(caseId, {}))).toBe(JSON.stringify(honest));
      expect(rejected).toEqual([
        { streamId, revision },
        { streamId, revision },
      ]);

      // The encoded state rewritten likewise, with an event after it: a fold on it would answer "closed".
      await alter('state');
      await appendShares(caseId, 1);
      rejected.length = 0;
      expect(await replayWithSnapshots.stateAsOf(caseId)).toEqual(await replay.stateAsOf(caseId));
      expect(rejected).toEqual([{ streamId, revision }]);

      // A fresh, honest snapshot moved a day back, so it would answer for instants before its events.
      await pool.query('DELETE FROM case_state_snapshot WHERE stream_id = $1', [streamId]);
      await replayWithSnapshots.stateAsOf(caseId);
      const [moved] = await snapshotRows(caseId);
      await pool.query(`UPDATE case_state_snapshot SET recorded_at = recorded_at - interval '1 day' WHERE stream_id = $1`, [streamId]);
      const yesterday = new Date(Date.now() - 12 * 3600_000);
      rejected.length = 0;
      expect(await replayWithSnapshots.stateAsOf(caseId, yesterday)).toEqual(await replay.stateAsOf(caseId, yesterday));
      expect(rejected).toEqual([{ streamId, revision: moved.revision }]);
    });

    it('never starts from a snapshot another version of the fold wrote', async () => {
      const { caseId } = await openedCase();
      await appendShares(caseId, 3);
      await pool.query(
        `INSERT INTO case_state_snapshot (stream_id, fold_version, revision, recorded_at, state, mac, view, view_mac)
         VALUES ($1, 'an-older-fold', 4, now(), '{"status":"closed"}', 'ab', '{"status":"closed"}', 'ab')`,
        [`case-${caseId}`],
      );
      const answer = await replayWithSnapshots.stateAsOf(caseId);
      expect(answer).toEqual(await replay.stateAsOf(caseId));
      expect(answer).toMatchObject({ revision: 4, eventsApplied: 5, state: { status: 'open' } });
    });
  });

  it('the history opens sealed fields, and says "erased on DATE" after crypto-shredding', async () => {
    const { caseId } = await openedCase();
    const before = await replay.history(caseId);
    expect(before?.map((event) => event.type)).toEqual(['CaseOpened', 'AgencyJoinedCase']);
    expect(before?.[0]).toMatchObject({
      revision: 0,
      metadata: { actor: 'coord-anna', agency: 'BIF' },
      data: { name: { status: 'available', value: 'Testperson Replay' }, birthDate: '2004-01-01' },
    });
    await vault.eraseSubject(caseId, { agency: 'all' }, 'dpo', 'citizen-request');
    const after = await replay.history(caseId);
    expect((after?.[0].data as Record<string, unknown>)['name']).toEqual({ status: 'erased', note: 'erased on 2026-03-01' });
    expect(JSON.stringify(after)).not.toContain('Testperson Replay');
    expect(await replay.history(randomUUID())).toBeUndefined();
  });

  it('who knew what when: the agencies that could see an entry, acknowledgements and the readers from the audit log', async () => {
    const { caseId } = await openedCase();
    const entryId = randomUUID();
    const read = (overrides: Partial<AuditEntry>): AuditEntry => ({
      requestId: null,
      userId: 'u',
      agency: 'BIF',
      roles: ['coordinator'],
      action: 'read',
      method: 'GET',
      route: '/cases/:caseId/timeline',
      caseId,
      entryId: null,
      criteria: {},
      purpose: 'case-work',
      outcome: 200,
      ...overrides,
    });
    await auditLog.record(read({ userId: 'early-reader' }));
    await sleep(5);
    await append(caseId, {
      type: 'InformationShared',
      data: {
        entryId,
        fromAgency: 'BIF',
        sharedWith: ['SOF'],
        legalBasis: 'RPL115-1-1',
        purpose: 'crime-prevention',
        sensitivity: 'normal',
        summary: await vault.seal({ citizenId: caseId, agency: 'BIF' }, 's'),
        sharedAt: new Date().toISOString(),
      },
    });
    await append(caseId, { type: 'InformationAcknowledged', data: { entryId, agency: 'SOF', acknowledgedAt: new Date().toISOString() } }, 'social-dan', 'SOF');
    await auditLog.record(
      read({
        userId: 'social-dan',
        agency: 'SOF',
        roles: ['liaison'],
        route: '/cases/:caseId/entries/:entryId/acknowledgements',
        method: 'POST',
        action: 'change',
        entryId,
        outcome: 201,
      }),
    );
    await auditLog.record(read({ userId: 'timeline-reader', agency: 'SOF', roles: ['liaison'] }));
    await auditLog.record(read({ userId: 'police-not-shared', agency: 'KBH-POLITI', roles: ['liaison'] }));
    await auditLog.record(read({ userId: 'denied', agency: 'SOF', outcome: 403, entryId }));
    await auditLog.record(read({ userId: 'auditor-1', agency: 'OKF', roles: ['auditor'], route: '/audit/cases/:caseId/events' }));

    const knowledge = await replay.knowledge(caseId, entryId);
    expect(knowledge).toMatchObject({
      authorAgency: 'BIF',
      sharedWith: ['SOF'],
      couldSee: [
        { agency: 'BIF', as: 'author', leftCaseAt: null },
        { agency: 'SOF', as: 'recipient', leftCaseAt: null },
      ],
      acknowledgedBy: [{ agency: 'SOF' }],
    });
    expect(knowledge?.readBy.map((reader) => [reader.userId, reader.via])).toEqual([
      ['social-dan', 'entry'],
      ['timeline-reader', 'listing'],
      ['auditor-1', 'listing'],
    ]);
    expect(await replay.knowledge(caseId, randomUUID())).toBeUndefined();
  });

  it('reads the enrolments a sealed identity is decided from through their partial index, not the whole stream', async () => {
    const { caseId } = await openedCase();
    const sent: { text: string; values: unknown[] }[] = [];
    // The pool's own query, bound before the spy takes its place.
    const query = store.pool.query.bind(store.pool);
    const spy = jest.spyOn(store.pool, 'query').mockImplementation(((config: string | { text: string; values: unknown[] }, values?: unknown[]) => {
      sent.push(typeof config === 'string' ? { text: config, values: values ?? [] } : { text: config.text, values: config.values });
      return query(config as never, values as never);
    }) as never);
    try {
      await replay.requireOpenedSeal(caseId, { namedAccess: [] });
    } finally {
      spy.mockRestore();
    }
    const enrolments = sent.find((statement) => statement.text.includes('event_type = ANY'));
    expect(enrolments?.values).toContainEqual(IDENTITY_SEALING_EVENT_TYPES);
    const client = await pool.connect();
    try {
      // Planned as the store's statement is (parameters known); sequential scans off, since the
      // test database may be small enough for one to win where a case of 10,000 events would not.
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${enrolments!.text}`, enrolments!.values);
      expect(JSON.stringify(rows[0]['QUERY PLAN'])).toContain('"Index Name":"es_events_identity_sealing"');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
