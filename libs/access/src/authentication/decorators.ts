import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedUser, Role } from './claims';

import { PUBLIC_ROUTE as IS_PUBLIC } from '@samvirke/platform/nest/tokens';

export { IS_PUBLIC };
export const REQUIRED_ROLES = 'samvirke:access:roles';

/** Opens a route to unauthenticated callers. Only health checks should need it. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The route (or every route of the controller) needs at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const OPEN_TO_READ_ONLY = 'samvirke:access:open-to-read-only';

/**
 * A write that read-only users (auditors) may make too: only an access act that changes no case,
 * such as the break-glass opening of a sealed identity, which is itself an audited read.
 */
export const OpenToReadOnlyUsers = () => SetMetadata(OPEN_TO_READ_ONLY, true);

export interface RequestWithUser {
  user?: AuthenticatedUser;
}

/**
 * The authenticated caller. Using it on a @Public() route is a programming error, so it fails
 * loudly (500) instead of handing a handler `undefined` where it expects a user.
 */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) throw new Error('@CurrentUser() used on a route without an authenticated user (is it @Public()?)');
  return user;
});
