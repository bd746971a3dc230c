import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Collection, Document } from 'mongodb';
import { EventEnvelope, legalEventTypes } from '@mukti/contracts';
import { EventController } from '@mukti/messaging';
import { DeadlineWatch } from '@mukti/persistence';
import type { TrainingSessionView } from '@mukti/staff-api';
import { TRAINING_REGISTER } from '../queries/list-training-sessions/list-training-sessions.http.controller';
import type { TrainingSessionStore } from '../training-session.store';

/** The watch of refreshers (the service has more than one DeadlineWatch). */
export const REFRESHER_WATCH = Symbol('REFRESHER_WATCH');

const deadlineId = (trainingId: string) => `${trainingId}:refresher`;

/**
 * Refreshers against the clock, and the register of sessions legal staff list, both kept from the
 * service's own events: a session's refresher is watched until it is due; a later session that
 * refreshes it ends the watch and its alert.
 */
@EventController()
export class RefresherDeadlines {
  constructor(
    @Inject(REFRESHER_WATCH) private readonly watch: DeadlineWatch,
    @Inject(TRAINING_REGISTER) private readonly register: Collection,
  ) {}

  @EventPattern(legalEventTypes.trainingSessionHeld)
  async trainingSessionHeld(@Payload() event: EventEnvelope<typeof legalEventTypes.trainingSessionHeld>): Promise<void> {
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
    await this.register.updateOne({ _id: trainingId } as Document, { $setOnInsert: entry }, { upsert: true });
    await this.watch.schedule(deadlineId(trainingId), refresherDueAt, { trainingId });
    if (refreshesTrainingId) {
      await this.register.updateOne({ _id: refreshesTrainingId } as Document, { $set: { refreshed: true, refresherOverdue: false } });
      await this.watch.cancel(deadlineId(refreshesTrainingId));
    }
  }

  @EventPattern(legalEventTypes.trainingRefresherOverdue)
  async trainingRefresherOverdue(@Payload() event: EventEnvelope<typeof legalEventTypes.trainingRefresherOverdue>): Promise<void> {
    await this.register.updateOne({ _id: event.data.trainingId, refreshed: false } as Document, { $set: { refresherOverdue: true } });
  }
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
