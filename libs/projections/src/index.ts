export * from './runner/projection';
export * from './runner/projection-runner';
export * from './runner/catalogue';
export * from './runner/rebuild';
export * from './runner/progress-reporter';
export * from './runner/read-your-writes';
export * from './runner/event-count';
export * from './runner/logger';
export { isTransientDatabaseError } from './runner/transaction';
