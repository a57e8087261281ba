import measuresFile from '../data/measures.json';

/**
 * Effect measures are reference data: a definition names its cohort anchor, its window and one of
 * the outcome predicate kinds the engine knows. A new measure that combines an existing kind with
 * another window or parameters is a new entry in data/measures.json, not new code. Which programmes
 * report a measure is the programme's choice (`measures` in reference-data programmes.json).
 */
/**
 * enrolment/release anchor a person; `training` a staff unit's knowledge assessment before training
 * (the window: how long after it the assessment after training may come); `effort-start` the day an
 * area effort started (reference data estates.json).
 */
export const COHORT_ANCHORS = ['enrolment', 'release', 'training', 'effort-start'] as const;
export type CohortAnchor = (typeof COHORT_ANCHORS)[number];

export const LABOUR_MARKET_STATUSES = ['benefits', 'internship', 'wage-subsidy-job', 'ordinary-job', 'education', 'self-sufficient'] as const;
export type LabourMarketStatus = (typeof LABOUR_MARKET_STATUSES)[number];

export const EMPLOYMENT_KINDS = ['ordinary', 'wage-subsidy', 'internship', 'flexible'] as const;
export type EmploymentKindCode = (typeof EMPLOYMENT_KINDS)[number];

export type OutcomePredicate =
  | { readonly kind: 'self-sufficient-at' }
  | { readonly kind: 'labour-market-status-at'; readonly statuses: readonly LabourMarketStatus[] }
  | { readonly kind: 'ever-wage-subsidy'; readonly employmentKinds: readonly EmploymentKindCode[] }
  | { readonly kind: 'progression-gain' }
  | { readonly kind: 'recidivism-charge' }
  | { readonly kind: 'recidivism-conviction' }
  | { readonly kind: 'recidivism-dangerous' }
  | { readonly kind: 'release-to-jobcentre-days'; readonly contactAgency: string }
  | { readonly kind: 'information-delay'; readonly thresholdDays: number }
  /** Left the programme as completed, or handed over on release (a case conference around a release). */
  | { readonly kind: 'programme-completed'; readonly programmeCode: string; readonly handoverLeadDays: number; readonly handoverFollowDays: number }
  /** An action with `agency` responsible was added to the action plan in the window (a signed plan). */
  | { readonly kind: 'plan-action-added'; readonly agency: string }
  /** A job of one of the kinds started in the window. */
  | { readonly kind: 'employment-started'; readonly employmentKinds: readonly EmploymentKindCode[] }
  /** Per staff unit, never per citizen: the unit's knowledge score after training against before it. */
  | { readonly kind: 'staff-knowledge-gain' }
  /** Per area, never per citizen: the safety index of the effort's district or housing estate, before and after the effort started. */
  | { readonly kind: 'area-safety-index'; readonly area: AreaLevel };

export const AREA_LEVELS = ['district', 'estate'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export type PredicateKind = OutcomePredicate['kind'];
export const PREDICATE_KINDS: readonly PredicateKind[] = [
  'self-sufficient-at',
  'labour-market-status-at',
  'ever-wage-subsidy',
  'progression-gain',
  'recidivism-charge',
  'recidivism-conviction',
  'recidivism-dangerous',
  'release-to-jobcentre-days',
  'information-delay',
  'programme-completed',
  'plan-action-added',
  'employment-started',
  'staff-knowledge-gain',
  'area-safety-index',
];

export interface MeasureDefinition {
  readonly code: string;
  readonly title: string;
  readonly anchor: CohortAnchor;
  readonly windowMonths: number;
  readonly predicate: OutcomePredicate;
  /** Programmes that report this measure besides those whose reference data names it (a definition added over HTTP). */
  readonly programmes?: readonly string[];
}

export interface AgeBand {
  readonly code: string;
  readonly minAge: number;
  readonly maxAge: number;
}

export interface MeasureCatalogue {
  readonly version: string;
  /** Cells counting fewer people than this are shown as "<threshold>". */
  readonly suppressionThreshold: number;
  readonly ageBands: readonly AgeBand[];
  readonly measures: ReadonlyMap<string, MeasureDefinition>;
}

/** A refused definition: `field` is the path of the offending value, `rule` what it broke; the value is never echoed. */
export class MeasureDefinitionError extends Error {
  constructor(
    message: string,
    readonly field = '',
    readonly rule = 'invalid',
  ) {
    super(message);
  }
}

/** The catalogue shipped with this release. */
export function loadMeasureCatalogue(): MeasureCatalogue {
  return parseMeasureCatalogue(measuresFile);
}

/** Validates a raw catalogue document; errors name the path of the offending value. */
export function parseMeasureCatalogue(raw: unknown): MeasureCatalogue {
  const doc = record(raw, 'measures file');
  const threshold = wholeNumber(doc.suppressionThreshold, 'suppressionThreshold', 1);
  const ageBands = list(doc.ageBands, 'ageBands').map((value, i): AgeBand => {
    const band = record(value, `ageBands[${i}]`);
    return {
      code: text(band.code, `ageBands[${i}].code`),
      minAge: wholeNumber(band.minAge, `ageBands[${i}].minAge`, 0),
      maxAge: wholeNumber(band.maxAge, `ageBands[${i}].maxAge`, 0),
    };
  });
  const measures = new Map<string, MeasureDefinition>();
  list(doc.measures, 'measures').forEach((value, i) => {
    const measure = parseMeasure(value, `measures[${i}]`);
    if (measures.has(measure.code)) throw new MeasureDefinitionError(`measures[${i}].code "${measure.code}" is used twice`, `measures[${i}].code`, 'unique');
    measures.set(measure.code, measure);
  });
  return { version: text(doc.version, 'version'), suppressionThreshold: threshold, ageBands, measures };
}

function parseMeasure(value: unknown, path: string): MeasureDefinition {
  const m = record(value, path);
  const anchor = oneOf(m.anchor, COHORT_ANCHORS, `${path}.anchor`);
  const predicate = parsePredicate(m.predicate, `${path}.predicate`);
  const expected = anchorsFor(predicate);
  if (!expected.includes(anchor)) throw refused(`${path}.anchor`, `must be ${expected.join(' or ')} for predicate kind ${predicate.kind}`, 'anchor-fits-kind');
  return {
    code: text(m.code, `${path}.code`),
    title: text(m.title, `${path}.title`),
    anchor,
    windowMonths: wholeNumber(m.windowMonths, `${path}.windowMonths`, 0),
    predicate,
    ...(m.programmes === undefined ? {} : { programmes: list(m.programmes, `${path}.programmes`).map((c, i) => text(c, `${path}.programmes[${i}]`)) }),
  };
}

export const MEASURE_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MEASURE_FIELDS = ['code', 'title', 'anchor', 'windowMonths', 'predicate', 'programmes'];
const PREDICATE_FIELDS: Record<PredicateKind, readonly string[]> = {
  'self-sufficient-at': [],
  'labour-market-status-at': ['statuses'],
  'ever-wage-subsidy': ['employmentKinds'],
  'progression-gain': [],
  'recidivism-charge': [],
  'recidivism-conviction': [],
  'recidivism-dangerous': [],
  'release-to-jobcentre-days': ['contactAgency'],
  'information-delay': ['thresholdDays'],
  'programme-completed': ['programmeCode', 'handoverLeadDays', 'handoverFollowDays'],
  'plan-action-added': ['agency'],
  'employment-started': ['employmentKinds'],
  'staff-knowledge-gain': [],
  'area-safety-index': ['area'],
};

export interface DefinitionContext {
  /** Programme codes of reference data. */
  readonly programmes: ReadonlySet<string>;
  /** Agency codes of reference data. */
  readonly agencies: ReadonlySet<string>;
}

/**
 * One definition sent by an effects administrator: stricter than the shipped file's parser (no unknown
 * fields, a code of lower-case words, a window of at most 10 years, codes that reference data knows,
 * no list with an entry twice), so a definition the engine would misread is refused, never stored.
 */
export function parseMeasureDefinition(raw: unknown, context: DefinitionContext): MeasureDefinition {
  const m = record(raw, 'definition');
  const unknownField = Object.keys(m).find((key) => !MEASURE_FIELDS.includes(key));
  if (unknownField !== undefined)
    throw new MeasureDefinitionError(`a definition has only the fields ${MEASURE_FIELDS.join(', ')}`, 'definition', 'known-fields');
  if (typeof m.code !== 'string' || !MEASURE_CODE_PATTERN.test(m.code) || m.code.length > 60) {
    throw new MeasureDefinitionError('code must be lower-case words joined by hyphens, at most 60 characters', 'code', 'code-format');
  }
  if (typeof m.title === 'string' && m.title.length > 200) throw new MeasureDefinitionError('title must be at most 200 characters', 'title', 'max-length');
  const p = record(m.predicate, 'predicate');
  const kind = oneOf(p.kind, PREDICATE_KINDS, 'predicate.kind');
  const unknownPredicateField = Object.keys(p).find((key) => key !== 'kind' && !PREDICATE_FIELDS[kind].includes(key));
  if (unknownPredicateField !== undefined) {
    const allowed = PREDICATE_FIELDS[kind];
    throw new MeasureDefinitionError(
      `predicate kind ${kind} has ${allowed.length === 0 ? 'no fields but kind' : `only the fields kind, ${allowed.join(', ')}`}`,
      'predicate',
      'known-fields',
    );
  }
  const measure = parseMeasure(m, '');
  if (measure.windowMonths > 120) throw new MeasureDefinitionError('windowMonths must be at most 120', 'windowMonths', 'max');
  const predicate = measure.predicate;
  const lists: [string, readonly string[]][] = [];
  if (predicate.kind === 'labour-market-status-at') lists.push(['predicate.statuses', predicate.statuses]);
  if (predicate.kind === 'ever-wage-subsidy' || predicate.kind === 'employment-started') lists.push(['predicate.employmentKinds', predicate.employmentKinds]);
  if (measure.programmes !== undefined) lists.push(['programmes', measure.programmes]);
  for (const [field, values] of lists) {
    if (values.length === 0) throw new MeasureDefinitionError(`${field} must name at least one`, field, 'non-empty');
    if (new Set(values).size !== values.length) throw new MeasureDefinitionError(`${field} names an entry twice`, field, 'unique');
  }
  measure.programmes?.forEach((code, i) => {
    if (!context.programmes.has(code))
      throw new MeasureDefinitionError(`programmes[${i}] must be a programme code from reference data`, `programmes[${i}]`, 'known-programme');
  });
  const agency =
    predicate.kind === 'release-to-jobcentre-days'
      ? ['predicate.contactAgency', predicate.contactAgency]
      : predicate.kind === 'plan-action-added'
        ? ['predicate.agency', predicate.agency]
        : undefined;
  if (agency !== undefined && !context.agencies.has(agency[1]))
    throw new MeasureDefinitionError(`${agency[0]} must be an agency code from reference data`, agency[0], 'known-agency');
  if (predicate.kind === 'programme-completed' && !context.programmes.has(predicate.programmeCode)) {
    throw new MeasureDefinitionError('predicate.programmeCode must be a programme code from reference data', 'predicate.programmeCode', 'known-programme');
  }
  return measure;
}

/** What a measure counts: people (a cohort of cases), staff units, or areas. */
export type CountedSubject = 'people' | 'staff-units' | 'areas';
export function countedSubject(predicate: OutcomePredicate): CountedSubject {
  if (predicate.kind === 'staff-knowledge-gain') return 'staff-units';
  if (predicate.kind === 'area-safety-index') return 'areas';
  return 'people';
}

function anchorsFor(predicate: OutcomePredicate): readonly CohortAnchor[] {
  switch (countedSubject(predicate)) {
    case 'staff-units':
      return ['training'];
    case 'areas':
      return ['effort-start'];
    case 'people':
      return ['enrolment', 'release'];
  }
}

function parsePredicate(value: unknown, path: string): OutcomePredicate {
  const p = record(value, path);
  const kind = oneOf(p.kind, PREDICATE_KINDS, `${path}.kind`);
  switch (kind) {
    case 'labour-market-status-at':
      return { kind, statuses: list(p.statuses, `${path}.statuses`).map((s, i) => oneOf(s, LABOUR_MARKET_STATUSES, `${path}.statuses[${i}]`)) };
    case 'ever-wage-subsidy':
      return {
        kind,
        employmentKinds:
          p.employmentKinds === undefined
            ? ['wage-subsidy']
            : list(p.employmentKinds, `${path}.employmentKinds`).map((s, i) => oneOf(s, EMPLOYMENT_KINDS, `${path}.employmentKinds[${i}]`)),
      };
    case 'release-to-jobcentre-days':
      return { kind, contactAgency: text(p.contactAgency, `${path}.contactAgency`) };
    case 'information-delay':
      return { kind, thresholdDays: wholeNumber(p.thresholdDays, `${path}.thresholdDays`, 0) };
    case 'programme-completed':
      return {
        kind,
        programmeCode: text(p.programmeCode, `${path}.programmeCode`),
        handoverLeadDays: wholeNumber(p.handoverLeadDays, `${path}.handoverLeadDays`, 0),
        handoverFollowDays: wholeNumber(p.handoverFollowDays, `${path}.handoverFollowDays`, 0),
      };
    case 'plan-action-added':
      return { kind, agency: text(p.agency, `${path}.agency`) };
    case 'employment-started':
      return {
        kind,
        employmentKinds: list(p.employmentKinds, `${path}.employmentKinds`).map((s, i) => oneOf(s, EMPLOYMENT_KINDS, `${path}.employmentKinds[${i}]`)),
      };
    case 'area-safety-index':
      return { kind, area: oneOf(p.area, AREA_LEVELS, `${path}.area`) };
    default:
      return { kind };
  }
}

/** Paths of a single definition start with a dot ('.code'): the field is named without it. */
function refused(path: string, must: string, rule: string): MeasureDefinitionError {
  const field = path.startsWith('.') ? path.slice(1) : path;
  return new MeasureDefinitionError(`${field} ${must}`, field, rule);
}
function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw refused(path, 'must be an object', 'object');
  return value as Record<string, unknown>;
}
function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw refused(path, 'must be a list', 'list');
  return value;
}
function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw refused(path, 'must be a non-empty string', 'non-empty-string');
  return value;
}
function wholeNumber(value: unknown, path: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) throw refused(path, `must be a whole number of at least ${min}`, 'whole-number');
  return value;
}
function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw refused(path, `must be one of ${allowed.join(', ')}`, 'one-of');
  return value as T;
}
