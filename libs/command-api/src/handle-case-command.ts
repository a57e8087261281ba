import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome } from '@samvirke/event-store';
import type { CaseEvent } from '@samvirke/case';
import { CaseGate, type CaseWrite } from '@samvirke/commands';

/** A case write on the CommandBus; the handler is the gate, nothing else. */
export class HandleCaseCommand {
  constructor(readonly write: CaseWrite) {}
}

@CommandHandler(HandleCaseCommand)
export class HandleCaseCommandHandler implements ICommandHandler<HandleCaseCommand, CommandOutcome<CaseEvent>> {
  constructor(private readonly gate: CaseGate) {}

  execute(command: HandleCaseCommand): Promise<CommandOutcome<CaseEvent>> {
    return this.gate.execute(command.write);
  }
}
