import type { CaseSummaryRow } from './case-summary-query';
import type { SummaryEligibility } from './eligibility-on-read';
import type { DisclosedName } from './name-disclosure';

/** Where the citizen is held, if anywhere. */
export type CustodyView =
  | { status: 'none' }
  | { status: 'remand' | 'sentence'; institution: string; startedOn: string; expectedReleaseOn: string | null };

/** What GET /cases and GET /cases/:caseId answer per case. */
export interface CaseSummaryView {
  caseId: string;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  closeReason: string | null;
  referredBy: string;
  name: DisclosedName;
  /** Null, like districtCode, once the citizen was erased. */
  birthDate: string | null;
  districtCode: string | null;
  /** Set once the citizen's personal data was erased (the name then reads `{ erasedAt }` too). */
  citizen: { erasedAt: string } | null;
  sspLevel: { level: number; assessedOn: string } | null;
  /** Computed for the moment of the request; never stored. An erased citizen: not eligible, reason CITIZEN_DATA_ERASED, age null. */
  sspPlus: { eligible: boolean; onDate: string; age: number | null; ageBand: { minAge: number; maxAge: number }; gangConflict: boolean; reasons: readonly string[] };
  coordinator: { userId: string; agency: string | null } | null;
  agencies: string[];
  programmes: string[];
  custody: CustodyView;
  openActions: number;
  openRequests: number;
  lastActivityAt: string;
}

export function custodyView(row: CaseSummaryRow): CustodyView {
  if (row.custodyStatus === 'none') return { status: 'none' };
  return {
    status: row.custodyStatus,
    institution: row.custodyInstitution ?? '',
    startedOn: row.custodyStartedOn ?? '',
    expectedReleaseOn: row.custodyExpectedReleaseOn,
  };
}

export function eligibilityView(eligibility: SummaryEligibility): CaseSummaryView['sspPlus'] {
  return {
    eligible: eligibility.eligible,
    onDate: eligibility.onDate,
    age: eligibility.age ?? null,
    ageBand: { minAge: eligibility.ageBand.minAge, maxAge: eligibility.ageBand.maxAge },
    gangConflict: eligibility.gangConflict,
    reasons: eligibility.reasons,
  };
}

export function caseSummaryView(row: CaseSummaryRow, name: DisclosedName, eligibility: SummaryEligibility): CaseSummaryView {
  return {
    caseId: row.caseId,
    status: row.status,
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    closeReason: row.closeReason,
    referredBy: row.referredBy,
    name,
    birthDate: row.birthDate,
    districtCode: row.districtCode,
    citizen: row.erasedAt === null ? null : { erasedAt: row.erasedAt.toISOString() },
    sspLevel: row.sspLevel === null || row.sspLevelOn === null ? null : { level: row.sspLevel, assessedOn: row.sspLevelOn },
    sspPlus: eligibilityView(eligibility),
    coordinator: row.coordinatorId === null ? null : { userId: row.coordinatorId, agency: row.coordinatorAgency },
    agencies: row.agencies,
    programmes: row.programmes,
    custody: custodyView(row),
    openActions: row.openActions,
    openRequests: row.openRequests,
    lastActivityAt: row.lastActivityAt.toISOString(),
  };
}
