import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { CurrentUser, caseVisibilitySql, entryVisibilitySql, flowVisibilitySql, type AuthenticatedUser } from '@samvirke/access';
import { copenhagenDate } from '@samvirke/case';
import { CLOCK, DATABASE_POOL, type Clock } from '@samvirke/platform';
import { PersonalDataVault } from '@samvirke/privacy';
import { loadReferenceData, type ReferenceData } from '@samvirke/reference-data';
import { awaitReadModels, PROJECTION_PROGRESS, type ProjectionProgress } from '../http/read-model-query';
import { READ_MODEL_SCHEMA } from '../runner/projection';
import { openDetails, type ReadableDetail } from './readable-detail';
import { TimelineQueryDto } from './timeline-query.dto';
import { TimelinePageDto } from './timeline.dto';
import { timelineStatusSql, type TimelineStatus } from './timeline-status';
import { TIMELINE_KINDS, TIMELINE_PROJECTION_NAME, timelineTables, type TimelineKind } from './timeline.projection';
import { storedTimelineTitle } from './timeline-title';

export interface TimelineItem {
  itemId: string;
  kind: TimelineKind;
  /** Where the item sits: its deadline while open, the day it happened or was met otherwise. */
  on: string;
  dueOn: string | null;
  doneOn: string | null;
  status: TimelineStatus;
  /** How it was done: completed, cancelled, sent, acknowledged, answered, declined, held, met, ended (no longer applies), ... */
  resolution: string | null;
  ownerAgency: string | null;
  /** What the item is, in the language asked for (`lang`). */
  title: string | null;
  /** Personal text (an action's title, a question, a summary, an answer), opened for the reader. */
  detail: ReadableDetail;
  relatedId: string | null;
  roadMap: { code: string; item: string } | null;
}

interface TimelineRow {
  item_id: string;
  kind: TimelineKind;
  item_on: string;
  due_on: string | null;
  done_on: string | null;
  status: TimelineStatus;
  resolution: string | null;
  owner_agency: string | null;
  title: string | null;
  title_key: string | null;
  title_args: unknown;
  detail_sealed: string | null;
  related_id: string | null;
  road_map_code: string | null;
  road_map_item: string | null;
  total: string | null;
}

const TABLES = timelineTables();

/** The rows of `item` alias `i` the user may see, given the case is visible (see the projection). */
export function timelineItemVisibilitySql(user: AuthenticatedUser, params: unknown[]): string {
  const entry = entryVisibilitySql(
    user,
    { authorAgency: 'i.entry_author_agency', sharedWith: 'i.entry_shared_with', sensitivity: 'i.entry_sensitivity', caseId: 'i.case_id' },
    params,
  );
  return `(i.entry_author_agency IS NULL OR ${entry})`;
}

@ApiTags('read models')
@Controller('cases/:caseId/timeline')
export class TimelineController {
  private readonly reference: ReferenceData = loadReferenceData();

  constructor(
    @Inject(DATABASE_POOL) private readonly pool: Pool,
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly vault: PersonalDataVault,
  ) {}

  @Get()
  @ApiOperation({ summary: "A case's coordination timeline across agencies: deadlines, information, conferences, custody, road maps." })
  async timeline(@CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Query() query: TimelineQueryDto): Promise<TimelinePageDto> {
    await awaitReadModels(this.progress, [TIMELINE_PROJECTION_NAME], query.consistentWith);
    const params: unknown[] = [caseId];
    const visible = caseVisibilitySql(user, { agencies: 'c.agencies', coordinatorId: 'c.coordinator_id' }, params);
    const found = await this.pool.query<{ coordinator_id: string | null }>(
      `SELECT c.coordinator_id FROM ${READ_MODEL_SCHEMA}.${TABLES.caseRow} c WHERE c.case_id = $1 AND ${visible}`,
      params,
    );
    // Not visible and not existing answer alike, so a 404 reveals nothing about other agencies' cases.
    if (found.rowCount === 0) throw new NotFoundException({ reason: 'CASE_NOT_FOUND', message: 'no case with this id that you may see' });

    const where: string[] = ['i.case_id = $1'];
    const filterParams: unknown[] = [caseId];
    const parameter = (value: unknown) => `$${filterParams.push(value)}`;
    const today = parameter(copenhagenDate(this.clock.now()));
    const status = timelineStatusSql('i', today);
    const itemVisible = timelineItemVisibilitySql(user, filterParams);
    // The case's own coordinator sees every exchange's flow on it (not its text), so also the
    // escalation steps of exchanges between other agencies (rows without personal text).
    const coordinatesCase = user.roles.includes('coordinator') && found.rows[0].coordinator_id === user.userId;
    if (coordinatesCase) {
      const flowVisible = flowVisibilitySql(
        user,
        true,
        { authorAgency: 'i.entry_author_agency', sharedWith: 'i.entry_shared_with', sensitivity: 'i.entry_sensitivity', caseId: 'i.case_id' },
        filterParams,
      );
      where.push(`(CASE WHEN i.kind = 'escalation' THEN ${flowVisible} ELSE ${itemVisible} END)`);
    } else {
      where.push(itemVisible);
    }
    if (query.kind) where.push(`i.kind = ${parameter(query.kind)}`);
    if (query.agency) where.push(`i.owner_agency = ${parameter(query.agency)}`);
    if (query.status) where.push(`${status} = ${parameter(query.status)}`);
    if (query.from) where.push(`i.item_on >= ${parameter(query.from)}::date`);
    if (query.to) where.push(`i.item_on <= ${parameter(query.to)}::date`);
    if (query.after !== undefined && query.offset > 0)
      throw new BadRequestException({ reason: 'AFTER_WITH_OFFSET', message: 'after and offset cannot be combined: page with one or the other' });
    const filters = [...where];
    if (query.after !== undefined) {
      const position = decodeCursor(query.after);
      if (position === undefined) throw new BadRequestException({ reason: 'INVALID_CURSOR', message: 'after must be a page.next cursor from an earlier page' });
      // Row comparison in the index's order (case_id, item_on, kind, item_id): the scan starts there.
      where.push(`(i.item_on, i.kind, i.item_id) > (${parameter(position.on)}::date, ${parameter(position.kind)}, ${parameter(position.itemId)})`);
    }
    // One row more than the page, to know whether a next page exists without counting.
    const limit = parameter(query.limit + 1);
    const offset = parameter(query.offset);
    const withTotal = query.total !== 'false';
    // One statement for the page and the total, so both see the same snapshot; the total comes
    // with an empty page too (a page past the end still says how many there are). The page is its
    // own subquery, not a shared CTE: that way it walks the (case_id, item_on, kind, item_id) index
    // and stops after offset + limit rows, where the CTE materialised and formatted every item of
    // the case first (measured on a 10,000-item case: 42 ms before, 5 ms after, in PostgreSQL).
    // The total counts every item the filters match, after= or not; total=false leaves it out.
    const matchingAll = `FROM ${READ_MODEL_SCHEMA}.${TABLES.item} i WHERE ${filters.join(' AND ')}`;
    const matching = `FROM ${READ_MODEL_SCHEMA}.${TABLES.item} i WHERE ${where.join(' AND ')}`;
    const result = await this.pool.query<TimelineRow>(
      `SELECT page.*, counted.total FROM (SELECT ${withTotal ? `(SELECT count(*) ${matchingAll})` : 'NULL::bigint'} AS total) counted
       LEFT JOIN LATERAL (
         SELECT i.item_id, i.kind, to_char(i.item_on, 'YYYY-MM-DD') AS item_on, to_char(i.due_on, 'YYYY-MM-DD') AS due_on,
           to_char(i.done_on, 'YYYY-MM-DD') AS done_on, ${status} AS status, i.resolution, i.owner_agency, i.title, i.title_key, i.title_args, i.detail_sealed,
           i.related_id, i.road_map_code, i.road_map_item
         ${matching}
         ORDER BY i.item_on, i.kind, i.item_id LIMIT ${limit} OFFSET ${offset}) page ON TRUE`,
      filterParams,
    );
    const total = result.rows[0].total === null ? null : Number(result.rows[0].total);
    const pageRows = result.rows.filter((row) => row.item_id !== null);
    const rows = pageRows.slice(0, query.limit);
    const last = rows.at(-1);
    const next = pageRows.length > query.limit && last ? encodeCursor({ on: last.item_on, kind: last.kind, itemId: last.item_id }) : null;
    const lang = query.lang ?? 'en';
    const details = await openDetails(
      this.vault,
      rows.map((row) => row.detail_sealed),
    );
    return {
      items: rows.map((row, index) => ({
        itemId: row.item_id,
        kind: row.kind,
        on: row.item_on,
        dueOn: row.due_on,
        doneOn: row.done_on,
        status: row.status,
        resolution: row.resolution,
        ownerAgency: row.owner_agency,
        title: storedTimelineTitle({ title: row.title, titleKey: row.title_key, titleArgs: row.title_args }, lang, this.reference),
        detail: details[index],
        relatedId: row.related_id,
        roadMap: row.road_map_code && row.road_map_item ? { code: row.road_map_code, item: row.road_map_item } : null,
      })),
      page: { limit: query.limit, offset: query.offset, total, next },
    };
  }
}

interface CursorPosition {
  on: string;
  kind: TimelineKind;
  itemId: string;
}

/** A position in the timeline's order, opaque to clients (base64url of JSON). */
function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.on, position.kind, position.itemId]), 'utf8').toString('base64url');
}

/** The position, or undefined for anything this API did not hand out. */
function decodeCursor(cursor: string): CursorPosition | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return undefined;
    const [on, kind, itemId] = value as unknown[];
    if (typeof on !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(on) || Number.isNaN(Date.parse(`${on}T00:00:00Z`))) return undefined;
    if (typeof kind !== 'string' || !(TIMELINE_KINDS as readonly string[]).includes(kind)) return undefined;
    if (typeof itemId !== 'string' || itemId.length === 0 || itemId.length > 200) return undefined;
    return { on, kind: kind as TimelineKind, itemId };
  } catch {
    return undefined;
  }
}
