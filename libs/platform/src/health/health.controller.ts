import { Controller, Get, HttpStatus, Res, SetMetadata } from '@nestjs/common';
import type { Response } from 'express';
import { HealthRegistry } from './health-registry';
import { PUBLIC_ROUTE } from '../nest/tokens';

/** The only endpoints without authentication. They say what is up, never anything about cases. */
@SetMetadata(PUBLIC_ROUTE, true)
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get()
  async health(@Res() response: Response) {
    const report = await this.registry.report();
    response.status(report.up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: report.up ? 'ok' : 'degraded', ...report });
  }

  /** Liveness: the process answers. Restarting it would not help with anything else. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Readiness: the database and event store answer, so requests can be served. */
  @Get('ready')
  async ready(@Res() response: Response) {
    const report = await this.registry.report();
    const ready = ['database', 'eventStore'].every((name) => report.components[name]?.up !== false);
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: ready ? 'ready' : 'not ready' });
  }
}
