import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate, IsKnownCode, MAX_TEXT } from '@samvirke/field-rules';

export const SENSITIVITIES = ['normal', 'sensitive', 'sealed-identity'] as const;
export const SHARE_PURPOSES = ['crime-prevention', 'criminal-investigation'] as const;
export const DECLINE_REASONS = ['no-information', 'no-legal-basis', 'not-necessary', 'other'] as const;

export class ShareInformationDto {
  @IsUUID('all') entryId!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsKnownCode('agency') sharedWith!: string[];
  @IsKnownCode('legalBasis') legalBasis!: string;
  @IsIn(SHARE_PURPOSES) purpose!: (typeof SHARE_PURPOSES)[number];
  @IsIn(SENSITIVITIES) sensitivity!: (typeof SENSITIVITIES)[number];
  @IsString() @IsNotEmpty() @MaxLength(MAX_TEXT) summary!: string;
  /** The day it was shared, when recorded later (history); not in the future. */
  @IsOptional() @IsCalendarDate() sharedOn?: string;
}

export class RequestInformationDto {
  @IsUUID('all') requestId!: string;
  @IsKnownCode('agency') toAgency!: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_TEXT) question!: string;
  @IsCalendarDate() dueDate!: string;
  @IsKnownCode('legalBasis') legalBasis!: string;
  /** The day the request was made, when recorded later (history); not in the future, due on or after it. */
  @IsOptional() @IsCalendarDate() requestedOn?: string;
}

export class AnswerInformationRequestDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_TEXT) answer!: string;
}

export class DeclineInformationRequestDto {
  @IsIn(DECLINE_REASONS) reason!: (typeof DECLINE_REASONS)[number];
  @IsOptional() @IsString() @MaxLength(MAX_TEXT) note?: string;
}
