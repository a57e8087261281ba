import pino, { type Logger } from 'pino';
import type { LoggerService } from '@nestjs/common';

/**
 * Structured JSON logs. Log lines carry ids, codes and counts, never personal data: request bodies,
 * query strings and headers other than the request and correlation ids are not logged, and the
 * redaction list below is a second net for fields that must never appear even by mistake.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
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
    destination,
  );
}

/** Routes Nest's own log calls into pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
  fatal(message: unknown, context?: string) {
    this.logger.fatal({ context }, String(message));
  }
}
