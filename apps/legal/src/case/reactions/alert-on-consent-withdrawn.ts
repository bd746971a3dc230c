import type { Collection, Document } from 'mongodb';
import { EventEnvelope, intakeEventTypes, legalEventTypes, namingScopes } from '@mukti/contracts';
import type { CaseStore } from '../case.store';

type NamingScope = (typeof namingScopes)[number];
const namesHerToTheLaw = (scope: string): scope is NamingScope => (namingScopes as readonly string[]).includes(scope);

/**
 * She withdrew the consent that names her to the police or a court: every open case she is a
 * victim in raises an alert, so her legal officer acts before anyone names her again. The
 * service keeps which cases each victim is in (from its own FIR events) to find them by id.
 */
export function alertOnConsentWithdrawn(cases: CaseStore, casesByVictim: Collection) {
  return {
    [legalEventTypes.firRegistered]: async (event: EventEnvelope<typeof legalEventTypes.firRegistered>) => {
      for (const personId of event.data.victimIds) {
        await casesByVictim.updateOne({ _id: personId } as Document, { $addToSet: { caseIds: event.data.caseId } }, { upsert: true });
      }
    },
    [intakeEventTypes.consentRecorded]: async (event: EventEnvelope<typeof intakeEventTypes.consentRecorded>) => {
      const { personId, scope, decision, decidedAt } = event.data;
      if (decision !== 'withdrawn' || !namesHerToTheLaw(scope)) return;
      const found = (await casesByVictim.findOne({ _id: personId } as Document)) as { caseIds?: string[] } | null;
      for (const caseId of found?.caseIds ?? []) {
        await cases.decide(
          caseId,
          { type: 'NoteConsentWithdrawn', data: { caseId, personId, scope, withdrawnAt: decidedAt } },
          { actor: { id: 'system:legal', role: 'system' }, correlationId: event.correlationId, causationId: event.id },
        );
      }
    },
  };
}
