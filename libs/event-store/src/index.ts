export * from './port';
export * from './position';
export * from './errors';
