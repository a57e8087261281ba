import { randomUUID } from 'node:crypto';
import { testCitizen } from '../../support/citizens';
import { copenhagenDate } from '@samvirke/case';

/**
 * One valid request per write endpoint, keyed as the OpenAPI document names it (`POST
 * /cases/{caseId}/entries`). The fuzzer starts from these and breaks them one way at a time, so
 * each run reaches deep into validation and the domain instead of failing on the first field.
 * The document cannot give bodies itself: under Jest the swagger CLI plugin does not run, so the
 * DTO schemas there are empty. A write endpoint missing here fails the coverage test.
 */
export interface ValidWriteRequest {
  /** Values for the path parameters other than caseId. */
  params: Record<string, () => string>;
  body?: () => Record<string, unknown>;
}

const day = (offset = 0) => copenhagenDate(new Date(Date.now() + offset * 86_400_000));
const entryPoint = () => ({ unit: 'Ungeenheden', contactPerson: 'Eva', phone: '+45 3333 4444', email: 'unge@sof.example.org' });

const FUZZ_MEASURE = { title: 'Fuzz measure', anchor: 'enrolment', windowMonths: 3, predicate: { kind: 'self-sufficient-at' } };

export const VALID_WRITE_REQUESTS: Record<string, ValidWriteRequest> = {
  'POST /cases': {
    params: {},
    body: () => {
      const citizen = testCitizen();
      return {
        cpr: citizen.cpr,
        name: citizen.name,
        birthDate: citizen.birthDate,
        districtCode: 'NORREBRO-1',
        reason: 'Fuzz',
        referrerEntryPoint: entryPoint(),
      };
    },
  },
  'POST /cases/{caseId}/close': { params: {}, body: () => ({ reason: 'other', note: 'Fuzz' }) },
  'POST /cases/{caseId}/reopen': { params: {}, body: () => ({ reason: 'Fuzz' }) },
  'POST /cases/{caseId}/assessments': { params: {}, body: () => ({ level: 3, rationale: 'Fuzz', assessedOn: day() }) },
  'POST /cases/{caseId}/coordinator': { params: {}, body: () => ({ coordinatorId: 'fuzz-coord', agency: 'BIF' }) },
  'PUT /cases/{caseId}/coordinator': { params: {}, body: () => ({ coordinatorId: 'fuzz-coord-2', agency: 'BIF' }) },
  'POST /cases/{caseId}/agencies/{agency}': { params: { agency: () => 'KBH-FAENGSLER' }, body: () => ({ entryPoint: entryPoint() }) },
  'PUT /cases/{caseId}/agencies/{agency}/entry-point': { params: { agency: () => 'SOF' }, body: () => ({ entryPoint: entryPoint() }) },
  'DELETE /cases/{caseId}/agencies/{agency}': { params: { agency: () => 'KBH-FAENGSLER' } },
  'POST /cases/{caseId}/intake-requests': { params: {} },
  'POST /cases/{caseId}/programmes': { params: {}, body: () => ({ programmeCode: 'SSP_PLUS', startedOn: day() }) },
  'POST /cases/{caseId}/programmes/{programmeCode}/exit': {
    params: { programmeCode: () => 'SSP_PLUS' },
    body: () => ({ endedOn: day(), exitReason: 'completed' }),
  },
  'POST /cases/{caseId}/entries': {
    params: {},
    body: () => ({ entryId: randomUUID(), sharedWith: ['SOF'], legalBasis: 'RPL115-1-1', purpose: 'crime-prevention', sensitivity: 'normal', summary: 'Fuzz' }),
  },
  'POST /cases/{caseId}/entries/{entryId}/acknowledgements': { params: { entryId: randomUUID } },
  'POST /cases/{caseId}/requests': {
    params: {},
    body: () => ({ requestId: randomUUID(), toAgency: 'SOF', question: 'Fuzz?', dueDate: day(7), legalBasis: 'RPL115-1-1' }),
  },
  'POST /cases/{caseId}/requests/{requestId}/answer': { params: { requestId: randomUUID }, body: () => ({ answer: 'Fuzz' }) },
  'POST /cases/{caseId}/requests/{requestId}/decline': { params: { requestId: randomUUID }, body: () => ({ reason: 'other', note: 'Fuzz' }) },
  'POST /effects/safety-index': {
    params: {},
    body: () => ({
      csv: 'district,year,felt_safety,violence-threats,burglary,theft,narcotics,vandalism,harassment\nNORREBRO-1,2025,71,4.2,3.1,8.0,2.2,5.5,3.3',
    }),
  },
  'POST /effects/staff-knowledge': {
    params: {},
    body: () => ({
      assessments: [
        { programme: 'VINK', agency: 'KFF', unit: 'fuzz-club', trainingId: 'fuzz-1', phase: 'before', assessedOn: day(-30), staffAssessed: 8, meanScore: 55.5 },
      ],
    }),
  },
  // A measure of the fuzz test's own (a fixed code: added once, then 409; changed in place), so the
  // shipped definitions other files report on never get new versions.
  'POST /effects/measures': { params: {}, body: () => ({ code: 'fuzz-measure', ...FUZZ_MEASURE }) },
  'PUT /effects/measures/{code}': { params: { code: () => 'fuzz-measure' }, body: () => ({ ...FUZZ_MEASURE }) },
  'POST /notifications/{id}/read': { params: { id: randomUUID } },
  'POST /notifications/{id}/acknowledge': { params: { id: randomUUID } },
  'PUT /notification-settings/{entryPoint}': { params: { entryPoint: () => 'SOF-UNGE-18-25' }, body: () => ({ mailDelivery: 'immediate' }) },
  'POST /webhook-subscriptions': { params: {}, body: () => ({ agency: 'KFF', url: 'https://webhook.example.invalid/samvirke' }) },
  'POST /webhook-subscriptions/dead-letters/{deliveryId}/replay': { params: { deliveryId: () => '999999999' } },
  'POST /cases/{caseId}/erasure': { params: {}, body: () => ({ scope: 'citizen', reason: 'erasure-request' }) },
  'POST /cases/{caseId}/legal-holds': { params: {}, body: () => ({ holdId: randomUUID(), reason: 'Fuzz' }) },
  'POST /cases/{caseId}/legal-holds/{holdId}/lift': { params: { holdId: randomUUID } },
  'POST /cases/{caseId}/goals': { params: {}, body: () => ({ goalId: randomUUID(), area: 'employment', description: 'Fuzz' }) },
  'POST /cases/{caseId}/actions': {
    params: {},
    body: () => ({ actionId: randomUUID(), goalId: randomUUID(), title: 'Fuzz', responsibleAgency: 'BIF', dueDate: day(14) }),
  },
  'POST /cases/{caseId}/actions/{actionId}/complete': { params: { actionId: randomUUID }, body: () => ({ completedOn: day() }) },
  'POST /cases/{caseId}/actions/{actionId}/cancel': { params: { actionId: randomUUID }, body: () => ({ reason: 'Fuzz' }) },
  'POST /cases/{caseId}/conferences': {
    params: {},
    body: () => ({
      conferenceId: randomUUID(),
      heldOn: day(),
      agenciesPresent: ['BIF', 'SOF'],
      decisions: [
        { decisionId: randomUUID(), text: 'Fuzz', createsAction: { actionId: randomUUID(), responsibleAgency: 'SOF', dueDate: day(10), title: 'Fuzz' } },
      ],
    }),
  },
  'POST /cases/{caseId}/custody': {
    params: {},
    body: () => ({ custodyId: randomUUID(), kind: 'remand', institution: 'Vestre Fængsel', startedOn: day(), expectedReleaseOn: day(90) }),
  },
  'PUT /cases/{caseId}/custody/expected-release': { params: {}, body: () => ({ expectedReleaseOn: day(120) }) },
  'POST /cases/{caseId}/custody/release': { params: {}, body: () => ({ releasedOn: day(), conditional: true }) },
  'POST /cases/{caseId}/charges': { params: {}, body: () => ({ chargeId: randomUUID(), offenceCategory: 'burglary', chargedOn: day() }) },
  'POST /cases/{caseId}/convictions': {
    params: {},
    body: () => ({ convictionId: randomUUID(), chargeId: randomUUID(), offenceCategory: 'burglary', convictedOn: day(), sentence: 'Fuzz' }),
  },
  'POST /cases/{caseId}/employments': { params: {}, body: () => ({ employmentId: randomUUID(), kind: 'wage-subsidy', startedOn: day() }) },
  'POST /cases/{caseId}/employments/{employmentId}/end': { params: { employmentId: randomUUID }, body: () => ({ endedOn: day() }) },
  'POST /cases/{caseId}/educations': { params: {}, body: () => ({ educationId: randomUUID(), kind: 'vocational', startedOn: day() }) },
  'POST /cases/{caseId}/educations/{educationId}/end': { params: { educationId: randomUUID }, body: () => ({ endedOn: day() }) },
  'POST /cases/{caseId}/educations/{educationId}/complete': { params: { educationId: randomUUID }, body: () => ({ completedOn: day() }) },
  'POST /cases/{caseId}/self-sufficiency': { params: {}, body: () => ({ reachedOn: day(), through: 'education' }) },
  'POST /cases/{caseId}/seal-openings': { params: {}, body: () => ({ reason: 'Fuzz: break-glass with a stated reason' }) },
  'POST /cases/{caseId}/self-sufficiency/loss': { params: {}, body: () => ({ lostOn: day() }) },
  'POST /cases/{caseId}/progression': { params: {}, body: () => ({ step: 3, assessedOn: day(), note: 'Fuzz' }) },
};
