/**
 * Requests built from the OpenAPI document alone, for the leak test: the operations, and for each a
 * valid request (path, required query parameters, a body that passes validation). Valid matters:
 * a request refused with 400 never reaches authorization, so a hidden case and a missing one would
 * answer alike for the wrong reason and the comparison would prove nothing.
 *
 * Values come from the schema first (format uuid/date/date-time/email, enums, patterns, lengths,
 * bounds, nested objects and arrays). The document does not say everything the validators check
 * (a plain string may have to be a calendar date or a reference-data code), so field names are a
 * fallback: a name that contains a reference list's name takes one of its codes, `...On`/`...Date`
 * is a date, and a few names the schema cannot describe are listed in NAME_HINTS.
 */
export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  /** "POST /cases/{caseId}/entries", as the document names it. */
  id: string;
  method: string;
  template: string;
  pathParams: Parameter[];
  /** Query parameters the request sends: the required ones, and those the context knows a value for. */
  queryParams: Parameter[];
  body?: Schema;
  isWrite: boolean;
  /** Names a case by a path or query parameter called caseId. */
  caseScoped: boolean;
  /** The body names a citizen by CPR number: the case is found through the person, not the path. */
  namesCitizen: boolean;
}

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

export function resolve(schema: Schema | undefined, doc: OpenApiDocument): Schema {
  let current = schema ?? {};
  for (let depth = 0; current.$ref && depth < 20; depth++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    current = doc.components?.schemas?.[name] ?? {};
  }
  if (current.allOf) {
    const parts = current.allOf.map((part) => resolve(part, doc));
    return {
      ...current,
      allOf: undefined,
      type: 'object',
      properties: Object.assign({}, ...parts.map((part) => part.properties ?? {}), current.properties ?? {}),
      required: [...new Set([...parts.flatMap((part) => part.required ?? []), ...(current.required ?? [])])],
    };
  }
  const alternative = current.oneOf?.[0] ?? current.anyOf?.[0];
  return alternative ? resolve(alternative, doc) : current;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['get', ...WRITE_METHODS].includes(method)) continue;
      const parameters = operation.parameters ?? [];
      const pathParams = parameters.filter((parameter) => parameter.in === 'path');
      const queryParams = parameters.filter((parameter) => parameter.in === 'query' && (parameter.required || QUERY_HINTS[parameter.name] !== undefined));
      const content = operation.requestBody?.content ?? {};
      const body = (content['application/json'] ?? Object.values(content)[0])?.schema;
      const resolved = body ? resolve(body, doc) : undefined;
      operations.push({
        id: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        template,
        pathParams,
        queryParams,
        body,
        isWrite: WRITE_METHODS.has(method),
        caseScoped: parameters.some((parameter) => parameter.name === 'caseId' && (parameter.in === 'path' || parameter.in === 'query')),
        namesCitizen: Object.keys(resolved?.properties ?? {}).some((key) => /^cpr$/i.test(key)),
      });
    }
  }
  return operations;
}

/** What the generator may draw on for one request. */
export interface ValueContext {
  tag: string;
  /** Today as YYYY-MM-DD in Copenhagen. */
  today: string;
  callerUserId: string;
  callerAgency: string;
  /** Agencies on the case the request is about (empty for a missing case): sharing goes to one of them. */
  caseAgencies: readonly string[];
  /** Codes of every reference list, by list name ("agencies", "offence-categories", ...). */
  referenceCodes: ReadonlyMap<string, readonly string[]>;
  /** The person a request that names a citizen is about. */
  citizen?: { cpr: string; name: string; birthDate: string };
  /** A fresh id for a uuid field (the test records them, to mask them when comparing answers). */
  uuid(field: string): string;
  /** Values for fields the schema cannot describe; see NAME_HINTS. */
  variant?: Record<string, string>;
}

/** Optional query parameters worth sending, by name: they make a list show the test's cases. */
export const QUERY_HINTS: Record<string, (ctx: ValueContext & { district: string; caseId?: string }) => string | undefined> = {
  caseId: (ctx) => ctx.caseId,
  district: (ctx) => ctx.district,
};

/**
 * Fields whose valid values the schema does not state. Each returns the candidates in order of
 * preference; the first that passes the schema's own pattern is used.
 * - `scope` (erasure): 'citizen' or the caller's agency code, both valid and both worth trying, so
 *   it is a variant: the test runs the operation once per value.
 * - `sharedWith`: agency codes, another agency than the caller's.
 * - `...Id` strings without format uuid name a user (a coordinator): the caller.
 */
interface VariantChoice {
  label: string;
  value(ctx: ValueContext): string;
}
export const VARIANT_FIELDS: Record<string, VariantChoice[]> = {
  scope: [
    { label: 'citizen', value: () => 'citizen' },
    { label: "caller's agency", value: (ctx) => ctx.callerAgency },
  ],
};

function otherAgencies(ctx: ValueContext): string[] {
  const all = ctx.referenceCodes.get('agencies') ?? [];
  const onCase = ctx.caseAgencies.filter((agency) => agency !== ctx.callerAgency);
  return [...onCase, ...all.filter((agency) => agency !== ctx.callerAgency && !onCase.includes(agency))];
}

/** The reference list a field name points at: the longest list name (singular) the field name contains. */
export function referenceListFor(field: string, lists: Iterable<string>): string | undefined {
  const name = field.toLowerCase().replace(/[^a-z]/g, '');
  if (name === 'sharedwith') return 'agencies';
  let best: { list: string; stem: string } | undefined;
  for (const list of lists) {
    const stem = list
      .toLowerCase()
      .replace(/[^a-z]/g, '')
      .replace(/(ies|es|s)$/, '');
    if (stem.length >= 4 && name.includes(stem) && (!best || stem.length > best.stem.length)) best = { list, stem };
  }
  return best?.list;
}

function codeFor(field: string, list: string, ctx: ValueContext, index = 0): string | undefined {
  const codes = ctx.referenceCodes.get(list) ?? [];
  if (list === 'agencies') {
    // The caller's own agency where the field is about the caller (assigning a coordinator of one's
    // agency, an erasure of one's contributions); another agency where it is a receiver.
    if (field === 'agency' || field === 'agencyCode') return ctx.callerAgency;
    return otherAgencies(ctx)[index] ?? codes[index];
  }
  // Cases the test opens stay out of the fixture's district, whose totals the permission matrix checks.
  const usable = list === 'districts' ? codes.filter((code) => !code.startsWith('AMAGER-VEST')) : codes;
  return usable[index % Math.max(usable.length, 1)];
}

function textOf(field: string, schema: Schema, ctx: ValueContext): string {
  let text = `Lækprøve ${field} ${ctx.tag}`;
  while (text.length < (schema.minLength ?? 1)) text += ' x';
  return schema.maxLength !== undefined ? text.slice(0, schema.maxLength) : text;
}

function matches(pattern: string | undefined, value: string): boolean {
  if (!pattern) return true;
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return new RegExp(pattern).test(value);
  }
}

function stringFor(field: string, schema: Schema, ctx: ValueContext, siblings: readonly string[], index: number): string {
  if (schema.format === 'uuid') return ctx.uuid(field);
  if (schema.format === 'date') return ctx.today;
  if (schema.format === 'date-time') return new Date().toISOString();
  if (schema.format === 'email') return `lak-${ctx.tag}@example.org`;
  if (ctx.variant?.[field] !== undefined) return ctx.variant[field];
  const candidates: string[] = [];
  // Field-name hints, the fallback for what the schema does not say.
  if (ctx.citizen && siblings.includes('cpr')) {
    if (/^cpr$/i.test(field)) candidates.push(ctx.citizen.cpr);
    if (field === 'name') candidates.push(ctx.citizen.name);
    if (/birth/i.test(field)) candidates.push(ctx.citizen.birthDate);
  }
  if (/(On|Date)$/.test(field) || /^date$/i.test(field)) candidates.push(ctx.today);
  if (/At$/.test(field)) candidates.push(new Date().toISOString());
  if (/year$/i.test(field)) candidates.push(String(Number(ctx.today.slice(0, 4)) - 1));
  if (/phone/i.test(field)) candidates.push('+45 3333 0000');
  const list = referenceListFor(field, ctx.referenceCodes.keys());
  if (list) {
    const code = codeFor(field, list, ctx, index);
    if (code) candidates.push(code);
  }
  if (/Id$/.test(field)) candidates.push(ctx.callerUserId);
  for (const choice of VARIANT_FIELDS[field] ?? []) candidates.push(choice.value(ctx));
  // Values a description quotes ("'citizen' for everything") are valid by the document's own word.
  for (const quoted of schema.description?.match(/'([^'\s]{1,64})'/g) ?? []) candidates.push(quoted.slice(1, -1));
  candidates.push(textOf(field, schema, ctx), `${ctx.tag}`, '123456');
  const fits = (value: string) => matches(schema.pattern, value) && value.length >= (schema.minLength ?? 0) && value.length <= (schema.maxLength ?? Infinity);
  return candidates.find(fits) ?? candidates[0];
}

/** A valid value for `schema` (a body, a property, an item). */
export function valueFor(
  schemaIn: Schema | undefined,
  doc: OpenApiDocument,
  ctx: ValueContext,
  field = '',
  siblings: readonly string[] = [],
  index = 0,
): unknown {
  const schema = resolve(schemaIn, doc);
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const type = schema.type ?? (schema.properties ? 'object' : schema.items ? 'array' : 'string');
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const keys = Object.keys(properties);
      const body: Record<string, unknown> = {};
      for (const key of schema.required ?? []) body[key] = valueFor(properties[key], doc, ctx, key, keys);
      return body;
    }
    case 'array': {
      const count = Math.min(Math.max(schema.minItems ?? 0, 1), schema.maxItems ?? Infinity);
      const singular = field;
      return Array.from({ length: count }, (_, i) => valueFor(schema.items, doc, ctx, singular, siblings, i));
    }
    case 'integer':
    case 'number': {
      const low = schema.minimum ?? 1;
      return schema.maximum !== undefined && schema.maximum < low ? schema.maximum : low;
    }
    case 'boolean':
      return true;
    default:
      return stringFor(field, schema, ctx, siblings, index);
  }
}

/** The variants an operation's body has, as labels per field (one empty variant when it has none). */
export function variantsOf(operation: Operation, doc: OpenApiDocument): Array<Record<string, string>> {
  const body = resolve(operation.body, doc);
  const fields = (body.required ?? []).filter((key) => VARIANT_FIELDS[key] && !resolve(body.properties?.[key], doc).enum);
  let variants: Array<Record<string, string>> = [{}];
  for (const field of fields) variants = variants.flatMap((variant) => VARIANT_FIELDS[field].map((choice) => ({ ...variant, [field]: choice.label })));
  return variants;
}

/** The values of a variant for one caller. */
export function variantValues(variant: Record<string, string>, ctx: ValueContext): Record<string, string> {
  return Object.fromEntries(
    Object.entries(variant).map(([field, label]) => [field, (VARIANT_FIELDS[field].find((choice) => choice.label === label) as VariantChoice).value(ctx)]),
  );
}
