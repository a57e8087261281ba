import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AUDIT_PURPOSES, type AuditAction, type AuditPurpose } from '@samvirke/access/read-audit/audit-vocabulary';

/** Answers of the access log (GET /audit/log, GET /cases/:caseId/access-report), for the OpenAPI document. */

/** One access, as the log keeps it. */
export class AuditRecordDto {
  id!: string;
  requestId!: string | null;
  userId!: string;
  agency!: string;
  roles!: string[];
  @ApiProperty({ enum: [...AUDIT_ACTIONS] })
  action!: AuditAction;
  method!: string;
  route!: string;
  caseId!: string | null;
  entryId!: string | null;
  /** The query parameters as the log keeps them: strings and lists of strings. */
  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } })
  criteria!: Record<string, string | string[]>;
  @ApiProperty({ enum: [...AUDIT_PURPOSES] })
  purpose!: AuditPurpose;
  /** The HTTP status answered. */
  outcome!: number;
  recordedAt!: string;
}

export class AuditLogPageDto {
  items!: AuditRecordDto[];
  limit!: number;
  offset!: number;
  /** Pass as offset for the next page; null on the last page. */
  nextOffset!: number | null;
}

/** One line of the citizen's access report: which agency, when, what, why; never who. */
export class AccessReportLineDto {
  agency!: string;
  agencyName!: string;
  at!: string;
  @ApiProperty({ enum: [...AUDIT_ACTIONS] })
  action!: AuditAction;
  @ApiProperty({ enum: [...AUDIT_PURPOSES] })
  purpose!: AuditPurpose;
}

export class AccessReportDto {
  caseId!: string;
  accesses!: AccessReportLineDto[];
}
