import type { ReferenceData } from '@samvirke/reference-data';

/**
 * The reference-data entry point (unit code) an agency's entry point on a case stands for. A case
 * names its entry point by unit name and address (free text, CaseEntryPoint); the code is the
 * standing entry point with that function mailbox or unit name, else the agency's default (its
 * first). Notifications go to the standing unit and its function mailbox from reference data, never
 * to an address typed into a case.
 */
export function entryPointCode(referenceData: ReferenceData, agency: string, named: unknown): string {
  const known = referenceData.agencies.get(agency);
  if (!known) return agency;
  const entry = typeof named === 'object' && named !== null ? (named as { unit?: unknown; email?: unknown }) : {};
  const email = typeof entry.email === 'string' ? entry.email.trim().toLowerCase() : undefined;
  const unit = typeof entry.unit === 'string' ? entry.unit.trim() : undefined;
  const match =
    known.entryPoints.find((point) => email !== undefined && point.functionMailbox.toLowerCase() === email) ??
    known.entryPoints.find((point) => unit !== undefined && point.unit === unit);
  return (match ?? known.entryPoints[0])?.code ?? agency;
}

/** The function mailbox of a standing entry point, when reference data knows it. */
export function functionMailbox(referenceData: ReferenceData, agency: string, entryPoint: string): string | undefined {
  if (entryPoint === 'ESCALATION-CONTACT') return referenceData.agencies.get(agency)?.escalationContact?.functionMailbox;
  return referenceData.agencies.get(agency)?.entryPoints.find((point) => point.code === entryPoint)?.functionMailbox;
}
