import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';
import { testCitizen } from '../support/citizens';
import type { TestUser } from '../support/tokens';
import { referCitizen, referralOf } from '../support/referrals';

type Schema = {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
};
type Document = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
};

/**
 * Where `value` departs from `schema` (empty: it conforms). Strict on purpose: an object schema with
 * properties and no `additionalProperties` refuses a field it does not name, so a DTO that forgets a
 * field of the real answer fails here, as does one that names a field the answer lacks.
 */
function departures(document: Document, schema: Schema, value: unknown, at: string): string[] {
  if (schema.$ref) return departures(document, document.components.schemas[schema.$ref.replace('#/components/schemas/', '')], value, at);
  if (value === null) return schema.nullable ? [] : [`${at}: null, not ${schema.type ?? 'described'} nullable`];
  if (schema.oneOf) {
    const matching = schema.oneOf.filter((option) => departures(document, option, value, at).length === 0);
    if (matching.length === 1) return [];
    return [
      `${at}: matches ${matching.length} of the oneOf options`,
      ...(matching.length === 0 ? schema.oneOf.flatMap((option) => departures(document, option, value, at)) : []),
    ];
  }
  if (schema.allOf) return schema.allOf.flatMap((part) => departures(document, part, value, at));
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in the enum`];
  switch (schema.type) {
    case 'string':
      return typeof value === 'string' ? [] : [`${at}: not a string`];
    case 'number':
    case 'integer':
      return typeof value === 'number' ? [] : [`${at}: not a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
    case 'array':
      if (!Array.isArray(value)) return [`${at}: not an array`];
      return value.flatMap((item, index) => departures(document, schema.items ?? {}, item, `${at}[${index}]`));
  }
  if (schema.type === 'object' || schema.properties) {
    if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
    const record = value as Record<string, unknown>;
    const properties = schema.properties ?? {};
    const found: string[] = [];
    for (const name of schema.required ?? []) if (!(name in record)) found.push(`${at}.${name}: missing`);
    for (const [name, field] of Object.entries(record)) {
      if (name in properties) found.push(...departures(document, properties[name], field, `${at}.${name}`));
      else if (typeof schema.additionalProperties === 'object') found.push(...departures(document, schema.additionalProperties, field, `${at}.${name}`));
      else if (schema.additionalProperties !== true && Object.keys(properties).length > 0) found.push(`${at}.${name}: not in the document`);
    }
    return found;
  }
  return [];
}

/**
 * The JSON answers of the audit, reference-data, effects and citizen's-copy reads, as the running API
 * gives them, against their success schema in the OpenAPI document the typed client is generated
 * from: what the client promises is what a client receives.
 */
describe('the typed answers in the OpenAPI document', () => {
  let api: TestApp;
  let document: Document;
  const coordinator: TestUser & { userId: string } = { userId: `coord-bodies-${randomUUID().slice(0, 8)}`, agency: 'BIF', roles: ['coordinator'] };
  const auditor: TestUser = { userId: 'auditor-bodies', agency: 'OKF', roles: ['auditor'] };
  const policeLiaison: TestUser = { userId: 'police-bodies', agency: 'KBH-POLITI', roles: ['liaison'] };

  beforeAll(async () => {
    api = await startTestApp();
    // The committed document (client:check keeps it equal to what the built API serves; openapi-document.e2e-spec.ts
    // checks it against the running build): the in-process test app is compiled without the Swagger plugin.
    document = JSON.parse(readFileSync(join(__dirname, '../../clients/typescript/openapi.json'), 'utf8')) as Document;
  });
  afterAll(async () => {
    await api?.close();
  });

  async function expectDocumented(template: string, path: string, user: TestUser): Promise<unknown> {
    const answer = await api.request('GET', path, { user });
    expect({ path, status: answer.status }).toEqual({ path, status: 200 });
    const schema = document.paths[template]?.get?.responses['200']?.content?.['application/json']?.schema;
    // Typed field by field: a named schema (or a choice of them), never a loose JSON object.
    expect({ template, typed: schema?.$ref !== undefined || schema?.oneOf !== undefined }).toEqual({ template, typed: true });
    expect(departures(document, schema as Schema, answer.body, template)).toEqual([]);
    return answer.body;
  }

  it('matches for reference data and the effects reports', async () => {
    await expectDocumented('/reference-data', '/reference-data', coordinator);
    await expectDocumented('/reference-data/{list}', '/reference-data/agencies', coordinator);
    const measures = (await expectDocumented('/effects/measures', '/effects/measures', coordinator)) as { measures: { code: string }[] };
    expect(measures.measures.length).toBeGreaterThan(0);
    await expectDocumented('/effects/measures/{code}/versions', '/effects/measures/self-sufficiency-12m/versions', coordinator);
    await expectDocumented('/effects/measures/{code}', '/effects/measures/self-sufficiency-12m?by=programme', coordinator);
    await expectDocumented('/effects/measures/{code}', '/effects/measures/safety-index-district?measurementDate=2025-06-01', coordinator);
    await expectDocumented('/effects/measures/{code}/series', '/effects/measures/self-sufficiency-12m/series?from=2011-01&to=2011-12', coordinator);
    await expectDocumented('/effects/status', '/effects/status?date=2011-01-31&by=programme', coordinator);
    await expectDocumented('/effects/reductions', '/effects/reductions?programme=GANG_CONFLICT_18_25&cohortYear=2011', coordinator);
    await expectDocumented('/effects/safety-index', '/effects/safety-index?year=2011', coordinator);
  });

  it("matches for a case's replays, history, access report, the access log and the citizen's copy", async () => {
    const { caseId, position } = await referCitizen(api.request, coordinator, referralOf(testCitizen()), { coordinator });
    expect((await api.request('GET', `/cases/${caseId}?consistentWith=${position}`, { user: coordinator })).status).toBe(200);
    // An entry shared with the police and acknowledged by them, so the knowledge report has a line of each kind.
    expect((await api.request('POST', `/cases/${caseId}/agencies/KBH-POLITI`, { user: coordinator, body: {} })).status).toBeLessThan(300);
    const entryId = randomUUID();
    const entry = {
      entryId,
      sharedWith: ['KBH-POLITI'],
      legalBasis: 'RPL115-1-1',
      purpose: 'crime-prevention',
      sensitivity: 'normal',
      summary: 'Borger er startet i praktik',
    };
    expect((await api.request('POST', `/cases/${caseId}/entries`, { user: coordinator, body: entry })).status).toBeLessThan(300);
    expect((await api.request('POST', `/cases/${caseId}/entries/${entryId}/acknowledgements`, { user: policeLiaison })).status).toBeLessThan(300);
    await expectDocumented('/cases/{caseId}/citizen-copy', `/cases/${caseId}/citizen-copy`, auditor);
    await expectDocumented('/audit/cases/{caseId}/events', `/audit/cases/${caseId}/events`, auditor);
    await expectDocumented('/audit/cases/{caseId}/state', `/audit/cases/${caseId}/state`, auditor);
    await expectDocumented('/audit/cases/{caseId}/state', `/audit/cases/${caseId}/state?asOf=2000-01-01T00:00:00Z`, auditor);
    await expectDocumented('/audit/cases/{caseId}/history', `/audit/cases/${caseId}/history?lang=en`, auditor);
    const knowledge = (await expectDocumented(
      '/audit/cases/{caseId}/entries/{entryId}/knowledge',
      `/audit/cases/${caseId}/entries/${entryId}/knowledge`,
      auditor,
    )) as { readBy: unknown[] };
    expect(knowledge.readBy.length).toBeGreaterThan(0);
    await expectDocumented('/cases/{caseId}/access-report', `/cases/${caseId}/access-report`, auditor);
    const log = (await expectDocumented('/audit/log', `/audit/log?caseId=${caseId}`, auditor)) as { items: unknown[] };
    expect(log.items.length).toBeGreaterThan(0);
  });
});
