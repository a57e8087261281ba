import { ApiProperty } from '@nestjs/swagger';
import { DisclosedNameDto } from '../case-summary/case-summary.dto';
import { PageInfoDto } from '../http/page.dto';
import { WORKLIST_REASONS, type WorklistReason } from './worklist-query.dto';

/** One case on the calling coordinator's worklist (GET /worklist), for the OpenAPI document. */
export class WorklistRowDto {
  caseId!: string;
  /** The citizen's name as you may see it (as on GET /cases: a sealed identity reads `{ sealed: true }`); null while the case summary catches up with a new case. */
  name!: DisclosedNameDto | null;
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
