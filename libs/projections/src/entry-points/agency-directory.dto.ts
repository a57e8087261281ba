import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_KINDS, CONTROLLER_REGIMES, type AgencyKind, type ControllerRegime } from '@samvirke/reference-data';

/* What GET /agency-directory and GET /agency-directory/:agencyCode answer, for the OpenAPI document (the controller returns them typed as these classes). */

export class LocalisedNameDto {
  da!: string;
  en!: string;
}

/** Where a case can reach the agency by default. */
export class StandingEntryPointDto {
  code!: string;
  unit!: string;
  functionMailbox!: string;
  phone!: string;
  /** What this entry point handles (the `handles` filter of GET /agency-directory). */
  @ApiProperty({ type: [String] }) // readonly arrays are beyond the plugin
  handles!: readonly string[];
  /** The same lines in Danish, as many and in the same order. */
  @ApiProperty({ type: [String] })
  handlesDa!: readonly string[];
}

export class AgencyDto {
  code!: string;
  name!: LocalisedNameDto;
  @ApiProperty({ enum: AGENCY_KINDS })
  kind!: AgencyKind;
  /** Which data-protection regime the agency's facts fall under. */
  @ApiProperty({ enum: CONTROLLER_REGIMES })
  controllerRegime!: ControllerRegime;
  /** Never empty: the first is the agency's default entry point. */
  @ApiProperty({ type: () => [StandingEntryPointDto] })
  entryPoints!: readonly StandingEntryPointDto[];
}

/** The unit that receives every referral (POST /cases) and whose coordinators take cases from GET /intake. */
export class ReferralIntakeDto {
  agency!: string;
  /** The code of its entry point. */
  entryPoint!: string;
}

export class AgencyDirectoryDto {
  @ApiProperty({ type: () => [AgencyDto] })
  items!: readonly AgencyDto[];
  referralIntake!: ReferralIntakeDto;
}
