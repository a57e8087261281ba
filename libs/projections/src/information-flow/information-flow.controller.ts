import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { CurrentUser, Roles, caseVisibilitySql, entryVisibilitySql, type AuthenticatedUser } from '@samvirke/access';
import { CLOCK, DATABASE_POOL, type Clock } from '@samvirke/platform';
import { awaitReadModels, PROJECTION_PROGRESS, type Page, type ProjectionProgress } from '../http/read-model-query';
import { READ_MODEL_SCHEMA } from '../runner/projection';
import { CaseInformationFlowQueryDto, InformationDelaysQueryDto, type FlowKind } from './information-flow-query.dto';
import { INFORMATION_FLOW_PROJECTION_NAME, informationFlowTables } from './information-flow.projection';

export interface InformationFlowItem {
  kind: FlowKind;
  /** The shared entry's id or the request's id. */
  id: string;
  fromAgency: string;
  toAgency: string;
  sentAt: string;
  sentBy: string;
  /** acknowledged (a share), answered or declined (a request); null while open. */
  outcome: 'acknowledged' | 'answered' | 'declined' | null;
  respondedAt: string | null;
  respondedBy: string | null;
  declineReason: string | null;
  /** Hours from sent to responded; null while open. */
  delayHours: number | null;
  /** Hours an open item has waited so far (read time); null once responded. */
  waitingHours: number | null;
}

/** Fewer entries than this in a cell and the cell shows no numbers: nobody can be singled out. */
export const SMALL_CELL = 5;

export interface DelayCell {
  kind: FlowKind;
  fromAgency: string;
  toAgency: string;
  count: number | '<5';
  /** Over the responded items; null when the cell (or its responded part) is suppressed. */
  medianHours: number | null;
  p90Hours: number | null;
  /** Still not acknowledged / answered / declined; null when the cell is suppressed. */
  unacknowledged: number | null;
}

const TABLES = informationFlowTables();
const T = (table: string) => `${READ_MODEL_SCHEMA}.${table}`;

/**
 * Shares (one row per receiving agency) and requests as one list of "sent → responded" rows.
 * Columns named for entryVisibilitySql: a request is an entry of its sender shared with its receiver.
 */
const FLOW_ROWS = `
  SELECT 'share' AS kind, r.case_id, r.entry_id AS id, r.from_agency, r.to_agency, r.sent_at, r.sent_by,
    CASE WHEN r.acknowledged_at IS NULL THEN NULL ELSE 'acknowledged' END AS outcome,
    r.acknowledged_at AS responded_at, r.acknowledged_by AS responded_by, NULL::text AS decline_reason,
    r.from_agency AS author_agency, r.shared_with, r.sensitivity
  FROM ${T(TABLES.receipt)} r
  UNION ALL
  SELECT 'request', q.case_id, q.request_id, q.from_agency, q.to_agency, q.requested_at, q.requested_by,
    q.outcome, q.responded_at, q.responded_by, q.decline_reason,
    q.from_agency, ARRAY[q.to_agency], 'normal'
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
  ): Promise<Page<InformationFlowItem>> {
    await awaitReadModels(this.progress, [INFORMATION_FLOW_PROJECTION_NAME], query.consistentWith);
    const caseParams: unknown[] = [caseId];
    const visible = caseVisibilitySql(user, { agencies: 'c.agencies', coordinatorId: 'c.coordinator_id' }, caseParams);
    const found = await this.pool.query(`SELECT 1 FROM ${T(TABLES.caseRow)} c WHERE c.case_id = $1 AND ${visible}`, caseParams);
    if (found.rowCount === 0) throw new NotFoundException({ reason: 'CASE_NOT_FOUND', message: 'no case with this id that you may see' });

    const params: unknown[] = [caseId];
    const parameter = (value: unknown) => `$${params.push(value)}`;
    const now = parameter(this.clock.now().toISOString());
    const where = [
      'f.case_id = $1',
      entryVisibilitySql(user, { authorAgency: 'f.author_agency', sharedWith: 'f.shared_with', sensitivity: 'f.sensitivity', caseId: 'f.case_id' }, params),
    ];
    if (query.kind) where.push(`f.kind = ${parameter(query.kind)}`);
    if (query.state) where.push(query.state === 'open' ? 'f.outcome IS NULL' : 'f.outcome IS NOT NULL');
    const limit = parameter(query.limit);
    const offset = parameter(query.offset);
    const result = await this.pool.query<{
      kind: FlowKind; id: string; from_agency: string; to_agency: string; sent_at: Date; sent_by: string;
      outcome: InformationFlowItem['outcome']; responded_at: Date | null; responded_by: string | null; decline_reason: string | null;
      delay_hours: number | null; waiting_hours: number | null; total: string;
    }>(
      `WITH matching AS (
         SELECT f.*, round((extract(epoch FROM f.responded_at - f.sent_at) / 3600)::numeric, 2)::float8 AS delay_hours,
           CASE WHEN f.responded_at IS NULL THEN round((extract(epoch FROM ${now}::timestamptz - f.sent_at) / 3600)::numeric, 2)::float8 END AS waiting_hours
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
        sentBy: row.sent_by,
        outcome: row.outcome,
        respondedAt: row.responded_at?.toISOString() ?? null,
        respondedBy: row.responded_by,
        declineReason: row.decline_reason,
        delayHours: row.delay_hours,
        waitingHours: row.waiting_hours,
      })),
      page: { limit: query.limit, offset: query.offset, total: Number(result.rows[0].total) },
    };
  }

  /**
   * Delay statistics across all cases, for those who run the coordination (coordinators) or check it
   * (auditors). It answers counts and delays per agency pair only, never a case id, and suppresses
   * small cells: with fewer than five items in a cell (or fewer than five responded ones, for the
   * median and 90th percentile) a reader who knows one case could recognise it.
   */
  @Get('information-flow/delays')
  @Roles('coordinator', 'auditor')
  @ApiOperation({ summary: 'Per agency pair: count, median and 90th percentile delay in hours, still unacknowledged; small cells suppressed.' })
  async delays(@Query() query: InformationDelaysQueryDto): Promise<{ items: DelayCell[] }> {
    await awaitReadModels(this.progress, [INFORMATION_FLOW_PROJECTION_NAME], query.consistentWith);
    const params: unknown[] = [];
    const parameter = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = ['TRUE'];
    if (query.from) where.push(`f.sent_at >= (${parameter(query.from)}::date)::timestamp AT TIME ZONE 'Europe/Copenhagen'`);
    if (query.to) where.push(`f.sent_at < ((${parameter(query.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen')`);
    if (query.fromAgency) where.push(`f.from_agency = ${parameter(query.fromAgency)}`);
    if (query.toAgency) where.push(`f.to_agency = ${parameter(query.toAgency)}`);
    if (query.kind) where.push(`f.kind = ${parameter(query.kind)}`);
    const result = await this.pool.query<{
      kind: FlowKind; from_agency: string; to_agency: string; count: number; responded: number; unacknowledged: number;
      median_hours: number | null; p90_hours: number | null;
    }>(
      `SELECT f.kind, f.from_agency, f.to_agency, count(*)::int AS count,
         count(f.responded_at)::int AS responded,
         (count(*) - count(f.responded_at))::int AS unacknowledged,
         round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.responded_at - f.sent_at) / 3600)::numeric, 2)::float8 AS median_hours,
         round(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM f.responded_at - f.sent_at) / 3600)::numeric, 2)::float8 AS p90_hours
       FROM (${FLOW_ROWS}) f
       WHERE ${where.join(' AND ')}
       GROUP BY f.kind, f.from_agency, f.to_agency
       ORDER BY f.kind, f.from_agency, f.to_agency`,
      params,
    );
    return {
      items: result.rows.map((row) => {
        const suppressed = row.count < SMALL_CELL;
        const delaysShown = !suppressed && row.responded >= SMALL_CELL;
        return {
          kind: row.kind,
          fromAgency: row.from_agency,
          toAgency: row.to_agency,
          count: suppressed ? '<5' : row.count,
          medianHours: delaysShown ? row.median_hours : null,
          p90Hours: delaysShown ? row.p90_hours : null,
          unacknowledged: suppressed ? null : row.unacknowledged,
        };
      }),
    };
  }
}
