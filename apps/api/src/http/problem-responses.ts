import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * The error answers in the OpenAPI document, written once from the rules every route follows (they
 * come from the guards, pipes and exception filter, not from each handler), so no operation can
 * forget one: every error is a `ProblemDetails` (RFC 9457, application/problem+json).
 */
const PROBLEM_DETAILS_SCHEMA = {
  type: 'object',
  description: "RFC 9457 problem details, with the project's stable reason code. Nothing in it repeats what the request sent.",
  required: ['type', 'title', 'status', 'detail', 'reason'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://samvirke.kk.dk/problems/validation-failed', description: 'One per reason.' },
    title: { type: 'string', example: 'Bad Request', description: "The status's words." },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', description: 'What went wrong and what to do, in fixed words.' },
    reason: {
      type: 'string',
      pattern: '^[A-Z][A-Z0-9_]*$',
      example: 'VALIDATION_FAILED',
      description:
        "Stable code: VALIDATION_FAILED, MALFORMED_JSON, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, REVISION_CONFLICT, UNSUPPORTED_MEDIA_TYPE, RATE_LIMITED, READ_MODEL_BEHIND, a case rule's code, ...",
    },
    violations: {
      type: 'array',
      description: 'On every 400: which field breaks which rule.',
      items: {
        type: 'object',
        required: ['field', 'rule', 'message'],
        properties: { field: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' } },
      },
    },
    currentRevision: { type: 'integer', nullable: true, description: 'On 412: the case revision to read again from.' },
    requestId: { type: 'string', description: 'On 500: quote it when you report the error.' },
  },
};

const WORDS: Record<string, string> = {
  '400': 'Invalid request: see violations.',
  '401': 'No valid bearer token.',
  '403': 'Your role may not do this (or section 115(2)).',
  '404': 'No such resource, or one you may not see (answered alike).',
  '412': 'If-Match is stale: the case has moved on (currentRevision).',
  '415': 'The body is not JSON.',
  '422': "A case rule refuses the command (reason: the rule's code).",
  '429': 'Too many requests; retry later.',
  '503': 'The database, the read audit or the read models are not available in time; retry (Retry-After).',
};

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

export function documentProblems(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas['ProblemDetails'] = PROBLEM_DETAILS_SCHEMA;
  const problem = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
  });
  for (const [template, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as Array<[string, { security?: unknown[]; responses?: Record<string, unknown> }]>) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      if (isPublic) continue;
      const write = WRITE_METHODS.has(method);
      const statuses = ['400', '401', '403', '429', '503'];
      // A path parameter can name nothing there is (or nothing the caller may see).
      if (template.includes('{')) statuses.push('404');
      if (write) statuses.push('415');
      if (write && template.startsWith('/cases')) statuses.push('422');
      if (write && template.startsWith('/cases/{caseId}')) statuses.push('412');
      operation.responses ??= {};
      for (const status of statuses) operation.responses[status] ??= problem(WORDS[status]);
    }
  }
}
