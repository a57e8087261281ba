import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** Offset paging and read-your-writes, shared by every list read. */
export class PageQueryDto {
  /** Rows per page, 1-200. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit: number = 50;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset: number = 0;
  /** A position returned by a write: the read waits until the read model has applied it (or 503). */
  @IsOptional()
  @Matches(/^[0-9a-f]{16}\.[0-9a-f]{16}$/, { message: 'consistentWith must be a position returned by a write' })
  consistentWith?: string;
}
