import { CaseCoordinatorDto, CustodyDto, DisclosedNameDto, SspLevelDto, SspPlusEligibilityDto } from '../case-summary/case-summary.dto';
import { PageInfoDto } from '../http/page.dto';

/** One line of the SSP+ register (GET /ssp-register), for the OpenAPI document. */
export class SspRegisterEntryDto {
  caseId!: string;
  name!: DisclosedNameDto;
  /** Null, with districtCode and cityDistrict, where a sealed identity hides them from the reader. */
  birthDate!: string | null;
  ageBand!: string | null;
  sspLevel!: SspLevelDto;
  sspPlus!: SspPlusEligibilityDto;
  districtCode!: string | null;
  cityDistrict!: string | null;
  programmes!: string[];
  custody!: CustodyDto;
  coordinator!: CaseCoordinatorDto | null;
  agencies!: string[];
  openActions!: number;
  openRequests!: number;
  lastActivityAt!: string;
}

export class SspRegisterPageDto {
  items!: SspRegisterEntryDto[];
  page!: PageInfoDto;
}
