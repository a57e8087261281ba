/**
 * Decider specifications read as given / when / then:
 *
 *   given([caseOpened()]).when(shareInformation()).then([informationShared()]);
 *   given([]).when(closeCase()).thenRejects('CASE_NOT_FOUND');
 *
 * The given events are folded with the real `evolve`, so a spec also exercises the fold the
 * production code uses. Time is fixed (`SPEC_NOW`) unless a spec says otherwise.
 */
import { loadReferenceData } from '@samvirke/reference-data';
import type { CaseCommand } from '../commands';
import { decide } from '../decide';
import type { CaseReferenceData, DecideContext } from '../decide-context';
import { CaseRuleReason, CaseRuleViolation } from '../errors';
import type { CaseEvent } from '../events';
import { evolveAll } from '../evolve';
import { initialCaseState } from '../state';

/** 10:00 in Copenhagen on 10 November 2026. */
export const SPEC_NOW = new Date('2026-11-10T09:00:00.000Z');
export const SPEC_TODAY = '2026-11-10';

export const specReferenceData: CaseReferenceData = loadReferenceData();

/** Every reason a spec has seen rejected, so a suite can check that no rule went untested. */
export const rejectedReasons = new Set<CaseRuleReason>();

export interface SpecOptions {
  readonly now?: Date;
  readonly refData?: CaseReferenceData;
}

export interface CaseSpecOutcome {
  then(expected: readonly CaseEvent[]): void;
  thenRejects(reason: CaseRuleReason): void;
}

export function given(events: readonly CaseEvent[], options: SpecOptions = {}): { when(command: CaseCommand): CaseSpecOutcome } {
  const context: DecideContext = { now: options.now ?? SPEC_NOW, refData: options.refData ?? specReferenceData };
  return {
    when(command) {
      const run = (): CaseEvent[] => decide(command, evolveAll(initialCaseState(), events), context);
      return {
        then(expected) {
          expect(run()).toEqual(expected);
        },
        thenRejects(reason) {
          let outcome: unknown;
          try {
            outcome = run();
          } catch (error: unknown) {
            outcome = error;
          }
          if (!(outcome instanceof CaseRuleViolation)) {
            const got = outcome instanceof Error ? String(outcome.stack) : `events ${JSON.stringify(outcome, undefined, 2)}`;
            throw new Error(`expected rejection ${reason}, got ${got}`);
          }
          rejectedReasons.add(outcome.reason);
          expect(outcome.reason).toBe(reason);
        },
      };
    },
  };
}
