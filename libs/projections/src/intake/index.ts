export * from './intake.controller';
export * from './intake.dto';
