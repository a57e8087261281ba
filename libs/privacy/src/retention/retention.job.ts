import { randomUUID } from 'node:crypto';
import type { EventStore } from '@samvirke/event-store';
import { CaseRuleViolation, evolveAll, initialCaseState, type CaseEvent, type CaseState } from '@samvirke/case';
import { caseStreamId } from '@samvirke/case/application/case-identity';
import type { Agency } from '@samvirke/reference-data';
import type { ErasureService } from '../erasure/erasure.service';
import type { CaseDirectory } from './case-directory';
import type { LiveKeyInventory } from './live-key-inventory';
import { decideRetention } from './retention-decision';
import type { RetentionPolicy } from './retention-policy';

export const RETENTION_ACTOR = 'system:retention';

export interface RetentionScope {
  caseId: string;
  /** 'citizen' or an agency code. */
  scope: string;
}

/** What a run did (or, in a dry run, would do). Case ids and scopes only: never personal data. */
export interface RetentionReport {
  dryRun: boolean;
  now: string;
  casesChecked: number;
  erased: RetentionScope[];
  /** Expired, but a legal hold stands. */
  held: RetentionScope[];
  /** Closed and not yet expired, with the date the next scope expires. */
  kept: Array<{ caseId: string; until: string }>;
  /** Erasures that failed; the next run tries again (erasure is restartable). */
  failed: Array<RetentionScope & { error: string }>;
}

export interface RetentionJobDependencies {
  store: EventStore;
  directory: CaseDirectory;
  keys: LiveKeyInventory;
  erasure: ErasureService;
  policy: RetentionPolicy;
  agencies: { get(code: string): Agency | undefined };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Erases what has expired. Visits every case, folds its stream with the case's own `evolve` (so
 * "closed" and "held" mean exactly what the decider thinks they mean), asks decideRetention, and
 * erases through ErasureService, whose decider check is the last word: a hold placed between this
 * job's read and its erasure is still respected (reported as held).
 *
 * Each erasure's idempotency key is derived from (scope, the closing instant): rerunning the job
 * after a crash replays the recorded event and finishes the key destruction instead of recording a
 * second erasure, while a case closed again later (after a reopening) gets a new key and a new event.
 */
export class RetentionJob {
  constructor(private readonly deps: RetentionJobDependencies) {}

  async run(options: { now: Date; dryRun: boolean }): Promise<RetentionReport> {
    const report: RetentionReport = { dryRun: options.dryRun, now: options.now.toISOString(), casesChecked: 0, erased: [], held: [], kept: [], failed: [] };
    const correlationId = randomUUID();
    for await (const caseId of this.deps.directory.listCaseIds()) {
      if (!UUID.test(caseId)) continue;
      report.casesChecked += 1;
      const state = await this.caseState(caseId);
      const verdict = decideRetention(
        {
          caseId,
          status: state.status,
          closedAt: state.closedAt,
          activeLegalHolds: state.legalHolds.size,
          citizenErased: state.citizenErased,
          liveKeyAgencies: await this.deps.keys.liveKeyAgencies(caseId),
        },
        this.deps.policy,
        this.deps.agencies,
        options.now,
      );
      if (verdict.kind === 'keep') report.kept.push({ caseId, until: verdict.until });
      if (verdict.kind === 'held') report.held.push(...verdict.scopes.map((scope) => ({ caseId, scope })));
      if (verdict.kind !== 'erase') continue;
      for (const scope of verdict.scopes) {
        if (options.dryRun) {
          report.erased.push({ caseId, scope });
          continue;
        }
        const outcome = await this.erase(caseId, scope, state.closedAt ?? 'never-closed', correlationId);
        if (outcome === 'erased') report.erased.push({ caseId, scope });
        else if (outcome === 'held') report.held.push({ caseId, scope });
        else report.failed.push({ caseId, scope, error: outcome.error });
      }
    }
    return report;
  }

  private async caseState(caseId: string): Promise<CaseState> {
    const events = await this.deps.store.readStream(caseStreamId(caseId));
    return evolveAll(
      initialCaseState(),
      events.map((event) => ({ type: event.type, data: event.data }) as CaseEvent),
    );
  }

  private async erase(caseId: string, scope: string, closedAt: string, correlationId: string): Promise<'erased' | 'held' | { error: string }> {
    try {
      await this.deps.erasure.erase(caseId, {
        scope,
        reason: 'retention-expired',
        caller: { kind: 'system', purpose: 'retention', actor: RETENTION_ACTOR },
        idempotencyKey: `retention:${scope}:${closedAt}`,
        correlationId,
      });
      return 'erased';
    } catch (error) {
      if (error instanceof CaseRuleViolation) {
        if (error.reason === 'LEGAL_HOLD_ACTIVE') return 'held';
        // Erased earlier by someone else; ErasureService has finished destroying the keys.
        if (error.reason === 'CITIZEN_DATA_ALREADY_ERASED') return 'erased';
        return { error: error.reason };
      }
      // The error's name only: messages of driver errors may quote parameters.
      return { error: error instanceof Error ? error.name : 'unknown error' };
    }
  }
}
