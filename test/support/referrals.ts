import { SecretBytes } from '@samvirke/privacy';
import { cprHash } from '@samvirke/case/cpr';
import { caseIdForCitizen } from '@samvirke/case/application/case-identity';
import type { TestCitizen } from './citizens';
import { testCprHmacSecretHex } from './test-privacy';
import type { TestUser } from './tokens';

/**
 * A referral (POST /cases) answers 202 `{ received: true }` and never names the case, so tests find
 * it as the system does: the case id is derived from the keyed hash of the CPR number, and every
 * app and API child of a test run uses the run's CPR HMAC secret (TEST_CPR_HMAC_SECRET).
 */
export function caseIdOfCitizen(cpr: string): string {
  return caseIdForCitizen(cprHash(new SecretBytes(Buffer.from(testCprHmacSecretHex(), 'hex')), cpr));
}

/** What a referral body needs; districtCode and reason have defaults. */
export function referralOf(citizen: TestCitizen, overrides: { districtCode?: string; reason?: string; referrerEntryPoint?: unknown } = {}) {
  return { cpr: citizen.cpr, name: citizen.name, birthDate: citizen.birthDate, districtCode: overrides.districtCode ?? 'NORREBRO-1', reason: overrides.reason ?? 'Henvist', ...(overrides.referrerEntryPoint ? { referrerEntryPoint: overrides.referrerEntryPoint } : {}) };
}

type Requester = (method: string, path: string, options: { user?: TestUser; body?: unknown; headers?: Record<string, string> }) => Promise<{ status: number; body: unknown }>;

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
): Promise<{ caseId: string; position?: string }> {
  const answer = await request('POST', '/cases', { user, body });
  if (answer.status !== 202 || JSON.stringify(answer.body) !== '{"received":true}') {
    throw new Error(`referral answered ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  const caseId = caseIdOfCitizen(String(body.cpr));
  if (!takeOver) return { caseId };
  const { coordinator } = takeOver;
  const assigned = await request('POST', `/cases/${caseId}/coordinator`, { user: coordinator, body: { coordinatorId: coordinator.userId, agency: coordinator.agency } });
  if (assigned.status !== 201) throw new Error(`taking the case over answered ${assigned.status} ${JSON.stringify(assigned.body)}`);
  return { caseId, position: (assigned.body as { position: string }).position };
}
