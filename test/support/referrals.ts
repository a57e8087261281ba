import { SecretBytes } from '@samvirke/privacy';
import { cprHash } from '@samvirke/case/cpr';
import { Client } from 'pg';
import { testDatabaseUrl } from './test-database';
import type { TestCitizen } from './citizens';
import { testCprHmacSecretHex } from './test-privacy';
import type { TestUser } from './tokens';

/** The keyed CPR hash as every app and API child of a test run computes it (TEST_CPR_HMAC_SECRET). */
export function testCprHash(cpr: string): string {
  return cprHash(new SecretBytes(Buffer.from(testCprHmacSecretHex(), 'hex')), cpr);
}

/**
 * A referral (POST /cases) answers 202 `{ received: true }` and never names the case, so tests find
 * it as the system does: through the CPR lookup (table citizen_case_lookup, keyed CPR hash -> the
 * citizen's current random case id) of the database the app writes to (the run's, unless the test
 * gave its app a database of its own). Fails when the CPR leads to no case.
 */
export async function caseIdOfCitizen(cpr: string, databaseUrl: string = testDatabaseUrl()): Promise<string> {
  const found = await findCaseIdOfCitizen(cpr, databaseUrl);
  if (!found) throw new Error('the CPR leads to no case (citizen_case_lookup has no row for it)');
  return found;
}

/** The citizen's current case id, or undefined when the CPR leads nowhere (never referred, or erased). */
export async function findCaseIdOfCitizen(cpr: string, databaseUrl: string = testDatabaseUrl()): Promise<string | undefined> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ case_id: string }>('SELECT case_id FROM citizen_case_lookup WHERE cpr_hash = $1', [testCprHash(cpr)]);
    return rows[0]?.case_id;
  } finally {
    await client.end();
  }
}

/** What a referral body needs; districtCode and reason have defaults. */
export function referralOf(citizen: TestCitizen, overrides: { districtCode?: string; reason?: string; referrerEntryPoint?: unknown } = {}) {
  return {
    cpr: citizen.cpr,
    name: citizen.name,
    birthDate: citizen.birthDate,
    districtCode: overrides.districtCode ?? 'NORREBRO-1',
    reason: overrides.reason ?? 'Henvist',
    ...(overrides.referrerEntryPoint ? { referrerEntryPoint: overrides.referrerEntryPoint } : {}),
  };
}

type Requester = (
  method: string,
  path: string,
  options: { user?: TestUser; body?: unknown; headers?: Record<string, string> },
) => Promise<{ status: number; body: unknown }>;

/**
 * Refers `citizen` as `user` and returns the case id; fails unless the answer is 202 `{ received: true }`.
 * With `takeOver`, the coordinator named there assigns themselves (the intake take-over: the referrer
 * joins then) and the write's position comes back for `consistentWith`.
 */
export async function referCitizen(
  request: Requester,
  user: TestUser,
  body: Record<string, unknown>,
  takeOver?: { coordinator: TestUser & { userId: string } },
  /** The database the app writes to, when the test gave it one of its own. */
  databaseUrl?: string,
): Promise<{ caseId: string; position?: string }> {
  const answer = await request('POST', '/cases', { user, body });
  if (answer.status !== 202 || JSON.stringify(answer.body) !== '{"received":true}') {
    throw new Error(`referral answered ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  const caseId = await caseIdOfCitizen(String(body.cpr), databaseUrl);
  if (!takeOver) return { caseId };
  const { coordinator } = takeOver;
  const assigned = await request('POST', `/cases/${caseId}/coordinator`, {
    user: coordinator,
    body: { coordinatorId: coordinator.userId, agency: coordinator.agency },
  });
  if (assigned.status !== 201) throw new Error(`taking the case over answered ${assigned.status} ${JSON.stringify(assigned.body)}`);
  return { caseId, position: (assigned.body as { position: string }).position };
}
