import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createApiChild, type ApiChild, type HttpAnswer } from '../support/api-child';
import { testDatabaseUrl } from '../support/test-database';
import type { TestUser } from '../support/tokens';
import { VALID_WRITE_REQUESTS } from './fuzz/valid-write-requests';

/**
 * What every HTTP answer keeps, walked over every operation of the OpenAPI document so that a new
 * route is covered without editing this file (issue 15):
 * - an answer to an authenticated request is never stored by a cache (`Cache-Control: no-store`);
 * - nothing the client sent (path, query, headers, body) comes back in any answer, and every error
 *   has the project's one shape;
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
    for (const agency of ['KBH-POLITI', 'SOF']) expect((await api.request('POST', `/cases/${caseOn}/agencies/${agency}`, { user: walker, body: {} })).status).toBe(201);
    caseOff = await openCase(sofCoordinator);
    const measures = await api.request('GET', '/effects/measures', { user: walker });
    measureCode = String(((measures.body as { items?: Array<{ code: string }> }).items ?? [])[0]?.code ?? 'none');
  }, 120_000);
  afterAll(async () => {
    await api?.dispose();
    await pool?.end();
  });

  async function openCase(user: TestUser): Promise<string> {
    const opened = await api.request('POST', '/cases', { user, body: VALID_WRITE_REQUESTS['POST /cases'].body!() });
    expect(opened.status).toBe(201);
    return (opened.body as { caseId: string }).caseId;
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
        if (!/\bno-store\b/.test(answer.headers.get('cache-control') ?? '')) missing.push(`${label} → ${answer.status} Cache-Control: ${answer.headers.get('cache-control')}`);
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
        check(`GET ${operation.template} malformed`, await api.request('GET', pathOf(operation, 'not-a-uuid', { list: 'x', agencyCode: 'x', code: 'x' }), { user: walker }));
        check(`GET ${operation.template} without token`, await api.request('GET', path));
      }
      // The walk must reach data, or it proves nothing about the answers that carry it.
      expect(successes).toBeGreaterThan(reads.length / 2);
      for (const operation of operations.filter((candidate) => WRITE_METHODS.includes(candidate.method.toLowerCase()))) {
        check(`${keyOf(operation)} invalid body`, await api.request(operation.method, pathOf(operation, caseOn), { user: walker, body: { unknownField: 1 } }));
      }
      check('GET unknown route', await api.request('GET', '/no-such-route', { user: walker }));
      check('POST malformed JSON', await rawPost(api, `/cases/${caseOn}/progression`, '{"step":', walker));
      expect(missing).toEqual([]);
    }, 180_000);
  });

  describe('no input echoed, and one error shape', () => {
    it('never answers with a marker sent in a path segment, a query value, a header or a body field, on any route or an unknown one', async () => {
      const problems: string[] = [];
      const probe = async (label: string, method: string, build: (marker: string) => { path: string; headers?: Record<string, string>; body?: unknown; raw?: string }) => {
        const marker = newMarker();
        const request = build(marker);
        const answer = request.raw !== undefined ? await rawPost(api, request.path, request.raw, walker, method) : await api.request(method, request.path, { user: walker, headers: request.headers, body: request.body });
        const where = `${label} (${method} ${request.path.slice(0, 120)}) → ${answer.status}`;
        if (answer.text.toLowerCase().includes(marker.toLowerCase())) problems.push(`${where}: body echoes the marker: ${answer.text.slice(0, 200)}`);
        for (const [name, value] of answer.headers) if (value.toLowerCase().includes(marker.toLowerCase())) problems.push(`${where}: header ${name} echoes the marker`);
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
          await probe(`path parameter ${name}, padded like a code`, method, (marker) => ({ path: pathOf(operation, caseOn, { [name]: `${marker.toUpperCase()}-X` }), body: validBody() }));
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
          await probe('every body field', method, (marker) => ({ path: pathOf(operation, caseOn), body: Object.fromEntries(fields.map((field) => [field, marker])) }));
          for (const field of fields) {
            await probe(`body field ${field}`, method, (marker) => ({ path: pathOf(operation, caseOn), body: { ...(validBody() ?? {}), [field]: marker } }));
          }
          await probe('an unknown body field named like the marker', method, (marker) => ({ path: pathOf(operation, caseOn), body: { ...(validBody() ?? {}), [marker]: 1 } }));
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

  describe('section 115(2) on writes', () => {
    it('refuses every write to the police declaring criminal investigation exactly as the read, whatever the case, and appends nothing', async () => {
      const investigation = { 'X-Purpose': 'criminal-investigation' };
      const read = await api.request('GET', `/cases/${caseOn}`, { user: police[1], headers: investigation });
      expect(read.status).toBe(403);
      expect(read.body).toMatchObject({ reason: 'DISCLOSURE_FOR_INVESTIGATION_REFUSED' });
      const streamLength = async (caseId: string) => Number((await pool.query('SELECT count(*) AS n FROM es_events WHERE stream_id = $1', [`case-${caseId}`])).rows[0].n);
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
      const refusals = await pool.query(`SELECT count(*) AS n FROM audit_log WHERE user_id = ANY($1) AND outcome = 403 AND purpose = 'criminal-investigation' AND method <> 'GET'`, [police.map((user) => user.userId)]);
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

/** The project's one error shape: { statusCode, error, message, ...details } (api-exception.filter.ts). */
function shapeProblem(answer: HttpAnswer): string | undefined {
  if (!/^application\/json\b/.test(answer.headers.get('content-type') ?? '')) return `content-type ${answer.headers.get('content-type')}`;
  const body = answer.body as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the error body is not an object';
  if (body['statusCode'] !== answer.status) return `statusCode ${String(body['statusCode'])} is not the status`;
  if (typeof body['error'] !== 'string' || body['error'] === '') return 'no error';
  if (typeof body['message'] !== 'string' || body['message'] === '') return 'message is not one string';
  if ('reason' in body && (typeof body['reason'] !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(body['reason']))) return 'reason is not a code';
  if ('violations' in body) {
    const violations = body['violations'];
    if (!Array.isArray(violations) || violations.some((violation) => ['field', 'rule', 'message'].some((key) => typeof (violation as Record<string, unknown>)?.[key] !== 'string'))) {
      return 'violations are not { field, rule, message }';
    }
  }
  return undefined;
}

function formatsOf(operation: Operation): string[] {
  return operation.parameters.find((parameter) => parameter.in === 'query' && parameter.name === 'format')?.schema?.enum ?? [];
}

async function rawPost(api: ApiChild, path: string, text: string, user: TestUser, method = 'POST'): Promise<HttpAnswer> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${await api.token(user)}`, 'content-type': 'application/json' },
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
