import { Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Document } from 'mongodb';
import { CommandContext, EventEnvelope, intakeEventTypes, legalEventTypes, namingScopes } from '@mukti/contracts';
import { EventController } from '@mukti/messaging';
import { changeFenced, FencedCollection } from '@mukti/persistence';
import { KnownPeople } from '@mukti/security';
import { CaseStore } from '../case.store';

/** The cases each victim is named in, kept from the FIRs (the join's own index). */
export const CASES_BY_VICTIM = Symbol('CASES_BY_VICTIM');

type NamingScope = (typeof namingScopes)[number];
const namesHerToTheLaw = (scope: string): scope is NamingScope => (namingScopes as readonly string[]).includes(scope);
/** Each alert is about one victim's one consent: the FIR alerts on several from one event, each with ids of its own. */
const reactingTo = (event: EventEnvelope, personId: string, scope: NamingScope): CommandContext => ({
  actor: { id: 'system:legal', role: 'system' },
  correlationId: event.correlationId,
  causationId: event.id,
  reactingAbout: `${personId}|${scope}`,
});

/**
 * She withdrew the consent that names her to the police or a court: every open case she is a
 * victim in raises an alert, so her legal officer acts before anyone names her again.
 *
 * The join is of two topics (her consents from intake's, the cases from this service's own), and
 * either may arrive first: a withdrawal consumed before the FIR's event came back (or an FIR
 * decided on a copy of her consents that was already stale) would find no case. So both ends
 * look: a withdrawal alerts on the cases known for her, and a case's FIR alerts on every naming
 * consent of hers that is withdrawn now. The case's rules alert once per withdrawal, whichever end
 * saw it first.
 */
@EventController()
export class ConsentWithdrawnAlerts {
  constructor(
    private readonly cases: CaseStore,
    @Inject(CASES_BY_VICTIM) private readonly casesByVictim: FencedCollection,
    private readonly knownPeople: KnownPeople,
  ) {}

  // Every version: a case registered before the FIR was sealed counts the same.
  @EventPattern([legalEventTypes.firRegistered, legalEventTypes.firRegisteredV1])
  async firRegistered(@Payload() event: EventEnvelope<typeof legalEventTypes.firRegistered | typeof legalEventTypes.firRegisteredV1>): Promise<void> {
    const { caseId, victimIds } = event.data;
    for (const personId of victimIds) {
      // Fenced, not $addToSet: two of her cases registered at once (two partitions, two replicas) would lose one on FerretDB.
      await changeFenced<{ _id: string; caseIds?: string[] }>(this.casesByVictim, personId, (known) =>
        known?.caseIds?.includes(caseId) ? undefined : { _id: personId, caseIds: [...(known?.caseIds ?? []), caseId] },
      );
      const known = await this.knownPeople.find(personId);
      for (const scope of namingScopes) {
        if (known?.consents[scope] !== 'withdrawn') continue;
        const withdrawnAt = known.consentsDecidedAt?.[scope] ?? event.time;
        await this.cases.decide(caseId, { type: 'NoteConsentWithdrawn', data: { caseId, personId, scope, withdrawnAt } }, reactingTo(event, personId, scope));
      }
    }
  }

  @EventPattern(intakeEventTypes.consentRecorded)
  async consentRecorded(@Payload() event: EventEnvelope<typeof intakeEventTypes.consentRecorded>): Promise<void> {
    const { personId, scope, decision, decidedAt } = event.data;
    if (decision !== 'withdrawn' || !namesHerToTheLaw(scope)) return;
    const found = (await this.casesByVictim.documents.findOne({ _id: personId } as Document)) as { caseIds?: string[] } | null;
    for (const caseId of found?.caseIds ?? []) {
      await this.cases.decide(caseId, { type: 'NoteConsentWithdrawn', data: { caseId, personId, scope, withdrawnAt: decidedAt } }, reactingTo(event, personId, scope));
    }
  }
}
