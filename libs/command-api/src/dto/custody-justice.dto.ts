import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate, IsKnownCode, IsOnOrAfter, MAX_SHORT_TEXT, MAX_TEXT } from '@samvirke/field-rules';

export const CUSTODY_KINDS = ['remand', 'sentence'] as const;

export class StartCustodyDto {
  @IsUUID('all') custodyId!: string;
  @IsIn(CUSTODY_KINDS) kind!: (typeof CUSTODY_KINDS)[number];
  @IsString() @IsNotEmpty() @MaxLength(MAX_SHORT_TEXT) institution!: string;
  @IsCalendarDate() startedOn!: string;
  @IsOptional() @IsCalendarDate() @IsOnOrAfter('startedOn') expectedReleaseOn?: string;
}

export class ChangeExpectedReleaseDto {
  @IsCalendarDate() expectedReleaseOn!: string;
}

export class ReleaseFromCustodyDto {
  @IsCalendarDate() releasedOn!: string;
  @IsBoolean() conditional!: boolean;
}

export class RecordChargeDto {
  @IsUUID('all') chargeId!: string;
  @IsKnownCode('offenceCategory') offenceCategory!: string;
  @IsCalendarDate() chargedOn!: string;
}

export class RecordConvictionDto {
  @IsUUID('all') convictionId!: string;
  @IsOptional() @IsUUID('all') chargeId?: string;
  @IsKnownCode('offenceCategory') offenceCategory!: string;
  @IsCalendarDate() convictedOn!: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_TEXT) sentence!: string;
}
