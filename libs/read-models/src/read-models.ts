import type { Type } from '@nestjs/common';
import type { Projection } from '@samvirke/projections';
import { createTimelineProjection, TimelineController } from '@samvirke/projections/timeline';
import { createInformationFlowProjection, InformationFlowController } from '@samvirke/projections/information-flow';
import { WorklistController } from '@samvirke/projections/worklist';
import { IntakeController } from '@samvirke/projections/intake';
import { CaseSummaryController, SealOpeningsController, createCaseSummaryProjection } from '@samvirke/projections/case-summary';
import { AgencyDirectoryController, CaseEntryPointsController, createEntryPointsProjection } from '@samvirke/projections/entry-points';
import { SspRegisterController } from '@samvirke/projections/ssp-register';
import { createOutcomeProjection, EffectsController } from '@samvirke/effects';
import { createNotificationProjection } from '@samvirke/notifications';

/**
 * Every read model the API serves: its projection (fed by the runner) and its controllers. The
 * worker runs the same projections list (apps/worker) and the CLI rebuilds from it, so every
 * process agrees on what exists; it is a library because apps never import each other's files.
 * Add a read model here with one line each.
 */
export const READ_MODEL_PROJECTIONS: Projection[] = [
  createTimelineProjection(),
  createInformationFlowProjection(),
  createCaseSummaryProjection(),
  createEntryPointsProjection(),
  createOutcomeProjection(),
  createNotificationProjection(),
];

export const READ_MODEL_CONTROLLERS: Type<unknown>[] = [
  TimelineController,
  WorklistController,
  IntakeController,
  InformationFlowController,
  CaseSummaryController,
  SealOpeningsController,
  CaseEntryPointsController,
  AgencyDirectoryController,
  SspRegisterController,
  EffectsController,
];
