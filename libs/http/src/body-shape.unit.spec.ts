import { bodyShapeProblem, MAX_BODY_DEPTH, MAX_BODY_KEYS } from './body-shape';

describe('the shape of a body, before validation (every service)', () => {
  const nested = (levels: number) => JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);

  it('passes ordinary bodies', () => {
    expect(bodyShapeProblem({ name: 'Rani Das', origin: { state: 'West Bengal' }, languages: ['bn', 'hi'] })).toBeUndefined();
    expect(bodyShapeProblem(nested(MAX_BODY_DEPTH))).toBeUndefined();
    expect(bodyShapeProblem(undefined)).toBeUndefined();
  });

  it('refuses a body nested 5,000 levels deep without overflowing the stack, naming where', () => {
    expect(bodyShapeProblem(nested(5000))).toEqual({ field: 'a.'.repeat(MAX_BODY_DEPTH).slice(0, -1), reason: expect.stringMatching(/deeper than 16 levels/) });
    expect(bodyShapeProblem(JSON.parse(`${'['.repeat(20)}1${']'.repeat(20)}`))?.reason).toMatch(/deeper/);
  });

  it('refuses a body with too many keys and items', () => {
    expect(bodyShapeProblem({ list: Array.from({ length: MAX_BODY_KEYS }, (_, index) => index) })?.reason).toMatch(/more than 2000 keys/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a "%s" key at any depth', (key) => {
    expect(bodyShapeProblem(JSON.parse(`{"origin":{"${key}":{"polluted":true}}}`))).toEqual({ field: `origin.${key}`, reason: `a key named "${key}" is not allowed` });
  });

  it('refuses null as the value of a field or an item, naming it: a field without a value is left out', () => {
    expect(bodyShapeProblem({ decision: 'granted', decidedAt: null })).toEqual({ field: 'decidedAt', reason: 'null is not a value: leave the field out instead' });
    expect(bodyShapeProblem({ origin: { state: null } })?.field).toBe('origin.state');
    expect(bodyShapeProblem({ languages: ['bn', null] })?.field).toBe('languages[1]');
  });

  it('refuses the NUL character in any text, naming the field: the store cannot hold it (a 500 before)', () => {
    expect(bodyShapeProblem({ origin: { state: 'West Bengal', district: 'H;\u0000x' } })).toEqual({
      field: 'origin.district',
      reason: 'text may not contain the NUL character (U+0000)',
    });
    expect(bodyShapeProblem({ aliases: ['Rani', 'a\u0000'] })?.field).toBe('aliases[1]');
  });
});
