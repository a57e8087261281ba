import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService, registerAs } from '@nestjs/config';
import { APP_CONFIG } from '../nest/tokens';
import { loadConfig, type AppConfig, type LoadConfigOptions } from './app-config';

/** `configService.get<AppConfig>('app')`: the validated settings. */
export const APP_CONFIG_NAMESPACE = 'app';

export interface AppConfigModuleOptions extends LoadConfigOptions {
  /**
   * Settings already validated by loadConfig. The API passes these: main.ts must validate before
   * Nest starts, since it opens (or starts) the database before the app module is built, and the
   * e2e tests build their settings from an environment of their own.
   */
  config?: AppConfig;
  /** Without `config`: the environment to validate (default: process.env through @nestjs/config). */
  env?: Record<string, string | undefined>;
}

/**
 * @nestjs/config's ConfigModule, global, holding the settings as the schema validated them: injected
 * as `ConfigService.get('app')` or `@Inject(APP_CONFIG)`. Without a `config`, the schema runs as
 * ConfigModule's `validate` hook, so a bad setting stops the module from being built. No `.env` file
 * is read: settings come from the environment only (the README's table).
 */
@Module({})
export class AppConfigModule {
  static async forRoot(options: AppConfigModuleOptions = {}): Promise<DynamicModule> {
    let validated = options.config;
    const configModule = await ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      cache: true,
      validate: (env) => {
        validated ??= loadConfig(options.env ?? env, options);
        // Nothing to write back into process.env: the settings are served from the namespace.
        return {};
      },
      load: [registerAs(APP_CONFIG_NAMESPACE, () => validated as AppConfig)],
    });
    const appConfig = {
      provide: APP_CONFIG,
      inject: [ConfigService],
      useFactory: (service: ConfigService) => service.getOrThrow<AppConfig>(APP_CONFIG_NAMESPACE),
    };
    return {
      module: AppConfigModule,
      global: true,
      imports: [configModule],
      providers: [appConfig],
      exports: [configModule, APP_CONFIG],
    };
  }
}
