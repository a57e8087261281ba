import { AuthenticationFailed, type AuthenticationFailureReason } from './authentication-failed';
import { isReadOnlyUser, userFromClaims } from './claims';

function rejection(payload: Record<string, unknown>): AuthenticationFailureReason | undefined {
  try {
    userFromClaims(payload);
    return undefined;
  } catch (error) {
    if (error instanceof AuthenticationFailed) return error.reason;
    throw error;
  }
}

describe('userFromClaims', () => {
  it('maps sub, agency and roles to a user', () => {
    expect(userFromClaims({ sub: 'u-1', agency: 'BIF', roles: ['coordinator'] })).toEqual({ userId: 'u-1', agency: 'BIF', roles: ['coordinator'] });
  });

  it('reads Keycloak realm roles and merges them with the roles claim', () => {
    const user = userFromClaims({ sub: 'u-2', agency: 'SOF', roles: ['liaison'], realm_access: { roles: ['auditor', 'offline_access'] } });
    expect(user.roles).toEqual(['liaison', 'auditor']);
  });

  it('drops roles it does not know', () => {
    expect(userFromClaims({ sub: 'u-3', agency: 'BUF', roles: ['admin', 'liaison', 'uma_authorization'] }).roles).toEqual(['liaison']);
  });

  it('lists each role once', () => {
    expect(userFromClaims({ sub: 'u-4', agency: 'BUF', roles: ['auditor'], realm_access: { roles: ['auditor'] } }).roles).toEqual(['auditor']);
  });

  it('matches roles exactly, not by case or prefix', () => {
    expect(rejection({ sub: 'u-5', agency: 'BIF', roles: ['Coordinator', 'coordinator-x'] })).toBe('NO_KNOWN_ROLE');
  });

  it('rejects a token without a known role', () => {
    expect(rejection({ sub: 'u-6', agency: 'BIF', roles: ['admin'] })).toBe('NO_KNOWN_ROLE');
    expect(rejection({ sub: 'u-6', agency: 'BIF' })).toBe('NO_KNOWN_ROLE');
    expect(rejection({ sub: 'u-6', agency: 'BIF', roles: 'coordinator' })).toBe('NO_KNOWN_ROLE');
    expect(rejection({ sub: 'u-6', agency: 'BIF', realm_access: 'coordinator' })).toBe('NO_KNOWN_ROLE');
  });

  it('rejects a token without an agency', () => {
    expect(rejection({ sub: 'u-7', roles: ['coordinator'] })).toBe('NO_AGENCY');
    expect(rejection({ sub: 'u-7', agency: '', roles: ['coordinator'] })).toBe('NO_AGENCY');
    expect(rejection({ sub: 'u-7', agency: ['BIF'], roles: ['coordinator'] })).toBe('NO_AGENCY');
  });

  it('rejects identifiers that could not be logged safely', () => {
    expect(rejection({ sub: 'u-8', agency: 'BIF\nSOF', roles: ['coordinator'] })).toBe('NO_AGENCY');
    expect(rejection({ sub: 'x'.repeat(129), agency: 'BIF', roles: ['coordinator'] })).toBe('NO_SUBJECT');
  });

  it('rejects a token without a subject', () => {
    expect(rejection({ agency: 'BIF', roles: ['coordinator'] })).toBe('NO_SUBJECT');
  });

  it('takes the display name from the name claim and named access from named_access', () => {
    const user = userFromClaims({ sub: 'u-9', agency: 'BIF', roles: ['liaison'], name: ' Ida Holm ', named_access: ['seal-1', 42, 'seal-2'] });
    expect(user.displayName).toBe('Ida Holm');
    expect(user.namedAccess).toEqual(['seal-1', 'seal-2']);
  });

  it('never reports which claim value it rejected in the message', () => {
    try {
      userFromClaims({ sub: 'u-10', agency: 'SECRET-AGENCY', roles: ['nobody'] });
      throw new Error('expected a rejection');
    } catch (error) {
      expect((error as Error).message).toBe('a valid bearer token is required');
    }
  });
});

describe('isReadOnlyUser', () => {
  it('is true for a user whose only role is auditor', () => {
    expect(isReadOnlyUser({ userId: 'a', agency: 'OKF', roles: ['auditor'] })).toBe(true);
  });
  it('is false once the user holds any other role', () => {
    expect(isReadOnlyUser({ userId: 'a', agency: 'OKF', roles: ['auditor', 'coordinator'] })).toBe(false);
    expect(isReadOnlyUser({ userId: 'a', agency: 'OKF', roles: ['reference-admin'] })).toBe(false);
  });
});
