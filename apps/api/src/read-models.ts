import type { Type } from '@nestjs/common';
import type { Projection } from '@samvirke/projections';

/**
 * Every read model the API serves: its projection (fed by the runner) and its controllers. The
 * worker runs the same projections list (apps/worker), so both processes agree on what exists.
 * Add a read model here with one line each.
 */
export const READ_MODEL_PROJECTIONS: Projection[] = [];

export const READ_MODEL_CONTROLLERS: Type<unknown>[] = [];
