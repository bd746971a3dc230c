/**
 * Where "now" comes from. Deciders never read the time themselves: commands carry `now`, taken
 * from a Clock the service is given, so tests can move time (a due step becoming overdue).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The service's clock, for Nest injection: the system clock, or the test's. */
export const CLOCK = Symbol('CLOCK');
