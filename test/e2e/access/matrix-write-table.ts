import { randomUUID } from 'node:crypto';
import { copenhagenDate } from '@samvirke/case';
import type { MatrixRole, MatrixUser, WriteRuleKind, WriteTarget } from './access-oracle';

/**
 * Every write operation of the OpenAPI document, classified for the permission matrix: its rule kind
 * (the rules as access-oracle.ts states them, never the policy's table) and requests that pass
 * validation but that the case's own rules refuse (422) on the matrix's cases. Refused requests
 * change nothing, so every user can try every one of them on every case without disturbing the
 * fixture; a permitted caller must meet the case's rules (422), anyone else the gate (403, or the
 * 404 of a missing case). The matrix fails on a write operation this table does not name, so a new
 * route cannot slip past it.
 *
 * What the case looks like when the refused requests run (the matrix sets it up): open, a goal set
 * (`goalId`), a legal hold standing (`holdId`, placed by the case's owner), no custody, employment,
 * education or self-sufficiency, KFF on none of the cases.
 */
export interface WriteCase {
  caseId: string;
  agencies: readonly string[];
  coordinatorId: string | null;
  /** The agency of the case's coordinator, when it has one. */
  coordinatorAgency?: string;
  goalId: string;
  holdId: string;
}

export interface WriteRequest {
  /** Path parameters besides caseId, by the document's names. */
  params?: Record<string, string>;
  body?: unknown;
}

export interface RefusedWrite {
  /** How the request gets refused by the case's rules, for failure messages. */
  name: string;
  rule: WriteRuleKind;
  target?(user: MatrixUser, facts: WriteCase): WriteTarget;
  request(user: MatrixUser, facts: WriteCase): WriteRequest;
  /** The 422 reasons the case's rules may give (which check comes first can depend on the case). */
  reasons: readonly string[];
}

export type WriteRow =
  /** A case write: requests its rules refuse, and the matrix's real-success ops that also cover it. */
  | { kind: 'case'; refused: RefusedWrite[]; succeeds?: string[] }
  /** POST /cases: no case is named; any coordinator or liaison may refer. */
  | { kind: 'referral' }
  /** A write outside any case, open to some roles: a body it refuses (400) so nothing changes. */
  | {
      kind: 'not-a-case';
      roles: MatrixRole[];
      refusedBody: unknown;
      refusedStatus: number;
      params?: Record<string, string>;
      /** The params name something nobody has (a notification, a dead letter, a case): 404 for everyone who may write. */
      paramsNameNothing?: true;
    };

/** An agency on none of the matrix's cases (see matrix-fixture.ts). */
export const AGENCY_ON_NO_CASE = 'KFF';

const inDays = (days: number) => copenhagenDate(new Date(Date.now() + days * 86_400_000));

export function writeTable(): Record<string, WriteRow> {
  const future = inDays(14);
  const today = inDays(0);
  const entryPoint = { unit: 'Matrixenheden', phone: '+45 3333 0000', email: 'matrix@example.org' };
  const refused = (name: string, rule: WriteRuleKind, reasons: string[], request: RefusedWrite['request'], target?: RefusedWrite['target']): RefusedWrite => ({
    name,
    rule,
    reasons,
    request,
    ...(target ? { target } : {}),
  });
  const one = (...writes: RefusedWrite[]): WriteRow => ({ kind: 'case', refused: writes });
  const otherAgencyOn = (user: MatrixUser, facts: WriteCase) => facts.agencies.find((agency) => agency !== user.agency) ?? 'BIF';

  return {
    'POST /cases': { kind: 'referral' },
    'POST /effects/safety-index': { kind: 'not-a-case', roles: ['coordinator'], refusedBody: { csv: 'not,a,safety,index' }, refusedStatus: 400 },
    'POST /effects/staff-knowledge': { kind: 'not-a-case', roles: ['effects-admin'], refusedBody: { assessments: [] }, refusedStatus: 400 },
    // Measure definitions (effects administrators): an empty definition is refused by validation.
    'POST /effects/measures': { kind: 'not-a-case', roles: ['effects-admin'], refusedBody: {}, refusedStatus: 400 },
    'PUT /effects/measures/{code}': {
      kind: 'not-a-case',
      roles: ['effects-admin'],
      refusedBody: {},
      refusedStatus: 400,
      params: { code: 'matrix-absent-measure' },
    },
    // Notifications: one nobody has (404 for everyone who may write), a mail setting refused by
    // validation (the agency's own coordinators and liaisons), webhooks (reference-data administrators).
    'POST /notifications/{id}/read': {
      kind: 'not-a-case',
      roles: ['coordinator', 'liaison', 'reference-admin'],
      refusedBody: {},
      refusedStatus: 404,
      params: { id: randomUUID() },
      paramsNameNothing: true,
    },
    'POST /notifications/{id}/acknowledge': {
      kind: 'not-a-case',
      roles: ['coordinator', 'liaison', 'reference-admin'],
      refusedBody: {},
      refusedStatus: 404,
      params: { id: randomUUID() },
      paramsNameNothing: true,
    },
    'PUT /notification-settings/{entryPoint}': {
      kind: 'not-a-case',
      roles: ['coordinator', 'liaison'],
      refusedBody: { mailDelivery: 'weekly' },
      refusedStatus: 400,
      params: { entryPoint: 'SOF-UNGE-18-25' },
    },
    'POST /webhook-subscriptions': {
      kind: 'not-a-case',
      roles: ['reference-admin'],
      refusedBody: { agency: 'SOF', url: 'ftp://example.org/hook' },
      refusedStatus: 400,
    },
    // Break-glass opening of a sealed identity: an audited read open to everyone who sees the case,
    // auditors included (the seal spec, sealed-identity-reads, covers its rules); of a case nobody
    // has, 404 for every role, and nothing is opened.
    'POST /cases/{caseId}/seal-openings': {
      kind: 'not-a-case',
      roles: ['coordinator', 'liaison', 'auditor', 'reference-admin', 'effects-admin'],
      refusedBody: { reason: 'Matrix: break-glass of a case nobody has' },
      refusedStatus: 404,
      params: { caseId: randomUUID() },
      paramsNameNothing: true,
    },
    'POST /webhook-subscriptions/dead-letters/{deliveryId}/replay': {
      kind: 'not-a-case',
      roles: ['reference-admin'],
      refusedBody: {},
      refusedStatus: 404,
      params: { deliveryId: '999999999' },
      paramsNameNothing: true,
    },

    // ---- Lifecycle and coordination
    'POST /cases/{caseId}/close': { kind: 'case', refused: [], succeeds: ['close'] },
    'POST /cases/{caseId}/reopen': one(refused('reopen an open case', 'run-case', ['CASE_ALREADY_OPEN'], () => ({ body: { reason: 'Matrix: genåbning' } }))),
    'POST /cases/{caseId}/assessments': one(
      refused('assess on a future date', 'participant', ['DATE_IN_FUTURE'], () => ({ body: { level: 3, rationale: 'Matrix', assessedOn: future } })),
    ),
    'POST /cases/{caseId}/coordinator': one(
      refused('assign a police coordinator', 'run-case', ['COORDINATOR_ALREADY_ASSIGNED', 'COORDINATOR_NOT_MUNICIPAL'], (user) => ({
        body: { coordinatorId: user.userId, agency: 'KBH-POLITI' },
      })),
    ),
    'PUT /cases/{caseId}/coordinator': one(
      refused('hand the case to a police coordinator', 'run-case', ['NO_COORDINATOR_ASSIGNED', 'COORDINATOR_NOT_MUNICIPAL'], (user) => ({
        body: { coordinatorId: user.userId, agency: 'KBH-POLITI' },
      })),
    ),
    'POST /cases/{caseId}/agencies/{agency}': one(
      refused('bring in an agency already on the case', 'run-case', ['AGENCY_ALREADY_ON_CASE'], (_user, facts) => ({
        params: { agency: facts.agencies[0] ?? 'BIF' },
        body: {},
      })),
    ),
    'PUT /cases/{caseId}/agencies/{agency}/entry-point': {
      kind: 'case',
      refused: [
        refused(
          'change the entry point of an agency not on the case',
          'own-agency',
          ['AGENCY_NOT_ON_CASE'],
          () => ({ params: { agency: AGENCY_ON_NO_CASE }, body: { entryPoint } }),
          () => ({ agency: AGENCY_ON_NO_CASE }),
        ),
      ],
      succeeds: ['change own entry point'],
    },
    'DELETE /cases/{caseId}/agencies/{agency}': one(
      refused(
        'take an agency not on the case off it',
        'own-agency',
        ['AGENCY_NOT_ON_CASE'],
        () => ({ params: { agency: AGENCY_ON_NO_CASE } }),
        () => ({ agency: AGENCY_ON_NO_CASE }),
      ),
      refused(
        "take the coordinator's agency off the case",
        'own-agency',
        ['COORDINATOR_AGENCY_CANNOT_LEAVE', 'AGENCY_NOT_ON_CASE'],
        (_user, facts) => ({ params: { agency: facts.coordinatorAgency ?? AGENCY_ON_NO_CASE } }),
        (_user, facts) => ({ agency: facts.coordinatorAgency ?? AGENCY_ON_NO_CASE }),
      ),
    ),
    'POST /cases/{caseId}/intake-requests': one(
      // The referral intake (BIF) is on every matrix case, as on every case opened by a referral.
      refused('ask the municipality into a case the intake is on', 'participant', ['INTAKE_ALREADY_ON_CASE', 'AGENCY_NOT_ON_CASE'], () => ({})),
    ),
    'POST /cases/{caseId}/programmes': one(
      refused('enrol from a future date', 'run-case', ['ALREADY_ENROLLED', 'DATE_IN_FUTURE'], () => ({ body: { programmeCode: 'EXIT', startedOn: future } })),
    ),
    'POST /cases/{caseId}/programmes/{programmeCode}/exit': one(
      refused('exit a programme on a future date', 'run-case', ['NOT_ENROLLED', 'DATE_IN_FUTURE'], () => ({
        params: { programmeCode: 'EXIT' },
        body: { endedOn: future, exitReason: 'other' },
      })),
    ),

    // ---- Information between agencies
    'POST /cases/{caseId}/entries': {
      kind: 'case',
      refused: [
        refused('share with an agency not on the case', 'participant', ['RECIPIENT_NOT_ON_CASE', 'AGENCY_NOT_ON_CASE'], () => ({
          body: {
            entryId: randomUUID(),
            sharedWith: [AGENCY_ON_NO_CASE],
            legalBasis: 'RPL115-1-1',
            purpose: 'crime-prevention',
            sensitivity: 'normal',
            summary: 'Matrix',
          },
        })),
      ],
      succeeds: ['share information'],
    },
    'POST /cases/{caseId}/entries/{entryId}/acknowledgements': {
      kind: 'case',
      refused: [refused('acknowledge an unknown entry', 'participant', ['UNKNOWN_ENTRY', 'AGENCY_NOT_ON_CASE'], () => ({ params: { entryId: randomUUID() } }))],
      succeeds: ['acknowledge'],
    },
    'POST /cases/{caseId}/requests': one(
      refused('ask an agency not on the case', 'participant', ['RECIPIENT_NOT_ON_CASE', 'AGENCY_NOT_ON_CASE'], () => ({
        body: { requestId: randomUUID(), toAgency: AGENCY_ON_NO_CASE, question: 'Matrix?', dueDate: future, legalBasis: 'RPL115-1-1' },
      })),
    ),
    'POST /cases/{caseId}/requests/{requestId}/answer': one(
      refused('answer an unknown request', 'participant', ['UNKNOWN_REQUEST', 'AGENCY_NOT_ON_CASE'], () => ({
        params: { requestId: randomUUID() },
        body: { answer: 'Matrix' },
      })),
    ),
    'POST /cases/{caseId}/requests/{requestId}/decline': one(
      refused('decline an unknown request', 'participant', ['UNKNOWN_REQUEST', 'AGENCY_NOT_ON_CASE'], () => ({
        params: { requestId: randomUUID() },
        body: { reason: 'other' },
      })),
    ),

    // ---- Action plan and conferences
    'POST /cases/{caseId}/goals': one(
      refused('set a goal that exists', 'run-case', ['GOAL_ALREADY_EXISTS'], (_user, facts) => ({
        body: { goalId: facts.goalId, area: 'other', description: 'Matrix' },
      })),
    ),
    'POST /cases/{caseId}/actions': {
      kind: 'case',
      refused: [
        refused('add an action to an unknown goal', 'participant', ['UNKNOWN_GOAL'], (_user, facts) => ({
          body: { actionId: randomUUID(), goalId: randomUUID(), title: 'Matrix', responsibleAgency: facts.agencies[0] ?? 'BIF', dueDate: future },
        })),
      ],
      succeeds: ['add action'],
    },
    'POST /cases/{caseId}/actions/{actionId}/complete': one(
      refused('complete an unknown action', 'participant', ['UNKNOWN_ACTION'], () => ({ params: { actionId: randomUUID() }, body: { completedOn: today } })),
    ),
    'POST /cases/{caseId}/actions/{actionId}/cancel': one(
      refused('cancel an unknown action', 'participant', ['UNKNOWN_ACTION'], () => ({ params: { actionId: randomUUID() }, body: { reason: 'Matrix' } })),
    ),
    'POST /cases/{caseId}/conferences': one(
      refused('record a conference held in the future', 'run-case', ['DATE_IN_FUTURE'], () => ({
        body: { conferenceId: randomUUID(), heldOn: future, agenciesPresent: [], decisions: [] },
      })),
    ),

    // ---- Custody and justice
    'POST /cases/{caseId}/custody': one(
      refused('start custody in the future', 'participant', ['DATE_IN_FUTURE'], () => ({
        body: { custodyId: randomUUID(), kind: 'remand', institution: 'Matrix', startedOn: future },
      })),
    ),
    'PUT /cases/{caseId}/custody/expected-release': one(
      refused('move the release of a citizen not in custody', 'participant', ['NOT_IN_CUSTODY'], () => ({ body: { expectedReleaseOn: future } })),
    ),
    'POST /cases/{caseId}/custody/release': one(
      refused('release a citizen not in custody', 'participant', ['NOT_IN_CUSTODY'], () => ({ body: { releasedOn: today, conditional: false } })),
    ),
    'POST /cases/{caseId}/charges': one(
      refused('record a charge in the future', 'participant', ['DATE_IN_FUTURE', 'REPORTER_NOT_POLICE'], () => ({
        body: { chargeId: randomUUID(), offenceCategory: 'violence', chargedOn: future },
      })),
    ),
    'POST /cases/{caseId}/convictions': one(
      refused('record a conviction in the future', 'participant', ['DATE_IN_FUTURE', 'REPORTER_NOT_POLICE'], () => ({
        body: { convictionId: randomUUID(), offenceCategory: 'violence', convictedOn: future, sentence: 'Matrix' },
      })),
    ),

    // ---- Labour market
    'POST /cases/{caseId}/employments': one(
      refused('start an employment in the future', 'participant', ['DATE_IN_FUTURE'], () => ({
        body: { employmentId: randomUUID(), kind: 'ordinary', startedOn: future },
      })),
    ),
    'POST /cases/{caseId}/employments/{employmentId}/end': one(
      refused('end an unknown employment', 'participant', ['UNKNOWN_EMPLOYMENT'], () => ({ params: { employmentId: randomUUID() }, body: { endedOn: today } })),
    ),
    'POST /cases/{caseId}/educations': one(
      refused('start an education in the future', 'participant', ['DATE_IN_FUTURE'], () => ({
        body: { educationId: randomUUID(), kind: 'course', startedOn: future },
      })),
    ),
    'POST /cases/{caseId}/educations/{educationId}/end': one(
      refused('end an unknown education', 'participant', ['UNKNOWN_EDUCATION'], () => ({ params: { educationId: randomUUID() }, body: { endedOn: today } })),
    ),
    'POST /cases/{caseId}/educations/{educationId}/complete': one(
      refused('complete an unknown education', 'participant', ['UNKNOWN_EDUCATION'], () => ({
        params: { educationId: randomUUID() },
        body: { completedOn: today },
      })),
    ),
    'POST /cases/{caseId}/self-sufficiency': one(
      refused('become self-sufficient in the future', 'participant', ['DATE_IN_FUTURE'], () => ({ body: { reachedOn: future, through: 'other' } })),
    ),
    'POST /cases/{caseId}/self-sufficiency/loss': one(
      refused('lose a self-sufficiency never reached', 'participant', ['NOT_SELF_SUFFICIENT'], () => ({ body: { lostOn: today } })),
    ),
    'POST /cases/{caseId}/progression': one(
      refused('assess progression on a future date', 'participant', ['DATE_IN_FUTURE'], () => ({ body: { step: 3, assessedOn: future } })),
    ),

    // ---- Retention: legal holds and erasure
    'POST /cases/{caseId}/legal-holds': one(
      refused('place the standing hold again', 'run-case', ['LEGAL_HOLD_ALREADY_PLACED'], (_user, facts) => ({
        body: { holdId: facts.holdId, reason: 'Matrix' },
      })),
    ),
    'POST /cases/{caseId}/legal-holds/{holdId}/lift': {
      kind: 'case',
      refused: [
        // A hold that is not standing was placed by nobody: only the case's coordinator may try.
        refused(
          'lift a hold that is not standing',
          'lift-hold',
          ['LEGAL_HOLD_NOT_ACTIVE'],
          () => ({ params: { holdId: randomUUID() } }),
          () => ({}),
        ),
      ],
      succeeds: ['lift the standing hold'],
    },
    'POST /cases/{caseId}/erasure': one(
      refused('erase the citizen of an open case under a hold', 'erase-citizen', ['LEGAL_HOLD_ACTIVE', 'CASE_NOT_CLOSED'], () => ({
        body: { scope: 'citizen', reason: 'erasure-request' },
      })),
      refused(
        "erase one's own agency's part under a hold",
        'erase-agency',
        ['LEGAL_HOLD_ACTIVE'],
        (user) => ({ body: { scope: user.agency, reason: 'erasure-request' } }),
        (user) => ({ agency: user.agency }),
      ),
      refused(
        "erase another agency's part under a hold",
        'erase-agency',
        ['LEGAL_HOLD_ACTIVE'],
        (user, facts) => ({ body: { scope: otherAgencyOn(user, facts), reason: 'erasure-request' } }),
        (user, facts) => ({ agency: otherAgencyOn(user, facts) }),
      ),
    ),
  };
}

/** "POST /cases/{caseId}/agencies/{agency}" with the values filled in. */
export function pathOf(route: string, caseId: string, params: Record<string, string> = {}): { method: string; path: string } {
  const [method, template] = route.split(' ');
  const path = template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = name === 'caseId' && caseId !== '' ? caseId : params[name];
    if (value === undefined) throw new Error(`the write table gives no value for {${name}} of ${route}`);
    return encodeURIComponent(value);
  });
  return { method, path };
}
