import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

/** Flattens class-validator's nested errors into `field.path` + the rule broken + what to do. */
export function fieldViolations(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) =>
      // An unknown field's name is the client's own text (class-validator's message quotes it too),
      // so it is never repeated, however plain it looks: the OpenAPI document lists the fields.
      rule === 'whitelistValidation'
        ? {
            field: parent ? `${parent}.(unknown field)` : '(unknown field)',
            rule,
            message: 'remove fields the endpoint does not define (GET /docs lists them)',
          }
        : { field, rule, message },
    );
    return [...own, ...fieldViolations(error.children ?? [], field)];
  });
}

/**
 * Unknown fields are refused rather than dropped: a client that misspells a field should hear so,
 * not have it silently ignored. Values are never echoed back (they may be personal data).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new BadRequestException({ error: 'Bad Request', message: 'the request has invalid fields', violations: fieldViolations(errors) }),
  });
}
