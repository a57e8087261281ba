import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { CurrentUser, Roles, caseVisibilitySql, flowVisibilitySql, type AuthenticatedUser } from '@samvirke/access';
import { copenhagenDate } from '@samvirke/case';
import { CLOCK, DATABASE_POOL, type Clock } from '@samvirke/platform';
import { PersonalDataVault } from '@samvirke/privacy';
import { loadReferenceData } from '@samvirke/reference-data';
import { namedRowsOf } from '../case-summary/case-summary-query';
import { CASE_SUMMARY_PROJECTION_NAME } from '../case-summary/case-summary.projection';
import { discloseNames, type DisclosedName } from '../case-summary/name-disclosure';
import { awaitReadModels, PROJECTION_PROGRESS, type ProjectionProgress } from '../http/read-model-query';
import { READ_MODEL_SCHEMA } from '../runner/projection';
import { timelineItemVisibilitySql } from '../timeline/timeline.controller';
import { TIMELINE_PROJECTION_NAME, timelineTables } from '../timeline/timeline.projection';
import { WorklistPageDto } from './worklist.dto';
import { WorklistQueryDto, type WorklistReason } from './worklist-query.dto';

/** How far ahead a release counts as "coming up", and how long a level 3/4 case may go without a conference. */
export const RELEASE_HORIZON_DAYS = 90;
export const CONFERENCE_INTERVAL_DAYS = 90;

// In a .dto.ts file so the swagger plugin documents the query parameters.
export { WORKLIST_REASONS, WorklistQueryDto, type WorklistReason } from './worklist-query.dto';

export interface WorklistRow {
  caseId: string;
  /**
   * The citizen's name as the reader may see it, opened from the vault per request under the same
   * rules as GET /cases (a sealed identity reads `{ sealed: true }`); null while the case summary
   * has not yet caught up with a brand-new case.
   */
  name: DisclosedName | null;
  reasons: WorklistReason[];
  overdueItems: number;
  /** The expected release within the horizon, if any. */
  releaseOn: string | null;
  sspLevel: number | null;
  lastConferenceOn: string | null;
  unacknowledgedInformation: number;
  /** Referrals of the citizen received within `referralsWithinDays` (another agency referred them again). */
  referralsReceived: number;
  /** Open exchanges escalated under the escalation rules. */
  escalatedFlows: number;
  /** Open exchanges chased under the escalation rules (reminded or escalated). */
  stalledFlows: number;
}

const TIMELINE = timelineTables();

/**
 * The calling coordinator's open cases, most urgent first: escalated exchanges, then stalled (chased)
 * ones, then overdue items, then releases coming up
 * (soonest first), then level 3/4 cases without a recent conference, then information left
 * unacknowledged, then referrals of the citizen received lately. Everything is computed from stored dates against today, so the order changes
 * with the calendar without any event. Only the cases the user sees as coordinator (their own,
 * assigned, or their agency's intake queue), and only the items they may see, are counted.
 */
@ApiTags('read models')
@Controller('worklist')
export class WorklistController {
  private readonly programmes = loadReferenceData().programmes;

  constructor(
    @Inject(DATABASE_POOL) private readonly pool: Pool,
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly vault: PersonalDataVault,
  ) {}

  @Get()
  @Roles('coordinator')
  @ApiOperation({ summary: "The calling coordinator's cases by urgency, with the reasons and counts." })
  async worklist(@CurrentUser() user: AuthenticatedUser, @Query() query: WorklistQueryDto): Promise<WorklistPageDto> {
    const page = await this.page(user, query);
    // Names from the case summary's ciphertext, opened only for the rows on this page and only where
    // this reader may see them (name-disclosure.ts); the worklist's own tables hold no names.
    const named = await namedRowsOf(
      this.pool,
      user,
      page.items.map((row) => row.caseId),
    );
    const rows = page.items.flatMap((row) => {
      const found = named.get(row.caseId);
      return found ? [found] : [];
    });
    const names = await discloseNames(this.vault, user, rows, this.programmes);
    const byCase = new Map(rows.map((row, i) => [row.caseId, names[i]]));
    return { ...page, items: page.items.map((row) => ({ ...row, name: byCase.get(row.caseId) ?? null })) };
  }

  private async page(user: AuthenticatedUser, query: WorklistQueryDto): Promise<{ items: Omit<WorklistRow, 'name'>[]; page: WorklistPageDto['page'] }> {
    await awaitReadModels(this.progress, [TIMELINE_PROJECTION_NAME, CASE_SUMMARY_PROJECTION_NAME], query.consistentWith);
    const asCoordinator: AuthenticatedUser = { ...user, roles: ['coordinator'] };
    const params: unknown[] = [];
    const parameter = (value: unknown) => `$${params.push(value)}`;
    const today = parameter(copenhagenDate(this.clock.now()));
    const visibleCase = caseVisibilitySql(asCoordinator, { agencies: 'c.agencies', coordinatorId: 'c.coordinator_id' }, params);
    const visibleItem = timelineItemVisibilitySql(asCoordinator, params);
    // The case's own coordinator sees every exchange's flow on it (sealed identities excepted), as on
    // GET /cases/:caseId/information-flow; on other visible cases, the items their agency may see.
    const me = parameter(user.userId);
    const flowColumns = { authorAgency: 'i.entry_author_agency', sharedWith: 'i.entry_shared_with', sensitivity: 'i.entry_sensitivity', caseId: 'i.case_id' };
    const visibleFlow = `(CASE WHEN v.coordinator_id = ${me} THEN ${flowVisibilitySql(asCoordinator, true, flowColumns, params)} ELSE ${visibleItem} END)`;
    const horizon = parameter(RELEASE_HORIZON_DAYS);
    const interval = parameter(CONFERENCE_INTERVAL_DAYS);
    const unacknowledgedAfter = parameter(query.unacknowledgedAfterDays);
    const referralsWithin = parameter(query.referralsWithinDays);
    const reasonFilter = query.reason ? `WHERE ${parameter(query.reason)} = ANY(reasons)` : '';
    const limit = parameter(query.limit);
    const offset = parameter(query.offset);
    // counts: every figure it makes asks for an open item or a referral, so the done items (most of
    // a long case) are left out before the visibility test, not after it (the bench's reads: the
    // statement 59 -> 48 ms on 300 cases after load). A case left with no row counts 0, as before.
    const result = await this.pool.query<{
      case_id: string;
      reasons: WorklistReason[];
      overdue: number;
      release_on: string | null;
      ssp_level: number | null;
      last_conference_on: string | null;
      unacknowledged: number;
      referrals: number;
      escalated: number;
      stalled: number;
      total: string;
    }>(
      `WITH visible AS (
         SELECT c.case_id, c.ssp_level, c.last_conference_on, c.coordinator_id FROM ${READ_MODEL_SCHEMA}.${TIMELINE.caseRow} c
         WHERE c.status = 'open' AND ${visibleCase}),
       counts AS (
         SELECT i.case_id,
           count(*) FILTER (WHERE i.done_on IS NULL AND i.due_on < ${today}::date)::int AS overdue,
           min(i.due_on) FILTER (WHERE i.kind = 'release' AND i.done_on IS NULL
             AND i.due_on BETWEEN ${today}::date AND ${today}::date + ${horizon}::int) AS release_on,
           count(*) FILTER (WHERE i.kind = 'acknowledgement' AND i.done_on IS NULL
             AND i.item_on <= ${today}::date - ${unacknowledgedAfter}::int)::int AS unacknowledged,
           count(*) FILTER (WHERE i.kind = 'referral' AND i.item_on >= ${today}::date - ${referralsWithin}::int)::int AS referrals
         FROM ${READ_MODEL_SCHEMA}.${TIMELINE.item} i JOIN visible USING (case_id)
         WHERE (i.done_on IS NULL OR i.kind = 'referral') AND ${visibleItem}
         GROUP BY i.case_id),
       flows AS (
         SELECT i.case_id, count(*)::int AS stalled, count(*) FILTER (WHERE s.escalated)::int AS escalated
         FROM ${READ_MODEL_SCHEMA}.${TIMELINE.item} i JOIN visible v USING (case_id)
         CROSS JOIN LATERAL (
           SELECT bool_or(e.resolution = 'escalation') AS escalated, count(*) AS steps
           FROM ${READ_MODEL_SCHEMA}.${TIMELINE.item} e
           WHERE e.case_id = i.case_id AND e.item_id IN ('escalation:' || i.item_id || ':reminder', 'escalation:' || i.item_id || ':escalation')) s
         WHERE i.kind IN ('acknowledgement', 'information-answer') AND i.done_on IS NULL AND s.steps > 0 AND ${visibleFlow}
         GROUP BY i.case_id),
       ranked AS (
         SELECT v.case_id, v.ssp_level, v.last_conference_on, COALESCE(n.overdue, 0) AS overdue, n.release_on,
           COALESCE(n.unacknowledged, 0) AS unacknowledged, COALESCE(n.referrals, 0) AS referrals, COALESCE(f.escalated, 0) AS escalated, COALESCE(f.stalled, 0) AS stalled,
           COALESCE(v.ssp_level >= 3 AND (v.last_conference_on IS NULL OR v.last_conference_on < ${today}::date - ${interval}::int), FALSE) AS conference_due
         FROM visible v LEFT JOIN counts n USING (case_id) LEFT JOIN flows f USING (case_id)),
       matching AS (
         SELECT r.*, array_remove(ARRAY[
             CASE WHEN r.escalated > 0 THEN 'escalated-flows' END,
             CASE WHEN r.stalled > 0 THEN 'stalled-flows' END,
             CASE WHEN r.overdue > 0 THEN 'overdue-items' END,
             CASE WHEN r.release_on IS NOT NULL THEN 'release-coming-up' END,
             CASE WHEN r.conference_due THEN 'no-recent-conference' END,
             CASE WHEN r.unacknowledged > 0 THEN 'unacknowledged-information' END,
             CASE WHEN r.referrals > 0 THEN 'referral-received' END], NULL) AS reasons
         FROM ranked r)
       SELECT page.*, counted.total FROM (SELECT count(*) AS total FROM matching ${reasonFilter}) counted
       LEFT JOIN LATERAL (
         SELECT case_id, reasons, overdue, to_char(release_on, 'YYYY-MM-DD') AS release_on, ssp_level,
           to_char(last_conference_on, 'YYYY-MM-DD') AS last_conference_on, unacknowledged, referrals, escalated, stalled
         FROM matching ${reasonFilter}
         ORDER BY escalated DESC, stalled DESC, overdue DESC, release_on ASC NULLS LAST, conference_due DESC, unacknowledged DESC, referrals DESC, case_id
         LIMIT ${limit} OFFSET ${offset}) page ON TRUE`,
      params,
    );
    const rows = result.rows.filter((row) => row.case_id !== null);
    return {
      items: rows.map((row) => ({
        caseId: row.case_id,
        reasons: row.reasons,
        overdueItems: row.overdue,
        releaseOn: row.release_on,
        sspLevel: row.ssp_level,
        lastConferenceOn: row.last_conference_on,
        unacknowledgedInformation: row.unacknowledged,
        referralsReceived: row.referrals,
        escalatedFlows: row.escalated,
        stalledFlows: row.stalled,
      })),
      page: { limit: query.limit, offset: query.offset, total: Number(result.rows[0].total) },
    };
  }
}
