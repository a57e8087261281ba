import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class AuditLogQueryDto {
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  userId?: string;

  @IsOptional()
  @Matches(/^[A-Z0-9-]{1,64}$/, { message: 'agency must be an agency code such as BIF or KBH-POLITI' })
  agency?: string;

  /** Inclusive, an ISO 8601 instant. */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Exclusive, an ISO 8601 instant. */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
