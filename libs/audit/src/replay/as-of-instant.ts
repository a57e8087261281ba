import { BadRequestException } from '@nestjs/common';
import { isIsoDate, type IsoDate } from '@samvirke/case';

/** A full ISO 8601 instant with a zone (Z or ±hh:mm); a local time is ambiguous. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The auditors' two time axes:
 * - `knownAt`, recorded time: what the system knew at an instant (the events recorded at or before it);
 * - `inForceOn`, the date axis: what was true on a Copenhagen day, by the dates the facts carry
 *   (see in-force-on.ts), as known at `knownAt` (default: now, every event).
 */
export interface AsOfQuery {
  knownAt?: Date;
  inForceOn?: IsoDate;
}

function invalid(field: string, rule: string, message: string): BadRequestException {
  return new BadRequestException({ error: 'Bad Request', message: 'the request has invalid fields', violations: [{ field, rule, message }] });
}

function instantOf(field: string, raw: string): Date {
  const instant = new Date(raw);
  if (!INSTANT.test(raw) || Number.isNaN(instant.getTime())) {
    throw invalid(field, 'isInstant', `${field} must be an ISO 8601 instant with a zone, for example 2026-03-01T10:00:00Z`);
  }
  return instant;
}

/** Undefined when absent: the state after every event. */
export function parseAsOf(raw: string | undefined): Date | undefined {
  if (raw === undefined || raw === '') return undefined;
  return instantOf('asOf', raw);
}

/**
 * `asOf` is an instant (recorded time, as before) or a date (in force on that day, as known now, or
 * as known at `knownAt` when that instant is given too). `knownAt` alone is the same as an instant
 * `asOf`; with an instant `asOf` it is refused (two recorded times).
 */
export function parseAsOfQuery(asOf: string | undefined, knownAt: string | undefined): AsOfQuery {
  const known = knownAt === undefined || knownAt === '' ? undefined : instantOf('knownAt', knownAt);
  if (asOf === undefined || asOf === '') return known ? { knownAt: known } : {};
  if (DATE.test(asOf)) {
    if (!isIsoDate(asOf))
      throw invalid('asOf', 'isDate', 'asOf must be a calendar date (2026-03-01) or an ISO 8601 instant with a zone (2026-03-01T10:00:00Z)');
    return { inForceOn: asOf, ...(known ? { knownAt: known } : {}) };
  }
  if (!INSTANT.test(asOf))
    throw invalid('asOf', 'isDateOrInstant', 'asOf must be a calendar date (2026-03-01) or an ISO 8601 instant with a zone (2026-03-01T10:00:00Z)');
  if (known) throw invalid('knownAt', 'isAbsent', 'knownAt goes with a date asOf; an instant asOf is already the recorded time');
  return { knownAt: instantOf('asOf', asOf) };
}
