import { Controller, Get, HttpStatus, Module, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, TerminusModule, type HealthCheckResult, type HealthIndicatorFunction } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { HealthRegistry, type ComponentHealth } from './health-registry';
import { PublicRoute } from '../nest/public-route';
import { ComponentHealthDto, HealthReportDto, LivenessDto, ReadinessDto } from './health-answers.dto';

/** A check that has not answered by then counts as down. */
const CHECK_TIMEOUT_MS = 2_000;
/** What readiness needs: requests can be served. */
const READINESS = ['database', 'eventStore'];

/**
 * The only endpoints without authentication. They say what is up, never anything about cases.
 * @nestjs/terminus runs the checks (each an indicator with a timeout; 503 when one is down, and
 * while the app shuts down); the answer keeps the shape /health has always had:
 * `{ status: 'ok' | 'degraded', up, components: { name: { up, detail? } } }`.
 */
@PublicRoute()
@ApiTags('operations')
@ApiExtraModels(ComponentHealthDto)
@Controller('health')
export class HealthController {
  constructor(
    private readonly registry: HealthRegistry,
    private readonly terminus: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Health of each component (database, event store, projections); 503 when one is down. No token needed.' })
  @ApiOkResponse({ type: HealthReportDto, description: 'Every component is up.' })
  @ApiServiceUnavailableResponse({ type: HealthReportDto, description: 'A component is down: the same report, status `degraded` (not problem details).' })
  async health(@Res() response: FastifyReply) {
    const result = await this.run(this.registry.names());
    const up = result.status === 'ok' || result.status === 'degraded';
    void response.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).send({ status: up ? 'ok' : 'degraded', up, components: components(result) });
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
  async ready(@Res() response: FastifyReply) {
    const result = await this.run(this.registry.names().filter((name) => READINESS.includes(name)));
    const ready = result.status === 'ok' || result.status === 'degraded';
    void response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).send({ status: ready ? 'ready' : 'not ready' });
  }

  private async run(names: string[]): Promise<HealthCheckResult> {
    try {
      return await this.terminus.check(names.map((name) => this.indicator(name)));
    } catch (error) {
      // Terminus answers "down" by throwing the result inside a 503.
      if (error instanceof ServiceUnavailableException) return error.getResponse() as HealthCheckResult;
      throw error;
    }
  }

  /**
   * One registered check as a terminus indicator. Its own timeout rather than terminus's
   * `attempt().withTimeout()`: an attempt reports a down component as `{ message }` plus a
   * response time, where /health has always shown the component's own fields.
   */
  private indicator(name: string): HealthIndicatorFunction {
    const check = this.registry.check(name)!;
    return async () => {
      const session = this.indicators.check(name);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<ComponentHealth>((resolve) => {
        timer = setTimeout(() => resolve({ up: false, detail: 'health check timed out' }), CHECK_TIMEOUT_MS);
      });
      // Public endpoint: an unexpected error's own message is not shown.
      const health = await Promise.race([check().catch((): ComponentHealth => ({ up: false, detail: 'health check failed' })), timeout]);
      clearTimeout(timer);
      const { up, ...more } = health as ComponentHealth & Record<string, unknown>;
      return up ? session.up(more) : session.down(more);
    };
  }
}

/** Terminus's details back into /health's components: `{ up, detail?, ... }` per component. */
function components(result: HealthCheckResult): Record<string, ComponentHealth> {
  const out: Record<string, ComponentHealth> = {};
  for (const [name, { status, ...more }] of Object.entries(result.details ?? {})) out[name] = { up: status !== 'down', ...more };
  return out;
}

/**
 * /health, /health/live and /health/ready. Needs a HealthRegistry from the app (the API's
 * InfrastructureModule provides it). Terminus logs nothing itself: the components log their own
 * failures, and an orchestrator polling a down database would otherwise add an error line a second.
 */
@Module({ imports: [TerminusModule.forRoot({ logger: false })], controllers: [HealthController] })
export class HealthModule {}
