import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsKnownCode, MAX_SHORT_TEXT, MAX_TEXT } from '@samvirke/field-rules';

export const GOAL_AREAS = ['employment', 'education', 'housing', 'health', 'finances', 'network', 'substance-use', 'leisure', 'other'] as const;

export class SetGoalDto {
  @IsUUID('all') goalId!: string;
  @IsIn(GOAL_AREAS) area!: (typeof GOAL_AREAS)[number];
  @IsString() @IsNotEmpty() @MaxLength(MAX_TEXT) description!: string;
}

export class AddActionDto {
  @IsUUID('all') actionId!: string;
  @IsOptional() @IsUUID('all') goalId?: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_SHORT_TEXT) title!: string;
  @IsKnownCode('agency') responsibleAgency!: string;
  @IsCalendarDate() dueDate!: string;
}

export class CompleteActionDto {
  @IsCalendarDate() completedOn!: string;
}

export class CancelActionDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_TEXT) reason!: string;
}

export class ConferenceActionDto {
  @IsUUID('all') actionId!: string;
  @IsKnownCode('agency') responsibleAgency!: string;
  @IsCalendarDate() dueDate!: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_SHORT_TEXT) title!: string;
}

export class ConferenceDecisionDto {
  @IsUUID('all') decisionId!: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_TEXT) text!: string;
  @IsOptional() @ValidateNested() @Type(() => ConferenceActionDto) createsAction?: ConferenceActionDto;
}

export class RecordCaseConferenceDto {
  @IsUUID('all') conferenceId!: string;
  @IsCalendarDate() heldOn!: string;
  @IsArray() @ArrayMaxSize(20) @IsKnownCode('agency') agenciesPresent!: string[];
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ConferenceDecisionDto) decisions!: ConferenceDecisionDto[];
}
