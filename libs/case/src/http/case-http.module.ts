import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { HandleCaseCommandHandler } from '../application/handle-case-command';
import { CaseCommandsController } from './case-commands.controller';

/**
 * The case's write side over HTTP. Needs from the app: EVENT_STORE, CLOCK and PERSONAL_DATA_SEALER
 * (global providers), and the authentication guard that puts the caller on the request.
 */
@Module({
  imports: [CqrsModule],
  controllers: [CaseCommandsController],
  providers: [HandleCaseCommandHandler],
})
export class CaseHttpModule {}
