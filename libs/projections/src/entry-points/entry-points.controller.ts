import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { CurrentUser, caseVisibilitySql, type AuthenticatedUser } from '@samvirke/access';
import type { CaseEntryPoint } from '@samvirke/case';
import { DATABASE_POOL } from '@samvirke/platform';
import { loadReferenceData } from '@samvirke/reference-data';
import { PROJECTION_PROGRESS, awaitReadModels, type ProjectionProgress } from '../http/read-model-query';
import { READ_MODEL_SCHEMA } from '../runner/projection';
import { ConsistencyQueryDto } from '../case-summary/consistency-query.dto';
import { ENTRY_POINTS_PROJECTION_NAME, ENTRY_POINT_TABLES } from './entry-points.projection';
import { CaseEntryPointsDto } from './entry-points.dto';

export interface EntryPointChangeView {
  change: 'joined' | 'changed' | 'left';
  from: CaseEntryPoint | null;
  to: CaseEntryPoint | null;
  at: string;
}

export interface AgencyEntryPointView {
  agency: string;
  agencyName: string | null;
  /** False for an agency that has left the case: its history stays, it has no current contact. */
  onCase: boolean;
  current: (CaseEntryPoint & { since: string }) | null;
  /** Oldest first. */
  history: EntryPointChangeView[];
}

export interface CaseEntryPointsView {
  caseId: string;
  agencies: AgencyEntryPointView[];
}

const VIEW = (table: string) => `${READ_MODEL_SCHEMA}.${table}`;

/** Read model 2: for each agency on a case, whom to contact there and since when, with the history. */
@ApiTags('read models: entry points')
@Controller('cases')
export class CaseEntryPointsController {
  private readonly referenceData = loadReferenceData();

  constructor(
    @Inject(DATABASE_POOL) private readonly pool: Pool,
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
  ) {}

  @Get(':caseId/entry-points')
  @ApiOperation({ summary: "Each agency's named entry point for this case (unit, person, phone, e-mail, since) and every change to it." })
  async entryPoints(
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Query() query: ConsistencyQueryDto,
  ): Promise<CaseEntryPointsDto> {
    await awaitReadModels(this.progress, [ENTRY_POINTS_PROJECTION_NAME], query.consistentWith);
    const params: unknown[] = [caseId];
    const visible = caseVisibilitySql(user, { agencies: 'agencies', coordinatorId: 'coordinator_id' }, params);
    const access = await this.pool.query(`SELECT 1 FROM ${VIEW(ENTRY_POINT_TABLES.access)} WHERE case_id = $1 AND ${visible}`, params);
    if (access.rowCount !== 1) throw new NotFoundException({ error: 'Not Found', message: 'no case with this id that you may see' });

    const [current, history] = await Promise.all([
      this.pool.query<{ agency: string; unit: string; contact_person: string | null; phone: string; email: string; since: Date }>(
        `SELECT agency, unit, contact_person, phone, email, since FROM ${VIEW(ENTRY_POINT_TABLES.current)} WHERE case_id = $1`,
        [caseId],
      ),
      this.pool.query<{
        agency: string;
        change: EntryPointChangeView['change'];
        from_entry_point: CaseEntryPoint | null;
        to_entry_point: CaseEntryPoint | null;
        changed_at: Date;
      }>(
        `SELECT agency, change, from_entry_point, to_entry_point, changed_at FROM ${VIEW(ENTRY_POINT_TABLES.history)}
          WHERE case_id = $1 ORDER BY stream_revision`,
        [caseId],
      ),
    ]);

    const byAgency = new Map<string, AgencyEntryPointView>();
    const viewOf = (agency: string): AgencyEntryPointView => {
      let view = byAgency.get(agency);
      if (view === undefined) {
        view = { agency, agencyName: this.referenceData.agencies.get(agency)?.name.en ?? null, onCase: false, current: null, history: [] };
        byAgency.set(agency, view);
      }
      return view;
    };
    // History first, so agencies appear in the order they first joined.
    for (const row of history.rows) {
      viewOf(row.agency).history.push({ change: row.change, from: row.from_entry_point, to: row.to_entry_point, at: row.changed_at.toISOString() });
    }
    for (const row of current.rows) {
      const view = viewOf(row.agency);
      view.onCase = true;
      view.current = {
        unit: row.unit,
        ...(row.contact_person === null ? {} : { contactPerson: row.contact_person }),
        phone: row.phone,
        email: row.email,
        since: row.since.toISOString(),
      };
    }
    return { caseId, agencies: [...byAgency.values()] };
  }
}
