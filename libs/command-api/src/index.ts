export * from './command-routes';
export * from './command-api.module';
export * from './dto/command-answers.dto';
