import { ApiProperty } from '@nestjs/swagger';

/* What GET /cases/:caseId/entry-points answers, for the OpenAPI document (the controller returns it typed as these classes). */

/** Whom to contact at an agency about this case. */
export class EntryPointViewDto {
  unit!: string;
  contactPerson?: string;
  phone!: string;
  email!: string;
}

export class CurrentEntryPointDto extends EntryPointViewDto {
  since!: string;
}

export class EntryPointChangeDto {
  @ApiProperty({ enum: ['changed', 'joined', 'left'] })
  change!: 'joined' | 'changed' | 'left';
  from!: EntryPointViewDto | null;
  to!: EntryPointViewDto | null;
  at!: string;
}

export class AgencyEntryPointDto {
  agency!: string;
  agencyName!: string | null;
  /** False for an agency that has left the case: its history stays, it has no current contact. */
  onCase!: boolean;
  current!: CurrentEntryPointDto | null;
  /** Oldest first. */
  history!: EntryPointChangeDto[];
}

export class CaseEntryPointsDto {
  caseId!: string;
  agencies!: AgencyEntryPointDto[];
}
