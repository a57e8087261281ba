import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { loadReferenceData } from '@samvirke/reference-data';
import { Roles } from '@samvirke/access';
import { AuditLog, type AuditLogPage } from '@samvirke/access/read-audit/audit-log';
import { AuditLogQueryDto } from './audit-log-query.dto';
import { AccessReportDto, AuditLogPageDto } from './audit-log.dto';
import { AUDIT_PURPOSES, AuditAs, type AuditAction, type AuditPurpose } from '@samvirke/access/read-audit/audit-vocabulary';

export interface CitizenAccessReport {
  caseId: string;
  accesses: Array<{ agency: string; agencyName: string; at: string; action: AuditAction; purpose: AuditPurpose }>;
}

/** The access log for auditors, and the citizen's access report (what their copy will include). */
@ApiTags('audit')
@ApiHeader({ name: 'X-Purpose', required: false, description: `Why you are looking: ${AUDIT_PURPOSES.join(', ')} (default case-work).` })
@Roles('auditor')
@Controller()
export class AuditLogController {
  private readonly agencyNames = new Map([...loadReferenceData().agencies.values()].map((agency) => [agency.code, agency.name.da]));

  constructor(private readonly auditLog: AuditLog) {}

  @Get('audit/log')
  @ApiOperation({ summary: 'Search the access log by case, user, agency, kind of access, declared purpose and period (paged, oldest first).' })
  @ApiOkResponse({ description: 'A page of access records.', type: AuditLogPageDto })
  log(@Query() query: AuditLogQueryDto): Promise<AuditLogPage> {
    return this.auditLog.search({
      caseId: query.caseId?.toLowerCase(),
      userId: query.userId,
      agency: query.agency,
      action: query.action,
      purpose: query.purpose,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    });
  }

  @Get('cases/:caseId/access-report')
  @AuditAs('export')
  @ApiOperation({ summary: "Which agencies accessed the case, when, how and why; without staff names (the citizen's right of access)." })
  @ApiOkResponse({ description: "The case's access report.", type: AccessReportDto })
  async accessReport(@Param('caseId', ParseUUIDPipe) caseId: string): Promise<CitizenAccessReport> {
    const lines = await this.auditLog.accessReport(caseId.toLowerCase());
    return {
      caseId,
      accesses: lines.map((line) => ({ ...line, agencyName: this.agencyNames.get(line.agency) ?? line.agency })),
    };
  }
}
