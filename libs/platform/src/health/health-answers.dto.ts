import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

/*
 * What /health, /health/live and /health/ready answer, for the OpenAPI document. Their 503 is this
 * same shape, not problem details: a monitor reads which component is down from it.
 */

export class ComponentHealthDto {
  up!: boolean;
  /** Why it is down, in fixed words (never a connection string or an error's text). */
  detail?: string;
}

export class HealthReportDto {
  /** `ok` (200) when every component is up, `degraded` (503) otherwise. */
  status!: 'ok' | 'degraded';
  up!: boolean;
  /** Per component (database, eventStore, projections, ...). */
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(ComponentHealthDto) } })
  components!: Record<string, ComponentHealthDto>;
}

export class LivenessDto {
  status!: 'ok';
}

export class ReadinessDto {
  /** `ready` (200), or `not ready` (503) while the database or the event store does not answer. */
  status!: 'ready' | 'not ready';
}
