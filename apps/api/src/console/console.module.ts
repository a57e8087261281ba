import { Global, Module } from '@nestjs/common';
import { SESSION_AUTHENTICATOR } from '@samvirke/access';
import { ConsoleSessions } from './console-sessions';

/**
 * The console's sessions as the API's authentication sees them: the guard asks SESSION_AUTHENTICATOR
 * for a request without an Authorization header. The routes (sign-in, the web app, the development
 * identity provider) are Fastify routes in encapsulated plugins registered by mountConsole (see
 * console-routes.ts), outside Nest's router.
 */
@Global()
@Module({
  providers: [ConsoleSessions, { provide: SESSION_AUTHENTICATOR, useExisting: ConsoleSessions }],
  exports: [ConsoleSessions, SESSION_AUTHENTICATOR],
})
export class ConsoleModule {}
