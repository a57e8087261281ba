import { createHash, randomUUID } from 'node:crypto';
import { handleStreamCommand, type CommandOutcome, type EventStore } from '@samvirke/event-store';
import type { CaseEvent, CaseReferenceData, EraseCitizenData, LiftLegalHold, PlaceLegalHold } from '@samvirke/case';
import { caseDecider } from '@samvirke/case/application/handle-case-command';
import { caseStreamId } from '@samvirke/case/application/case-identity';

/** The case commands of retention and privacy. */
export type PrivacyCaseCommand = PlaceLegalHold | LiftLegalHold | EraseCitizenData;

/** Who asks: a user (with the agency from their token) or a system actor such as `system:retention`. */
export interface PrivacyActor {
  actor: string;
  agency?: string;
}

export interface PrivacyCommandOptions {
  /** Same key, same request: nothing is appended twice (see handleStreamCommand). */
  idempotencyKey?: string;
  /**
   * A digest of the request as the caller received it. Needed when the command holds sealed values
   * (a fresh IV per seal would make every retry look like a different request); derived from the
   * command itself otherwise.
   */
  requestFingerprint?: string;
  correlationId?: string;
  causationId?: string;
  /** The revision the client last saw (HTTP If-Match); undefined: no check. */
  expectedRevision?: number;
}

/**
 * Sends privacy commands through the case's own decider, so the rules (closed case, no legal hold,
 * known agency) and the recorded who/when/why are exactly those of every other case command. The
 * same load-decide-append as HandleCaseCommandHandler, called directly rather than through the
 * CommandBus so the CLI and the scheduled retention job can use it without a Nest application.
 */
export class CasePrivacyCommands {
  constructor(
    private readonly store: EventStore,
    private readonly referenceData: CaseReferenceData,
  ) {}

  execute(caseId: string, command: PrivacyCaseCommand, by: PrivacyActor, now: Date, options: PrivacyCommandOptions = {}): Promise<CommandOutcome<CaseEvent>> {
    return handleStreamCommand(this.store, caseDecider, {
      streamId: caseStreamId(caseId),
      command,
      context: { now, refData: this.referenceData },
      expectedRevision: options.expectedRevision,
      idempotencyKey: options.idempotencyKey ?? randomUUID(),
      requestFingerprint: options.requestFingerprint ?? fingerprintOf(command),
      metadata: {
        actor: by.actor,
        ...(by.agency ? { agency: by.agency } : {}),
        correlationId: options.correlationId ?? randomUUID(),
        ...(options.causationId ? { causationId: options.causationId } : {}),
      },
    });
  }

  async exists(caseId: string): Promise<boolean> {
    return (await this.store.streamRevision(caseStreamId(caseId))) !== undefined;
  }
}

/** Only for commands without sealed values: their JSON is stable and holds no personal data. */
function fingerprintOf(command: PrivacyCaseCommand): string {
  return createHash('sha256').update(JSON.stringify(command)).digest('hex');
}
