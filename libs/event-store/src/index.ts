export * from './port';
export * from './position';
export * from './errors';
export * from './command-handling';
export * from './timed-event-store';
