import { registerDecorator, ValidatorConstraint, type ValidationArguments, type ValidationOptions, type ValidatorConstraintInterface } from 'class-validator';
import { loadReferenceData, type ReferenceData } from '@samvirke/reference-data';
import { isValidCprDate } from '@samvirke/case/cpr';
import { isIsoDate } from '@samvirke/case';

/**
 * Field rules shared by the case's request bodies. They answer 400 with the field and the rule, so
 * a client learns about a bad code or date before any business rule is consulted. The decider checks
 * codes again (422) because commands can come from elsewhere than HTTP.
 */
let referenceData: ReferenceData | undefined;
function reference(): ReferenceData {
  referenceData ??= loadReferenceData();
  return referenceData;
}

export type ReferenceKind = 'agency' | 'programme' | 'district' | 'offenceCategory' | 'legalBasis';

function knownCodes(kind: ReferenceKind): { has(code: string): boolean; list(): string[] } {
  const data = reference();
  const map = {
    agency: data.agencies,
    programme: data.programmes,
    district: data.districts,
    offenceCategory: data.offenceCategories,
    legalBasis: data.legalBases,
  }[kind] as unknown as { has(code: string): boolean; keys(): Iterable<string> };
  return { has: (code) => map.has(code), list: () => [...map.keys()] };
}

@ValidatorConstraint({ name: 'isKnownCode' })
class KnownCodeConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const kind = args.constraints[0] as ReferenceKind;
    const codes = knownCodes(kind);
    const values = Array.isArray(value) ? value : [value];
    return values.every((v) => typeof v === 'string' && codes.has(v));
  }
  defaultMessage(args: ValidationArguments): string {
    const kind = args.constraints[0] as ReferenceKind;
    const list = knownCodes(kind).list();
    const shown = list.length <= 12 ? `: one of ${list.join(', ')}` : ' (see GET /reference-data)';
    return `${args.property} must be a known ${kind} code from the reference data${shown}`;
  }
}

/** The value (or each value of an array) is a code from the reference data. */
export function IsKnownCode(kind: ReferenceKind, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({ target: target.constructor, propertyName, options, constraints: [kind], validator: KnownCodeConstraint });
}

/** A real calendar date written yyyy-mm-dd (2025-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a calendar date written yyyy-mm-dd`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isIsoDate(value) },
    });
}

/** This date is on or after another date field of the same body (when both are present). */
export function IsOnOrAfter(otherField: string, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isOnOrAfter',
      target: target.constructor,
      propertyName,
      constraints: [otherField],
      options: { message: `${propertyName} must be on or after ${otherField}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[otherField];
          if (typeof value !== 'string' || typeof other !== 'string') return true;
          if (!isIsoDate(value) || !isIsoDate(other)) return true;
          return value >= other;
        },
      },
    });
}

/** Ids clients choose for things on a case (entries, actions, ...): UUIDs, so they never collide. */
export const ID_RULE = { version: '4' as const };
export const MAX_TEXT = 4_000;
export const MAX_SHORT_TEXT = 200;

const CPR_FORMAT = /^\d{6}-?\d{4}$/;

/** DDMMYY-SSSS (or without the dash) whose first six digits are a real date. The value is never echoed. */
export function IsCprNumber(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCprNumber',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a CPR number written DDMMYY-SSSS with a real date of birth`, ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && CPR_FORMAT.test(value) && isValidCprDate(value.replace('-', '')),
      },
    });
}
