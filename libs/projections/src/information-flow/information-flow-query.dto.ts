import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../http/read-model-query';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const AGENCY = /^[A-Z0-9-]{1,40}$/;
export const FLOW_KINDS = ['share', 'request'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export class CaseInformationFlowQueryDto extends PageQueryDto {
  @IsOptional() @IsIn(FLOW_KINDS, { message: 'kind must be share or request' }) kind?: FlowKind;
  /** open: not yet acknowledged / answered / declined; closed: the receiver has responded. */
  @IsOptional() @IsIn(['open', 'closed'], { message: 'state must be open or closed' }) state?: 'open' | 'closed';
}

/**
 * The city-wide statistics publish one closed calendar month at a time (see
 * InformationFlowController.delays for why neither the running month nor free date windows).
 */
export class InformationDelaysQueryDto {
  /** A calendar month that has ended (yyyy-mm, Copenhagen); default: the last one. */
  @IsOptional() @Matches(MONTH, { message: 'month must be a calendar month yyyy-mm' }) month?: string;
  @IsOptional() @Matches(AGENCY, { message: 'fromAgency must be an agency code such as SOF' }) fromAgency?: string;
  @IsOptional() @Matches(AGENCY, { message: 'toAgency must be an agency code such as SOF' }) toAgency?: string;
  @IsOptional() @IsIn(FLOW_KINDS, { message: 'kind must be share or request' }) kind?: FlowKind;
  /** A position returned by a write: the statistics wait until they include it (or 503). */
  @IsOptional()
  @Matches(/^[0-9a-f]{16}\.[0-9a-f]{16}$/, { message: 'consistentWith must be a position returned by a write' })
  consistentWith?: string;
}
