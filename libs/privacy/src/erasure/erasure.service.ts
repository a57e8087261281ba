import { CaseRuleViolation, type ErasureReason } from '@samvirke/case';
import type { CaseCaller, CaseGate } from '@samvirke/commands';
import type { PersonalDataVault } from '../vault/personal-data-vault';

/** 'citizen' erases everything about the citizen; an agency code only that agency's contributions. */
export type ErasureTarget = 'citizen' | string;

export interface ErasureRequest {
  scope: ErasureTarget;
  reason: ErasureReason;
  /** A user (authorized by the write policy on the case as loaded) or a system purpose (retention, operator). */
  caller: CaseCaller;
  /** Same key, same request: nothing is recorded twice, and a half-done erasure is finished. */
  idempotencyKey?: string;
  /** The revision the client last saw (HTTP If-Match). */
  expectedRevision?: number;
  correlationId?: string;
  causationId?: string;
  /** System callers only: the decision time (the retention job's clock). */
  now?: Date;
}

/** Who is recorded as having erased: the user, or the system actor. */
export function erasedBy(caller: CaseCaller): string {
  return caller.kind === 'user' ? caller.user.userId : caller.actor;
}

export interface ErasureOutcome {
  caseId: string;
  scope: ErasureTarget;
  /** When the CitizenDataErased event was recorded (the original one on a replay). */
  erasedAt: string;
  /** Data keys destroyed by this call; 0 when an earlier call had already destroyed them. */
  keysDestroyed: number;
  /** True when this repeated an earlier request with the same idempotency key. */
  replayed: boolean;
  revision: number | null;
  position: string | null;
}

/** Counts erasures carried out; AppMetrics.erasures in the app. */
export interface ErasureCounter {
  inc(labels: { scope: string }): void;
}

/**
 * Crypto-shredding a citizen, in two steps whose order is the point:
 *
 * 1. The `EraseCitizenData` command goes through the case's decider first. The rules (a citizen is
 *    erased only from a closed case, never while a legal hold stands; an agency scope must be a
 *    known agency) refuse with a 422 reason before anything is destroyed, and the event records
 *    who, when and why. Deciding after destroying would leave keys gone with no record, or keys
 *    gone on a case the rules say must be kept.
 * 2. Then the keys are destroyed (`vault.eraseSubject`): every event, read-model row and backup that
 *    holds the citizen's ciphertext becomes unreadable at once. The hash chain still verifies,
 *    because it covers the ciphertext, which does not change.
 *
 * ## Restartable and idempotent
 * Between the two steps the process may die, or the key UPDATE may fail: the event is then recorded
 * but the keys still live. A retry with the same idempotency key finds the event (handleStreamCommand
 * answers `replayed`) and runs step 2 again; destroying keys is idempotent (already destroyed keys
 * keep their first date and are not counted). A retry with another key for the citizen scope is
 * refused by the decider (CITIZEN_DATA_ALREADY_ERASED), but step 2 is run before that refusal is
 * passed on, so "the case says erased" always ends with "the keys are gone". The retention job uses
 * a deterministic key per (case, scope, closing), so its next run completes a half-done erasure.
 */
export class ErasureService {
  constructor(
    private readonly gate: CaseGate,
    private readonly vault: PersonalDataVault,
    private readonly clock: { now(): Date },
    private readonly counter?: ErasureCounter,
  ) {}

  async erase(caseId: string, request: ErasureRequest): Promise<ErasureOutcome> {
    const { scope, reason, caller, ...options } = request;
    const by = erasedBy(caller);
    let outcome;
    try {
      outcome = await this.gate.execute({
        caseId,
        caller,
        intent: { type: 'EraseCitizenData', targetAgency: scope },
        command: { type: 'EraseCitizenData', data: { scope, reason, by } },
        ...options,
        ...(caller.kind === 'system' ? { now: options.now ?? this.clock.now() } : {}),
      });
    } catch (error) {
      // Only reached by a caller the gate let through: a refusal for authorization comes first.
      if (error instanceof CaseRuleViolation && error.reason === 'CITIZEN_DATA_ALREADY_ERASED') {
        await this.destroyKeys(caseId, 'citizen', by, reason);
      }
      throw error;
    }
    const recorded = outcome.events.find((event) => event.type === 'CitizenDataErased');
    // The decider answers EraseCitizenData with exactly one CitizenDataErased; anything else is a bug
    // there, and destroying keys without the event would be the one unrecoverable mistake here.
    if (!recorded || recorded.type !== 'CitizenDataErased') throw new Error('EraseCitizenData did not record CitizenDataErased');
    const keysDestroyed = await this.destroyKeys(caseId, scope, by, reason);
    if (!outcome.replayed) this.counter?.inc({ scope }); // 'citizen' or an agency code: a bounded set from reference data
    return {
      caseId,
      scope,
      erasedAt: recorded.data.erasedAt,
      keysDestroyed,
      replayed: outcome.replayed,
      revision: outcome.revision ?? null,
      position: outcome.position ?? null,
    };
  }

  private async destroyKeys(caseId: string, scope: ErasureTarget, by: string, reason: string): Promise<number> {
    // The case id is the citizen's key subject (see case-identity.ts: it doubles as the pseudonym).
    // A citizen erasure also deletes the CPR lookup: the CPR leads nowhere, a new referral opens a new case.
    if (scope === 'citizen') await this.vault.forgetCitizenCase(caseId);
    const result = await this.vault.eraseSubject(caseId, scope === 'citizen' ? { agency: 'all' } : { agency: scope }, by, reason);
    // The gate's cached state holds only ciphertext, but nothing cached about the case outlives its erasure.
    this.gate.forget(caseId);
    return result.keysDestroyed;
  }
}
