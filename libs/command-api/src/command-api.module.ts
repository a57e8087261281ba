import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PrivacyHttpModule } from '@samvirke/privacy/http/privacy-http.module';
import { HandleCaseCommandHandler } from './handle-case-command';
import { CaseCommandsController } from './case-commands.controller';

/**
 * The case's write side over HTTP: every case command, legal holds and erasure. Needs from the app
 * the global CaseGate, PERSONAL_DATA_SEALER and ErasureService (PrivacyHttpModule), and the
 * authentication guard that puts the caller on the request.
 */
@Module({
  imports: [CqrsModule, PrivacyHttpModule],
  controllers: [CaseCommandsController],
  providers: [HandleCaseCommandHandler],
})
export class CommandApiModule {}
