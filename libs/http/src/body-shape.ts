import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** No request of the staff API nests deeper than a few levels; 16 leaves room and stops stack-deep bodies. */
export const MAX_BODY_DEPTH = 16;
/** Every key and array item counted; the largest real request has a few hundred. */
export const MAX_BODY_KEYS = 2_000;
/** Keys that would reach an object's prototype once copied onto a class instance. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Why a parsed JSON body is refused before validation, or undefined when its shape is fine.
 * Walked with an explicit stack, not recursion: the validator's own recursion is what a
 * 5,000-level body overflows.
 */
export function bodyShapeProblem(body: unknown): { field: string; reason: string } | undefined {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value: body, path: '', depth: 0 }];
  let keys = 0;
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    // A field is left out when it has no value: null would pass every optional field's rules
    // (class-validator's @IsOptional lets it through) and reach a handler that expects a value or none.
    if (value === null && path !== '') return { field: path, reason: 'null is not a value: leave the field out instead' };
    // U+0000 is no character of any text, and the PostgreSQL store behind FerretDB cannot hold it
    // (the insert failed: a 500 for one character).
    if (typeof value === 'string' && value.includes('\u0000')) return { field: path, reason: 'text may not contain the NUL character (U+0000)' };
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) {
      return { field: path, reason: `the body nests deeper than ${MAX_BODY_DEPTH} levels` };
    }
    for (const key of Object.keys(value)) {
      const field = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && PROTOTYPE_KEYS.has(key)) return { field, reason: `a key named "${key}" is not allowed` };
      keys += 1;
      if (keys > MAX_BODY_KEYS) return { field, reason: `the body has more than ${MAX_BODY_KEYS} keys and items` };
      pending.push({ value: (value as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Express middleware, right after the JSON parser: a body of a shape no request has is a 400 that says why. */
export function refuseUnreasonableBodies(request: Request, _response: Response, next: NextFunction): void {
  const problem = bodyShapeProblem(request.body);
  if (!problem) return next();
  next(
    new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: `the request body is refused: ${problem.reason}`,
      details: [problem],
    }),
  );
}
