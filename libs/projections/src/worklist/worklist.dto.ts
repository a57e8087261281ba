import { ApiProperty } from '@nestjs/swagger';
import { PageInfoDto } from '../http/page.dto';
import { WORKLIST_REASONS, type WorklistReason } from './worklist-query.dto';

/** One case on the calling coordinator's worklist (GET /worklist), for the OpenAPI document. */
export class WorklistRowDto {
  caseId!: string;
  @ApiProperty({ enum: WORKLIST_REASONS, isArray: true })
  reasons!: WorklistReason[];
  overdueItems!: number;
  /** The expected release within the horizon, if any. */
  releaseOn!: string | null;
  sspLevel!: number | null;
  lastConferenceOn!: string | null;
  unacknowledgedInformation!: number;
  /** Referrals of the citizen received within `referralsWithinDays` (another agency referred them again). */
  referralsReceived!: number;
  /** Open exchanges escalated under the escalation rules. */
  escalatedFlows!: number;
  /** Open exchanges chased under the escalation rules (reminded or escalated). */
  stalledFlows!: number;
}

export class WorklistPageDto {
  items!: WorklistRowDto[];
  page!: PageInfoDto;
}
