import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { CurrentUser, Roles, caseVisibilitySql, type AuthenticatedUser } from '@samvirke/access';
import { copenhagenDate } from '@samvirke/case';
import { CLOCK, DATABASE_POOL, type Clock } from '@samvirke/platform';
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
  reasons: WorklistReason[];
  overdueItems: number;
  /** The expected release within the horizon, if any. */
  releaseOn: string | null;
  sspLevel: number | null;
  lastConferenceOn: string | null;
  unacknowledgedInformation: number;
}

const TIMELINE = timelineTables();

/**
 * The calling coordinator's open cases, most urgent first: overdue items, then releases coming up
 * (soonest first), then level 3/4 cases without a recent conference, then information left
 * unacknowledged. Everything is computed from stored dates against today, so the order changes
 * with the calendar without any event. Only the cases the user sees as coordinator (their own,
 * assigned, or their agency's intake queue), and only the items they may see, are counted.
 */
@ApiTags('read models')
@Controller('worklist')
export class WorklistController {
  constructor(
    @Inject(DATABASE_POOL) private readonly pool: Pool,
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('coordinator')
  @ApiOperation({ summary: "The calling coordinator's cases by urgency, with the reasons and counts." })
  async worklist(@CurrentUser() user: AuthenticatedUser, @Query() query: WorklistQueryDto): Promise<WorklistPageDto> {
    await awaitReadModels(this.progress, [TIMELINE_PROJECTION_NAME], query.consistentWith);
    const asCoordinator: AuthenticatedUser = { ...user, roles: ['coordinator'] };
    const params: unknown[] = [];
    const parameter = (value: unknown) => `$${params.push(value)}`;
    const today = parameter(copenhagenDate(this.clock.now()));
    const visibleCase = caseVisibilitySql(asCoordinator, { agencies: 'c.agencies', coordinatorId: 'c.coordinator_id' }, params);
    const visibleItem = timelineItemVisibilitySql(asCoordinator, params);
    const horizon = parameter(RELEASE_HORIZON_DAYS);
    const interval = parameter(CONFERENCE_INTERVAL_DAYS);
    const unacknowledgedAfter = parameter(query.unacknowledgedAfterDays);
    const reasonFilter = query.reason ? `WHERE ${parameter(query.reason)} = ANY(reasons)` : '';
    const limit = parameter(query.limit);
    const offset = parameter(query.offset);
    const result = await this.pool.query<{
      case_id: string; reasons: WorklistReason[]; overdue: number; release_on: string | null; ssp_level: number | null;
      last_conference_on: string | null; unacknowledged: number; total: string;
    }>(
      `WITH visible AS (
         SELECT c.case_id, c.ssp_level, c.last_conference_on FROM ${READ_MODEL_SCHEMA}.${TIMELINE.caseRow} c
         WHERE c.status = 'open' AND ${visibleCase}),
       counts AS (
         SELECT i.case_id,
           count(*) FILTER (WHERE i.done_on IS NULL AND i.due_on < ${today}::date)::int AS overdue,
           min(i.due_on) FILTER (WHERE i.kind = 'release' AND i.done_on IS NULL
             AND i.due_on BETWEEN ${today}::date AND ${today}::date + ${horizon}::int) AS release_on,
           count(*) FILTER (WHERE i.kind = 'acknowledgement' AND i.done_on IS NULL
             AND i.item_on <= ${today}::date - ${unacknowledgedAfter}::int)::int AS unacknowledged
         FROM ${READ_MODEL_SCHEMA}.${TIMELINE.item} i JOIN visible USING (case_id)
         WHERE ${visibleItem}
         GROUP BY i.case_id),
       ranked AS (
         SELECT v.case_id, v.ssp_level, v.last_conference_on, COALESCE(n.overdue, 0) AS overdue, n.release_on,
           COALESCE(n.unacknowledged, 0) AS unacknowledged,
           COALESCE(v.ssp_level >= 3 AND (v.last_conference_on IS NULL OR v.last_conference_on < ${today}::date - ${interval}::int), FALSE) AS conference_due
         FROM visible v LEFT JOIN counts n USING (case_id)),
       matching AS (
         SELECT r.*, array_remove(ARRAY[
             CASE WHEN r.overdue > 0 THEN 'overdue-items' END,
             CASE WHEN r.release_on IS NOT NULL THEN 'release-coming-up' END,
             CASE WHEN r.conference_due THEN 'no-recent-conference' END,
             CASE WHEN r.unacknowledged > 0 THEN 'unacknowledged-information' END], NULL) AS reasons
         FROM ranked r)
       SELECT page.*, counted.total FROM (SELECT count(*) AS total FROM matching ${reasonFilter}) counted
       LEFT JOIN LATERAL (
         SELECT case_id, reasons, overdue, to_char(release_on, 'YYYY-MM-DD') AS release_on, ssp_level,
           to_char(last_conference_on, 'YYYY-MM-DD') AS last_conference_on, unacknowledged
         FROM matching ${reasonFilter}
         ORDER BY overdue DESC, release_on ASC NULLS LAST, conference_due DESC, unacknowledged DESC, case_id
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
      })),
      page: { limit: query.limit, offset: query.offset, total: Number(result.rows[0].total) },
    };
  }
}
