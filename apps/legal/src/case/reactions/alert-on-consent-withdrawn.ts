import type { Collection, Document } from 'mongodb';
import { CommandContext, EventEnvelope, intakeEventTypes, legalEventTypes, namingScopes } from '@mukti/contracts';
import type { KnownPeople } from '@mukti/security';
import type { CaseStore } from '../case.store';

type NamingScope = (typeof namingScopes)[number];
const namesHerToTheLaw = (scope: string): scope is NamingScope => (namingScopes as readonly string[]).includes(scope);
const reactingTo = (event: EventEnvelope): CommandContext => ({
  actor: { id: 'system:legal', role: 'system' },
  correlationId: event.correlationId,
  causationId: event.id,
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
export function alertOnConsentWithdrawn(cases: CaseStore, casesByVictim: Collection, knownPeople: KnownPeople) {
  return {
    [legalEventTypes.firRegistered]: async (event: EventEnvelope<typeof legalEventTypes.firRegistered>) => {
      const { caseId, victimIds } = event.data;
      for (const personId of victimIds) {
        await casesByVictim.updateOne({ _id: personId } as Document, { $addToSet: { caseIds: caseId } }, { upsert: true });
        const known = await knownPeople.find(personId);
        for (const scope of namingScopes) {
          if (known?.consents[scope] !== 'withdrawn') continue;
          const withdrawnAt = known.consentsDecidedAt?.[scope] ?? event.time;
          await cases.decide(caseId, { type: 'NoteConsentWithdrawn', data: { caseId, personId, scope, withdrawnAt } }, reactingTo(event));
        }
      }
    },
    [intakeEventTypes.consentRecorded]: async (event: EventEnvelope<typeof intakeEventTypes.consentRecorded>) => {
      const { personId, scope, decision, decidedAt } = event.data;
      if (decision !== 'withdrawn' || !namesHerToTheLaw(scope)) return;
      const found = (await casesByVictim.findOne({ _id: personId } as Document)) as { caseIds?: string[] } | null;
      for (const caseId of found?.caseIds ?? []) {
        await cases.decide(caseId, { type: 'NoteConsentWithdrawn', data: { caseId, personId, scope, withdrawnAt: decidedAt } }, reactingTo(event));
      }
    },
  };
}
