/**
 * Folds one event into the state. Evolve never refuses: an event is a fact already recorded, so an
 * event that refers to something the state does not know (possible only in a stream written by an
 * older, laxer decider) leaves the state as it was rather than breaking every later read.
 */
import type { CaseEvent } from './events';
import type { CaseState } from './state';

export function evolve(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'CaseOpened': {
      const { citizenId, birthDate, districtCode, referredBy, referrerEntryPoint, openedAt } = event.data;
      return {
        ...state,
        status: 'open',
        // New streams carry birth date and district sealed only: they stay out of the state.
        citizen: { citizenId, ...(birthDate === undefined ? {} : { birthDate }), ...(districtCode === undefined ? {} : { districtCode }) },
        referredBy,
        pendingReferrer: { agency: referredBy, ...(referrerEntryPoint ? { entryPoint: referrerEntryPoint } : {}) },
        openedAt,
      };
    }
    case 'ReferralReceived':
      // A record for the coordinator and the timeline; the case's own state does not change.
      return state;
    case 'CaseClosed':
      return { ...state, status: 'closed', closedAt: event.data.closedAt, closeReason: event.data.reason };
    case 'CaseReopened': {
      const { closedAt: _closedAt, closeReason: _closeReason, ...rest } = state;
      return { ...rest, status: 'open' };
    }
    case 'SspCategoryAssessed': {
      const { level, assessedBy, assessedOn } = event.data;
      return { ...state, categoryAssessments: appended(state.categoryAssessments, { level, assessedBy, assessedOn }) };
    }
    case 'CoordinatorAssigned':
      return {
        ...state,
        coordinator: { coordinatorId: event.data.coordinatorId, agency: event.data.agency, since: event.data.assignedAt },
      };
    case 'CoordinatorChanged':
      return {
        ...state,
        coordinator: { coordinatorId: event.data.coordinatorId, agency: event.data.agency, since: event.data.changedAt },
      };
    case 'AgencyJoinedCase': {
      const { agency, entryPoint, joinedAt } = event.data;
      const joined = { ...state, agencies: withEntry(state.agencies, agency, { agency, entryPoint, joinedAt }) };
      if (state.pendingReferrer?.agency !== agency) return joined;
      const { pendingReferrer: _joinedNow, ...rest } = joined;
      return rest;
    }
    case 'EntryPointChanged': {
      const member = state.agencies.get(event.data.agency);
      if (member === undefined) return state;
      return { ...state, agencies: withEntry(state.agencies, member.agency, { ...member, entryPoint: event.data.entryPoint }) };
    }
    case 'AgencyLeftCase':
      return { ...state, agencies: withoutEntry(state.agencies, event.data.agency) };
    case 'EnrolledInProgramme': {
      const { programmeCode, startedOn } = event.data;
      return { ...state, enrolments: withEntry(state.enrolments, programmeCode, { programmeCode, startedOn }) };
    }
    case 'ExitedProgramme': {
      const enrolment = state.enrolments.get(event.data.programmeCode);
      if (enrolment === undefined) return state;
      return {
        ...state,
        enrolments: withoutEntry(state.enrolments, enrolment.programmeCode),
        pastEnrolments: [...state.pastEnrolments, { ...enrolment, endedOn: event.data.endedOn, exitReason: event.data.exitReason }],
      };
    }
    case 'InformationShared': {
      const { entryId, fromAgency, sharedWith, legalBasis, sensitivity, sharedAt, sharedOn } = event.data;
      return {
        ...state,
        entries: withEntry(state.entries, entryId, {
          entryId,
          fromAgency,
          sharedWith,
          legalBasis,
          sensitivity,
          sharedAt,
          ...(sharedOn === undefined ? {} : { sharedOn }),
          acknowledgedBy: new Map(),
        }),
      };
    }
    case 'InformationAcknowledged': {
      const entry = state.entries.get(event.data.entryId);
      if (entry === undefined) return state;
      return {
        ...state,
        entries: withEntry(state.entries, entry.entryId, {
          ...entry,
          acknowledgedBy: withEntry(entry.acknowledgedBy, event.data.agency, event.data.acknowledgedAt),
        }),
      };
    }
    case 'InformationRequested': {
      const { requestId, fromAgency, toAgency, dueDate, legalBasis, requestedAt } = event.data;
      return {
        ...state,
        requests: withEntry(state.requests, requestId, {
          requestId,
          fromAgency,
          toAgency,
          dueDate,
          legalBasis,
          requestedAt,
          status: 'open',
        }),
      };
    }
    case 'InformationRequestAnswered':
    case 'InformationRequestDeclined': {
      const request = state.requests.get(event.data.requestId);
      if (request === undefined) return state;
      const answered = event.type === 'InformationRequestAnswered';
      return {
        ...state,
        requests: withEntry(state.requests, request.requestId, {
          ...request,
          status: answered ? 'answered' : 'declined',
          respondedAt: answered ? event.data.answeredAt : event.data.declinedAt,
        }),
      };
    }
    case 'GoalSet': {
      const { goalId, area, setAt } = event.data;
      return { ...state, goals: withEntry(state.goals, goalId, { goalId, area, setAt }) };
    }
    case 'ActionAdded': {
      const { actionId, goalId, responsibleAgency, dueDate, originConferenceId, addedAt } = event.data;
      return {
        ...state,
        actions: withEntry(state.actions, actionId, {
          actionId,
          ...(goalId === undefined ? {} : { goalId }),
          responsibleAgency,
          dueDate,
          ...(originConferenceId === undefined ? {} : { originConferenceId }),
          addedAt,
          status: 'open',
        }),
      };
    }
    case 'ActionCompleted': {
      const action = state.actions.get(event.data.actionId);
      if (action === undefined) return state;
      return {
        ...state,
        actions: withEntry(state.actions, action.actionId, { ...action, status: 'completed', completedOn: event.data.completedOn }),
      };
    }
    case 'ActionCancelled': {
      const action = state.actions.get(event.data.actionId);
      if (action === undefined) return state;
      return { ...state, actions: withEntry(state.actions, action.actionId, { ...action, status: 'cancelled' }) };
    }
    case 'CaseConferenceHeld': {
      const { conferenceId, heldOn, agenciesPresent, decisions } = event.data;
      return {
        ...state,
        conferences: withEntry(state.conferences, conferenceId, {
          conferenceId,
          heldOn,
          agenciesPresent,
          decisionIds: decisions.map((d) => d.decisionId),
        }),
      };
    }
    case 'CustodyStarted': {
      const { custodyId, kind, institution, startedOn, expectedReleaseOn } = event.data;
      return {
        ...state,
        custody: {
          custodyId,
          kind,
          institution,
          startedOn,
          ...(expectedReleaseOn === undefined ? {} : { expectedReleaseOn }),
        },
      };
    }
    case 'ExpectedReleaseChanged':
      if (state.custody?.custodyId !== event.data.custodyId) return state;
      return { ...state, custody: { ...state.custody, expectedReleaseOn: event.data.expectedReleaseOn } };
    case 'ReleasedFromCustody': {
      if (state.custody?.custodyId !== event.data.custodyId) return state;
      const { custody: released, ...rest } = state;
      return {
        ...rest,
        pastCustodies: [...state.pastCustodies, { ...released, releasedOn: event.data.releasedOn, conditionalRelease: event.data.conditional }],
      };
    }
    case 'ChargeRecorded': {
      const { chargeId, offenceCategory, chargedOn, reportedBy } = event.data;
      return { ...state, charges: withEntry(state.charges, chargeId, { chargeId, offenceCategory, chargedOn, reportedBy }) };
    }
    case 'ConvictionRecorded': {
      const { convictionId, chargeId, offenceCategory, dangerousToPersons, convictedOn, reportedBy } = event.data;
      return {
        ...state,
        convictions: withEntry(state.convictions, convictionId, {
          convictionId,
          ...(chargeId === undefined ? {} : { chargeId }),
          offenceCategory,
          dangerousToPersons,
          convictedOn,
          reportedBy,
        }),
      };
    }
    case 'EmploymentStarted': {
      const { employmentId, kind, startedOn } = event.data;
      return { ...state, employments: withEntry(state.employments, employmentId, { employmentId, kind, startedOn }) };
    }
    case 'EmploymentEnded': {
      const employment = state.employments.get(event.data.employmentId);
      if (employment === undefined) return state;
      return {
        ...state,
        employments: withEntry(state.employments, employment.employmentId, { ...employment, endedOn: event.data.endedOn }),
      };
    }
    case 'EducationStarted': {
      const { educationId, kind, startedOn } = event.data;
      return {
        ...state,
        educations: withEntry(state.educations, educationId, { educationId, kind, startedOn, status: 'ongoing' }),
      };
    }
    case 'EducationEnded':
    case 'EducationCompleted': {
      const education = state.educations.get(event.data.educationId);
      if (education === undefined) return state;
      const completed = event.type === 'EducationCompleted';
      return {
        ...state,
        educations: withEntry(state.educations, education.educationId, {
          ...education,
          status: completed ? 'completed' : 'ended',
          endedOn: completed ? event.data.completedOn : event.data.endedOn,
        }),
      };
    }
    case 'SelfSufficiencyReached':
      return { ...state, selfSufficiency: { since: event.data.reachedOn, through: event.data.through } };
    case 'SelfSufficiencyLost': {
      const { selfSufficiency: _lost, ...rest } = state;
      return rest;
    }
    case 'ProgressionAssessed': {
      const { step, assessedBy, assessedOn } = event.data;
      return { ...state, progression: appended(state.progression, { step, assessedBy, assessedOn }) };
    }
    case 'LegalHoldPlaced': {
      const { holdId, placedBy, agency, placedAt } = event.data;
      return { ...state, legalHolds: withEntry(state.legalHolds, holdId, { holdId, placedBy, ...(agency ? { agency } : {}), placedAt }) };
    }
    case 'LegalHoldLifted':
      return { ...state, legalHolds: withoutEntry(state.legalHolds, event.data.holdId) };
    case 'CitizenDataErased': {
      const { scope, reason, erasedAt } = event.data;
      return {
        ...state,
        erasures: appended(state.erasures, { scope, reason, erasedAt }),
        citizenErased: state.citizenErased || scope === 'citizen',
      };
    }
    case 'FlowEscalated': {
      const { step } = event.data;
      if (event.data.flow === 'request') {
        const request = event.data.requestId === undefined ? undefined : state.requests.get(event.data.requestId);
        if (request === undefined) return state;
        return { ...state, requests: withEntry(state.requests, request.requestId, { ...request, escalation: step }) };
      }
      const entry = event.data.entryId === undefined ? undefined : state.entries.get(event.data.entryId);
      if (entry === undefined) return state;
      return {
        ...state,
        entries: withEntry(state.entries, entry.entryId, {
          ...entry,
          escalations: withEntry(entry.escalations ?? new Map(), event.data.toAgency, step),
        }),
      };
    }
    default: {
      // Compile-time exhaustiveness; at runtime an event type this code does not know yet (written
      // by a newer release) is skipped rather than folded in as something it is not.
      const unhandled: never = event;
      void unhandled;
      return state;
    }
  }
}

/**
 * Folds a stream's events from a state. Same result as `events.reduce(evolve, state)`, but linear:
 * `evolve` copies a map or list whenever it changes one (states are values), which makes a fold of a
 * long case quadratic. During one fold, a collection this fold created itself can be changed in
 * place, because no state outside the fold can reach it; collections of the given state never are.
 */
export function evolveAll(state: CaseState, events: readonly CaseEvent[]): CaseState {
  const outer = ownedByThisFold;
  ownedByThisFold = new WeakSet();
  try {
    return events.reduce(evolve, state);
  } finally {
    ownedByThisFold = outer;
  }
}

/** Collections created inside the running `evolveAll`, which it may change in place. */
let ownedByThisFold: WeakSet<object> | undefined;

function owned<T extends object>(collection: T): T {
  ownedByThisFold?.add(collection);
  return collection;
}

function appended<T>(list: readonly T[], item: T): readonly T[] {
  if (ownedByThisFold?.has(list)) {
    (list as T[]).push(item);
    return list;
  }
  return owned([...list, item]);
}

function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> {
  if (ownedByThisFold?.has(map)) return (map as Map<K, V>).set(key, value);
  return owned(new Map(map).set(key, value));
}

function withoutEntry<K, V>(map: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V> {
  if (ownedByThisFold?.has(map)) {
    (map as Map<K, V>).delete(key);
    return map;
  }
  const copy = owned(new Map(map));
  copy.delete(key);
  return copy;
}
