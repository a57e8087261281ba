import type { StreamDecider } from '@samvirke/event-store';
import type { CaseCommand } from './commands';
import type { CaseEvent } from './events';
import type { DecideContext } from './decide-context';
import { decide } from './decide';
import { evolve, evolveAll } from './evolve';
import { initialCaseState, type CaseState } from './state';

/** The case's decider as one value, for the write gate and for specs. */
export const caseDecider: StreamDecider<CaseCommand, CaseEvent, CaseState, DecideContext> = {
  initialState: initialCaseState,
  evolve,
  evolveAll: (state, events) => evolveAll(state, events),
  decide,
};
