export * from './seed-demo-data';
export { demoUsers, type DemoUser } from './demo-scenario';
