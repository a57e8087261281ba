import { createHash, randomUUID } from 'node:crypto';
import {
  handleStreamCommand,
  StreamStateCache,
  WrongExpectedRevisionError,
  type CommandOutcome,
  type EventMetadata,
  type EventStore,
} from '@samvirke/event-store';
import { caseDecider } from '@samvirke/case/decider';
import { caseStreamId } from '@samvirke/case/application/case-identity';
import type { CaseCommand, CaseEvent, CaseReferenceData, CaseState } from '@samvirke/case';
import type { AuthenticatedUser } from '@samvirke/access/authentication/claims';
import {
  caseWriteDecision,
  systemWriteAllowed,
  type CaseWriteFacts,
  type CaseWriteIntent,
  type SystemPurpose,
} from '@samvirke/access/policy/case-command-policy';
import { canSeeEntry } from '@samvirke/access/policy/entry-visibility';
import { CaseRuleViolation } from '@samvirke/case';
import { CaseBusyError, CaseNotVisibleError, CaseWriteForbiddenError } from './gate-errors';

/**
 * Who asks. A user comes from a verified token; a system caller is code the operator runs (the
 * retention job, a CLI command, demo seeding) and is named by its purpose, which the write policy's
 * table admits or not per command.
 */
export type CaseCaller =
  | { readonly kind: 'user'; readonly user: AuthenticatedUser }
  | {
      readonly kind: 'system';
      readonly purpose: SystemPurpose;
      /** Recorded as the actor: `system:retention`, or the operator's name for `operator`. */
      readonly actor: string;
      /** Recorded as the acting agency, where the system acts for one (synthetic users). */
      readonly agency?: string;
    };

export interface CaseWrite {
  caseId: string;
  caller: CaseCaller;
  /** What the rules need to know before anything is sealed or decided. */
  intent: CaseWriteIntent;
  /**
   * The command, or a function that builds it (sealing personal text). A builder runs only after the
   * caller was authorized on the loaded case, and first as a dry run (`dryRun` true: placeholders
   * instead of sealed values) that the rules decide on, so nothing is sealed (no data key made) for
   * a command that is then refused.
   */
  command: CaseCommand | ((dryRun: boolean) => Promise<CaseCommand>);
  /** Same key, same request: nothing is appended twice. Default: a fresh key (the request is its own operation). */
  idempotencyKey?: string;
  /**
   * A digest of the request as received, to tell a retry from another request with the same key.
   * Required with a builder (sealed values differ on every seal); derived from the command otherwise.
   */
  requestFingerprint?: string;
  /** The revision the client last saw (HTTP If-Match). */
  expectedRevision?: number;
  correlationId?: string;
  causationId?: string;
  /** System callers only: the decision time (retention's `--now`, a simulated day). Users: the gate's clock. */
  now?: Date;
  /** `synthetic-data` only: extra metadata keys that mark the events as synthetic (the demo's seed). */
  syntheticTags?: Readonly<Record<string, string | number>>;
}

/**
 * The one write path for case streams. Every change to a case, from any caller (HTTP commands,
 * legal holds, erasure, retention, the CLI, demo data), goes through `execute`:
 *
 *   load the stream -> authorize the caller on the case as loaded -> build the command -> decide -> append
 *
 * with the expected-revision check, idempotency and retry of handleStreamCommand. Event metadata is
 * made here and nowhere else. Authorization comes first, on the same read the decision uses: a caller
 * who may not see the case learns nothing (not its state, a hold, its revision, an earlier request),
 * and a case that does not exist answers exactly the same. A test (one-write-path.spec.ts) fails if
 * any other code appends to a case stream.
 */
export class CaseGate {
  /** The folded state of the cases last written through this gate (ciphertext only; see StreamStateCache). */
  private readonly states = new StreamStateCache<CaseState>(500);

  constructor(
    private readonly store: EventStore,
    private readonly referenceData: CaseReferenceData,
    private readonly clock: { now(): Date },
  ) {}

  /** Drops the case's cached state (erasure calls it once the keys are destroyed); the next write reads the stream whole. */
  forget(caseId: string): void {
    this.states.forget(caseStreamId(caseId));
  }

  async execute(write: CaseWrite): Promise<CommandOutcome<CaseEvent>> {
    try {
      return await this.run(write);
    } catch (error) {
      // Only a client that pinned a revision (If-Match) is told the current one.
      if (error instanceof WrongExpectedRevisionError && write.expectedRevision === undefined) throw new CaseBusyError();
      throw error;
    }
  }

  private run(write: CaseWrite): Promise<CommandOutcome<CaseEvent>> {
    const { caller, intent } = write;
    if (write.now !== undefined && caller.kind !== 'system') throw new TypeError('only system callers choose the decision time');
    if (write.syntheticTags !== undefined && !(caller.kind === 'system' && caller.purpose === 'synthetic-data')) {
      throw new TypeError('only synthetic data carries synthetic tags');
    }
    if (typeof write.command === 'function' && write.requestFingerprint === undefined) {
      throw new TypeError('a built command needs the request fingerprint');
    }
    const command = write.command;
    const context = { now: write.now ?? this.clock.now(), refData: this.referenceData };
    return handleStreamCommand(this.store, caseDecider, {
      streamId: caseStreamId(write.caseId),
      command:
        typeof command === 'function'
          ? async (state) => {
              // The rules refuse on the dry run, before anything is sealed.
              caseDecider.decide(this.checked(await command(true), intent), state, context);
              return this.checked(await command(false), intent);
            }
          : this.checked(command, intent),
      context,
      expectedRevision: write.expectedRevision,
      idempotencyKey: write.idempotencyKey ?? randomUUID(),
      requestFingerprint: write.requestFingerprint ?? fingerprintOf(command as CaseCommand),
      metadata: this.metadataFor(write, typeof command === 'function' ? undefined : command),
      authorize: (state) => this.authorize(caller, intent, state),
      stateCache: this.states,
    });
  }

  /** The command as authorized: the intent's type, without undefined optional fields. */
  private checked(command: CaseCommand, intent: CaseWriteIntent): CaseCommand {
    if (command.type !== intent.type) throw new TypeError(`the command ${command.type} is not the authorized ${intent.type}`);
    return stripUndefined(command);
  }

  private authorize(caller: CaseCaller, intent: CaseWriteIntent, state: CaseState): void {
    if (caller.kind === 'system') {
      if (!systemWriteAllowed(caller.purpose, intent.type)) throw new CaseWriteForbiddenError();
      return;
    }
    const decision = caseWriteDecision(caller.user, writeFactsOf(state), intent, (code) => this.referenceData.agencies.get(code)?.kind);
    if (decision === 'not-visible') throw new CaseNotVisibleError();
    if (decision === 'forbidden') throw new CaseWriteForbiddenError();
    // An entry the caller may not read (a sealed identity they are not named on, another agencies'
    // exchange) is answered exactly like one that does not exist.
    const entry = intent.entryId === undefined ? undefined : state.entries.get(intent.entryId);
    if (
      entry &&
      !canSeeEntry(caller.user, {
        authorAgency: entry.fromAgency,
        sharedWith: entry.sharedWith,
        sensitivity: entry.sensitivity,
        caseId: state.citizen?.citizenId ?? '',
      })
    ) {
      throw new CaseRuleViolation('UNKNOWN_ENTRY');
    }
  }

  private metadataFor(write: CaseWrite, command: CaseCommand | undefined): EventMetadata {
    const { caller } = write;
    const legalBasis = legalBasisOf(command) ?? legalBasisOfIntent(write);
    const agency = caller.kind === 'user' ? caller.user.agency : caller.agency;
    return {
      actor: caller.kind === 'user' ? caller.user.userId : caller.actor,
      ...(agency ? { agency } : {}),
      correlationId: write.correlationId ?? randomUUID(),
      ...(write.causationId ? { causationId: write.causationId } : {}),
      ...(legalBasis ? { legalBasis } : {}),
      // Read models tell a system's writes apart by it: the notifications make nothing of imported history.
      ...(caller.kind === 'system' ? { systemPurpose: caller.purpose } : {}),
      ...(write.syntheticTags ?? {}),
    };
  }
}

function writeFactsOf(state: CaseState): CaseWriteFacts {
  return {
    exists: state.status !== 'not-opened',
    agencies: [...state.agencies.keys()],
    coordinatorId: state.coordinator?.coordinatorId ?? null,
    holdAgencies: new Map([...state.legalHolds.values()].map((hold) => [hold.holdId, hold.agency])),
  };
}

function legalBasisOf(command: CaseCommand | undefined): string | undefined {
  if (!command) return undefined;
  const data = command.data as { legalBasis?: unknown };
  return typeof data.legalBasis === 'string' ? data.legalBasis : undefined;
}

/** A built command's legal basis is known to the caller before it is built; it travels on the intent. */
function legalBasisOfIntent(write: CaseWrite): string | undefined {
  return write.intent.legalBasis;
}

/** Only for commands without sealed values: their JSON is stable and holds no personal data. */
function fingerprintOf(command: CaseCommand): string {
  return createHash('sha256').update(JSON.stringify(command)).digest('hex');
}

/** Optional fields left undefined by a mapping must not reach the stored JSON as keys. */
function stripUndefined<T extends { data: object }>(command: T): T {
  return { ...command, data: JSON.parse(JSON.stringify(command.data)) as T['data'] };
}
