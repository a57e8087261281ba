import { randomInt, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { verifyStream } from '@samvirke/audit/tamper-evidence/hash-chain-verification';
import { startTestApp, type TestApp } from '../support/test-app';
import { testCitizen, type TestCitizen } from '../support/citizens';
import { testDatabaseUrl } from '../support/test-database';
import { dumpAllRows, dumpViaBackup } from '../support/sql-dump';
import type { TestUser } from '../support/tokens';
import { referCitizen } from '../support/referrals';

/**
 * Issue 6's acceptance over real HTTP: after a citizen is erased, every stored row of the database and
 * the application's logs hold none of their name, CPR number (either form), address or summaries;
 * the case stream still verifies; the history shows "erased on DATE"; another citizen is untouched.
 * Plus the rules' refusals (422), who may erase (403), and the citizen's copy.
 */
const coordinator: TestUser = { userId: 'coord-privacy', agency: 'BIF', roles: ['coordinator'] };
const police: TestUser = { userId: 'police-privacy', agency: 'KBH-POLITI', roles: ['liaison'] };
const auditor: TestUser = { userId: 'auditor-privacy', agency: 'OKF', roles: ['auditor'] };

interface WrittenCase {
  caseId: string;
  citizen: TestCitizen;
  address: string;
  summaries: string[];
}

describe('privacy: erasure, legal holds and the citizen copy over HTTP', () => {
  let api: TestApp;
  let pool: Pool;

  beforeAll(async () => {
    api = await startTestApp({ captureLogs: true });
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
    // The database is dropped with FORCE at the end; a terminated idle connection must not fail the run.
    pool.on('error', () => undefined);
  });
  afterAll(async () => {
    await pool?.end();
    await api?.close();
  });

  async function ok(method: string, path: string, user: TestUser, body?: unknown, headers?: Record<string, string>) {
    const response = await api.request(method, path, { user, body, headers });
    if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  }

  /** A case with the citizen's name, CPR, an address and summaries from the municipality and the police. */
  async function writeCase(options: { close: boolean }): Promise<WrittenCase> {
    const citizen = testCitizen();
    const tag = randomInt(100000, 999999);
    const address = `Zqvej ${tag}, 2200 København N`;
    const summaries = [`Henvist; bor på ${address}`, `Kommunal opfølgning Qx${tag}`, `Politiets bekymring Px${tag}`];
    const { caseId } = await referCitizen(api.request, coordinator, {
      cpr: citizen.cpr,
      name: citizen.name,
      birthDate: citizen.birthDate,
      districtCode: 'NORREBRO-1',
      reason: summaries[0],
    });
    await ok('POST', `/cases/${caseId}/agencies/KBH-POLITI`, coordinator, {});
    await ok('POST', `/cases/${caseId}/entries`, coordinator, {
      entryId: randomUUID(),
      sharedWith: ['KBH-POLITI'],
      legalBasis: 'RPL115-1-1',
      purpose: 'crime-prevention',
      sensitivity: 'normal',
      summary: summaries[1],
    });
    await ok('POST', `/cases/${caseId}/entries`, police, {
      entryId: randomUUID(),
      sharedWith: ['BIF'],
      legalBasis: 'RPL115-1-1',
      purpose: 'crime-prevention',
      sensitivity: 'normal',
      summary: summaries[2],
    });
    if (options.close) await ok('POST', `/cases/${caseId}/close`, coordinator, { reason: 'goals-achieved' });
    return { caseId, citizen, address, summaries };
  }

  /** Every form the citizen's personal data could take in clear text. */
  function clearForms(written: WrittenCase): string[] {
    const digits = written.citizen.cpr.replace('-', '');
    return [written.citizen.name, written.citizen.cpr, digits, written.address, ...written.summaries];
  }

  it('erases citizen A: the dump and the logs hold none of their data, the stream verifies, B is untouched', async () => {
    const a = await writeCase({ close: true });
    const b = await writeCase({ close: true });
    // Read A's copy before the erasure: it shows the data (so the greps below can fail).
    const before = await ok('GET', `/cases/${a.caseId}/citizen-copy`, auditor);
    expect(before.body.citizen.name).toEqual({ status: 'available', value: a.citizen.name });

    const key = `erase-${randomUUID()}`;
    const erased = await ok('POST', `/cases/${a.caseId}/erasure`, coordinator, { scope: 'citizen', reason: 'erasure-request' }, { 'Idempotency-Key': key });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ caseId: a.caseId, scope: 'citizen', replayed: false, keysDestroyed: 2 });
    const again = await ok('POST', `/cases/${a.caseId}/erasure`, coordinator, { scope: 'citizen', reason: 'erasure-request' }, { 'Idempotency-Key': key });
    expect(again.body).toMatchObject({ replayed: true, keysDestroyed: 0 });

    const events = await api.store.readStream(`case-${a.caseId}`);
    expect(events.at(-1)).toMatchObject({
      type: 'CitizenDataErased',
      data: { scope: 'citizen', reason: 'erasure-request', by: coordinator.userId },
      metadata: { actor: coordinator.userId, agency: 'BIF' },
    });

    const dump = await dumpAllRows(testDatabaseUrl());
    expect(dump).toContain(a.caseId); // the dump is the real database, with A's case in it
    const logs = api.logs.join('\n');
    for (const text of clearForms(a)) {
      expect({ where: 'database', text, found: dump.includes(text) }).toEqual({ where: 'database', text, found: false });
      expect({ where: 'logs', text, found: logs.includes(text) }).toEqual({ where: 'logs', text, found: false });
    }
    // The same in what `npm run cli -- backup` writes, the copy of the database that leaves the machine.
    const backup = await dumpViaBackup(testDatabaseUrl());
    expect(backup).toContain(a.caseId);
    for (const text of clearForms(a)) expect({ where: 'backup', text, found: backup.includes(text) }).toEqual({ where: 'backup', text, found: false });

    expect(await verifyStream(pool, `case-${a.caseId}`)).toMatchObject({ ok: true, eventsChecked: events.length });

    const afterCopy = await ok('GET', `/cases/${a.caseId}/citizen-copy`, auditor);
    const erasedNote = { status: 'erased', note: `erased on ${api.clock.now().toISOString().slice(0, 10)}` };
    expect(afterCopy.body.citizen).toMatchObject({ name: erasedNote, cpr: erasedNote });
    expect(afterCopy.body.case.erasures).toEqual([expect.objectContaining({ scope: 'citizen', reason: 'erasure-request' })]);
    const shared = afterCopy.body.events.filter((e: { type: string }) => e.type === 'InformationShared');
    expect(shared.map((e: { agency: string; data: { summary: unknown } }) => [e.agency, e.data.summary])).toEqual([
      ['BIF', erasedNote],
      ['KBH-POLITI', expect.objectContaining({ status: 'withheld' })],
    ]);

    const other = await ok('GET', `/cases/${b.caseId}/citizen-copy`, auditor);
    expect(other.body.citizen).toMatchObject({
      name: { status: 'available', value: b.citizen.name },
      cpr: { status: 'available', value: b.citizen.cpr.replace('-', '') },
    });
    expect(other.body.events.find((e: { type: string }) => e.type === 'CaseOpened').data.reason).toEqual({ status: 'available', value: b.summaries[0] });
    // Longer than the default: the backup is a CLI run of its own.
  }, 180_000);

  it('refuses to erase an open case (422 CASE_NOT_CLOSED) and a held one (422 LEGAL_HOLD_ACTIVE) until the hold is lifted', async () => {
    const open = await writeCase({ close: false });
    const refused = await api.request('POST', `/cases/${open.caseId}/erasure`, { user: coordinator, body: { scope: 'citizen', reason: 'erasure-request' } });
    expect(refused.status).toBe(422);
    expect(refused.body.reason).toBe('CASE_NOT_CLOSED');

    const held = await writeCase({ close: true });
    const holdId = randomUUID();
    const placed = await ok('POST', `/cases/${held.caseId}/legal-holds`, coordinator, { holdId, reason: 'Verserende straffesag' });
    expect(placed.status).toBe(201);
    const blocked = await api.request('POST', `/cases/${held.caseId}/erasure`, { user: coordinator, body: { scope: 'citizen', reason: 'erasure-request' } });
    expect(blocked.status).toBe(422);
    expect(blocked.body.reason).toBe('LEGAL_HOLD_ACTIVE');

    // Placing a hold is the coordinator's (a liaison on the case is refused); so is lifting it, or the
    // placing agency's own users: the police, on the case, may not lift the municipality's hold.
    expect((await api.request('POST', `/cases/${held.caseId}/legal-holds`, { user: police, body: { holdId: randomUUID(), reason: 'x' } })).status).toBe(403);
    expect((await api.request('POST', `/cases/${held.caseId}/legal-holds/${holdId}/lift`, { user: police })).status).toBe(403);
    await ok('POST', `/cases/${held.caseId}/legal-holds/${holdId}/lift`, coordinator);
    await ok('POST', `/cases/${held.caseId}/erasure`, coordinator, { scope: 'citizen', reason: 'erasure-request' });
  });

  it('lets only a municipal coordinator erase the citizen, an agency its own scope, and auditors nothing', async () => {
    const written = await writeCase({ close: true });
    const erase = (user: TestUser, scope: string) =>
      api.request('POST', `/cases/${written.caseId}/erasure`, { user, body: { scope, reason: 'erasure-request' } });
    expect((await erase(police, 'citizen')).status).toBe(403);
    expect((await erase(police, 'BIF')).status).toBe(403);
    expect((await erase(auditor, 'citizen')).status).toBe(403);
    expect((await api.request('POST', `/cases/${written.caseId}/legal-holds`, { user: auditor, body: { holdId: randomUUID(), reason: 'x' } })).status).toBe(
      403,
    );

    const own = await ok('POST', `/cases/${written.caseId}/erasure`, police, { scope: 'KBH-POLITI', reason: 'retention-expired' });
    expect(own.body).toMatchObject({ scope: 'KBH-POLITI', keysDestroyed: 1 });
    const copy = await ok('GET', `/cases/${written.caseId}/citizen-copy`, auditor);
    expect(copy.body.citizen.name).toEqual({ status: 'available', value: written.citizen.name });
  });

  it('serves the citizen copy as a printable, escaped HTML page and refuses unknown formats and cases', async () => {
    const written = await writeCase({ close: false });
    const page = await api.request('GET', `/cases/${written.caseId}/citizen-copy?format=html`, { user: auditor });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.body).toContain(written.citizen.name);
    expect(page.body).toContain('Zqvej');
    expect(page.body).not.toMatch(/<script/i);
    expect((await api.request('GET', `/cases/${written.caseId}/citizen-copy?format=docx`, { user: auditor })).status).toBe(400);
    expect((await api.request('GET', `/cases/${randomUUID()}/citizen-copy`, { user: auditor })).status).toBe(404);
    // A police liaison is no coordinator or auditor.
    expect((await api.request('GET', `/cases/${written.caseId}/citizen-copy`, { user: police })).status).toBe(403);
  });

  it('marks the citizen copy as an export in the access log, when the read audit is part of the app', async () => {
    const written = await writeCase({ close: false });
    await ok('GET', `/cases/${written.caseId}/citizen-copy`, auditor, undefined, { 'X-Purpose': 'citizen-access-request' });
    const { rows } = await pool.query<{ present: boolean }>(`SELECT to_regclass('audit_log') IS NOT NULL AS present`);
    expect(rows[0].present).toBe(true);
    const logged = await pool.query<{ action: string; purpose: string }>(
      `SELECT action, purpose FROM audit_log WHERE case_id = $1 AND route = '/cases/:caseId/citizen-copy'`,
      [written.caseId],
    );
    expect(logged.rows).toEqual([{ action: 'export', purpose: 'citizen-access-request' }]);
  });
});
