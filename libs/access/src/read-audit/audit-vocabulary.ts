import { BadRequestException, SetMetadata } from '@nestjs/common';

/**
 * What the read audit records about a request. The Danish DPA expects a log of every read, search
 * (with its criteria), addition, change, extraction and deletion of personal data: 'change' covers
 * additions and deletions too, because in an event-sourced case every write is an appended fact.
 * 'notify' is a notification about a case delivered to someone (inbox, mail, webhook: the route
 * names the channel, user_id the recipient, a user or `unit:AGENCY/ENTRY-POINT`).
 * 'open-seal' is a break-glass opening of a sealed identity (exit programme) by someone not named on
 * it, auditors included: the row's criteria hold the stated reason, and for a few hours the row is
 * what lets that user see the sealed material of that case (AuditLog.openedSeals).
 */
export const AUDIT_ACTIONS = ['read', 'search', 'export', 'change', 'notify', 'open-seal'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Why the caller says they are looking (the X-Purpose header). Purpose limitation is only checkable
 * afterwards if the purpose is declared before: an auditor compares it with what was read.
 * 'criminal-investigation' exists so a police caller can declare it and be refused (section 115(2)).
 */
export const AUDIT_PURPOSES = ['case-work', 'coordination', 'audit', 'citizen-access-request', 'criminal-investigation'] as const;
export type AuditPurpose = (typeof AUDIT_PURPOSES)[number];
export const DEFAULT_PURPOSE: AuditPurpose = 'case-work';

export function isAuditPurpose(value: string): value is AuditPurpose {
  return (AUDIT_PURPOSES as readonly string[]).includes(value);
}

/** The declared purpose; absent means case work. An unknown value is refused, never guessed. */
export function purposeFromHeader(header: string | undefined): AuditPurpose {
  if (header === undefined || header.trim() === '') return DEFAULT_PURPOSE;
  const purpose = header.trim().toLowerCase();
  if (isAuditPurpose(purpose)) return purpose;
  throw new BadRequestException({
    error: 'Bad Request',
    message: 'the request has invalid fields',
    violations: [{ field: 'X-Purpose', rule: 'isIn', message: `X-Purpose must be one of ${AUDIT_PURPOSES.join(', ')}` }],
  });
}

export const AUDIT_AS = 'samvirke:audit:action';

/**
 * Overrides the action the read audit infers from the method and query (see auditActionFor): mark
 * routes that hand data out of the system `@AuditAs('export')`, and single-resource reads that
 * take query parameters (`?asOf=`) `@AuditAs('read')`.
 */
export const AuditAs = (action: AuditAction) => SetMetadata(AUDIT_AS, action);
