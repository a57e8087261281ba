import type { CaseSummaryRow } from './case-summary-query';
import type { SummaryEligibility } from './eligibility-on-read';
import type { DisclosedName } from './name-disclosure';

/** Where the citizen is held, if anywhere. */
export type CustodyView = { status: 'none' } | { status: 'remand' | 'sentence'; institution: string; startedOn: string; expectedReleaseOn: string | null };

/** What GET /cases and GET /cases/:caseId answer per case. */
export interface CaseSummaryView {
  caseId: string;
  status: 'open' | 'closed';
  openedAt: string;
  /** The real-world day the case was opened where it was recorded later (imported history); null otherwise. */
  openedOn: string | null;
  closedAt: string | null;
  closeReason: string | null;
  referredBy: string;
  name: DisclosedName;
  /** Null, like districtCode, once the citizen was erased, and for readers a sealed identity hides it from. */
  birthDate: string | null;
  districtCode: string | null;
  /** The citizen's age today in a band of three years ("18-20"); what a reader of a sealed identity may know. Null once erased. */
  ageBand: string | null;
  /** Set once the citizen's personal data was erased (the name then reads `{ erasedAt }` too). */
  citizen: { erasedAt: string } | null;
  sspLevel: { level: number; assessedOn: string } | null;
  /** Computed for the moment of the request; never stored. An erased citizen: not eligible, reason CITIZEN_DATA_ERASED, age null. Age null too where the identity is sealed from the reader. */
  sspPlus: {
    eligible: boolean;
    onDate: string;
    age: number | null;
    ageBand: { minAge: number; maxAge: number };
    gangConflict: boolean;
    reasons: readonly string[];
  };
  coordinator: { userId: string; agency: string | null } | null;
  agencies: string[];
  programmes: string[];
  custody: CustodyView;
  openActions: number;
  openRequests: number;
  lastActivityAt: string;
  /**
   * The case's revision this summary shows (also its `ETag`): send it as `If-Match` to write only
   * over what you have read. It counts every event on the case, seen by the reader or not; anyone
   * who sees the case learns it anyway from a write or a refused If-Match.
   */
  revision: number;
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

/**
 * Birth date, district and age band as the reader may see them. A sealed identity (exit programme)
 * hides birth date and district from readers not named on it: with them and the case's other facts
 * a colleague who knows the area can tell who it is. An age band of three years stays, because the
 * work needs it (SSP+ is an age band) and it fits too many people to name one.
 */
export function identityView(
  row: Pick<CaseSummaryRow, 'birthDate' | 'districtCode'>,
  eligibility: SummaryEligibility,
  identityHidden: boolean,
): { birthDate: string | null; districtCode: string | null; ageBand: string | null } {
  return {
    birthDate: identityHidden ? null : row.birthDate,
    districtCode: identityHidden ? null : row.districtCode,
    ageBand: ageBandOf(eligibility.age),
  };
}

export function ageBandOf(age: number | undefined): string | null {
  if (age === undefined) return null;
  if (age < 18) return 'under-18';
  const from = 18 + 3 * Math.floor((age - 18) / 3);
  return `${from}-${from + 2}`;
}

export function eligibilityView(eligibility: SummaryEligibility, identityHidden = false): CaseSummaryView['sspPlus'] {
  return {
    eligible: eligibility.eligible,
    onDate: eligibility.onDate,
    age: identityHidden ? null : (eligibility.age ?? null),
    ageBand: { minAge: eligibility.ageBand.minAge, maxAge: eligibility.ageBand.maxAge },
    gangConflict: eligibility.gangConflict,
    reasons: eligibility.reasons,
  };
}

export function caseSummaryView(row: CaseSummaryRow, name: DisclosedName, eligibility: SummaryEligibility, identityHidden: boolean): CaseSummaryView {
  return {
    caseId: row.caseId,
    status: row.status,
    openedAt: row.openedAt.toISOString(),
    openedOn: row.openedOn,
    closedAt: row.closedAt?.toISOString() ?? null,
    closeReason: row.closeReason,
    referredBy: row.referredBy,
    name,
    ...identityView(row, eligibility, identityHidden),
    citizen: row.erasedAt === null ? null : { erasedAt: row.erasedAt.toISOString() },
    sspLevel: row.sspLevel === null || row.sspLevelOn === null ? null : { level: row.sspLevel, assessedOn: row.sspLevelOn },
    sspPlus: eligibilityView(eligibility, identityHidden),
    coordinator: row.coordinatorId === null ? null : { userId: row.coordinatorId, agency: row.coordinatorAgency },
    agencies: row.agencies,
    programmes: row.programmes,
    custody: custodyView(row),
    openActions: row.openActions,
    openRequests: row.openRequests,
    lastActivityAt: row.lastActivityAt.toISOString(),
    revision: row.revision,
  };
}
