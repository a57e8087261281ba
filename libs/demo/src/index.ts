export * from './seed-demo-data';
