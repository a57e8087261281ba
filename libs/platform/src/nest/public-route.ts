import { applyDecorators, SetMetadata } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { PUBLIC_ROUTE } from './tokens';

/**
 * Opens a controller to callers without a token (the auth guard reads PUBLIC_ROUTE), and says so in
 * the OpenAPI document: an empty `security` list overrides the document's bearer requirement, so
 * the Swagger page shows no lock on it. One decorator, so the rule and the document cannot disagree.
 */
export const PublicRoute = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), SetMetadata(DECORATORS.API_SECURITY, []));
