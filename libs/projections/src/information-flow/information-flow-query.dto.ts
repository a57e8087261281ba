import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../http/read-model-query';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AGENCY = /^[A-Z0-9-]{1,40}$/;
export const FLOW_KINDS = ['share', 'request'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export class CaseInformationFlowQueryDto extends PageQueryDto {
  @IsOptional() @IsIn(FLOW_KINDS, { message: 'kind must be share or request' }) kind?: FlowKind;
  /** open: not yet acknowledged / answered / declined; closed: the receiver has responded. */
  @IsOptional() @IsIn(['open', 'closed'], { message: 'state must be open or closed' }) state?: 'open' | 'closed';
}

export class InformationDelaysQueryDto {
  /** Sent on or after this date (yyyy-mm-dd, Copenhagen). */
  @IsOptional() @Matches(DATE, { message: 'from must be a date yyyy-mm-dd' }) from?: string;
  /** Sent on or before this date (yyyy-mm-dd, Copenhagen). */
  @IsOptional() @Matches(DATE, { message: 'to must be a date yyyy-mm-dd' }) to?: string;
  @IsOptional() @Matches(AGENCY, { message: 'fromAgency must be an agency code such as SOF' }) fromAgency?: string;
  @IsOptional() @Matches(AGENCY, { message: 'toAgency must be an agency code such as SOF' }) toAgency?: string;
  @IsOptional() @IsIn(FLOW_KINDS, { message: 'kind must be share or request' }) kind?: FlowKind;
  /** A position returned by a write: the statistics wait until they include it (or 503). */
  @IsOptional() @Matches(/^[0-9a-f]{16}\.[0-9a-f]{16}$/, { message: 'consistentWith must be a position returned by a write' })
  consistentWith?: string;
}
