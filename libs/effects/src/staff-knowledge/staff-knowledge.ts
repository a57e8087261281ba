import type { Pool } from 'pg';
import { addMonths, quarterOf } from '../engine/calendar-months';
import {
  publishCell,
  suppressionRule,
  withReportSuppression,
  type CellFigures,
  type PublishedCell,
} from '@samvirke/platform/disclosure/small-cell-suppression';

/**
 * VINK's measure is the knowledge of front-line staff, never anything about a citizen. A staff
 * unit (an agency's unit, e.g. a youth club or a jobcentre team) takes a knowledge assessment before
 * a training and another after it; what is recorded is the unit's aggregate: how many staff took it
 * and their mean score (0-100). No person, staff or citizen, is named, and nothing refers to a case.
 * Recorded over HTTP by an effects administrator (POST /effects/staff-knowledge) into the
 * effects-owned table effects_staff_knowledge, one row per unit, training and phase (a second
 * recording of the same phase replaces the first).
 */
export const ASSESSMENT_PHASES = ['before', 'after'] as const;
export type AssessmentPhase = (typeof ASSESSMENT_PHASES)[number];

export interface StaffKnowledgeAssessment {
  readonly programme: string;
  readonly agency: string;
  readonly unit: string;
  readonly trainingId: string;
  readonly phase: AssessmentPhase;
  readonly assessedOn: string;
  readonly staffAssessed: number;
  readonly meanScore: number;
}

export interface StaffKnowledgeProblem {
  readonly index: number;
  readonly field: string;
  readonly message: string;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/;
const FIELDS = ['programme', 'agency', 'unit', 'trainingId', 'phase', 'assessedOn', 'staffAssessed', 'meanScore'];

/**
 * Validates a batch of assessments; every problem is named with its index and field, so a batch is
 * all or nothing. `programmes` are those that picked the staff-knowledge measure.
 */
export function parseStaffKnowledge(
  raw: unknown,
  known: { agencies: ReadonlySet<string>; programmes: ReadonlySet<string>; today: string },
): { assessments: StaffKnowledgeAssessment[]; problems: StaffKnowledgeProblem[] } {
  const problems: StaffKnowledgeProblem[] = [];
  const list =
    typeof raw === 'object' && raw !== null && Array.isArray((raw as { assessments?: unknown }).assessments)
      ? (raw as { assessments: unknown[] }).assessments
      : undefined;
  if (list === undefined || list.length === 0 || list.length > 1000) {
    return { assessments: [], problems: [{ index: -1, field: 'assessments', message: 'send {"assessments": [...]} with 1 to 1000 assessments' }] };
  }
  const assessments: StaffKnowledgeAssessment[] = [];
  const seen = new Set<string>();
  list.forEach((value, index) => {
    const problem = (field: string, message: string) => problems.push({ index, field, message });
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return problem('', 'must be an object');
    const a = value as Record<string, unknown>;
    const before = problems.length;
    for (const key of Object.keys(a))
      if (!FIELDS.includes(key)) problem(key, `unknown field: an assessment has only ${FIELDS.join(', ')} (nothing about a person)`);
    if (typeof a.programme !== 'string' || !known.programmes.has(a.programme))
      problem('programme', `must be a programme that picked staff-knowledge: ${[...known.programmes].join(', ')}`);
    if (typeof a.agency !== 'string' || !known.agencies.has(a.agency)) problem('agency', 'must be an agency code from reference data');
    if (typeof a.unit !== 'string' || !CODE.test(a.unit)) problem('unit', 'must be a unit code (letters, digits, _ . -; at most 60)');
    if (typeof a.trainingId !== 'string' || !CODE.test(a.trainingId)) problem('trainingId', 'must be a training code (letters, digits, _ . -; at most 60)');
    if (typeof a.phase !== 'string' || !(ASSESSMENT_PHASES as readonly string[]).includes(a.phase)) problem('phase', 'must be before or after');
    if (
      typeof a.assessedOn !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(a.assessedOn) ||
      Number.isNaN(Date.parse(`${a.assessedOn}T00:00:00Z`)) ||
      new Date(`${a.assessedOn}T00:00:00Z`).toISOString().slice(0, 10) !== a.assessedOn
    ) {
      problem('assessedOn', 'must be a calendar date yyyy-mm-dd');
    } else if (a.assessedOn > known.today) problem('assessedOn', 'must not be in the future');
    if (typeof a.staffAssessed !== 'number' || !Number.isInteger(a.staffAssessed) || a.staffAssessed < 1 || a.staffAssessed > 10_000)
      problem('staffAssessed', 'must be a whole number from 1 to 10000');
    if (typeof a.meanScore !== 'number' || !Number.isFinite(a.meanScore) || a.meanScore < 0 || a.meanScore > 100)
      problem('meanScore', 'must be a number from 0 to 100');
    if (problems.length !== before) return;
    const assessment = a as unknown as StaffKnowledgeAssessment;
    const key = unitKey(assessment) + `|${assessment.phase}`;
    if (seen.has(key)) return problem('phase', 'the same unit, training and phase appear earlier in the batch');
    seen.add(key);
    assessments.push({
      programme: assessment.programme,
      agency: assessment.agency,
      unit: assessment.unit,
      trainingId: assessment.trainingId,
      phase: assessment.phase,
      assessedOn: assessment.assessedOn,
      staffAssessed: assessment.staffAssessed,
      meanScore: assessment.meanScore,
    });
  });
  return { assessments: problems.length === 0 ? assessments : [], problems };
}

function unitKey(a: Pick<StaffKnowledgeAssessment, 'programme' | 'agency' | 'unit' | 'trainingId'>): string {
  return `${a.programme}|${a.agency}|${a.unit}|${a.trainingId}`;
}

export async function storeStaffKnowledge(pool: Pool, assessments: readonly StaffKnowledgeAssessment[], recordedAt: Date, recordedBy: string): Promise<void> {
  await pool.query(
    `INSERT INTO effects_staff_knowledge (programme, agency, unit, training_id, phase, assessed_on, staff_assessed, mean_score, recorded_at, recorded_by)
     SELECT p, a, u, t, ph, d, n, s, $9::timestamptz, $10::text FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::int[], $8::numeric[]) AS x(p, a, u, t, ph, d, n, s)
     ON CONFLICT (programme, agency, unit, training_id, phase) DO UPDATE
       SET assessed_on = EXCLUDED.assessed_on, staff_assessed = EXCLUDED.staff_assessed, mean_score = EXCLUDED.mean_score, recorded_at = EXCLUDED.recorded_at, recorded_by = EXCLUDED.recorded_by`,
    [
      assessments.map((a) => a.programme),
      assessments.map((a) => a.agency),
      assessments.map((a) => a.unit),
      assessments.map((a) => a.trainingId),
      assessments.map((a) => a.phase),
      assessments.map((a) => a.assessedOn),
      assessments.map((a) => a.staffAssessed),
      assessments.map((a) => a.meanScore),
      recordedAt,
      recordedBy,
    ],
  );
}

/** Assessments recorded at or before `asOf` (a published report can be reproduced). */
export async function staffKnowledgeAsOf(pool: Pool, asOf: Date): Promise<StaffKnowledgeAssessment[]> {
  const { rows } = await pool.query<{
    programme: string;
    agency: string;
    unit: string;
    training_id: string;
    phase: AssessmentPhase;
    assessed_on: string;
    staff_assessed: number;
    mean_score: string;
  }>(
    `SELECT programme, agency, unit, training_id, phase, assessed_on::text AS assessed_on, staff_assessed, mean_score
       FROM effects_staff_knowledge WHERE recorded_at <= $1 ORDER BY programme, agency, unit, training_id, phase`,
    [asOf],
  );
  return rows.map((r) => ({
    programme: r.programme,
    agency: r.agency,
    unit: r.unit,
    trainingId: r.training_id,
    phase: r.phase,
    assessedOn: r.assessed_on,
    staffAssessed: r.staff_assessed,
    meanScore: Number(r.mean_score),
  }));
}

export const STAFF_KNOWLEDGE_BREAKDOWNS = ['programme', 'agency', 'period'] as const;
export type StaffKnowledgeBreakdown = (typeof STAFF_KNOWLEDGE_BREAKDOWNS)[number];

export interface UnitPair {
  readonly programme: string;
  readonly agency: string;
  readonly beforeOn: string;
  readonly afterOn: string;
  readonly gain: number;
}

/**
 * A unit and training counts when both assessments exist, the one after on or after the one before
 * and no later than `windowMonths` after it, and on or before the measurement date. Gain = mean
 * score after minus before, rounded to 0.01 points.
 */
export function unitPairs(
  assessments: readonly StaffKnowledgeAssessment[],
  programmes: ReadonlySet<string>,
  windowMonths: number,
  measurementDate: string,
): UnitPair[] {
  const before = new Map<string, StaffKnowledgeAssessment>();
  const after = new Map<string, StaffKnowledgeAssessment>();
  for (const a of assessments) if (programmes.has(a.programme)) (a.phase === 'before' ? before : after).set(unitKey(a), a);
  const pairs: UnitPair[] = [];
  for (const key of [...before.keys()].sort()) {
    const b = before.get(key) as StaffKnowledgeAssessment;
    const a = after.get(key);
    if (a === undefined || a.assessedOn < b.assessedOn || a.assessedOn > addMonths(b.assessedOn, windowMonths) || a.assessedOn > measurementDate) continue;
    pairs.push({
      programme: b.programme,
      agency: b.agency,
      beforeOn: b.assessedOn,
      afterOn: a.assessedOn,
      gain: Math.round((a.meanScore - b.meanScore) * 100) / 100,
    });
  }
  return pairs;
}

export interface UnitFigures {
  readonly total: PublishedCell;
  readonly cells: PublishedCell[];
  readonly suppression: string;
}

/** Units counted, units whose score rose, median gain; cells by programme, agency or quarter of the assessment after training. */
export function staffKnowledgeFigures(pairs: readonly UnitPair[], threshold: number, breakdown: StaffKnowledgeBreakdown | undefined): UnitFigures {
  const figures = (rows: readonly UnitPair[]): CellFigures => ({
    people: rows.length,
    count: rows.filter((r) => r.gain > 0).length,
    values: rows.map((r) => r.gain),
  });
  let cells: PublishedCell[] = [];
  if (breakdown !== undefined) {
    const groups = new Map<string, UnitPair[]>();
    for (const pair of pairs) {
      const key = breakdown === 'programme' ? pair.programme : breakdown === 'agency' ? pair.agency : quarterOf(pair.afterOn);
      groups.set(key, [...(groups.get(key) ?? []), pair]);
    }
    cells = [...groups.keys()].sort().map((key) => publishCell(key, figures(groups.get(key) ?? []), threshold));
  }
  const shown = withReportSuppression(publishCell('total', figures(pairs), threshold), cells, threshold);
  return { total: shown.total, cells: shown.cells, suppression: suppressionRule(threshold).replace(/people/g, 'units') };
}
