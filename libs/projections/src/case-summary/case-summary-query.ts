/**
 * Reading `read_models.case_summary`, shared by GET /cases and GET /ssp-register. Every query goes
 * through `visibleSummariesWhere`, so the rows, the total and a single case answer to the same
 * access rule (libs/access caseVisibilitySql); filters only narrow it further.
 *
 * Two paths:
 * - without an eligibility condition, paging and the total are done by PostgreSQL;
 * - with one ("eligible only", the register), eligibility depends on the reading day, so PostgreSQL
 *   narrows to a superset (eligibilityCandidateSql), the domain rule decides in code, and paging and
 *   the total are taken from that decided list. The candidates are level 3/4 cases of young adults,
 *   a population of hundreds, so holding them for one request is cheap.
 *
 * Erased citizens: their rows keep the case but have no name, birth date or district (NULL). NULL
 * matches no district filter, and the eligibility path leaves such rows out in SQL and in code, so
 * its rows are typed `IdentifiedSummaryRow` and the SSP+ register never meets a missing birth date.
 */
import type { Pool } from 'pg';
import { caseVisibilitySql, type AuthenticatedUser } from '@samvirke/access';
import { copenhagenDate, type SspCategory, type SspPlusAgeBands } from '@samvirke/case';
import type { Programme } from '@samvirke/reference-data';
import { READ_MODEL_SCHEMA } from '../runner/projection';
import type { AssessmentFact, EnrolmentFact } from './case-summary-fold';
import { CASE_SUMMARY_TABLE } from './case-summary.projection';
import { eligibilityCandidateSql, eligibilityOnRead, type SummaryEligibility } from './eligibility-on-read';

export interface CaseSummaryRow {
  caseId: string;
  citizenId: string;
  status: 'open' | 'closed';
  openedAt: Date;
  openedOn: string | null;
  closedAt: Date | null;
  closeReason: string | null;
  referredBy: string;
  /** NULL, like birthDate and districtCode, exactly when the citizen was erased (erasedAt set). */
  sealedName: string | null;
  birthDate: string | null;
  districtCode: string | null;
  erasedAt: Date | null;
  sspLevel: SspCategory | null;
  sspLevelOn: string | null;
  assessments: AssessmentFact[];
  coordinatorId: string | null;
  coordinatorAgency: string | null;
  agencies: string[];
  programmes: string[];
  enrolments: EnrolmentFact[];
  custodyStatus: 'none' | 'remand' | 'sentence';
  custodyInstitution: string | null;
  custodyStartedOn: string | null;
  custodyExpectedReleaseOn: string | null;
  openActions: number;
  openRequests: number;
  lastActivityAt: Date;
  /** The case stream's revision of the last event folded in: the case's ETag and If-Match value. */
  revision: number;
}

/** A row whose citizen has not been erased. */
export type IdentifiedSummaryRow = CaseSummaryRow & { sealedName: string; birthDate: string; districtCode: string; erasedAt: null };

export function isIdentified(row: CaseSummaryRow): row is IdentifiedSummaryRow {
  return row.erasedAt === null && row.sealedName !== null && row.birthDate !== null && row.districtCode !== null;
}

const IDENTITY_AND_FACT_COLUMNS = `case_id AS "caseId", citizen_id AS "citizenId", status, opened_at AS "openedAt", opened_on::text AS "openedOn", closed_at AS "closedAt",
  close_reason AS "closeReason", referred_by AS "referredBy", sealed_name AS "sealedName", birth_date::text AS "birthDate",
  district_code AS "districtCode", erased_at AS "erasedAt", ssp_level AS "sspLevel", ssp_level_on::text AS "sspLevelOn", assessments,
  coordinator_id AS "coordinatorId", coordinator_agency AS "coordinatorAgency", agencies, programmes, enrolments,
  custody_status AS "custodyStatus", custody_institution AS "custodyInstitution", custody_started_on::text AS "custodyStartedOn",
  custody_expected_release_on::text AS "custodyExpectedReleaseOn", open_actions AS "openActions", last_revision AS "revision"`;

/**
 * The columns of a summary as `user` may see them: the facts, and the activity and open requests
 * counted over the events the user may see (libs/access entry-visibility, in the same form as
 * entryVisibilitySql): auditors everything; others the case-level activity, the entries and
 * requests of their agency (as author or recipient) and, on an identity they are named on, the
 * sealed-identity entries. Lists order by this "lastActivityAt", so the order moves only with it too.
 */
function selectColumns(user: AuthenticatedUser, params: unknown[]): string {
  if (user.roles.includes('auditor')) {
    return `${IDENTITY_AND_FACT_COLUMNS}, open_requests AS "openRequests", last_activity_at AS "lastActivityAt"`;
  }
  params.push(user.agency);
  const agency = `$${params.length}::text`;
  params.push(user.namedAccess ?? []);
  const named = `$${params.length}::text[]`;
  return `${IDENTITY_AND_FACT_COLUMNS},
    COALESCE((open_requests_by_agency ->> ${agency})::int, 0) AS "openRequests",
    GREATEST(case_activity_at, (agency_activity_at ->> ${agency})::timestamptz,
      CASE WHEN case_id = ANY(${named}) THEN sealed_activity_at END) AS "lastActivityAt"`;
}

/** Order a page by the reader's own last activity (see selectColumns). */
export const BY_READER_ACTIVITY = '"lastActivityAt" DESC, case_id';

export interface CaseSummaryFilters {
  caseId?: string;
  status?: 'open' | 'closed';
  level?: number;
  /**
   * Any of these district codes (a city district is expanded to its districts by the caller). A
   * sealed identity's district is sealed too, so such a case matches only for readers who may see
   * it; `sealingProgrammes` are the programmes that seal identity (reference data).
   */
  districts?: { codes: readonly string[]; sealingProgrammes: readonly string[] };
  programme?: string;
  coordinator?: string;
  /** Only cases nobody coordinates (the intake queue). */
  unassigned?: true;
  agency?: string;
  custody?: 'none' | 'remand' | 'sentence';
}

export interface EligibilityCondition {
  at: Date;
  ageBands: SspPlusAgeBands;
  programmes: ReadonlyMap<string, Pick<Programme, 'gangConflict'>>;
}

export interface SummaryPage<Row extends CaseSummaryRow = CaseSummaryRow> {
  rows: Row[];
  total: number;
}

export function visibleSummariesWhere(user: AuthenticatedUser, filters: CaseSummaryFilters, params: unknown[]): string {
  const conditions = [caseVisibilitySql(user, { agencies: 'agencies', coordinatorId: 'coordinator_id' }, params)];
  const equals = (column: string, value: unknown) => {
    params.push(value);
    conditions.push(`${column} = $${params.length}`);
  };
  if (filters.caseId !== undefined) equals('case_id', filters.caseId);
  if (filters.status !== undefined) equals('status', filters.status);
  if (filters.level !== undefined) equals('ssp_level', filters.level);
  if (filters.coordinator !== undefined) equals('coordinator_id', filters.coordinator);
  if (filters.custody !== undefined) equals('custody_status', filters.custody);
  if (filters.unassigned) conditions.push('coordinator_id IS NULL');
  if (filters.districts !== undefined) {
    params.push(filters.districts.codes);
    conditions.push(`district_code = ANY($${params.length}::text[])`);
    const sealed = identitySealedSql('enrolments', filters.districts.sealingProgrammes, params);
    conditions.push(`(NOT ${sealed} OR ${maySeeSealedIdentitySql(user, 'case_id', params)})`);
  }
  if (filters.programme !== undefined) {
    params.push(filters.programme);
    conditions.push(`$${params.length}::text = ANY(programmes)`);
  }
  if (filters.agency !== undefined) {
    params.push(filters.agency);
    conditions.push(`$${params.length}::text = ANY(agencies)`);
  }
  return conditions.join(' AND ');
}

/** Whether the citizen is or was in a programme that seals identity (as identityIsSealed in name-disclosure.ts). */
function identitySealedSql(enrolments: string, sealingProgrammes: readonly string[], params: unknown[]): string {
  params.push(sealingProgrammes);
  return `EXISTS (SELECT 1 FROM jsonb_array_elements(${enrolments}) e WHERE e->>'programmeCode' = ANY($${params.length}::text[]))`;
}

/** Who may see a sealed identity: as canSeeEntry for a 'sealed-identity' entry (named users and break-glass openers, auditors included). */
function maySeeSealedIdentitySql(user: AuthenticatedUser, caseId: string, params: unknown[]): string {
  params.push(user.namedAccess ?? []);
  return `${caseId} = ANY($${params.length}::text[])`;
}

export async function findSummary(pool: Pool, user: AuthenticatedUser, caseId: string): Promise<CaseSummaryRow | undefined> {
  const params: unknown[] = [];
  const where = visibleSummariesWhere(user, { caseId }, params);
  const columns = selectColumns(user, params);
  const { rows } = await pool.query<CaseSummaryRow>(`SELECT ${columns} FROM ${READ_MODEL_SCHEMA}.${CASE_SUMMARY_TABLE} WHERE ${where}`, params);
  return rows[0];
}

/**
 * What name disclosure needs (name-disclosure.ts) for the given cases, as far as `user` may see them
 * (the same access rule as every summary read): for lists built elsewhere (the worklist) that show
 * the citizen's name. Cases the user may not see, or not yet in the summary, are left out.
 */
export async function namedRowsOf(
  pool: Pool,
  user: AuthenticatedUser,
  caseIds: readonly string[],
): Promise<Map<string, Pick<CaseSummaryRow, 'caseId' | 'sealedName' | 'erasedAt' | 'enrolments'>>> {
  if (caseIds.length === 0) return new Map();
  const params: unknown[] = [];
  const where = visibleSummariesWhere(user, {}, params);
  params.push(caseIds);
  const { rows } = await pool.query<Pick<CaseSummaryRow, 'caseId' | 'sealedName' | 'erasedAt' | 'enrolments'>>(
    `SELECT case_id AS "caseId", sealed_name AS "sealedName", erased_at AS "erasedAt", enrolments
     FROM ${READ_MODEL_SCHEMA}.${CASE_SUMMARY_TABLE} WHERE ${where} AND case_id = ANY($${params.length}::text[])`,
    params,
  );
  return new Map(rows.map((row) => [row.caseId, row]));
}

interface PageRequest {
  limit: number;
  offset: number;
  orderBy: string;
}

/** Only eligible rows when `eligibleOn` is given; those always have their identity (an erased citizen is never eligible). */
export async function pageSummaries(
  pool: Pool,
  user: AuthenticatedUser,
  filters: CaseSummaryFilters,
  page: PageRequest,
  eligibleOn: EligibilityCondition,
): Promise<SummaryPage<IdentifiedSummaryRow>>;
export async function pageSummaries(
  pool: Pool,
  user: AuthenticatedUser,
  filters: CaseSummaryFilters,
  page: PageRequest,
  eligibleOn?: EligibilityCondition,
): Promise<SummaryPage>;
export async function pageSummaries(
  pool: Pool,
  user: AuthenticatedUser,
  filters: CaseSummaryFilters,
  page: PageRequest,
  eligibleOn?: EligibilityCondition,
): Promise<SummaryPage> {
  const params: unknown[] = [];
  let where = visibleSummariesWhere(user, filters, params);
  const from = `${READ_MODEL_SCHEMA}.${CASE_SUMMARY_TABLE}`;
  if (eligibleOn === undefined) {
    const total = await pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${from} WHERE ${where}`, params);
    const columns = selectColumns(user, params);
    params.push(page.limit, page.offset);
    const { rows } = await pool.query<CaseSummaryRow>(
      `SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY ${page.orderBy} LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { rows, total: total.rows[0]?.total ?? 0 };
  }
  where += ` AND erased_at IS NULL AND ${eligibilityCandidateSql({ birthDate: 'birth_date', assessments: 'assessments' }, copenhagenDate(eligibleOn.at), eligibleOn.ageBands, params)}`;
  const columns = selectColumns(user, params);
  const { rows } = await pool.query<CaseSummaryRow>(`SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY ${page.orderBy}`, params);
  const eligible = rows.filter(isIdentified).filter((row) => eligibilityOf(row, eligibleOn).eligible);
  return { rows: eligible.slice(page.offset, page.offset + page.limit), total: eligible.length };
}

export function eligibilityOf(row: CaseSummaryRow, condition: EligibilityCondition): SummaryEligibility {
  return eligibilityOnRead(row, condition.at, condition.programmes, condition.ageBands);
}
