import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../http/read-model-query';
import { TIMELINE_KINDS, type TimelineKind } from './timeline.projection';
import { TIMELINE_STATUSES, type TimelineStatus } from './timeline-status';
import { TIMELINE_LANGUAGES, type TimelineLanguage } from './timeline-title';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class TimelineQueryDto extends PageQueryDto {
  @IsOptional() @IsIn(TIMELINE_KINDS, { message: `kind must be one of ${TIMELINE_KINDS.join(', ')}` }) kind?: TimelineKind;
  /** The agency that owns the item (must act on it, or did). */
  @IsOptional() @Matches(/^[A-Z0-9-]{1,40}$/, { message: 'agency must be an agency code such as SOF' }) agency?: string;
  @IsOptional() @IsIn(TIMELINE_STATUSES, { message: `status must be one of ${TIMELINE_STATUSES.join(', ')}` }) status?: TimelineStatus;
  /** Items on or after this date (yyyy-mm-dd). */
  @IsOptional() @Matches(DATE, { message: 'from must be a date yyyy-mm-dd' }) from?: string;
  /** Items on or before this date (yyyy-mm-dd). */
  @IsOptional() @Matches(DATE, { message: 'to must be a date yyyy-mm-dd' }) to?: string;
  /**
   * Keyset paging: the page after this position (`page.next` of the page before). Steady under
   * appends and as fast on the last page as on the first; not combined with offset.
   */
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'after must be a page.next cursor from an earlier page' }) after?: string;
  /** total=false leaves the count out (page.total is null): a page then reads only its own rows. */
  @IsOptional() @IsIn(['true', 'false'], { message: 'total must be true or false' }) total?: 'true' | 'false';
  /** The items' titles in Danish or English (agency names and road-map items from reference data). Default en. */
  @IsOptional() @IsIn(TIMELINE_LANGUAGES, { message: 'lang must be da or en' }) lang?: TimelineLanguage;
}
