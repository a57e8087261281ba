/**
 * Why a request could not be authenticated. The reason is for our logs and tests only: every
 * reason produces the same 401 response, so a caller cannot probe which check failed (a wrong
 * audience and an unknown key look the same from outside).
 */
export type AuthenticationFailureReason =
  | 'MISSING_TOKEN'
  | 'MALFORMED_TOKEN'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'WRONG_ISSUER'
  | 'WRONG_AUDIENCE'
  | 'INVALID_CLAIMS'
  | 'ALGORITHM_NOT_ALLOWED'
  | 'UNKNOWN_KEY'
  | 'BAD_SIGNATURE'
  | 'KEYS_UNAVAILABLE'
  | 'NO_SUBJECT'
  | 'NO_AGENCY'
  | 'NO_KNOWN_ROLE';

/** The message never echoes token content: tokens carry names and agencies. */
export class AuthenticationFailed extends Error {
  constructor(readonly reason: AuthenticationFailureReason) {
    super('a valid bearer token is required');
    this.name = 'AuthenticationFailed';
  }
}
