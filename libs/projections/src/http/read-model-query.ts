import { HttpException, HttpStatus } from '@nestjs/common';
import type { GlobalPosition } from '@samvirke/event-store';
import { CONSISTENCY_RETRY_AFTER_SECONDS, DEFAULT_CONSISTENCY_WAIT_MS } from '../runner/read-your-writes';

/**
 * What every read-model endpoint shares: offset paging with a total, and read-your-writes.
 * Counts and totals are computed under the same access filter as the rows.
 */
// In a .dto.ts file so the swagger plugin documents limit, offset and consistentWith on every list.
export { PageQueryDto } from './page-query.dto';

export interface Page<T> {
  items: T[];
  page: { limit: number; offset: number; total: number };
}

/** Where projections have got to. The API and the worker share the checkpoints in the database. */
export interface ProjectionProgress {
  waitForPosition(names: string[], position: GlobalPosition, timeoutMs: number): Promise<boolean>;
  /** How long a read waits for its read models unless told otherwise (CONSISTENCY_WAIT_MS). */
  readonly defaultWaitMs?: number;
}

export const PROJECTION_PROGRESS = Symbol('PROJECTION_PROGRESS');

/**
 * Waits until the named read models have applied `position`; never answers from a read model that
 * has not, so stale rows are never passed off as fresh: 503 with Retry-After instead.
 */
export async function awaitReadModels(progress: ProjectionProgress, names: string[], position: string | undefined, timeoutMs?: number): Promise<void> {
  if (!position) return;
  timeoutMs ??= progress.defaultWaitMs ?? DEFAULT_CONSISTENCY_WAIT_MS;
  const reached = await progress.waitForPosition(names, position as GlobalPosition, timeoutMs);
  if (!reached) {
    const error = new HttpException(
      {
        statusCode: 503,
        error: 'Service Unavailable',
        reason: 'READ_MODEL_BEHIND',
        message: 'the read model has not caught up with your write yet; retry shortly',
      },
      HttpStatus.SERVICE_UNAVAILABLE,
    );
    (error as HttpException & { headers?: Record<string, string> }).headers = { 'Retry-After': String(CONSISTENCY_RETRY_AFTER_SECONDS) };
    throw error;
  }
}
