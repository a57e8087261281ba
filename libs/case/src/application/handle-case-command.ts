import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleStreamCommand, type CommandOutcome, type StreamDecider, type EventMetadata, type EventStore } from '@samvirke/event-store';
import type { CaseCommand } from '../commands';
import type { CaseEvent } from '../events';
import type { DecideContext } from '../decide-context';
import { decide } from '../decide';
import { evolve, evolveAll } from '../evolve';
import { initialCaseState, type CaseState } from '../state';
import { caseStreamId } from './case-identity';

export const caseDecider: StreamDecider<CaseCommand, CaseEvent, CaseState, DecideContext> = {
  initialState: initialCaseState,
  evolve,
  evolveAll: (state, events) => evolveAll(state, events),
  decide,
};

export class HandleCaseCommand {
  constructor(
    readonly caseId: string,
    readonly command: CaseCommand,
    readonly context: DecideContext,
    readonly metadata: EventMetadata,
    readonly idempotencyKey: string,
    readonly requestFingerprint: string,
    readonly expectedRevision?: number,
    /** Refuses the command for this caller on the case as it stands (see the access policy). */
    readonly authorize?: (state: CaseState) => void,
  ) {}
}

/** Load, decide, append with the expected revision. Nothing else (see handleStreamCommand). */
@CommandHandler(HandleCaseCommand)
export class HandleCaseCommandHandler implements ICommandHandler<HandleCaseCommand, CommandOutcome<CaseEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: HandleCaseCommand): Promise<CommandOutcome<CaseEvent>> {
    return handleStreamCommand(this.store, caseDecider, {
      streamId: caseStreamId(command.caseId),
      command: command.command,
      context: command.context,
      expectedRevision: command.expectedRevision,
      idempotencyKey: command.idempotencyKey,
      requestFingerprint: command.requestFingerprint,
      metadata: command.metadata,
      authorize: command.authorize,
    });
  }
}
