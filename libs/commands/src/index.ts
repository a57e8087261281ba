export * from './case-gate';
export * from './gate-errors';
