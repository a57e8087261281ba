export * from './config/app-config';
// AppConfigModule (config/app-config.module) and HealthModule (health/health.controller) are imported by
// their paths: they load @nestjs/config and @nestjs/terminus, which the worker and the CLI need not load.
export { EnvironmentSchema, validateEnvironment } from './config/environment.schema';
export * from './logging/logger';
export * from './database/database-connection';
export * from './database/embedded-postgres';
export * from './health/health-registry';
export * from './nest/tokens';
export * from './nest/api-answers';
export * from './metrics/metrics';
export * from './metrics/metrics.controller';
export * from './database/pool-connection-loss';
export * from './disclosure/small-cell-suppression';
export * from './jobs/scheduled-job';
export * from './http/hijack';
export * from './http/request-header';
