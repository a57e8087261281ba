import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsCprNumber, IsKnownCode, MAX_SHORT_TEXT, MAX_TEXT } from '@samvirke/field-rules';

export class EntryPointDto {
  /** The unit in the agency that handles this case. */
  @IsString() @IsNotEmpty() @MaxLength(MAX_SHORT_TEXT) unit!: string;
  @IsOptional() @IsString() @MaxLength(MAX_SHORT_TEXT) contactPerson?: string;
  @IsString() @Matches(/^\+?[0-9 ]{6,20}$/, { message: 'phone must be digits and spaces, optionally starting with +' }) phone!: string;
  @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(MAX_SHORT_TEXT) email!: string;
}

export class OpenCaseDto {
  /** The citizen's CPR number, DDMMYY-SSSS. Stored encrypted; looked up by keyed hash only. */
  @IsCprNumber() cpr!: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_SHORT_TEXT) name!: string;
  @IsCalendarDate() birthDate!: string;
  @IsKnownCode('district') districtCode!: string;
  /** Why the citizen is referred. Personal data: stored encrypted. */
  @IsString() @IsNotEmpty() @MaxLength(MAX_TEXT) reason!: string;
  @IsOptional() @ValidateNested() @Type(() => EntryPointDto) referrerEntryPoint?: EntryPointDto;
}

export const CLOSE_REASONS = [
  'goals-achieved',
  'moved-out-of-municipality',
  'aged-out',
  'declined-cooperation',
  'no-longer-needed',
  'deceased',
  'other',
] as const;

export class CloseCaseDto {
  @IsIn(CLOSE_REASONS) reason!: (typeof CLOSE_REASONS)[number];
  @IsOptional() @IsString() @MaxLength(MAX_TEXT) note?: string;
}

export class ReopenCaseDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_TEXT) reason!: string;
}

export class AssessSspCategoryDto {
  @IsInt() @Min(1) @Max(4) level!: 1 | 2 | 3 | 4;
  @IsString() @IsNotEmpty() @MaxLength(MAX_TEXT) rationale!: string;
  @IsCalendarDate() assessedOn!: string;
}

export class AssignCoordinatorDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_SHORT_TEXT) coordinatorId!: string;
  @IsKnownCode('agency') agency!: string;
}

export class JoinCaseDto {
  @IsOptional() @ValidateNested() @Type(() => EntryPointDto) entryPoint?: EntryPointDto;
}

export class ChangeEntryPointDto {
  @ValidateNested() @Type(() => EntryPointDto) entryPoint!: EntryPointDto;
}

export const PROGRAMME_EXIT_REASONS = ['completed', 'dropped-out', 'transferred', 'moved', 'no-longer-eligible', 'other'] as const;

export class EnrolInProgrammeDto {
  @IsKnownCode('programme') programmeCode!: string;
  @IsCalendarDate() startedOn!: string;
}

export class ExitProgrammeDto {
  @IsCalendarDate() endedOn!: string;
  @IsIn(PROGRAMME_EXIT_REASONS) exitReason!: (typeof PROGRAMME_EXIT_REASONS)[number];
}
