/**
 * The audit log has a retention of its own: the DPA expects the access log itself to be deleted
 * after a set period. Five years (1825 days) matches municipal case practice and the citizen's
 * window to ask who looked at their case.
 */
export interface AuditConfig {
  retentionDays: number;
}

export class AuditConfigError extends Error {}

export const DEFAULT_AUDIT_RETENTION_DAYS = 1825;

export function loadAuditConfig(env: Record<string, string | undefined> = process.env): AuditConfig {
  const raw = env.AUDIT_RETENTION_DAYS?.trim();
  if (raw === undefined || raw === '') return { retentionDays: DEFAULT_AUDIT_RETENTION_DAYS };
  // Below a year the log could not answer a citizen's access request for the past year.
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 365 || Number(raw) > 36_500) {
    throw new AuditConfigError('AUDIT_RETENTION_DAYS must be a whole number of days between 365 and 36500');
  }
  return { retentionDays: Number(raw) };
}
