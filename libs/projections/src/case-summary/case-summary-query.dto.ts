import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsKnownCode } from '@samvirke/field-rules';
import { PageQueryDto } from '../http/read-model-query';

/** 'true' / 'false' from a query string; anything else is left as it is, so @IsBoolean refuses it (400). */
export const queryBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class CaseSummaryQueryDto extends PageQueryDto {
  @IsOptional() @IsIn(['open', 'closed']) status?: 'open' | 'closed';
  /** The current SSP level (the latest assessment). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(4) level?: number;
  /** A district code (see GET /reference-data/districts). */
  @IsOptional() @IsKnownCode('district') district?: string;
  /** Cases currently enrolled in this programme. */
  @IsOptional() @IsKnownCode('programme') programme?: string;
  /** The coordinator's user id. */
  @IsOptional() @IsString() @MaxLength(128) coordinator?: string;
  /** Cases this agency is currently on. */
  @IsOptional() @IsKnownCode('agency') agency?: string;
  /** Only cases eligible for SSP+ today (level 3/4 and within the age band). */
  @IsOptional() @Transform(queryBoolean) @IsBoolean() eligibleOnly?: boolean;
}
