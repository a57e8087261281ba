import type { JWTPayload } from 'jose';
import { AuthenticationFailed } from './authentication-failed';

/**
 * The roles Samvirke knows. What each may see and do on a case is decided by the access policy;
 * authentication only establishes who is asking and under which roles.
 * - coordinator: SSP+ coordinator, owns cases and brings agencies in.
 * - liaison: an agency's liaison officer or caseworker.
 * - auditor: reads everything, writes nothing (enforced centrally by the guard).
 * - reference-admin: maintains reference data (agencies, programmes, districts).
 * - effects-admin: records the effect data that no case event carries (VINK staff units' knowledge
 *   assessments) and adds and changes effect measure definitions (versioned); sees no case.
 * - programme-manager: the City's programme managers; read the effect reports (statistics, small cells
 *   suppressed) and nothing else; sees no case.
 */
export const ROLES = ['coordinator', 'liaison', 'auditor', 'reference-admin', 'effects-admin', 'programme-manager'] as const;
export type Role = (typeof ROLES)[number];

export interface AuthenticatedUser {
  userId: string;
  /** Agency code as issued by the identity provider; reference data says what it means. */
  agency: string;
  /** Never empty: a token without a known role is rejected. */
  roles: Role[];
  displayName?: string;
  /** Sealed identities this user is named on (the `named_access` claim). */
  namedAccess?: string[];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Identifiers from the token end up in logs and event metadata: keep them short and printable. */
const IDENTIFIER = /^[\p{L}\p{N}._@:\-|/+]{1,128}$/u;

function identifier(value: unknown): string | undefined {
  return typeof value === 'string' && IDENTIFIER.test(value) ? value : undefined;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function keycloakRealmRoles(payload: JWTPayload): string[] {
  const realmAccess = payload['realm_access'];
  if (typeof realmAccess !== 'object' || realmAccess === null) return [];
  return stringArray((realmAccess as Record<string, unknown>)['roles']);
}

/**
 * Maps verified token claims to the user Samvirke works with. Roles come from `roles` or, for
 * Keycloak, `realm_access.roles`; unknown roles are dropped rather than rejected, because identity
 * providers add their own (`offline_access`, `uma_authorization`). A token must still name a
 * subject, an agency and at least one known role: without them no policy decision is possible.
 */
export function userFromClaims(payload: JWTPayload): AuthenticatedUser {
  const userId = identifier(payload.sub);
  if (!userId) throw new AuthenticationFailed('NO_SUBJECT');
  const agency = identifier(payload['agency']);
  if (!agency) throw new AuthenticationFailed('NO_AGENCY');
  const roles = ROLES.filter((role) => [...stringArray(payload['roles']), ...keycloakRealmRoles(payload)].includes(role));
  if (roles.length === 0) throw new AuthenticationFailed('NO_KNOWN_ROLE');

  const user: AuthenticatedUser = { userId, agency, roles };
  const name = payload['name'];
  if (typeof name === 'string' && name.trim() !== '') user.displayName = name.trim().slice(0, 200);
  if (payload['named_access'] !== undefined) {
    user.namedAccess = stringArray(payload['named_access']).filter((entry) => identifier(entry) !== undefined);
  }
  return user;
}

/** Auditors read everything and write nothing; a second role (say, coordinator) lifts that. */
export function isReadOnlyUser(user: AuthenticatedUser): boolean {
  return user.roles.every((role) => role === 'auditor');
}
