import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQueryDto } from '../http/page-query.dto';

/**
 * In rank order. `escalated-flows`: open exchanges the escalation rules have escalated (to the late
 * agency's escalation contact and the coordinator); `stalled-flows`: open exchanges they have chased
 * at all (a reminder or an escalation). Both count every exchange on the coordinator's own cases
 * (who sent what to whom, as on the information flow), not only those their agency is part of.
 */
export const WORKLIST_REASONS = [
  'escalated-flows',
  'stalled-flows',
  'overdue-items',
  'release-coming-up',
  'no-recent-conference',
  'unacknowledged-information',
  'referral-received',
] as const;
export type WorklistReason = (typeof WORKLIST_REASONS)[number];

export class WorklistQueryDto extends PageQueryDto {
  /** Information not acknowledged this many days after it was shared counts as a reason (default 5). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(365) unacknowledgedAfterDays: number = 5;
  /** A referral of the case's citizen received within this many days counts as a reason (default 14). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(365) referralsWithinDays: number = 14;
  /** Only cases with this reason. Without it, every open case is listed, calm ones last. */
  @IsOptional() @IsIn(WORKLIST_REASONS, { message: `reason must be one of ${WORKLIST_REASONS.join(', ')}` }) reason?: WorklistReason;
}
