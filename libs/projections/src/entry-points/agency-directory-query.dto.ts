import { IsOptional, IsString, MaxLength } from 'class-validator';

export class AgencyDirectoryQueryDto {
  /** Text to look for in what an entry point handles (or its unit), e.g. "housing". */
  @IsOptional() @IsString() @MaxLength(100) handles?: string;
}
