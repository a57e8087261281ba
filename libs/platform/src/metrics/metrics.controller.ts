import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../nest/public-route';
import { APP_METRICS, type AppMetrics } from './metrics';

export const METRICS_COLLECTORS = Symbol('METRICS_COLLECTORS');
/** Refreshes gauges that are read from elsewhere (projection checkpoints) just before a scrape. */
export type MetricsCollector = () => Promise<void>;

/**
 * Prometheus scrape endpoint. Public like /health: it holds counts and latencies, nothing about
 * cases; deployments keep it on the internal network (see the README's production notes).
 */
@PublicRoute()
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(APP_METRICS) private readonly metrics: AppMetrics,
    @Inject(METRICS_COLLECTORS) private readonly collectors: MetricsCollector[],
  ) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format). No token needed; keep it on the internal network.' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The metrics, in the Prometheus text exposition format.', content: { 'text/plain': { schema: { type: 'string' } } } })
  async scrape(@Res() response: FastifyReply) {
    await Promise.all(this.collectors.map((collect) => collect().catch(() => undefined)));
    const text = await this.metrics.registry.metrics();
    void response.header('Content-Type', this.metrics.registry.contentType).send(text);
  }
}
