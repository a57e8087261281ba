import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, MAX_TEXT } from '@samvirke/field-rules';

export const EMPLOYMENT_KINDS = ['ordinary', 'wage-subsidy', 'internship', 'flexible'] as const;
export const EDUCATION_KINDS = ['lower-secondary', 'preparatory', 'upper-secondary', 'vocational', 'higher', 'course'] as const;
export const SELF_SUFFICIENCY_SOURCES = ['employment', 'education', 'other'] as const;

export class StartEmploymentDto {
  @IsUUID('all') employmentId!: string;
  @IsIn(EMPLOYMENT_KINDS) kind!: (typeof EMPLOYMENT_KINDS)[number];
  @IsCalendarDate() startedOn!: string;
}

export class EndEmploymentDto {
  @IsCalendarDate() endedOn!: string;
}

export class StartEducationDto {
  @IsUUID('all') educationId!: string;
  @IsIn(EDUCATION_KINDS) kind!: (typeof EDUCATION_KINDS)[number];
  @IsCalendarDate() startedOn!: string;
}

export class EndEducationDto {
  @IsCalendarDate() endedOn!: string;
}

export class CompleteEducationDto {
  @IsCalendarDate() completedOn!: string;
}

export class RegisterSelfSufficiencyDto {
  @IsCalendarDate() reachedOn!: string;
  @IsIn(SELF_SUFFICIENCY_SOURCES) through!: (typeof SELF_SUFFICIENCY_SOURCES)[number];
}

export class RegisterLossOfSelfSufficiencyDto {
  @IsCalendarDate() lostOn!: string;
}

export class AssessProgressionDto {
  @IsInt() @Min(1) @Max(10) step!: number;
  @IsCalendarDate() assessedOn!: string;
  @IsOptional() @IsString() @MaxLength(MAX_TEXT) note?: string;
}
