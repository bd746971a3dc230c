import type { Clock } from '@mukti/decider';

/** A clock that moves only when the test moves it. */
export class ManualClock implements Clock {
  private time: number;

  constructor(start: Date | string = new Date()) {
    this.time = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.time);
  }

  advance(milliseconds: number): void {
    this.time += milliseconds;
  }

  set(time: Date | string): void {
    this.time = new Date(time).getTime();
  }
}
