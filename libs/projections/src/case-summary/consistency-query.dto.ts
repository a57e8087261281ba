import { IsOptional, Matches } from 'class-validator';

/** For single-resource reads: no paging, only read-your-writes. */
export class ConsistencyQueryDto {
  @IsOptional()
  @Matches(/^[0-9a-f]{16}\.[0-9a-f]{16}$/, { message: 'consistentWith must be a position returned by a write' })
  consistentWith?: string;
}
