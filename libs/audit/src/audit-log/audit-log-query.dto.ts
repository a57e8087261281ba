import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_ACTIONS, AUDIT_PURPOSES, type AuditAction, type AuditPurpose } from '@samvirke/access/read-audit/audit-vocabulary';

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

  /** The kind of access: read, search, export, change or notify. */
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: `action must be one of ${AUDIT_ACTIONS.join(', ')}` })
  action?: AuditAction;

  /** The purpose the reader declared (X-Purpose). */
  @IsOptional()
  @IsIn(AUDIT_PURPOSES, { message: `purpose must be one of ${AUDIT_PURPOSES.join(', ')}` })
  purpose?: AuditPurpose;

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
