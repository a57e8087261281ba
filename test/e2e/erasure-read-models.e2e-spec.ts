import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { startTestApp, type TestApp } from '../support/test-app';
import { testCitizen, type TestCitizen } from '../support/citizens';
import { testDatabaseUrl } from '../support/test-database';
import type { TestUser } from '../support/tokens';
import { referCitizen } from '../support/referrals';
import { copenhagenDate } from '@samvirke/case';

/**
 * Issue 6 on the read side, over real HTTP: once a citizen is erased, the case summary holds no
 * name, birth date or district, neither in the answer of GET /cases/:caseId nor in the table behind
 * it, and the timeline's road-map facts hold no birth date. The lists keep working around the
 * erased row: a district filter does not match it, "eligible only" and the SSP+ register leave it
 * out, and a plain list shows it with nulls. Lists are narrowed to this file's own coordinator,
 * because other test files write cases into the same database at the same time.
 */
describe('read models after a citizen erasure', () => {
  let api: TestApp;
  let pool: Pool;
  const coordinatorId = `coord-erasure-${randomUUID()}`;
  const coordinator: TestUser = { userId: coordinatorId, agency: 'BIF', roles: ['coordinator'] };
  const outsider: TestUser = { userId: `kff-${randomUUID()}`, agency: 'KFF', roles: ['liaison'] };
  const DISTRICT = 'AMAGER-OST-1';
  const today = () => copenhagenDate(new Date());

  let erased: { caseId: string; citizen: TestCitizen };
  let kept: { caseId: string; citizen: TestCitizen };
  let closedAt: string;
  let erasedAt: string;

  async function ok(method: string, path: string, user: TestUser, body?: unknown) {
    const response = await api.request(method, path, { user, body });
    if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  }

  /** An SSP+ case (level 3, born 2004) coordinated by this file's coordinator. */
  async function openCase(): Promise<{ caseId: string; citizen: TestCitizen; position: string }> {
    const citizen = testCitizen(2004);
    const { caseId } = await referCitizen(api.request, coordinator, {
      cpr: citizen.cpr,
      name: citizen.name,
      birthDate: citizen.birthDate,
      districtCode: DISTRICT,
      reason: 'Henvist af jobcentret',
    });
    await ok('POST', `/cases/${caseId}/coordinator`, coordinator, { coordinatorId, agency: 'BIF' });
    const assessed = await ok('POST', `/cases/${caseId}/assessments`, coordinator, { level: 3, rationale: 'Gentagen kriminalitet', assessedOn: today() });
    return { caseId, citizen, position: assessed.body.position as string };
  }

  const read = (path: string, position: string, user: TestUser = coordinator) =>
    api.request('GET', `${path}${path.includes('?') ? '&' : '?'}consistentWith=${position}`, { user });
  const caseIds = (body: { items: Array<{ caseId: string }> }) => body.items.map((item) => item.caseId).sort();
  const summaryRow = async (caseId: string) =>
    (
      await pool.query(`SELECT sealed_name, birth_date::text AS birth_date, district_code, erased_at FROM read_models.case_summary WHERE case_id = $1`, [
        caseId,
      ])
    ).rows[0];
  /** Reads the timeline over HTTP first: its consistentWith waits for the timeline projection, which GET /cases does not. */
  const timelineBirthDate = async (caseId: string, position: string) => {
    expect((await read(`/cases/${caseId}/timeline`, position)).status).toBe(200);
    return (await pool.query(`SELECT road_map_facts->'birthDate' AS birth_date FROM read_models.timeline_case WHERE case_id = $1`, [caseId])).rows[0]
      ?.birth_date;
  };

  beforeAll(async () => {
    api = await startTestApp();
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
    // The database is dropped with FORCE at the end; a terminated idle connection must not fail the run.
    pool.on('error', () => undefined);
    kept = await openCase();
    erased = await openCase();
    const closed = await ok('POST', `/cases/${erased.caseId}/close`, coordinator, { reason: 'goals-achieved' });
    closedAt = closed.body.position as string;
  });
  afterAll(async () => {
    await pool?.end();
    await api?.close();
  });

  it('shows the closed case with its identity before the erasure (so the checks below can fail)', async () => {
    const before = await read(`/cases/${erased.caseId}`, closedAt);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      status: 'closed',
      name: { value: erased.citizen.name },
      birthDate: erased.citizen.birthDate,
      districtCode: DISTRICT,
      citizen: null,
      sspPlus: { eligible: true, reasons: [] },
    });
    expect(await summaryRow(erased.caseId)).toMatchObject({ birth_date: erased.citizen.birthDate, district_code: DISTRICT, erased_at: null });
    expect(await timelineBirthDate(erased.caseId, closedAt)).toBe(erased.citizen.birthDate);
  });

  describe('after POST /cases/:caseId/erasure', () => {
    let position: string;

    beforeAll(async () => {
      const erasure = await ok('POST', `/cases/${erased.caseId}/erasure`, coordinator, { scope: 'citizen', reason: 'erasure-request' });
      expect(erasure.body).toMatchObject({ caseId: erased.caseId, scope: 'citizen', replayed: false });
      position = erasure.body.position as string;
      erasedAt = erasure.body.erasedAt as string;
    });

    it('GET /cases/:caseId shows the case with "erased on", and no name, birth date or district', async () => {
      const after = await read(`/cases/${erased.caseId}`, position);
      expect(after.status).toBe(200);
      expect(after.body).toMatchObject({
        caseId: erased.caseId,
        status: 'closed',
        name: { erasedAt },
        birthDate: null,
        districtCode: null,
        citizen: { erasedAt },
        sspLevel: { level: 3 },
        sspPlus: { eligible: false, age: null, reasons: ['CITIZEN_DATA_ERASED'] },
        coordinator: { userId: coordinatorId },
      });
      const text = JSON.stringify(after.body);
      for (const personal of [erased.citizen.name, erased.citizen.birthDate, DISTRICT])
        expect({ personal, found: text.includes(personal) }).toEqual({ personal, found: false });
    });

    it('keeps no birth date, district or name ciphertext in read_models.case_summary, nor a birth date in the timeline', async () => {
      const row = await summaryRow(erased.caseId);
      expect(row).toEqual({ sealed_name: null, birth_date: null, district_code: null, erased_at: new Date(erasedAt) });
      expect(await timelineBirthDate(erased.caseId, position)).toBeNull();
      // The other citizen keeps theirs.
      expect(await summaryRow(kept.caseId)).toMatchObject({ birth_date: kept.citizen.birthDate, district_code: DISTRICT, erased_at: null });
    });

    it('lists the erased case without error, and no district filter, "eligible only" or SSP+ register matches it', async () => {
      const all = await read(`/cases?coordinator=${coordinatorId}`, position);
      expect(all.status).toBe(200);
      expect(caseIds(all.body)).toEqual([erased.caseId, kept.caseId].sort());
      expect(all.body.items.find((item: { caseId: string }) => item.caseId === erased.caseId)).toMatchObject({
        birthDate: null,
        districtCode: null,
        name: { erasedAt },
      });

      const inDistrict = await read(`/cases?coordinator=${coordinatorId}&district=${DISTRICT}`, position);
      expect(inDistrict.body).toMatchObject({ items: [{ caseId: kept.caseId }], page: { total: 1 } });
      const eligible = await read(`/cases?coordinator=${coordinatorId}&eligibleOnly=true`, position);
      expect(eligible.body).toMatchObject({ items: [{ caseId: kept.caseId }], page: { total: 1 } });
      const closedOnes = await read(`/cases?coordinator=${coordinatorId}&status=closed&level=3`, position);
      expect(closedOnes.body).toMatchObject({ items: [{ caseId: erased.caseId }], page: { total: 1 } });

      const register = await read(`/ssp-register?coordinator=${coordinatorId}`, position);
      expect(register.status).toBe(200);
      expect(register.body).toMatchObject({ items: [{ caseId: kept.caseId, birthDate: kept.citizen.birthDate }], page: { total: 1 } });
    });

    it('still answers 404 to a user from an agency not on the case', async () => {
      expect((await read(`/cases/${erased.caseId}`, position, outsider)).status).toBe(404);
      expect((await read(`/cases?coordinator=${coordinatorId}`, position, outsider)).body.page.total).toBe(0);
    });
  });
});
