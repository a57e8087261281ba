import type { Pool } from 'pg';
import { AuditLog, type AccessReportLine } from '@samvirke/access/read-audit/audit-log';
import { DEFAULT_AUDIT_RETENTION_DAYS } from '@samvirke/access/read-audit/audit-config';

export type { AccessReportLine };

/** Which agencies accessed the case, when, what and why (never which employee). */
export interface AccessReportSource {
  /** Undefined when this installation keeps no access log. */
  accessReport(caseId: string): Promise<AccessReportLine[] | undefined>;
}

export const CITIZEN_ACCESS_REPORT = Symbol('CITIZEN_ACCESS_REPORT');

/**
 * The access report from the read audit's log (libs/access/src/read-audit). The log's own module
 * (AuditModule, libs/audit) owns the table, which the migrations (libs/migrations) create; should it
 * be missing, the copy says so instead of failing, because the rest of the citizen's copy is still
 * owed to them.
 */
export class AuditLogAccessReport implements AccessReportSource {
  // The retention setting only matters for purging, which the audit module does; reading needs none.
  private readonly log: AuditLog;

  constructor(private readonly pool: Pool) {
    this.log = new AuditLog(pool, { retentionDays: DEFAULT_AUDIT_RETENTION_DAYS });
  }

  async accessReport(caseId: string): Promise<AccessReportLine[] | undefined> {
    const { rows } = await this.pool.query<{ present: boolean }>(`SELECT to_regclass('audit_log') IS NOT NULL AS present`);
    if (!rows[0].present) return undefined;
    return this.log.accessReport(caseId);
  }
}
