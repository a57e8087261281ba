import { ConfigError } from '@samvirke/platform/config/app-config';

/**
 * A bad authentication setting. It extends the platform's ConfigError so the API's and the CLI's
 * start-up code, which already turn a ConfigError into one line and exit code 78, need no new case.
 */
export class AuthConfigError extends ConfigError {
  constructor(variable: string, rule: string) {
    super(variable, rule);
    this.name = 'AuthConfigError';
  }
}
