import { Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Document } from 'mongodb';
import type { FencedCollection } from '@mukti/persistence';
import { EventEnvelope, intakeEventTypes } from '@mukti/contracts';
import { EventController } from '@mukti/messaging';
import { KnownPeople } from '@mukti/security';
import { CaseStore } from '../case.store';
import { CASES_BY_VICTIM } from './alert-on-consent-withdrawn';

/**
 * A victim was erased: each case of hers whose every victim is now erased loses its data key, so
 * its FIR's number and police station (which lead to the police record that names them) can be
 * opened nowhere any more, in this store or on the topic. A case with a victim still on record
 * keeps them: the prosecution goes on for her. The other victims' erasures are read from this
 * service's copy of intake's people, after her own is written there: KnownPeopleFromIntake comes
 * first in LegalModule, and an event's handlers run in turn in that order. So of two victims
 * erased at the same moment (on two partitions, read by two replicas), whichever reads second
 * sees the other's mark, and the key goes.
 */
@EventController()
export class ForgetFirDetailsOnErasure {
  constructor(
    private readonly cases: CaseStore,
    @Inject(CASES_BY_VICTIM) private readonly casesByVictim: FencedCollection,
    private readonly knownPeople: KnownPeople,
  ) {}

  @EventPattern(intakeEventTypes.personErased)
  async personErased(@Payload() event: EventEnvelope<typeof intakeEventTypes.personErased>): Promise<void> {
    const { personId } = event.data;
    const found = (await this.casesByVictim.documents.findOne({ _id: personId } as Document)) as { caseIds?: string[] } | null;
    for (const caseId of found?.caseIds ?? []) {
      const state = (await this.cases.aggregates.load(caseId))?.state;
      if (!state || state.status === 'none') continue;
      const others = state.victimIds.filter((victimId) => victimId !== personId);
      const erased = await Promise.all(others.map(async (victimId) => !!(await this.knownPeople.find(victimId))?.erasedAt));
      if (erased.every(Boolean)) await this.cases.forgetFirDetails(caseId);
    }
  }
}
