export { CaseSummaryController } from './case-summary.controller';
export { SealOpeningsController } from './seal-openings.controller';
export {
  CASE_SUMMARY_PROJECTION_NAME,
  CASE_SUMMARY_TABLE,
  caseSummaryProjection,
  createCaseSummaryProjection,
  type CaseSummaryProjectionOptions,
} from './case-summary.projection';
export { SSP_PLUS_AGE_BANDS } from './eligibility-on-read';
export type { CaseSummaryView } from './case-summary-view';
