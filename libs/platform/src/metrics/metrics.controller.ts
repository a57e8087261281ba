import { Controller, Get, Inject, Res, SetMetadata } from '@nestjs/common';
import type { Response } from 'express';
import { PUBLIC_ROUTE } from '../nest/tokens';
import { APP_METRICS, type AppMetrics } from './metrics';

export const METRICS_COLLECTORS = Symbol('METRICS_COLLECTORS');
/** Refreshes gauges that are read from elsewhere (projection checkpoints) just before a scrape. */
export type MetricsCollector = () => Promise<void>;

/**
 * Prometheus scrape endpoint. Public like /health: it holds counts and latencies, nothing about
 * cases; deployments keep it on the internal network (see the README's production notes).
 */
@SetMetadata(PUBLIC_ROUTE, true)
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(APP_METRICS) private readonly metrics: AppMetrics,
    @Inject(METRICS_COLLECTORS) private readonly collectors: MetricsCollector[],
  ) {}

  @Get()
  async scrape(@Res() response: Response) {
    await Promise.all(this.collectors.map((collect) => collect().catch(() => undefined)));
    response.setHeader('Content-Type', this.metrics.registry.contentType);
    response.send(await this.metrics.registry.metrics());
  }
}
