import { ApiProperty } from '@nestjs/swagger';
import { PageInfoDto } from '../http/page.dto';

/*
 * What GET /cases and GET /cases/:caseId answer, for the OpenAPI document (the swagger plugin reads
 * these classes). The controller returns CaseSummaryView typed as CaseSummaryDto, so the compiler
 * checks that every answer fits what the document says.
 */

/** Exactly one of the members: the name (`value`), or why it is not shown. */
export class DisclosedNameDto {
  /** The citizen's name, for a reader who may see it. */
  value?: string;
  /** The citizen's personal data was erased at this instant. */
  erasedAt?: string;
  /** A sealed identity (exit programme) hides the name from this reader. */
  sealed?: boolean;
  /** The name could not be opened (its key is gone). */
  unreadable?: boolean;
}

export class ErasedCitizenDto {
  erasedAt!: string;
}

export class SspLevelDto {
  level!: number;
  assessedOn!: string;
}

export class AgeBandDto {
  minAge!: number;
  maxAge!: number;
}

/** SSP+ eligibility computed for the moment of the request; never stored. */
export class SspPlusEligibilityDto {
  eligible!: boolean;
  onDate!: string;
  /** Null once the citizen was erased, and where a sealed identity hides it from the reader. */
  age!: number | null;
  ageBand!: AgeBandDto;
  gangConflict!: boolean;
  /** Why the case is not eligible, as reason codes (CITIZEN_DATA_ERASED, ...). */
  @ApiProperty({ type: [String] }) // the plugin cannot read a readonly array
  reasons!: readonly string[];
}

export class CaseCoordinatorDto {
  userId!: string;
  agency!: string | null;
}

/** Where the citizen is held: `status` none, or remand/sentence with the institution and dates. */
export class CustodyDto {
  status!: 'none' | 'remand' | 'sentence';
  institution?: string;
  startedOn?: string;
  expectedReleaseOn?: string | null;
}

export class CaseSummaryDto {
  caseId!: string;
  status!: 'open' | 'closed';
  openedAt!: string;
  /** The real-world day (YYYY-MM-DD) the case was opened where it was recorded later (imported history); null otherwise. */
  openedOn!: string | null;
  closedAt!: string | null;
  closeReason!: string | null;
  referredBy!: string;
  name!: DisclosedNameDto;
  /** Null, like districtCode, once the citizen was erased, and for readers a sealed identity hides it from. */
  birthDate!: string | null;
  districtCode!: string | null;
  /** The citizen's age today in a band of three years ("18-20"). Null once erased. */
  ageBand!: string | null;
  /** Set once the citizen's personal data was erased. */
  citizen!: ErasedCitizenDto | null;
  sspLevel!: SspLevelDto | null;
  sspPlus!: SspPlusEligibilityDto;
  coordinator!: CaseCoordinatorDto | null;
  agencies!: string[];
  programmes!: string[];
  custody!: CustodyDto;
  openActions!: number;
  openRequests!: number;
  lastActivityAt!: string;
  /** The case's revision this summary shows (also its ETag, "<revision>"): send it as If-Match to write only over what you have read. */
  revision!: number;
}

export class CaseSummaryPageDto {
  items!: CaseSummaryDto[];
  page!: PageInfoDto;
}
