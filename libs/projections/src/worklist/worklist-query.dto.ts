import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQueryDto } from '../http/page-query.dto';

export const WORKLIST_REASONS = ['overdue-items', 'release-coming-up', 'no-recent-conference', 'unacknowledged-information'] as const;
export type WorklistReason = (typeof WORKLIST_REASONS)[number];

export class WorklistQueryDto extends PageQueryDto {
  /** Information not acknowledged this many days after it was shared counts as a reason (default 5). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(365) unacknowledgedAfterDays: number = 5;
  /** Only cases with this reason. Without it, every open case is listed, calm ones last. */
  @IsOptional() @IsIn(WORKLIST_REASONS, { message: `reason must be one of ${WORKLIST_REASONS.join(', ')}` }) reason?: WorklistReason;
}
