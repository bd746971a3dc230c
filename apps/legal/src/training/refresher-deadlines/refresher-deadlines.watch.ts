import { randomUUID } from 'node:crypto';
import type { Collection, Document } from 'mongodb';
import { EventEnvelope, legalEventTypes } from '@mukti/contracts';
import { DeadlineWatch } from '@mukti/persistence';
import type { TrainingSessionView } from '@mukti/staff-api';
import type { TrainingSessionStore } from '../training-session.store';

const deadlineId = (trainingId: string) => `${trainingId}:refresher`;

/**
 * Refreshers against the clock, and the register of sessions legal staff list, both kept from the
 * service's own events: a session's refresher is watched until it is due; a later session that
 * refreshes it ends the watch and its alert.
 */
export function refresherHandlers(watch: DeadlineWatch, register: Collection) {
  return {
    [legalEventTypes.trainingSessionHeld]: async (event: EventEnvelope<typeof legalEventTypes.trainingSessionHeld>) => {
      const { trainingId, refresherDueAt, refreshesTrainingId, participantNames: _sealed, ...session } = event.data;
      const entry: Omit<TrainingSessionView, 'trainingId'> = {
        audience: session.audience,
        topic: session.topic,
        heldAt: session.heldAt,
        trainerId: session.trainerId,
        participantCount: session.participantCount,
        state: session.state,
        district: session.district,
        refresherDueAt,
        refreshed: false,
        refresherOverdue: false,
      };
      // Set on insert only: a redelivery must not undo a refresh recorded since.
      await register.updateOne({ _id: trainingId } as Document, { $setOnInsert: entry }, { upsert: true });
      await watch.schedule(deadlineId(trainingId), refresherDueAt, { trainingId });
      if (refreshesTrainingId) {
        await register.updateOne({ _id: refreshesTrainingId } as Document, { $set: { refreshed: true, refresherOverdue: false } });
        await watch.cancel(deadlineId(refreshesTrainingId));
      }
    },
    [legalEventTypes.trainingRefresherOverdue]: async (event: EventEnvelope<typeof legalEventTypes.trainingRefresherOverdue>) => {
      await register.updateOne({ _id: event.data.trainingId, refreshed: false } as Document, { $set: { refresherOverdue: true } });
    },
  };
}

/** What the watch does when a refresher falls due: the session flags it (once). */
export function flagOverdueRefresher(sessions: TrainingSessionStore) {
  return async (deadline: { details: Record<string, string> }, now: Date) => {
    const { trainingId } = deadline.details;
    await sessions.decide(
      trainingId,
      { type: 'FlagOverdueRefresher', data: { trainingId, now: now.toISOString() } },
      { actor: { id: 'system:legal', role: 'system' }, correlationId: randomUUID() },
    );
  };
}
