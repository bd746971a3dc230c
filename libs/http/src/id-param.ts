import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';

/**
 * A resource id in the path: a UUID or a 400 naming the parameter, and documented as
 * `format: uuid` from the same declaration, so the API description cannot say less than the check.
 */
export function IdParam(name: string): ParameterDecorator {
  const validate = Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException({
          statusCode: 400,
          error: 'Bad Request',
          message: 'the request is not valid',
          details: [{ field: name, reason: `${name} must be a UUID` }],
        }),
    }),
  );
  return (target, method, index) => {
    validate(target, method, index);
    if (method === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, method)!;
    ApiParam({ name, type: String, format: 'uuid' })(target, method, descriptor);
  };
}
