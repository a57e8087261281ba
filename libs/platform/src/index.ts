export * from './config/app-config';
export * from './logging/logger';
export * from './database/database-connection';
export * from './database/embedded-postgres';
