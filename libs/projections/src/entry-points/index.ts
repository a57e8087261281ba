export { CaseEntryPointsController } from './entry-points.controller';
export { AgencyDirectoryController } from './agency-directory.controller';
export {
  ENTRY_POINTS_PROJECTION_NAME,
  ENTRY_POINT_TABLES,
  createEntryPointsProjection,
  entryPointsProjection,
  type EntryPointsProjectionOptions,
} from './entry-points.projection';
