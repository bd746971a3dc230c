/**
 * Field rules that several requests share: declared once, so each means the same everywhere and
 * the API description is generated from the same declaration as the check.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { STAFF_ID_PATTERN } from '@mukti/contracts';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min, ValidateBy, ValidationOptions } from 'class-validator';

/** Plain decimal digits only: '1e308', '0x10' or '1.0' would become numbers nobody typed. */
const DECIMAL_INTEGER = /^[+-]?\d{1,15}$/;

/**
 * An optional integer query parameter within bounds: documented as `integer` with its minimum and
 * maximum, and refused (400 naming it) when it is not written as one or falls outside them, so
 * no page or offset can overflow the store's skip.
 */
export function IntegerQueryParam(bounds: { minimum: number; maximum: number; default?: number; description?: string }): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', ...bounds }),
    IsOptional(),
    Transform(({ value }) => (typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value)),
    IsInt(),
    Min(bounds.minimum),
    Max(bounds.maximum),
  );
}

/**
 * A person's name (a survivor's, a person at risk's, a perpetrator's): it has at least one letter
 * and no control characters, so spaces, U+0000 or zero-width characters alone never register someone.
 */
export const ContainsALetter = (options: { each?: boolean } = {}) =>
  // The control characters (\p{Cc}) spelt as their two ranges: client generators and the fuzzer
  // cannot build values for a negated property class, so the document could not be used.
  Matches(/^[^\u0000-\u001F\u007F-\u009F]*\p{L}[^\u0000-\u001F\u007F-\u009F]*$/u, {
    ...options,
    message: ({ property }) => `${property} must contain a letter and no control characters`,
  });

/**
 * A text's length in characters (code points), as the document's minLength and maxLength count
 * them (JSON Schema) and as the event schemas check them. class-validator's Length does not count
 * a variation selector after a character, so it accepted text the document refused. Named
 * `isLength`, so the document is written from it like any length rule.
 */
export const TextLength = (min: number, max: number, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isLength',
      constraints: [min, max],
      validator: {
        validate: (value) => typeof value === 'string' && [...value].length >= min && [...value].length <= max,
        defaultMessage: (args) => `${options?.each ? 'each value in ' : ''}${args?.property} must be ${min} to ${max} characters long`,
      },
    },
    options,
  );

const AT_LEAST_ONE_OF = Symbol('mukti:at-least-one-of');

/**
 * A request that needs one of several optional fields (an age determination: a birth date, a
 * birth year or an age). The document says so as `anyOf` of `required`, so a client generator
 * (and the fuzzer) never builds a body without any; the handler still answers 422 for one.
 */
export const AtLeastOneOf =
  (...fields: string[]): ClassDecorator =>
  (target) =>
    Reflect.defineMetadata(AT_LEAST_ONE_OF, fields, target);

/** The fields a request class needs at least one of (see AtLeastOneOf), if it says so. */
export const atLeastOneOf = (target: Function): string[] | undefined => Reflect.getMetadata(AT_LEAST_ONE_OF, target);

/** A staff member named in a request (put on a case team, on an operation's team): her subject in the identity provider, the token's sub. */
export const StaffIdField = () =>
  applyDecorators(
    ApiProperty({ description: "the staff member's subject in the identity provider (the token's sub)", example: 'meera', minLength: 1, maxLength: 200 }),
    IsString(),
    TextLength(1, 200),
    Matches(STAFF_ID_PATTERN, { message: 'staffId must be letters, digits, _ - @ : or | (no dots or spaces)' }),
  );

/**
 * A date and time as RFC 3339 (and the document's `format: date-time`) writes it, in the years
 * 1900 to 2999, with its offset: 2026-03-14T09:30:00Z. ISO 8601 alone lets through forms the
 * document does not name (a week date, no seconds) and refuses some it does (two-digit years
 * such as 0098 are read as 1998); no event of this platform happened before 1900.
 */
const INSTANT = /^(19|2\d)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
export const Instant = () =>
  applyDecorators(
    Matches(INSTANT, { message: ({ property }) => `${property} must be a date and time such as 2026-03-14T09:30:00Z (years 1900 to 2999)` }),
    IsISO8601({ strict: true }, { message: ({ property }) => `${property} must be a real calendar date and time` }),
  );

/** A real calendar date (format: date) in 1900-2099: ISO 8601 reads a year such as 0098 as 1998 and refuses it, so a date the document allowed would be a 400. */
export const CalendarDate = (name: string, description: string, options: { optional?: boolean } = {}) =>
  applyDecorators(
    options.optional ? ApiPropertyOptional({ format: 'date', description, example: '2008-03-14' }) : ApiProperty({ format: 'date', description, example: '2026-03-14' }),
    ...(options.optional ? [IsOptional()] : []),
    Matches(/^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: `${name} must be a date as YYYY-MM-DD between 1900 and 2099` }),
    IsISO8601({ strict: true }, { message: `${name} must be a real calendar date` }),
  );

/** What intake may know of her age: a birth year, or an age in years. */
export const BirthYearField = () =>
  applyDecorators(ApiPropertyOptional({ description: 'when the birth date is not known', example: 2008 }), IsOptional(), IsInt(), Min(1900), Max(2100));
export const AgeInYearsField = (description: string) => applyDecorators(ApiPropertyOptional({ description, example: 17 }), IsOptional(), IsInt(), Min(0), Max(120));
