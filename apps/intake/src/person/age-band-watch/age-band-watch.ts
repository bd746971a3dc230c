import { randomUUID } from 'node:crypto';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { ageBandChangesOn, ageBandOf, ageOn, AgeEvidence } from '@mukti/intake-domain';
import { DeadlineWatch } from '@mukti/persistence';
import type { PersonStore } from '../person.store';

export const AGE_BAND_WATCH = Symbol('AGE_BAND_WATCH');

const watchId = (personId: string) => `${personId}:age-band`;

/**
 * Her age band moves with time: intake keeps, for each person whose age it knows, the next day a
 * birthday takes her over a band's edge, with the evidence it counts from (kept here only, in
 * intake's own database; the topics carry her band). The watch is set before her registration or
 * age determination is written, so a crash between the two loses no move: a watch for a person
 * never registered does nothing when it comes due.
 */
export class AgeBandWatch implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly watch: DeadlineWatch) {}

  /** Sweeps from start-up to shutdown, as the service's other watches do. */
  onApplicationBootstrap(): Promise<void> {
    return this.watch.onApplicationBootstrap();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.watch.beforeApplicationShutdown();
  }

  /** Acts now on every move due (tests, and an operator who cannot wait for the next sweep). */
  sweep(): Promise<number> {
    return this.watch.sweep();
  }

  /** Watches for her next move from this evidence, replacing what was watched before; none if it never moves. */
  async follow(personId: string, evidence: AgeEvidence, now: Date): Promise<void> {
    const next = ageBandChangesOn(evidence, now);
    if (next) await this.watch.schedule(watchId(personId), next, { personId, evidence: JSON.stringify(evidence) });
    else await this.watch.cancel(watchId(personId));
  }

  /** Her erasure: nothing of her age is kept. */
  forget(personId: string): Promise<void> {
    return this.watch.cancel(watchId(personId));
  }

  /** What the watch does on the day: her band as the evidence gives it now, then the next day to watch. */
  static onDue(people: PersonStore, ageBands: () => AgeBandWatch) {
    return async (deadline: { details: Record<string, string> }, now: Date) => {
      const personId = deadline.details['personId']!;
      const evidence = JSON.parse(deadline.details['evidence']!) as AgeEvidence;
      // Never registered (her registration failed after the watch was set) or erased: nothing to move, nothing more to watch.
      const state = (await people.aggregates.load(personId))?.state;
      if (state?.status !== 'registered' || state.erasedAt) return;
      await people.moveAgeBand(personId, ageBandOf(ageOn(evidence, now)), now, { actor: { id: 'system:intake', role: 'system' }, correlationId: randomUUID() });
      await ageBands().follow(personId, evidence, now);
    };
  }
}
