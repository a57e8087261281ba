/**
 * The escalation rules (escalation-rules.json) as typed values, and the working-day calendar they
 * count in. See that file's note for what a rule means; the decision of whether a step is due for a
 * given flow on a given day is the case's (libs/case, escalation-schedule.ts).
 */
import { readArray, readInteger, readNonEmptyArray, readObject, readOneOf, readString, ReferenceDataError } from './json-shape';
import { WorkingCalendar, type AlsoClosedDay } from './working-days';

/** The two exchanges that can stall: shared information awaiting acknowledgement, a request awaiting its answer. */
export const ESCALATION_FLOWS = ['information', 'request'] as const;
export type EscalationFlow = (typeof ESCALATION_FLOWS)[number];

/** In order: a reminder first, then the escalation. */
export const ESCALATION_STEPS = ['reminder', 'escalation'] as const;
export type EscalationStep = (typeof ESCALATION_STEPS)[number];

/**
 * Who a step tells: the late agency's entry point on the case, the agency's escalation contact
 * (agencies.json), the case's coordinator.
 */
export const ESCALATION_RECIPIENTS = ['entry-point', 'escalation-contact', 'coordinator'] as const;
export type EscalationRecipient = (typeof ESCALATION_RECIPIENTS)[number];

/** What a flow's working days count from: the day information was shared, a request's due date. */
export const ESCALATION_ANCHORS = { information: 'shared', request: 'due-date' } as const;

export interface EscalationStepRule {
  readonly step: EscalationStep;
  /** Whole working days after the flow's start that must have passed; the step is taken on the next working day. */
  readonly afterWorkingDays: number;
  readonly notify: readonly EscalationRecipient[];
}

export interface EscalationFlowRules {
  readonly countsFrom: (typeof ESCALATION_ANCHORS)[EscalationFlow];
  /** One per step, in the order of ESCALATION_STEPS, with growing `afterWorkingDays`. */
  readonly steps: readonly EscalationStepRule[];
}

export interface EscalationRules {
  readonly version: string;
  readonly flows: { readonly [Flow in EscalationFlow]: EscalationFlowRules };
  /** The job chases flows that started at most this many calendar days ago. */
  readonly chaseForDays: number;
  /** Timeline deadlines: told when at most this many working days away, and when passed. */
  readonly deadlines: { readonly dueSoonWorkingDays: number };
  readonly alsoClosed: readonly AlsoClosedDay[];
  readonly calendar: WorkingCalendar;
}

/** An agency's escalation contact: a function (a role and its mailbox), never a named person. */
export interface EscalationContact {
  readonly role: string;
  readonly functionMailbox: string;
  readonly phone: string;
}

export function parseEscalationContact(value: unknown, path: string): EscalationContact {
  const o = readObject(value, path);
  return {
    role: readString(o.role, `${path}.role`),
    functionMailbox: readString(o.functionMailbox, `${path}.functionMailbox`),
    phone: readString(o.phone, `${path}.phone`),
  };
}

export function parseEscalationRules(raw: unknown, path = 'escalationRules'): EscalationRules {
  const doc = readObject(raw, path);
  const alsoClosed = readArray(doc.alsoClosed, `${path}.alsoClosed`).map((value, i): AlsoClosedDay => {
    const p = `${path}.alsoClosed[${i}]`;
    const o = readObject(value, p);
    const month = readInteger(o.month, `${p}.month`);
    const day = readInteger(o.day, `${p}.day`);
    // 2024 is a leap year: a 29 February would be accepted, and then be a closed day only every four years.
    if (month < 1 || month > 12 || day < 1 || new Date(Date.UTC(2023, month - 1, day)).getUTCMonth() !== month - 1) {
      throw new ReferenceDataError(p, 'expected a day that exists in every year (month 1-12, day of that month)');
    }
    return { month, day, name: readString(o.name, `${p}.name`) };
  });
  const flowsDoc = readObject(doc.flows, `${path}.flows`);
  const flow = (name: EscalationFlow): EscalationFlowRules => {
    const p = `${path}.flows.${name}`;
    const o = readObject(flowsDoc[name], p);
    const countsFrom = readOneOf(o.countsFrom, [ESCALATION_ANCHORS[name]], `${p}.countsFrom`);
    const steps = readNonEmptyArray(o.steps, `${p}.steps`).map((value, i): EscalationStepRule => {
      const sp = `${p}.steps[${i}]`;
      const s = readObject(value, sp);
      const step = readOneOf<EscalationStep>(s.step, [ESCALATION_STEPS[i] ?? 'none'], `${sp}.step`);
      const afterWorkingDays = readInteger(s.afterWorkingDays, `${sp}.afterWorkingDays`);
      if (afterWorkingDays < 0) throw new ReferenceDataError(`${sp}.afterWorkingDays`, 'expected an integer of 0 or more');
      const notify = readNonEmptyArray(s.notify, `${sp}.notify`).map((r, j) => readOneOf(r, ESCALATION_RECIPIENTS, `${sp}.notify[${j}]`));
      return { step, afterWorkingDays, notify };
    });
    if (steps.length !== ESCALATION_STEPS.length) throw new ReferenceDataError(`${p}.steps`, `expected the steps ${ESCALATION_STEPS.join(', ')}`);
    steps.forEach((s, i) => {
      if (i > 0 && s.afterWorkingDays <= steps[i - 1].afterWorkingDays) {
        throw new ReferenceDataError(`${p}.steps[${i}].afterWorkingDays`, 'expected more working days than the step before');
      }
    });
    return { countsFrom, steps };
  };
  const flows = { information: flow('information'), request: flow('request') };
  const chaseForDays = readInteger(doc.chaseForDays, `${path}.chaseForDays`);
  if (chaseForDays < 1) throw new ReferenceDataError(`${path}.chaseForDays`, 'expected an integer of 1 or more');
  // Optional in older documents: 2 working days.
  const deadlinesDoc = doc.deadlines === undefined ? {} : readObject(doc.deadlines, `${path}.deadlines`);
  const dueSoonWorkingDays =
    deadlinesDoc.dueSoonWorkingDays === undefined ? 2 : readInteger(deadlinesDoc.dueSoonWorkingDays, `${path}.deadlines.dueSoonWorkingDays`);
  if (dueSoonWorkingDays < 0 || dueSoonWorkingDays > 30)
    throw new ReferenceDataError(`${path}.deadlines.dueSoonWorkingDays`, 'expected an integer from 0 to 30');
  return {
    version: readString(doc.version, `${path}.version`),
    flows,
    chaseForDays,
    deadlines: { dueSoonWorkingDays },
    alsoClosed,
    calendar: new WorkingCalendar(alsoClosed),
  };
}
