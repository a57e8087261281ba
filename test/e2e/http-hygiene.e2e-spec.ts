import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createApiChild, type ApiChild, type HttpAnswer } from '../support/api-child';
import { testDatabaseUrl } from '../support/test-database';
import type { TestUser } from '../support/tokens';
import { caseIdOfCitizen } from '../support/referrals';
import { VALID_WRITE_REQUESTS } from './fuzz/valid-write-requests';

/**
 * What every HTTP answer keeps, walked over every operation of the OpenAPI document so that a new
 * route is covered without editing this file (issue 15):
 * - an answer to an authenticated request is never stored by a cache (`Cache-Control: no-store`);
 * - nothing the client sent (path, query, headers, body) comes back in any answer, and every error
 *   has the project's one shape (RFC 9457 problem details with a reason code), whatever raised it;
 * - a police user declaring a criminal investigation is refused every write exactly as every read
 *   (section 115(2)), whatever the case, and nothing is appended.
 * It runs the built API (dist/) as a child process: only the build's OpenAPI document carries the
 * query parameters and body schemas (the swagger plugin does not run under Jest).
 */
const PUBLIC_PATHS = /^\/(health|metrics|docs)(\/|$)/;
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];
/** Sees (nearly) everything, so the walk reaches 2xx answers and not only role refusals. */
const walker: TestUser = { userId: `hygiene-walker-${randomUUID()}`, agency: 'BIF', roles: ['coordinator', 'auditor', 'reference-admin'] };
const sofCoordinator: TestUser = { userId: `hygiene-sof-${randomUUID()}`, agency: 'SOF', roles: ['coordinator'] };
const police: TestUser[] = [
  { userId: `hygiene-police-coord-${randomUUID()}`, agency: 'KBH-POLITI', roles: ['coordinator'] },
  { userId: `hygiene-police-liaison-${randomUUID()}`, agency: 'KBH-POLITI', roles: ['liaison'] },
];

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: { enum?: string[] };
}
interface Operation {
  method: string;
  template: string;
  parameters: Parameter[];
  bodyProperties: string[];
}

describe('HTTP hygiene over every route of the OpenAPI document', () => {
  let api: ApiChild;
  let pool: Pool;
  let operations: Operation[];
  /** A case the walker coordinates with KBH-POLITI and SOF on it. */
  let caseOn: string;
  /** A case of SOF's only: the police are not on it. */
  let caseOff: string;
  let measureCode: string;

  beforeAll(async () => {
    api = await createApiChild({ databaseUrl: testDatabaseUrl() });
    await api.start();
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
    const document = await api.request('GET', '/docs/openapi.json');
    expect(document.status).toBe(200);
    operations = operationsOf(document.body as OpenApiDocument);
    caseOn = await openCase(walker);
    for (const agency of ['KBH-POLITI', 'SOF'])
      expect((await api.request('POST', `/cases/${caseOn}/agencies/${agency}`, { user: walker, body: {} })).status).toBe(201);
    caseOff = await openCase(sofCoordinator);
    // Taken over at intake by the walker, so another BIF coordinator does not see it as intake.
    expect((await api.request('POST', `/cases/${caseOff}/coordinator`, { user: walker, body: { coordinatorId: walker.userId, agency: 'BIF' } })).status).toBe(
      201,
    );
    const measures = await api.request('GET', '/effects/measures', { user: walker });
    measureCode = String(((measures.body as { items?: Array<{ code: string }> }).items ?? [])[0]?.code ?? 'none');
  }, 120_000);
  afterAll(async () => {
    await api?.dispose();
    await pool?.end();
  });

  async function openCase(user: TestUser): Promise<string> {
    const body = VALID_WRITE_REQUESTS['POST /cases'].body!() as { cpr: string };
    const opened = await api.request('POST', '/cases', { user, body });
    expect(opened.status).toBe(202);
    return await caseIdOfCitizen(body.cpr);
  }

  function keyOf(operation: Operation): string {
    return `${operation.method} ${operation.template}`;
  }

  /** A value for each path parameter that reaches the handler (a real case, a known code). */
  function pathOf(operation: Operation, caseId: string, overrides: Record<string, string> = {}): string {
    const example = VALID_WRITE_REQUESTS[keyOf(operation)];
    return operation.template.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name in overrides) return encodeURIComponent(overrides[name]);
      if (name === 'caseId') return caseId;
      const fromExample = example?.params[name];
      if (fromExample) return encodeURIComponent(fromExample());
      return encodeURIComponent(KNOWN_PATH_VALUES[name]?.() ?? (name === 'code' ? measureCode : randomUUID()));
    });
  }

  const isPublic = (operation: Operation) => PUBLIC_PATHS.test(operation.template);

  describe('Cache-Control: no-store on every authenticated answer', () => {
    it('holds for every GET of the document (2xx, errors, every format), and for refusals and unknown routes', async () => {
      const missing: string[] = [];
      const check = (label: string, answer: HttpAnswer) => {
        if (!/\bno-store\b/.test(answer.headers.get('cache-control') ?? ''))
          missing.push(`${label} → ${answer.status} Cache-Control: ${answer.headers.get('cache-control')}`);
      };
      const reads = operations.filter((operation) => operation.method === 'GET' && !isPublic(operation));
      expect(reads.length).toBeGreaterThan(20);
      let successes = 0;
      for (const operation of reads) {
        const path = pathOf(operation, caseOn);
        const variants = [path, ...formatsOf(operation).map((format) => `${path}?format=${format}`)];
        for (const url of variants) {
          const answer = await api.request('GET', url, { user: walker });
          if (answer.status < 300) successes++;
          check(`GET ${url}`, answer);
        }
        // Errors of the same route: a case that does not exist, a malformed id, no token at all.
        check(`GET ${operation.template} missing case`, await api.request('GET', pathOf(operation, randomUUID()), { user: walker }));
        check(
          `GET ${operation.template} malformed`,
          await api.request('GET', pathOf(operation, 'not-a-uuid', { list: 'x', agencyCode: 'x', code: 'x' }), { user: walker }),
        );
        check(`GET ${operation.template} without token`, await api.request('GET', path));
      }
      // The walk must reach data, or it proves nothing about the answers that carry it.
      expect(successes).toBeGreaterThan(reads.length / 2);
      for (const operation of operations.filter((candidate) => WRITE_METHODS.includes(candidate.method.toLowerCase()))) {
        check(`${keyOf(operation)} invalid body`, await api.request(operation.method, pathOf(operation, caseOn), { user: walker, body: { unknownField: 1 } }));
      }
      check('GET unknown route', await api.request('GET', '/no-such-route', { user: walker }));
      check('POST malformed JSON', await rawPost(api, `/cases/${caseOn}/progression`, '{"step":', walker));
      // Paths the router refuses before any hook runs: answered with the same fixed headers all the same.
      for (const [label, path] of [
        ['malformed percent-encoding', '/cases/%ZZ/timeline'],
        ['a path segment over the router limit', `/cases/${'a'.repeat(3000)}/timeline`],
      ]) {
        const answer = await api.request('GET', path, { user: walker });
        check(`GET ${label}`, answer);
        if (answer.headers.get('x-content-type-options') !== 'nosniff' || !answer.headers.get('x-request-id'))
          missing.push(`GET ${label} → ${answer.status} without the security headers or a request id`);
      }
      expect(missing).toEqual([]);
    }, 180_000);
  });

  describe('no input echoed, and one error shape', () => {
    it('never answers with a marker sent in a path segment, a query value, a header or a body field, on any route or an unknown one', async () => {
      const problems: string[] = [];
      const probe = async (
        label: string,
        method: string,
        build: (marker: string) => { path: string; headers?: Record<string, string>; body?: unknown; raw?: string },
      ) => {
        const marker = newMarker();
        const request = build(marker);
        const answer =
          request.raw !== undefined
            ? await rawPost(api, request.path, request.raw, walker, method)
            : await api.request(method, request.path, { user: walker, headers: request.headers, body: request.body });
        const where = `${label} (${method} ${request.path.slice(0, 120)}) → ${answer.status}`;
        if (answer.text.toLowerCase().includes(marker.toLowerCase())) problems.push(`${where}: body echoes the marker: ${answer.text.slice(0, 200)}`);
        for (const [name, value] of answer.headers)
          if (value.toLowerCase().includes(marker.toLowerCase())) problems.push(`${where}: header ${name} echoes the marker`);
        if (answer.status >= 400) {
          const shape = shapeProblem(answer);
          if (shape) problems.push(`${where}: ${shape}: ${answer.text.slice(0, 200)}`);
        }
      };
      const routes = operations.filter((operation) => !isPublic(operation));
      for (const operation of routes) {
        const { method } = operation;
        const example = VALID_WRITE_REQUESTS[keyOf(operation)];
        const validBody = () => (example?.body ? example.body() : WRITE_METHODS.includes(method.toLowerCase()) ? {} : undefined);
        const pathNames = operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
        const queryNames = operation.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
        for (const name of pathNames) {
          await probe(`path parameter ${name}`, method, (marker) => ({ path: pathOf(operation, caseOn, { [name]: marker }), body: validBody() }));
          await probe(`path parameter ${name}, padded like a code`, method, (marker) => ({
            path: pathOf(operation, caseOn, { [name]: `${marker.toUpperCase()}-X` }),
            body: validBody(),
          }));
        }
        for (const name of [...queryNames, 'unexpected']) {
          await probe(`query ${name}`, method, (marker) => ({ path: `${pathOf(operation, caseOn)}?${name}=${marker}`, body: validBody() }));
        }
        for (const header of ['X-Purpose', 'If-Match', 'Idempotency-Key', 'X-Correlation-Id', 'X-Marker', 'Accept-Language']) {
          await probe(`header ${header}`, method, (marker) => ({ path: pathOf(operation, caseOn), headers: { [header]: marker }, body: validBody() }));
        }
        if (WRITE_METHODS.includes(method.toLowerCase())) {
          const base = validBody() ?? {};
          const fields = [...new Set([...operation.bodyProperties, ...Object.keys(base)])];
          await probe('every body field', method, (marker) => ({
            path: pathOf(operation, caseOn),
            body: Object.fromEntries(fields.map((field) => [field, marker])),
          }));
          for (const field of fields) {
            await probe(`body field ${field}`, method, (marker) => ({ path: pathOf(operation, caseOn), body: { ...(validBody() ?? {}), [field]: marker } }));
          }
          await probe('an unknown body field named like the marker', method, (marker) => ({
            path: pathOf(operation, caseOn),
            body: { ...(validBody() ?? {}), [marker]: 1 },
          }));
          await probe('malformed JSON', method, (marker) => ({ path: pathOf(operation, caseOn), raw: `{"${marker}": ` }));
        }
      }
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
        await probe('unknown route', method, (marker) => ({ path: `/${marker}` }));
        await probe('unknown route under a case', method, (marker) => ({ path: `/cases/${caseOn}/${marker}` }));
        await probe('unknown route, query', method, (marker) => ({ path: `/no-such-route?q=${marker}` }));
      }
      expect(problems).toEqual([]);
    }, 300_000);
  });

  describe('the OpenAPI document', () => {
    it('gives every operation a summary and its error answers as problem details, and marks the public ones (health, metrics) as needing no token', async () => {
      const document = (await api.request('GET', '/docs/openapi.json')).body as OpenApiDocument & { security?: unknown[] };
      expect(document.security).toEqual([{ bearer: [] }]);
      const problems: string[] = [];
      for (const [template, methods] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(methods) as Array<[string, { summary?: string; security?: unknown[] }]>) {
          if (typeof operation.summary !== 'string' || operation.summary === '') problems.push(`${method} ${template}: no summary`);
          const markedPublic = Array.isArray(operation.security) && operation.security.length === 0;
          if (markedPublic !== PUBLIC_PATHS.test(template)) problems.push(`${method} ${template}: ${markedPublic ? 'marked public' : 'not marked public'}`);
          if (markedPublic && (await api.request(method.toUpperCase(), template)).status === 401)
            problems.push(`${method} ${template}: marked public but answers 401 without a token`);
          // The errors a client must handle are in the document, as problem details.
          const expected = markedPublic
            ? []
            : [
                '400',
                '401',
                '403',
                ...(WRITE_METHODS.includes(method) ? ['415'] : []),
                ...(WRITE_METHODS.includes(method) && template.startsWith('/cases/{caseId}') ? ['412'] : []),
              ];
          for (const status of expected) {
            const documented = (operation as { responses?: Record<string, { content?: Record<string, unknown> }> }).responses?.[status];
            if (!documented?.content?.['application/problem+json']) problems.push(`${method} ${template}: ${status} not documented as problem+json`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  });

  describe('one error shape for every kind of error', () => {
    it("answers each kind (Nest's own, unknown routes, body parser, media type, throttler, guards, case rules, preconditions, 503) as problem+json with its reason, echoing nothing", async () => {
      // Few requests a minute and a short consistency wait: the 429 and the 503 within a test's time.
      const strict = await createApiChild({ databaseUrl: testDatabaseUrl(), extra: { RATE_LIMIT_PER_MINUTE: '2', CONSISTENCY_WAIT_MS: '100' } });
      try {
        await strict.start();
        const auditor: TestUser = { userId: `hygiene-auditor-${randomUUID()}`, agency: 'OKF', roles: ['auditor'] };
        const bifCoordinator: TestUser = { userId: `hygiene-bif-${randomUUID()}`, agency: 'BIF', roles: ['coordinator'] };
        const fresh = await openCase(walker);
        const send = (
          method: string,
          path: string,
          options: { user?: TestUser; headers?: Record<string, string>; body?: unknown; raw?: string; contentType?: string; on?: ApiChild } = {},
        ) =>
          options.raw !== undefined
            ? rawSend(options.on ?? api, method, path, options.raw, options.user, options.contentType ?? 'application/json', options.headers)
            : (options.on ?? api).request(method, path, { user: options.user, headers: options.headers, body: options.body });
        const kinds: Array<[string, (marker: string) => Promise<HttpAnswer>, number, string]> = [
          ['no token', (m) => send('GET', `/cases/${fresh}`, { headers: { 'X-Marker': m } }), 401, 'UNAUTHENTICATED'],
          ['a token that is not one', (m) => send('GET', `/cases/${fresh}`, { headers: { authorization: `Bearer ${m}` } }), 401, 'UNAUTHENTICATED'],
          ['an auditor writing (guard)', (m) => send('POST', `/cases/${fresh}/close`, { user: auditor, body: { reason: m } }), 403, 'FORBIDDEN'],
          [
            'a role the route does not allow (guard)',
            (m) => send('POST', '/effects/safety-index', { user: { ...auditor, roles: ['liaison'] }, body: { csv: m } }),
            403,
            'FORBIDDEN',
          ],
          [
            'section 115(2)',
            (m) => send('GET', `/cases/${fresh}`, { user: police[1], headers: { 'X-Purpose': 'criminal-investigation', 'X-Marker': m } }),
            403,
            'DISCLOSURE_FOR_INVESTIGATION_REFUSED',
          ],
          ['a case that does not exist', (m) => send('GET', `/cases/${randomUUID()}`, { user: walker, headers: { 'X-Marker': m } }), 404, 'NOT_FOUND'],
          [
            'a case the caller may not see',
            (m) => send('POST', `/cases/${caseOff}/close`, { user: bifCoordinator, body: { reason: 'other' }, headers: { 'X-Marker': m } }),
            404,
            'NOT_FOUND',
          ],
          ['an unknown route', (m) => send('GET', `/${m}?q=${m}`, { user: walker }), 404, 'NOT_FOUND'],
          ['an unknown route, no token', (m) => send('DELETE', `/${m}`), 404, 'NOT_FOUND'],
          ['a malformed id (ParseUUIDPipe)', (m) => send('GET', `/cases/${m}`, { user: walker }), 400, 'VALIDATION_FAILED'],
          [
            'invalid fields (validation pipe)',
            (m) => send('POST', `/cases/${fresh}/assessments`, { user: walker, body: { level: m, rationale: m, assessedOn: m } }),
            400,
            'VALIDATION_FAILED',
          ],
          [
            'an unknown code in the path (pipe)',
            (m) => send('POST', `/cases/${fresh}/agencies/${m.toUpperCase()}`, { user: walker, body: {} }),
            400,
            'VALIDATION_FAILED',
          ],
          [
            'an If-Match that is no revision',
            (m) => send('POST', `/cases/${fresh}/close`, { user: walker, headers: { 'If-Match': m }, body: { reason: 'other' } }),
            400,
            'VALIDATION_FAILED',
          ],
          ['malformed JSON (body parser)', (m) => send('POST', `/cases/${fresh}/close`, { user: walker, raw: `{"reason": "${m}` }), 400, 'MALFORMED_JSON'],
          [
            'JSON nested too deeply (body parser)',
            (m) => send('POST', `/cases/${fresh}/close`, { user: walker, raw: `${'['.repeat(40)}"${m}"${']'.repeat(40)}` }),
            400,
            'MALFORMED_JSON',
          ],
          [
            'a body too large (body parser)',
            (m) => send('POST', `/cases/${fresh}/close`, { user: walker, raw: JSON.stringify({ reason: m.repeat(30_000) }) }),
            413,
            'PAYLOAD_TOO_LARGE',
          ],
          [
            'a form-encoded body',
            (m) => send('POST', `/cases/${fresh}/close`, { user: walker, raw: `reason=${m}`, contentType: 'application/x-www-form-urlencoded' }),
            415,
            'UNSUPPORTED_MEDIA_TYPE',
          ],
          [
            'a text/plain body',
            (m) => send('POST', `/cases/${fresh}/close`, { user: walker, raw: m, contentType: 'text/plain' }),
            415,
            'UNSUPPORTED_MEDIA_TYPE',
          ],
          ['a case rule', (m) => send('POST', `/cases/${fresh}/reopen`, { user: walker, body: { reason: m } }), 422, 'CASE_ALREADY_OPEN'],
          [
            'a stale If-Match',
            (m) => send('POST', `/cases/${fresh}/reopen`, { user: walker, headers: { 'If-Match': '"999"', 'X-Marker': m }, body: { reason: 'x' } }),
            412,
            'REVISION_CONFLICT',
          ],
          [
            'read models behind ?consistentWith',
            (m) => send('GET', `/cases?consistentWith=7fffffffffffffff.7fffffffffffffff`, { user: walker, headers: { 'X-Marker': m }, on: strict }),
            503,
            'READ_MODEL_BEHIND',
          ],
          [
            'too many requests (throttler)',
            async (m) => {
              for (let i = 0; i < 3; i++) await send('GET', '/reference-data', { user: walker, on: strict });
              return send('GET', `/reference-data?q=${m}`, { user: walker, on: strict });
            },
            429,
            'RATE_LIMITED',
          ],
        ];
        const problems: string[] = [];
        for (const [label, provoke, status, reason] of kinds) {
          const marker = newMarker();
          const answer = await provoke(marker);
          const where = `${label} → ${answer.status}`;
          if (answer.status !== status) problems.push(`${where}: expected ${status}: ${answer.text.slice(0, 200)}`);
          const shape = shapeProblem(answer);
          if (shape) problems.push(`${where}: ${shape}: ${answer.text.slice(0, 200)}`);
          if ((answer.body as { reason?: unknown })?.reason !== reason)
            problems.push(`${where}: reason ${String((answer.body as { reason?: unknown })?.reason)}, expected ${reason}`);
          if (answer.text.toLowerCase().includes(marker.toLowerCase())) problems.push(`${where}: the body echoes the marker`);
          for (const [name, value] of answer.headers)
            if (value.toLowerCase().includes(marker.toLowerCase())) problems.push(`${where}: header ${name} echoes the marker`);
        }
        expect(problems).toEqual([]);
      } finally {
        await strict.dispose();
      }
    }, 120_000);
  });

  describe('section 115(2) on writes', () => {
    it('refuses every write to the police declaring criminal investigation exactly as the read, whatever the case, and appends nothing', async () => {
      const investigation = { 'X-Purpose': 'criminal-investigation' };
      const read = await api.request('GET', `/cases/${caseOn}`, { user: police[1], headers: investigation });
      expect(read.status).toBe(403);
      expect(read.body).toMatchObject({ reason: 'DISCLOSURE_FOR_INVESTIGATION_REFUSED' });
      const streamLength = async (caseId: string) =>
        Number((await pool.query('SELECT count(*) AS n FROM es_events WHERE stream_id = $1', [`case-${caseId}`])).rows[0].n);
      const before = { on: await streamLength(caseOn), off: await streamLength(caseOff) };
      const writes = operations.filter((operation) => WRITE_METHODS.includes(operation.method.toLowerCase()));
      expect(writes.length).toBeGreaterThan(30);
      const mismatches: string[] = [];
      for (const user of police) {
        for (const [label, caseId] of [
          ['on', caseOn],
          ['not on', caseOff],
          ['nonexistent', randomUUID()],
        ] as const) {
          for (const operation of writes) {
            const example = VALID_WRITE_REQUESTS[keyOf(operation)];
            const answer = await api.request(operation.method, pathOf(operation, caseId), { user, headers: investigation, body: example?.body?.() ?? {} });
            const where = `${user.roles.join('+')} ${keyOf(operation)} on a case ${label}`;
            if (answer.status !== read.status || JSON.stringify(answer.body) !== JSON.stringify(read.body)) {
              mismatches.push(`${where} → ${answer.status} ${answer.text.slice(0, 160)}`);
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect({ on: await streamLength(caseOn), off: await streamLength(caseOff) }).toEqual(before);
      const appendedByPolice = await pool.query(`SELECT count(*) AS n FROM es_events WHERE metadata->>'actor' = ANY($1)`, [police.map((user) => user.userId)]);
      expect(Number(appendedByPolice.rows[0].n)).toBe(0);
      // Attempted disclosures for investigation show in the read audit, writes as reads.
      const refusals = await pool.query(
        `SELECT count(*) AS n FROM audit_log WHERE user_id = ANY($1) AND outcome = 403 AND purpose = 'criminal-investigation' AND method <> 'GET'`,
        [police.map((user) => user.userId)],
      );
      expect(Number(refusals.rows[0].n)).toBe(police.length * 3 * writes.length);
    }, 180_000);
  });
});

/** Path parameters that must name something real for the request to reach its handler. */
const KNOWN_PATH_VALUES: Record<string, () => string> = {
  list: () => 'agencies',
  agencyCode: () => 'BIF',
  agency: () => 'SOF',
  programmeCode: () => 'SSP_PLUS',
};

/** Distinct per request, and nothing the API could produce by chance. */
function newMarker(): string {
  return `mk${randomBytes(6).toString('hex')}q`;
}

/**
 * The project's one error shape: RFC 9457 problem details (api-exception.filter.ts), with the
 * project's stable `reason` code on every error and field violations on every 400. The old members
 * (`statusCode`, `error`, `message`) are gone: a client reads one shape, not two.
 */
function shapeProblem(answer: HttpAnswer): string | undefined {
  if (!/^application\/problem\+json\b/.test(answer.headers.get('content-type') ?? '')) return `content-type ${answer.headers.get('content-type')}`;
  const body = answer.body as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the error body is not an object';
  if (body['status'] !== answer.status) return `status ${String(body['status'])} is not the HTTP status`;
  if (typeof body['title'] !== 'string' || body['title'] === '') return 'no title';
  if (typeof body['detail'] !== 'string' || body['detail'] === '') return 'detail is not one string';
  const reason = body['reason'];
  if (typeof reason !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(reason)) return 'no reason code';
  if (body['type'] !== `https://samvirke.kk.dk/problems/${reason.toLowerCase().replace(/_/g, '-')}`) return `type ${String(body['type'])} is not the reason's`;
  for (const old of ['statusCode', 'error', 'message']) if (old in body) return `the old member ${old} is still there`;
  if (answer.status === 400 || 'violations' in body) {
    const violations = body['violations'];
    if (
      !Array.isArray(violations) ||
      violations.length === 0 ||
      violations.some((violation) => ['field', 'rule', 'message'].some((key) => typeof (violation as Record<string, unknown>)?.[key] !== 'string'))
    ) {
      return 'violations are not a list of { field, rule, message }';
    }
  }
  if (answer.status === 412 && !(typeof body['currentRevision'] === 'number' || body['currentRevision'] === null)) return 'a 412 without currentRevision';
  if (answer.status === 500 && typeof body['requestId'] !== 'string') return 'a 500 without requestId';
  return undefined;
}

function formatsOf(operation: Operation): string[] {
  return operation.parameters.find((parameter) => parameter.in === 'query' && parameter.name === 'format')?.schema?.enum ?? [];
}

async function rawPost(api: ApiChild, path: string, text: string, user: TestUser, method = 'POST'): Promise<HttpAnswer> {
  return rawSend(api, method, path, text, user, 'application/json');
}

async function rawSend(
  api: ApiChild,
  method: string,
  path: string,
  text: string,
  user: TestUser | undefined,
  contentType: string,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: { ...headers, ...(user ? { authorization: `Bearer ${await api.token(user)}` } : {}), 'content-type': contentType },
    body: method === 'GET' || method === 'HEAD' ? undefined : text,
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.text();
  let parsed: unknown = body;
  try {
    parsed = body ? JSON.parse(body) : undefined;
  } catch {
    parsed = body;
  }
  return { status: response.status, body: parsed, text: body, headers: response.headers };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>>;
  components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
}

function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', ...WRITE_METHODS].includes(method))
      .map(([method, operation]) => {
        const reference = operation.requestBody?.content?.['application/json']?.schema?.$ref;
        const schema = reference ? document.components?.schemas?.[reference.split('/').pop() as string] : undefined;
        return { method: method.toUpperCase(), template, parameters: operation.parameters ?? [], bodyProperties: Object.keys(schema?.properties ?? {}) };
      }),
  );
}
