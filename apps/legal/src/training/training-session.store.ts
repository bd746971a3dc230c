import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, SealedPersonalData } from '@mukti/contracts';
import { Clock, CLOCK } from '@mukti/decider';
import { TrainingSessionCommand, trainingSessionDecider, TrainingSessionState } from '@mukti/legal-domain';
import { AggregateStore, handleCommand } from '@mukti/persistence';
import { PersonalDataVault } from '@mukti/security';
import { PERPETRATOR_VAULT, SOURCE } from '../perpetrator/perpetrator.store';

export const TRAINING_SESSIONS = Symbol('TRAINING_SESSIONS');

/** Training sessions for service providers, one aggregate each; participants' names sealed with the session's own key. */
@Injectable()
export class TrainingSessionStore {
  constructor(
    @Inject(TRAINING_SESSIONS) readonly aggregates: AggregateStore<TrainingSessionState>,
    @Inject(PERPETRATOR_VAULT) private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  now(): string {
    return this.clock.now().toISOString();
  }

  async sealNames(trainingId: string, names: string[]): Promise<SealedPersonalData> {
    await this.vault.ensureKey(trainingId);
    return this.vault.seal(trainingId, { names }, 'training-participants');
  }

  async exists(trainingId: string): Promise<boolean> {
    const loaded = await this.aggregates.load(trainingId);
    return !!loaded && loaded.state.status !== 'none';
  }

  decide(trainingId: string, command: TrainingSessionCommand, context: CommandContext) {
    return handleCommand({ store: this.aggregates, decider: trainingSessionDecider, aggregateId: trainingId, command, context, source: SOURCE });
  }
}
