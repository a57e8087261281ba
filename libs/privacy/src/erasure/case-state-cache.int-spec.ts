import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { testPrivacyConfig } from '../../../../test/support/test-privacy';
import { testDatabaseUrl } from '../../../../test/support/test-database';
import type { EventStore, ReadStreamOptions } from '@samvirke/event-store';
import { PostgresEventStore } from '@samvirke/event-store/postgres';
import { caseStreamId } from '@samvirke/case/application/case-identity';
import type { CaseCommand } from '@samvirke/case';
import { CaseRuleViolation } from '@samvirke/case';
import { loadReferenceData } from '@samvirke/reference-data';
import { CaseGate } from '@samvirke/commands';
import { migrateDatabase } from '@samvirke/migrations';
import { PersonalDataVault } from '../vault/personal-data-vault';
import { ErasureService } from './erasure.service';
import { writeSealedTestCase } from './sealed-test-case';

/**
 * The gate's cached case state (libs/event-store command-handling.ts, StreamStateCache) on the real
 * store: what it reads, that it sees other writers, that a retry is still a replay, and that
 * erasure drops it. The store is the real PostgreSQL adapter; `reads` only notes each readStream.
 */
describe('the case gate’s cached state (PostgreSQL)', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  let vault: PersonalDataVault;
  const reads: Array<{ streamId: string; fromRevision: number | undefined }> = [];
  let noted: EventStore;
  const clock = { now: () => new Date('2031-02-03T10:00:00.000Z') };
  const referenceData = loadReferenceData();

  beforeAll(async () => {
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
    store = new PostgresEventStore({ connectionString: testDatabaseUrl(), maxConnections: 4 });
    await migrateDatabase(testDatabaseUrl());
    vault = new PersonalDataVault(pool, testPrivacyConfig(), { clock });
    noted = Object.create(store) as EventStore;
    noted.readStream = (streamId: string, options?: ReadStreamOptions) => {
      reads.push({ streamId, fromRevision: options?.fromRevision });
      return store.readStream(streamId, options);
    };
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
  });

  const write = (gate: CaseGate, caseId: string, command: CaseCommand, idempotencyKey?: string) =>
    gate.execute({
      caseId,
      caller: { kind: 'system', purpose: 'synthetic-data', actor: 'test-BIF', agency: 'BIF' },
      intent: { type: command.type },
      command,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
  const start = (employmentId: string): CaseCommand => ({ type: 'StartEmployment', data: { employmentId, kind: 'ordinary', startedOn: '2031-02-01' } });
  const end = (employmentId: string): CaseCommand => ({ type: 'EndEmployment', data: { employmentId, endedOn: '2031-02-02' } });
  const readsOf = (caseId: string) => reads.filter((read) => read.streamId === caseStreamId(caseId)).map((read) => read.fromRevision);

  it('reads a case whole once, then decides on the state it folded without reading the stream again', async () => {
    const { caseId } = await writeSealedTestCase(store, vault, { openedAt: new Date('2031-01-01T09:00:00Z') });
    const gate = new CaseGate(noted, referenceData, clock);
    const first = await write(gate, caseId, start('job-1'));
    const second = await write(gate, caseId, end('job-1'));
    await write(gate, caseId, start('job-3'));
    expect(second.revision).toBe(first.revision! + 1);
    expect(readsOf(caseId)).toEqual([undefined]);
    expect((await store.readStream(caseStreamId(caseId))).map((event) => event.type).slice(-3)).toEqual([
      'EmploymentStarted',
      'EmploymentEnded',
      'EmploymentStarted',
    ]);
  });

  it('sees what another writer (another process’s gate) appended in between: a refusal on the cached state is asked again on a read', async () => {
    const { caseId } = await writeSealedTestCase(store, vault, { openedAt: new Date('2031-01-01T09:00:00Z') });
    const gate = new CaseGate(noted, referenceData, clock);
    const other = new CaseGate(store, referenceData, clock);
    const mine = await write(gate, caseId, start('job-1'));
    const theirs = await write(other, caseId, start('job-2'));
    // Only a state that holds the other writer's job-2 lets it end; the cached one refuses, the read one allows.
    const ended = await write(gate, caseId, end('job-2'));
    expect(ended.revision).toBe(theirs.revision! + 1);
    expect(readsOf(caseId)).toEqual([undefined, mine.revision! + 1]);
    // A real refusal is still one, after the same check on a read (nothing newer to fold).
    await expect(write(gate, caseId, end('job-2'))).rejects.toBeInstanceOf(CaseRuleViolation);
    expect(readsOf(caseId)).toEqual([undefined, mine.revision! + 1, ended.revision! + 1]);
  });

  it('decides again on a read when the cached state misses another writer’s event that does not refuse the command', async () => {
    const { caseId } = await writeSealedTestCase(store, vault, { openedAt: new Date('2031-01-01T09:00:00Z') });
    const gate = new CaseGate(noted, referenceData, clock);
    const other = new CaseGate(store, referenceData, clock);
    const mine = await write(gate, caseId, start('job-1'));
    const theirs = await write(other, caseId, start('job-2'));
    // The cached state allows job-3: the append's revision check finds the other writer's event, the command is decided again.
    const started = await write(gate, caseId, start('job-3'));
    expect(started.revision).toBe(theirs.revision! + 1);
    expect(readsOf(caseId)).toEqual([undefined, mine.revision! + 1]);
  });

  it('takes a client’s If-Match as the other writer left the stream, not as the cache has it', async () => {
    const { caseId } = await writeSealedTestCase(store, vault, { openedAt: new Date('2031-01-01T09:00:00Z') });
    const gate = new CaseGate(noted, referenceData, clock);
    const other = new CaseGate(store, referenceData, clock);
    await write(gate, caseId, start('job-1'));
    const theirs = await write(other, caseId, start('job-2'));
    const pinned = await gate.execute({
      caseId,
      caller: { kind: 'system', purpose: 'synthetic-data', actor: 'test-BIF', agency: 'BIF' },
      intent: { type: 'EndEmployment' },
      command: end('job-1'),
      expectedRevision: theirs.revision,
    });
    expect(pinned.revision).toBe(theirs.revision! + 1);
  });

  it('answers a retried request from the stream, appending nothing twice', async () => {
    const { caseId } = await writeSealedTestCase(store, vault, { openedAt: new Date('2031-01-01T09:00:00Z') });
    const gate = new CaseGate(noted, referenceData, clock);
    const key = randomUUID();
    const original = await write(gate, caseId, start('job-1'), key);
    const retried = await write(gate, caseId, start('job-1'), key);
    expect(retried).toMatchObject({ replayed: true, revision: original.revision });
    expect((await store.readStream(caseStreamId(caseId))).filter((event) => event.type === 'EmploymentStarted')).toHaveLength(1);
  });

  it('forgets a case once it is erased: the next write reads the stream whole', async () => {
    const { caseId } = await writeSealedTestCase(store, vault, { openedAt: new Date('2025-01-01T09:00:00Z'), closedAt: new Date('2025-06-01T09:00:00Z') });
    const gate = new CaseGate(noted, referenceData, clock);
    const erasure = new ErasureService(gate, vault, clock);
    await erasure.erase(caseId, { scope: 'citizen', reason: 'erasure-request', caller: { kind: 'system', purpose: 'operator', actor: 'coord-anna' } });
    await expect(
      erasure.erase(caseId, { scope: 'citizen', reason: 'erasure-request', caller: { kind: 'system', purpose: 'operator', actor: 'coord-anna' } }),
    ).rejects.toMatchObject({ reason: 'CITIZEN_DATA_ALREADY_ERASED' });
    expect(readsOf(caseId)).toEqual([undefined, undefined]);
  });
});
