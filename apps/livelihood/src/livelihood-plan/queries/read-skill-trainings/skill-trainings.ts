/** Her skill trainings as staff read them, from her plan's state: a pure function. */
import type { LivelihoodPlanState, SkillTraining } from '@mukti/livelihood-domain';
import type { SkillTrainingView } from '@mukti/staff-api';

/** A training with its trade and provider as her plan holds them: sealed (v2) or in clear (v1). */
export type RecordedTraining = Omit<SkillTrainingView, 'trade' | 'provider'> & Pick<SkillTraining, 'training'>;

/** A training as a state stored before v2 holds it: its trade and provider beside the rest, in clear. */
type StoredBeforeSealing = Omit<SkillTraining, 'training'> & { trade: string; provider: string };

/** Her skill trainings, oldest first; none without a plan. */
export function skillTrainingsOf(state: LivelihoodPlanState | undefined): RecordedTraining[] {
  if (!state || state.status !== 'open') return [];
  return Object.entries(state.trainings)
    .map(([trainingId, stored]) => {
      if ('training' in stored) return { trainingId, ...stored };
      const { trade, provider, ...rest } = stored as StoredBeforeSealing;
      return { trainingId, ...rest, training: { trade, provider } };
    })
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.trainingId.localeCompare(b.trainingId));
}
