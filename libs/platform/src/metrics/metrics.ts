import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The application's Prometheus metrics, one registry per process (tests may build several apps in
 * one process, so nothing is registered globally). Labels carry route patterns, codes and
 * projection names only, never ids of people or cases.
 */
export class AppMetrics {
  readonly registry = new Registry();
  readonly httpRequestDuration = new Histogram({
    name: 'samvirke_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly appendDuration = new Histogram({
    name: 'samvirke_event_store_append_duration_seconds',
    help: 'Latency of event store appends',
    labelNames: ['outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly projectionPosition = new Gauge({
    name: 'samvirke_projection_position',
    help: 'Sequence number of the last event each projection has applied',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });
  readonly projectionLag = new Gauge({
    name: 'samvirke_projection_lag_events',
    help: 'Events each projection has still to apply (capped)',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });
  readonly projectionFailed = new Gauge({
    name: 'samvirke_projection_failed',
    help: '1 when the projection is stopped at an event it cannot apply',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });
  readonly readHorizonAge = new Gauge({
    name: 'samvirke_read_horizon_held_seconds',
    help: 'Age of the oldest open transaction holding a transaction id: subscribers see nothing appended after it began (0: none)',
    registers: [this.registry],
  });
  readonly auditWriteFailures = new Counter({
    name: 'samvirke_audit_write_failures_total',
    help: 'Reads refused because their audit record could not be written',
    registers: [this.registry],
  });
  readonly erasures = new Counter({
    name: 'samvirke_erasures_total',
    help: 'Crypto-shredding erasures carried out, by scope',
    labelNames: ['scope'] as const,
    registers: [this.registry],
  });

  readonly scheduledJobRuns = new Counter({
    name: 'samvirke_scheduled_job_runs_total',
    help: 'Runs of the scheduled jobs (deadline-notifications, escalation, retention, audit-retention), by job and outcome (done, failed)',
    labelNames: ['job', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'samvirke_' });
  }
}

export const APP_METRICS = Symbol('APP_METRICS');
