import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AuthConfig } from './auth-config';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

/**
 * Authentication for the whole app: importing `AccessModule.register(config)` makes every route
 * need a valid bearer token (see AuthGuard). The verifier is built once, so its key set and the
 * remote JWKS cache live as long as the app.
 */
@Global()
@Module({})
export class AccessModule {
  static register(config: AuthConfig): DynamicModule {
    return {
      module: AccessModule,
      providers: [
        { provide: AUTH_CONFIG, useValue: config },
        { provide: TokenVerifier, useFactory: () => TokenVerifier.fromConfig(config) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AUTH_CONFIG, TokenVerifier],
    };
  }
}
