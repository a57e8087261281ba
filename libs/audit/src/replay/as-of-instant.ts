import { BadRequestException } from '@nestjs/common';

/** A full ISO 8601 instant with a zone (Z or ±hh:mm); a date alone or a local time is ambiguous. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Undefined when absent: the state after every event. */
export function parseAsOf(raw: string | undefined): Date | undefined {
  if (raw === undefined || raw === '') return undefined;
  const instant = new Date(raw);
  if (!INSTANT.test(raw) || Number.isNaN(instant.getTime())) {
    throw new BadRequestException({
      error: 'Bad Request',
      message: 'the request has invalid fields',
      violations: [{ field: 'asOf', rule: 'isInstant', message: 'asOf must be an ISO 8601 instant with a zone, for example 2026-03-01T10:00:00Z' }],
    });
  }
  return instant;
}
