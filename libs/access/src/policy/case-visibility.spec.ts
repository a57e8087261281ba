import { canSeeCase, caseVisibilitySql } from './case-visibility';
import type { AuthenticatedUser } from '../authentication/claims';

const user = (agency: string, roles: AuthenticatedUser['roles'], userId = `${agency}-${roles.join('+')}`) =>
  ({ userId, agency, roles, namedAccess: [] }) as unknown as AuthenticatedUser;

describe('case visibility: the referral intake', () => {
  const inQueue = { agencies: ['BIF', 'SOF'], coordinatorId: null };
  const coordinated = { agencies: ['BIF', 'SOF'], coordinatorId: 'someone' };

  it("the intake agency's liaisons do not see a case waiting in the intake queue, and see it once it has a coordinator", () => {
    expect(canSeeCase(user('BIF', ['liaison']), inQueue)).toBe(false);
    expect(canSeeCase(user('BIF', ['liaison']), coordinated)).toBe(true);
  });

  it("other agencies' liaisons on the case see it either way; the intake's coordinators see the queue", () => {
    expect(canSeeCase(user('SOF', ['liaison']), inQueue)).toBe(true);
    expect(canSeeCase(user('BIF', ['coordinator']), inQueue)).toBe(true);
    expect(canSeeCase(user('BIF', ['liaison', 'coordinator']), inQueue)).toBe(true);
  });

  it('says the same in SQL', () => {
    const params: unknown[] = [];
    expect(caseVisibilitySql(user('BIF', ['liaison']), { agencies: 'agencies', coordinatorId: 'coordinator_id' }, params)).toBe(
      '(($1 = ANY(agencies) AND coordinator_id IS NOT NULL))',
    );
    const other: unknown[] = [];
    expect(caseVisibilitySql(user('SOF', ['liaison']), { agencies: 'agencies', coordinatorId: 'coordinator_id' }, other)).toBe('($1 = ANY(agencies))');
  });
});
