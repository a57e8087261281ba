'use strict';
const { randomUUID } = require('node:crypto');

/**
 * The peer's routes: the commands the HTTP mix sends (bench/http/command-mix.js) and the ones that
 * open a case for it (bench/http/case-setup.js), with the same paths and JSON bodies as the API.
 *
 * Validation is about as deep as the API's DTOs (libs/command-api/src/dto): types, UUIDs, calendar
 * dates, closed sets, text lengths, codes known to the reference data, no unknown properties. What
 * the peer leaves out: authentication (the Authorization header is taken as the acting agency's
 * code, unverified), write policy, idempotency keys, If-Match, sealing (personal text is stored as
 * `{ sealed: <the text> }`, so the decider gets the shape it expects), the audit row, the CPR lookup
 * of a referral (every POST /cases opens a new case and answers its id), event metadata.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CPR = /^\d{6}-?\d{4}$/;
// libs/field-rules: MAX_TEXT, MAX_SHORT_TEXT.
const MAX_TEXT = 4_000;
const MAX_SHORT_TEXT = 200;
const CODE_NAMES = { agencies: 'agency', districts: 'district', legalBases: 'legal basis' };

/** A rule answers a message when the value breaks it; `context` holds the reference data and `isIsoDate`. */
const rules = {
  uuid: () => (value) => (typeof value === 'string' && UUID.test(value) ? undefined : 'must be a UUID'),
  date: () => (value, context) => (typeof value === 'string' && context.isIsoDate(value) ? undefined : 'must be a calendar date written yyyy-mm-dd'),
  text: (max) => (value) =>
    typeof value === 'string' && value.trim().length > 0 && value.length <= max ? undefined : `must be text of 1 to ${max} characters`,
  oneOf: (allowed) => (value) => (allowed.includes(value) ? undefined : `must be one of ${allowed.join(', ')}`),
  boolean: () => (value) => (typeof value === 'boolean' ? undefined : 'must be true or false'),
  integer: (min, max) => (value) => (Number.isInteger(value) && value >= min && value <= max ? undefined : `must be a whole number from ${min} to ${max}`),
  cpr: () => (value) => (typeof value === 'string' && CPR.test(value) ? undefined : 'must be a CPR number DDMMYY-SSSS'),
  known: (kind) => (value, context) => (typeof value === 'string' && context.refData[kind].has(value) ? undefined : `must be a known ${CODE_NAMES[kind]} code`),
  knownList: (kind, min, max) => (value, context) =>
    Array.isArray(value) && value.length >= min && value.length <= max && value.every((code) => typeof code === 'string' && context.refData[kind].has(code))
      ? undefined
      : `must be a list of ${min} to ${max} known ${CODE_NAMES[kind]} codes`,
};
const optional = (rule) => Object.assign((value, context) => (value === undefined ? undefined : rule(value, context)), { optional: true });

/** The violations of a body against its shape ({ field: rule }), as the API reports them (400). */
function bodyViolations(body, shape, context) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [{ field: '(body)', message: 'must be a JSON object' }];
  const violations = [];
  for (const field of Object.keys(body)) if (!(field in shape)) violations.push({ field, message: 'is not a field of this command' });
  for (const [field, rule] of Object.entries(shape)) {
    const message = rule(body[field], context);
    if (message) violations.push({ field, message });
  }
  return violations;
}

const sealed = (text) => ({ sealed: text });

/**
 * One row per command: method, path (`:name` segments are checked by `params`), the answer's status,
 * the body's shape, and the case command built from the request. `opens`: the row opens a new case.
 */
const PEER_ROUTES = [
  {
    method: 'POST',
    path: '',
    opens: true,
    status: 201,
    body: { cpr: rules.cpr(), name: rules.text(MAX_SHORT_TEXT), birthDate: rules.date(), districtCode: rules.known('districts'), reason: rules.text(MAX_TEXT) },
    build: ({ caseId, body, agency }) => ({
      type: 'OpenCase',
      data: {
        citizenId: caseId,
        name: sealed(body.name),
        cpr: sealed(body.cpr),
        birthDate: body.birthDate,
        districtCode: body.districtCode,
        sealedBirthDate: sealed(body.birthDate),
        sealedDistrictCode: sealed(body.districtCode),
        referredBy: agency,
        reason: sealed(body.reason),
      },
    }),
  },
  {
    method: 'POST',
    path: 'assessments',
    status: 201,
    body: { level: rules.integer(1, 4), rationale: rules.text(MAX_TEXT), assessedOn: rules.date() },
    build: ({ body, agency }) => ({
      type: 'AssessSspCategory',
      data: { level: body.level, rationale: sealed(body.rationale), assessedBy: agency, assessedOn: body.assessedOn },
    }),
  },
  {
    method: 'POST',
    path: 'coordinator',
    status: 201,
    body: { coordinatorId: rules.text(MAX_SHORT_TEXT), agency: rules.known('agencies') },
    build: ({ body }) => ({ type: 'AssignCoordinator', data: { coordinatorId: body.coordinatorId, agency: body.agency } }),
  },
  {
    method: 'POST',
    path: 'agencies/:agency',
    params: { agency: rules.known('agencies') },
    status: 201,
    body: {},
    build: ({ params }) => ({ type: 'JoinCase', data: { agency: params.agency } }),
  },
  {
    method: 'POST',
    path: 'entries',
    status: 201,
    body: {
      entryId: rules.uuid(),
      sharedWith: rules.knownList('agencies', 1, 20),
      legalBasis: rules.known('legalBases'),
      purpose: rules.oneOf(['crime-prevention', 'criminal-investigation']),
      sensitivity: rules.oneOf(['normal', 'sensitive', 'sealed-identity']),
      summary: rules.text(MAX_TEXT),
      sharedOn: optional(rules.date()),
    },
    build: ({ body, agency }) => ({
      type: 'ShareInformation',
      data: {
        entryId: body.entryId,
        fromAgency: agency,
        sharedWith: body.sharedWith,
        legalBasis: body.legalBasis,
        purpose: body.purpose,
        sensitivity: body.sensitivity,
        summary: sealed(body.summary),
        ...(body.sharedOn === undefined ? {} : { sharedOn: body.sharedOn }),
      },
    }),
  },
  {
    method: 'POST',
    path: 'entries/:entryId/acknowledgements',
    params: { entryId: rules.uuid() },
    status: 201,
    body: {},
    build: ({ params, agency }) => ({ type: 'AcknowledgeInformation', data: { entryId: params.entryId.toLowerCase(), agency } }),
  },
  {
    method: 'POST',
    path: 'actions',
    status: 201,
    body: {
      actionId: rules.uuid(),
      goalId: optional(rules.uuid()),
      title: rules.text(MAX_SHORT_TEXT),
      responsibleAgency: rules.known('agencies'),
      dueDate: rules.date(),
    },
    build: ({ body }) => ({
      type: 'AddAction',
      data: { actionId: body.actionId, goalId: body.goalId, title: sealed(body.title), responsibleAgency: body.responsibleAgency, dueDate: body.dueDate },
    }),
  },
  {
    method: 'POST',
    path: 'custody',
    status: 201,
    body: {
      custodyId: rules.uuid(),
      kind: rules.oneOf(['remand', 'sentence']),
      institution: rules.text(MAX_SHORT_TEXT),
      startedOn: rules.date(),
      expectedReleaseOn: optional(rules.date()),
    },
    build: ({ body }) => ({
      type: 'StartCustody',
      data: { custodyId: body.custodyId, kind: body.kind, institution: body.institution, startedOn: body.startedOn, expectedReleaseOn: body.expectedReleaseOn },
    }),
  },
  {
    method: 'POST',
    path: 'custody/release',
    status: 200,
    body: { releasedOn: rules.date(), conditional: rules.boolean() },
    build: ({ body }) => ({ type: 'ReleaseFromCustody', data: { releasedOn: body.releasedOn, conditional: body.conditional } }),
  },
  {
    method: 'POST',
    path: 'employments',
    status: 201,
    body: { employmentId: rules.uuid(), kind: rules.oneOf(['ordinary', 'wage-subsidy', 'internship', 'flexible']), startedOn: rules.date() },
    build: ({ body }) => ({ type: 'StartEmployment', data: { employmentId: body.employmentId, kind: body.kind, startedOn: body.startedOn } }),
  },
  {
    method: 'POST',
    path: 'employments/:employmentId/end',
    params: { employmentId: rules.uuid() },
    status: 200,
    body: { endedOn: rules.date() },
    build: ({ params, body }) => ({ type: 'EndEmployment', data: { employmentId: params.employmentId.toLowerCase(), endedOn: body.endedOn } }),
  },
];

/** Each route's path as segments under /cases/:caseId ('' is POST /cases itself). */
const COMPILED = PEER_ROUTES.map((route) => ({ route, segments: route.path === '' ? [] : route.path.split('/') }));

/**
 * The route a request names, with its case id and path parameters, or undefined. Path parameters are
 * checked with the route's rules here; a failed check answers the violations.
 */
function matchRoute(method, pathname, context) {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] !== 'cases') return undefined;
  for (const { route, segments } of COMPILED) {
    if (route.method !== method) continue;
    if (route.opens ? parts.length !== 1 : parts.length !== segments.length + 2) continue;
    const params = {};
    const fits = segments.every((segment, index) => {
      const part = decodeURIComponent(parts[index + 2]);
      if (segment.startsWith(':')) params[segment.slice(1)] = part;
      return segment.startsWith(':') || segment === part;
    });
    if (!fits) continue;
    const caseId = route.opens ? randomUUID() : parts[1].toLowerCase();
    const violations = [];
    if (!route.opens && !UUID.test(caseId)) violations.push({ field: 'caseId', message: 'must be a UUID' });
    for (const [name, rule] of Object.entries(route.params ?? {})) {
      const message = rule(params[name], context);
      if (message) violations.push({ field: name, message });
    }
    return { route, caseId, params, violations };
  }
  return undefined;
}

module.exports = { PEER_ROUTES, matchRoute, bodyViolations };
