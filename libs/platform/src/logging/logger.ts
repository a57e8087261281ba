import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LoggerService } from '@nestjs/common';

/**
 * nestjs-pino, loaded without its type declarations: they pull in pino-http's, which retype
 * `IncomingMessage.id` for the whole program (string | number | object) and so every request type
 * of ours that reads `request.id` as the string our middleware sets. These few shapes are all we use.
 */
interface NestPinoParams {
  pinoHttp: Record<string, unknown>;
}
interface NestPino {
  PinoLogger: new (params: NestPinoParams) => unknown;
  Logger: new (logger: unknown, params: NestPinoParams) => LoggerService;
}
/** Loaded when the API needs it, not by every process that logs (the worker, the CLI). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nestjsPino = (): NestPino => require('nestjs-pino') as NestPino;

export type LogFormat = 'pretty' | 'json';

/**
 * Structured logs (pino). Log lines carry ids, codes and counts, never personal data: request bodies,
 * query strings and headers other than the request and correlation ids are not logged, and the
 * redaction list below is a second net for fields that must never appear even by mistake.
 *
 * `json` (production, tests, LOG_FORMAT=json): one JSON object per line, for machines.
 * `pretty` (a developer's `npm start`): the same lines made readable by pino-pretty, written
 * synchronously, so nothing is lost when the process exits. A `destination` (tests capturing
 * the lines) always gets JSON.
 */
export function createLogger(level: string, destination?: pino.DestinationStream, format: LogFormat = 'json'): Logger {
  const stream =
    destination ??
    (format === 'pretty'
      ? pretty({
          sync: true,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname,service,context',
          messageFormat: '{if context}{context}: {end}{msg}',
          colorize: process.stdout.isTTY === true,
        })
      : undefined);
  return pino(
    {
      level,
      base: { service: 'samvirke' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['cpr', '*.cpr', 'name', '*.name', 'address', '*.address', 'summary', '*.summary', 'req.headers.authorization', 'authorization'],
        censor: '[redacted]',
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
}

/**
 * nestjs-pino's logger over the app's own pino logger, for Nest's own lines (its start-up lines,
 * exceptions, @nestjs/terminus). Its per-request middleware (pino-http) is not mounted: it built a
 * child logger per request (bindings serialized and redacted: about 0.1 ms of the API's CPU per
 * request under load, `bench/README.md`, seventh round) for log lines Nest writes during a request,
 * and there are none: errors go through the API's exception filter, and registerRequestContext (apps/api/src/http/http-platform.ts)
 * writes the one line per request with its ids, route pattern, status and duration.
 */
function nestLoggerParams(logger: Logger): NestPinoParams {
  return { pinoHttp: { logger, autoLogging: false, quietReqLogger: true } };
}

/**
 * The Nest logger for NestFactory.create, built outside the container so that lines Nest writes
 * before the container exists (or when building it fails) are not buffered and lost.
 */
export function createNestLogger(logger: Logger): LoggerService {
  const params = nestLoggerParams(logger);
  const { Logger: NestLogger, PinoLogger } = nestjsPino();
  return new NestLogger(new PinoLogger(params), params);
}
