export * from './escalation.job';
export * from './escalation.module';
