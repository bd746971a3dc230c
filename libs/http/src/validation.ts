import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  reason: string;
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Request validation, the same everywhere: only declared fields are accepted (an unknown one
 * is a 400, never silently dropped), values are converted to their declared types, and the
 * 400 names every field with its reason.
 */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'the request is not valid',
        details: flatten(errors),
      }),
  });
}

/** The 400 of every invalid request, for a rule the validation pipe cannot state (one field and why). */
export function invalidField(field: string, reason: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'the request is not valid', details: [{ field, reason }] });
}
