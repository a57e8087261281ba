export * from './config/app-config';
export * from './logging/logger';
export * from './database/database-connection';
export * from './database/embedded-postgres';
export * from './health/health-registry';
export * from './health/health.controller';
export * from './nest/tokens';
