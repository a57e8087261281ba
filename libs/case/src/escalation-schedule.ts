/**
 * When an unanswered exchange is chased: the escalation rules (reference data) applied to one flow
 * on one day. Pure, used by the decider (which refuses a step that is not due) and by the job that
 * looks for due steps, so both always agree.
 *
 * A flow starts on a Copenhagen date: the day information was shared, or a request's due date. A
 * step with `afterWorkingDays: N` is due on the first working day after the N-th working day
 * following the start (information shared on Wednesday 1 April 2026, the Wednesday before Easter,
 * with N = 2: the working days after it are Tuesday 7 and Wednesday 8 April, so the reminder is due
 * on Thursday 9 April). Steps are only taken on working days: a step that fell due while the job
 * was not running waits for the next working day rather than going out at a weekend.
 *
 * `workingDaysLate` counts the working days after the first step's window ended, up to and
 * including the day the step is taken: 1 for a reminder taken on its day.
 */
import { ESCALATION_STEPS, type EscalationFlow, type EscalationRecipient, type EscalationRules, type EscalationStep } from '@samvirke/reference-data';
import type { IsoDate } from './vocabulary';

export interface DueEscalation {
  readonly step: EscalationStep;
  readonly notify: readonly EscalationRecipient[];
  readonly dueOn: IsoDate;
  readonly workingDaysLate: number;
}

export function escalationStepIndex(step: EscalationStep): number {
  return ESCALATION_STEPS.indexOf(step);
}

/** The day `step` falls due for a flow of `flow` that started on `startedOn`; undefined for a step the rules do not have. */
export function escalationDueOn(rules: EscalationRules, flow: EscalationFlow, startedOn: IsoDate, step: EscalationStep): IsoDate | undefined {
  const rule = rules.flows[flow].steps.find((s) => s.step === step);
  return rule === undefined ? undefined : rules.calendar.addWorkingDays(startedOn, rule.afterWorkingDays + 1);
}

/** What `step` would record if taken on `today`, or undefined when it is not due then. */
export function escalationIfDue(
  rules: EscalationRules,
  flow: EscalationFlow,
  startedOn: IsoDate,
  step: EscalationStep,
  today: IsoDate,
): DueEscalation | undefined {
  const { steps } = rules.flows[flow];
  const rule = steps.find((s) => s.step === step);
  if (rule === undefined) return undefined;
  const dueOn = rules.calendar.addWorkingDays(startedOn, rule.afterWorkingDays + 1);
  if (today < dueOn || !rules.calendar.isWorkingDay(today)) return undefined;
  const firstWindowEnds = rules.calendar.addWorkingDays(startedOn, steps[0].afterWorkingDays);
  return { step, notify: rule.notify, dueOn, workingDaysLate: rules.calendar.workingDaysBetween(firstWindowEnds, today) };
}

/**
 * The step to take on `today` for a flow whose furthest step so far is `taken`: the furthest step
 * that is due, if it is beyond `taken`. A flow found late enough for its escalation gets the
 * escalation, not a reminder first.
 */
export function nextDueEscalation(
  rules: EscalationRules,
  flow: EscalationFlow,
  startedOn: IsoDate,
  taken: EscalationStep | undefined,
  today: IsoDate,
): DueEscalation | undefined {
  const after = taken === undefined ? -1 : escalationStepIndex(taken);
  for (const rule of [...rules.flows[flow].steps].reverse()) {
    if (escalationStepIndex(rule.step) <= after) return undefined;
    const due = escalationIfDue(rules, flow, startedOn, rule.step, today);
    if (due !== undefined) return due;
  }
  return undefined;
}
