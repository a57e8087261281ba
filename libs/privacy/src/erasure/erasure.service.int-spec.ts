import { randomUUID } from 'node:crypto';
import { testPrivacyConfig } from '../../../../test/support/test-privacy';
import { Pool } from 'pg';
import { PostgresEventStore } from '@samvirke/event-store/postgres';
import { CaseRuleViolation, type InformationShared } from '@samvirke/case';
import { caseStreamId } from '@samvirke/case/application/case-identity';
import { loadReferenceData } from '@samvirke/reference-data';
import { testDatabaseUrl } from '../../../../test/support/test-database';
import type { Sealed } from '../encryption/sealed-value';
import { PersonalDataVault } from '../vault/personal-data-vault';
import { CaseGate } from '@samvirke/commands';
import { ErasureService } from './erasure.service';
import { writeSealedTestCase } from './sealed-test-case';
import { migrateDatabase } from '@samvirke/migrations';

/** The CLI's caller: an operator on the server (the write policy admits it for erasure only). */
const operator = (actor: string) => ({ kind: 'system' as const, purpose: 'operator' as const, actor });

// The run's shared test keys: other test files' apps read these cases too.
const config = testPrivacyConfig();

describe('ErasureService (PostgreSQL)', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  let vault: PersonalDataVault;
  let service: ErasureService;
  const erasedOn = new Date('2031-02-03T10:00:00.000Z');
  const clock = { now: () => erasedOn };
  const counted: string[] = [];

  beforeAll(async () => {
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
    store = new PostgresEventStore({ connectionString: testDatabaseUrl(), maxConnections: 4 });
    await migrateDatabase(testDatabaseUrl());
    vault = new PersonalDataVault(pool, config, { clock });
    service = new ErasureService(new CaseGate(store, loadReferenceData(), clock), vault, clock, { inc: ({ scope }) => counted.push(scope) });
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
  });

  const eventsOf = async (caseId: string) => store.readStream(caseStreamId(caseId));
  const sealedValues = async (caseId: string) => {
    const events = await eventsOf(caseId);
    const opened = events.find((e) => e.type === 'CaseOpened')!.data as { name: Sealed };
    const shared = events.find((e) => e.type === 'InformationShared')!.data as InformationShared['data'];
    return { name: opened.name, policeSummary: shared.summary };
  };
  const closedCase = () => writeSealedTestCase(store, vault, { openedAt: new Date('2025-01-01T09:00:00Z'), closedAt: new Date('2025-06-01T09:00:00Z') });

  it('records CitizenDataErased with who, when and why, then destroys every key of the citizen', async () => {
    const fixture = await closedCase();
    const { name, policeSummary } = await sealedValues(fixture.caseId);
    expect(await vault.open(name)).toEqual({ status: 'available', value: fixture.name });

    const outcome = await service.erase(fixture.caseId, { scope: 'citizen', reason: 'erasure-request', caller: operator('coord-anna') });

    expect(outcome).toMatchObject({ caseId: fixture.caseId, scope: 'citizen', erasedAt: erasedOn.toISOString(), keysDestroyed: 2, replayed: false });
    const last = (await eventsOf(fixture.caseId)).at(-1)!;
    expect(last.type).toBe('CitizenDataErased');
    expect(last.data).toEqual({ scope: 'citizen', reason: 'erasure-request', by: 'coord-anna', erasedAt: erasedOn.toISOString() });
    expect(last.metadata).toMatchObject({ actor: 'coord-anna' });
    // A fresh vault (another process) sees the tombstones, with the date.
    const other = new PersonalDataVault(pool, config);
    expect(await other.openMany([name, policeSummary])).toEqual([
      { status: 'erased', erasedAt: erasedOn },
      { status: 'erased', erasedAt: erasedOn },
    ]);
    expect(counted).toContain('citizen');
  });

  it('is idempotent: the same request again records nothing new and destroys nothing more', async () => {
    const fixture = await closedCase();
    const request = { scope: 'citizen', reason: 'erasure-request' as const, caller: operator('coord-anna'), idempotencyKey: `erase-${randomUUID()}` };
    await service.erase(fixture.caseId, request);
    const length = (await eventsOf(fixture.caseId)).length;

    const again = await service.erase(fixture.caseId, request);

    expect(again).toMatchObject({ replayed: true, keysDestroyed: 0, erasedAt: erasedOn.toISOString() });
    expect((await eventsOf(fixture.caseId)).length).toBe(length);
  });

  it('finishes a half-done erasure when retried with the same key after the key destruction failed', async () => {
    const fixture = await closedCase();
    const request = { scope: 'citizen', reason: 'erasure-request' as const, caller: operator('coord-anna'), idempotencyKey: `erase-${randomUUID()}` };
    const destroy = jest.spyOn(vault, 'eraseSubject').mockRejectedValueOnce(new Error('connection lost'));
    await expect(service.erase(fixture.caseId, request)).rejects.toThrow('connection lost');
    destroy.mockRestore();
    const { name } = await sealedValues(fixture.caseId);
    expect((await eventsOf(fixture.caseId)).at(-1)!.type).toBe('CitizenDataErased');
    expect((await new PersonalDataVault(pool, config).open(name)).status).toBe('available');

    const retried = await service.erase(fixture.caseId, request);

    expect(retried).toMatchObject({ replayed: true, keysDestroyed: 2 });
    expect((await new PersonalDataVault(pool, config).open(name)).status).toBe('erased');
  });

  it('still destroys the keys when a second erasure under another key is refused as already erased', async () => {
    const fixture = await closedCase();
    const destroy = jest.spyOn(vault, 'eraseSubject').mockRejectedValueOnce(new Error('connection lost'));
    await expect(service.erase(fixture.caseId, { scope: 'citizen', reason: 'other', caller: operator('a') })).rejects.toThrow('connection lost');
    destroy.mockRestore();

    await expect(service.erase(fixture.caseId, { scope: 'citizen', reason: 'other', caller: operator('b') })).rejects.toMatchObject({
      reason: 'CITIZEN_DATA_ALREADY_ERASED',
    });
    const { name } = await sealedValues(fixture.caseId);
    expect((await new PersonalDataVault(pool, config).open(name)).status).toBe('erased');
  });

  it('refuses to erase the citizen of an open case (CASE_NOT_CLOSED) and destroys nothing', async () => {
    const fixture = await writeSealedTestCase(store, vault, { openedAt: new Date('2025-01-01T09:00:00Z') });
    const before = (await eventsOf(fixture.caseId)).length;
    const error = await service.erase(fixture.caseId, { scope: 'citizen', reason: 'erasure-request', caller: operator('coord-anna') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaseRuleViolation);
    expect((error as CaseRuleViolation).reason).toBe('CASE_NOT_CLOSED');
    expect((await eventsOf(fixture.caseId)).length).toBe(before);
    const { name } = await sealedValues(fixture.caseId);
    expect((await new PersonalDataVault(pool, config).open(name)).status).toBe('available');
  });

  it('refuses any erasure while a legal hold stands (LEGAL_HOLD_ACTIVE) and destroys nothing', async () => {
    const fixture = await writeSealedTestCase(store, vault, {
      openedAt: new Date('2025-01-01T09:00:00Z'),
      closedAt: new Date('2025-06-01T09:00:00Z'),
      holdAt: new Date('2025-07-01T09:00:00Z'),
    });
    for (const scope of ['citizen', 'KBH-POLITI']) {
      await expect(service.erase(fixture.caseId, { scope, reason: 'erasure-request', caller: operator('x') })).rejects.toMatchObject({
        reason: 'LEGAL_HOLD_ACTIVE',
      });
    }
    const { name, policeSummary } = await sealedValues(fixture.caseId);
    expect((await new PersonalDataVault(pool, config).openMany([name, policeSummary])).map((o) => o.status)).toEqual(['available', 'available']);
  });

  it("erases one agency's scope: only that agency's values become erased", async () => {
    const fixture = await closedCase();
    const outcome = await service.erase(fixture.caseId, { scope: 'KBH-POLITI', reason: 'retention-expired', caller: operator('police-bo') });
    expect(outcome).toMatchObject({ scope: 'KBH-POLITI', keysDestroyed: 1 });
    const { name, policeSummary } = await sealedValues(fixture.caseId);
    expect(await new PersonalDataVault(pool, config).openMany([name, policeSummary])).toEqual([
      { status: 'available', value: fixture.name },
      { status: 'erased', erasedAt: erasedOn },
    ]);
  });
});
