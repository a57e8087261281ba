import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsKnownCode } from '@samvirke/field-rules';
import { PageQueryDto } from '../http/read-model-query';

export class SspRegisterQueryDto extends PageQueryDto {
  /** A district code (see GET /reference-data/districts). */
  @IsOptional() @IsKnownCode('district') district?: string;
  /** A city district ("bydel") code: every district in it (see GET /reference-data/city-districts). */
  @IsOptional() @IsString() @MaxLength(64) cityDistrict?: string;
  /** Cases currently enrolled in this programme. */
  @IsOptional() @IsKnownCode('programme') programme?: string;
  @IsOptional() @IsIn(['none', 'remand', 'sentence']) custody?: 'none' | 'remand' | 'sentence';
  /** The coordinator's user id. */
  @IsOptional() @IsString() @MaxLength(128) coordinator?: string;
}
