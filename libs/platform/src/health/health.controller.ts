import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthRegistry } from './health-registry';
import { PublicRoute } from '../nest/public-route';
import { ComponentHealthDto, HealthReportDto, LivenessDto, ReadinessDto } from './health-answers.dto';

/** The only endpoints without authentication. They say what is up, never anything about cases. */
@PublicRoute()
@ApiTags('operations')
@ApiExtraModels(ComponentHealthDto)
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get()
  @ApiOperation({ summary: 'Health of each component (database, event store, projections); 503 when one is down. No token needed.' })
  @ApiOkResponse({ type: HealthReportDto, description: 'Every component is up.' })
  @ApiServiceUnavailableResponse({ type: HealthReportDto, description: 'A component is down: the same report, status `degraded` (not problem details).' })
  async health(@Res() response: Response) {
    const report = await this.registry.report();
    response.status(report.up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: report.up ? 'ok' : 'degraded', ...report });
  }

  /** Liveness: the process answers. Restarting it would not help with anything else. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers. No token needed.' })
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  /** Readiness: the database and event store answer, so requests can be served. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database and event store answer (503 otherwise). No token needed.' })
  @ApiOkResponse({ type: ReadinessDto, description: 'Ready.' })
  @ApiServiceUnavailableResponse({ type: ReadinessDto, description: 'The database or the event store does not answer: status `not ready`.' })
  async ready(@Res() response: Response) {
    const report = await this.registry.report();
    const ready = ['database', 'eventStore'].every((name) => report.components[name]?.up !== false);
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: ready ? 'ready' : 'not ready' });
  }
}
