export * from './console-config';
export * from './console-sessions';
export * from './console.module';
export * from './console-routes';
export * from './return-to';
