export * from './worklist.controller';
