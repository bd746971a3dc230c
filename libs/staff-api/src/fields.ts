/**
 * Field rules that several requests share: declared once, so each means the same everywhere and
 * the API description is generated from the same declaration as the check.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

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
  Matches(/^[^\p{Cc}]*\p{L}[^\p{Cc}]*$/u, {
    ...options,
    message: ({ property }) => `${property} must contain a letter and no control characters`,
  });

/** A staff member named in a request (put on a case team, on an operation's team): her subject in the identity provider, the token's sub. */
export const StaffIdField = () =>
  applyDecorators(
    ApiProperty({ description: "the staff member's subject in the identity provider (the token's sub)", example: 'meera', minLength: 1, maxLength: 200 }),
    IsString(),
    Length(1, 200),
    Matches(/^[\w.@:-]+$/, { message: 'staffId must be letters, digits, . @ : _ or -' }),
  );
