import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { CurrentUser, Roles, caseVisibilitySql, flowVisibilitySql, type AuthenticatedUser } from '@samvirke/access';
import { CLOCK, DATABASE_POOL, type Clock } from '@samvirke/platform';
import { awaitReadModels, PROJECTION_PROGRESS, type ProjectionProgress } from '../http/read-model-query';
import { READ_MODEL_SCHEMA } from '../runner/projection';
import { CaseInformationFlowQueryDto, InformationDelaysQueryDto, type FlowKind } from './information-flow-query.dto';
import { INFORMATION_FLOW_PROJECTION_NAME, informationFlowTables } from './information-flow.projection';
import { closedMonth, publishDelayStatistics } from './delay-statistics';
import { DelayStatisticsDto, InformationFlowPageDto } from './information-flow.dto';

export interface InformationFlowItem {
  kind: FlowKind;
  /** The shared entry's id or the request's id. */
  id: string;
  fromAgency: string;
  toAgency: string;
  /** When it was sent in the real world: the recorded instant, or the start of the day (Copenhagen) history gave (sharedOn, requestedOn). */
  sentAt: string;
  /** When it was recorded (the event entered the log). */
  sentRecordedAt: string;
  sentBy: string;
  /** acknowledged (a share), answered or declined (a request); null while open. */
  outcome: 'acknowledged' | 'answered' | 'declined' | null;
  /** As sentAt: the real-world instant (acknowledgedOn's day when recorded later); null while open. */
  respondedAt: string | null;
  respondedRecordedAt: string | null;
  respondedBy: string | null;
  declineReason: string | null;
  /** Hours from sent to responded (real-world instants); null while open. */
  delayHours: number | null;
  /** Hours an open item has waited so far (read time); null once responded. */
  waitingHours: number | null;
  /** Whole minutes from sent to responded; null while open. */
  delayMinutes: number | null;
  /** Whole minutes an open item has waited so far (read time); null once responded. */
  waitingMinutes: number | null;
  /** The furthest escalation step taken while it was open (reminder, escalation), and when; null if none. */
  escalation: { step: 'reminder' | 'escalation'; at: string } | null;
}

const TABLES = informationFlowTables();
const T = (table: string) => `${READ_MODEL_SCHEMA}.${table}`;

/**
 * Shares (one row per receiving agency) and requests as one list of "sent → responded" rows.
 * Columns named for entryVisibilitySql: a request is an entry of its sender shared with its receiver.
 */
const FLOW_ROWS = `
  SELECT 'share' AS kind, r.case_id, r.entry_id AS id, r.from_agency, r.to_agency, r.sent_at, r.sent_recorded_at, r.sent_by,
    CASE WHEN r.acknowledged_at IS NULL THEN NULL ELSE 'acknowledged' END AS outcome,
    r.acknowledged_at AS responded_at, r.acknowledged_recorded_at AS responded_recorded_at, r.acknowledged_by AS responded_by, NULL::text AS decline_reason,
    r.from_agency AS author_agency, r.shared_with, r.sensitivity, r.escalation_step, r.escalated_at
  FROM ${T(TABLES.receipt)} r
  UNION ALL
  SELECT 'request', q.case_id, q.request_id, q.from_agency, q.to_agency, q.requested_at, q.requested_recorded_at, q.requested_by,
    q.outcome, q.responded_at, q.responded_at, q.responded_by, q.decline_reason,
    q.from_agency, ARRAY[q.to_agency], 'normal', q.escalation_step, q.escalated_at
  FROM ${T(TABLES.request)} q`;

@ApiTags('read models')
@Controller()
export class InformationFlowController {
  constructor(
    @Inject(DATABASE_POOL) private readonly pool: Pool,
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('cases/:caseId/information-flow')
  @ApiOperation({ summary: 'Per shared entry (and receiving agency) and per request: sent, acknowledged/answered/declined, by whom, the delay.' })
  async caseFlow(
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId') caseId: string,
    @Query() query: CaseInformationFlowQueryDto,
  ): Promise<InformationFlowPageDto> {
    await awaitReadModels(this.progress, [INFORMATION_FLOW_PROJECTION_NAME], query.consistentWith);
    const caseParams: unknown[] = [caseId];
    const visible = caseVisibilitySql(user, { agencies: 'c.agencies', coordinatorId: 'c.coordinator_id' }, caseParams);
    const found = await this.pool.query<{ coordinator_id: string | null }>(
      `SELECT c.coordinator_id FROM ${T(TABLES.caseRow)} c WHERE c.case_id = $1 AND ${visible}`,
      caseParams,
    );
    if (found.rowCount === 0) throw new NotFoundException({ reason: 'CASE_NOT_FOUND', message: 'no case with this id that you may see' });

    const params: unknown[] = [caseId];
    const parameter = (value: unknown) => `$${params.push(value)}`;
    const now = parameter(this.clock.now().toISOString());
    // The case's own coordinator sees the flow of every exchange on it (not the content), to chase stalls.
    const coordinatesCase = user.roles.includes('coordinator') && found.rows[0].coordinator_id === user.userId;
    const where = [
      'f.case_id = $1',
      flowVisibilitySql(
        user,
        coordinatesCase,
        { authorAgency: 'f.author_agency', sharedWith: 'f.shared_with', sensitivity: 'f.sensitivity', caseId: 'f.case_id' },
        params,
      ),
    ];
    if (query.kind) where.push(`f.kind = ${parameter(query.kind)}`);
    if (query.state) where.push(query.state === 'open' ? 'f.outcome IS NULL' : 'f.outcome IS NOT NULL');
    const limit = parameter(query.limit);
    const offset = parameter(query.offset);
    const result = await this.pool.query<{
      kind: FlowKind;
      id: string;
      from_agency: string;
      to_agency: string;
      sent_at: Date;
      sent_recorded_at: Date;
      sent_by: string;
      outcome: InformationFlowItem['outcome'];
      responded_at: Date | null;
      responded_recorded_at: Date | null;
      responded_by: string | null;
      decline_reason: string | null;
      delay_hours: number | null;
      waiting_hours: number | null;
      delay_minutes: number | null;
      waiting_minutes: number | null;
      escalation_step: 'reminder' | 'escalation' | null;
      escalated_at: Date | null;
      total: string;
    }>(
      `WITH matching AS (
         SELECT f.*, round((extract(epoch FROM f.responded_at - f.sent_at) / 3600)::numeric, 2)::float8 AS delay_hours,
           CASE WHEN f.responded_at IS NULL THEN round((extract(epoch FROM ${now}::timestamptz - f.sent_at) / 3600)::numeric, 2)::float8 END AS waiting_hours,
           floor(extract(epoch FROM f.responded_at - f.sent_at) / 60)::int AS delay_minutes,
           CASE WHEN f.responded_at IS NULL THEN floor(extract(epoch FROM ${now}::timestamptz - f.sent_at) / 60)::int END AS waiting_minutes
         FROM (${FLOW_ROWS}) f
         WHERE ${where.join(' AND ')})
       SELECT page.*, counted.total FROM (SELECT count(*) AS total FROM matching) counted
       LEFT JOIN LATERAL (SELECT * FROM matching ORDER BY sent_at, kind, id, to_agency LIMIT ${limit} OFFSET ${offset}) page ON TRUE`,
      params,
    );
    const rows = result.rows.filter((row) => row.id !== null);
    return {
      items: rows.map((row) => ({
        kind: row.kind,
        id: row.id,
        fromAgency: row.from_agency,
        toAgency: row.to_agency,
        sentAt: row.sent_at.toISOString(),
        sentRecordedAt: row.sent_recorded_at.toISOString(),
        sentBy: row.sent_by,
        outcome: row.outcome,
        respondedAt: row.responded_at?.toISOString() ?? null,
        respondedRecordedAt: row.responded_recorded_at?.toISOString() ?? null,
        respondedBy: row.responded_by,
        declineReason: row.decline_reason,
        delayHours: row.delay_hours,
        waitingHours: row.waiting_hours,
        delayMinutes: row.delay_minutes,
        waitingMinutes: row.waiting_minutes,
        escalation: row.escalation_step && row.escalated_at ? { step: row.escalation_step, at: row.escalated_at.toISOString() } : null,
      })),
      page: { limit: query.limit, offset: query.offset, total: Number(result.rows[0].total) },
    };
  }

  /**
   * Delay statistics across all cases: counts and delays per agency pair, never a case id.
   *
   * Served to coordinators (they run the coordination loop and chase the slow links) and auditors
   * (they check it); liaisons and reference-data administrators need no city-wide figures, so they
   * get 403, as the effect reports do.
   *
   * Only closed calendar months, each as it stood when it ended (an item answered later still
   * counts as unanswered in its month): figures of the running month, or of any window that keeps
   * growing, let two reads a minute apart tell what just happened on cases the reader cannot see.
   * Fixed months rather than free date windows, because two overlapping windows subtract to a
   * small cell nobody may see. Small cells are suppressed as in the effect reports (see
   * ./delay-statistics.ts).
   */
  @Get('information-flow/delays')
  @Roles('coordinator', 'auditor')
  @ApiOperation({
    summary:
      'One closed calendar month: per agency pair, count, median and 90th percentile delay in hours, still unanswered at month end; small cells suppressed.',
  })
  async delays(@Query() query: InformationDelaysQueryDto): Promise<DelayStatisticsDto> {
    const period = closedMonth(this.clock.now(), query.month);
    if (period === undefined) {
      throw new BadRequestException({
        error: 'Bad Request',
        message: 'the request has invalid fields',
        violations: [
          {
            field: 'month',
            rule: 'isClosedMonth',
            message: 'month must be a calendar month that has ended (Copenhagen time); the running month is not published',
          },
        ],
      });
    }
    await awaitReadModels(this.progress, [INFORMATION_FLOW_PROJECTION_NAME], query.consistentWith);
    const start = `($1::date)::timestamp AT TIME ZONE 'Europe/Copenhagen'`;
    const end = `($2::date)::timestamp AT TIME ZONE 'Europe/Copenhagen'`;
    const result = await this.pool.query<{ kind: FlowKind; from_agency: string; to_agency: string; count: number; unacknowledged: number; delays: number[] }>(
      `SELECT f.kind, f.from_agency, f.to_agency, count(*)::int AS count,
         count(*) FILTER (WHERE f.responded_at IS NULL OR f.responded_at >= ${end})::int AS unacknowledged,
         COALESCE(array_agg((extract(epoch FROM f.responded_at - f.sent_at) / 3600)::float8) FILTER (WHERE f.responded_at < ${end}), '{}') AS delays
       FROM (${FLOW_ROWS}) f
       WHERE f.sent_at >= ${start} AND f.sent_at < ${end}
       GROUP BY f.kind, f.from_agency, f.to_agency`,
      [period.from, period.endExclusive],
    );
    const figures = result.rows.map((row) => ({
      kind: row.kind,
      fromAgency: row.from_agency,
      toAgency: row.to_agency,
      count: row.count,
      unacknowledged: row.unacknowledged,
      delays: row.delays,
    }));
    return publishDelayStatistics(period, figures, { kind: query.kind, fromAgency: query.fromAgency, toAgency: query.toAgency });
  }
}
