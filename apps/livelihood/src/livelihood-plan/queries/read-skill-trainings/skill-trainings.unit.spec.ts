import type { LivelihoodPlanState } from '@mukti/livelihood-domain';
import { skillTrainingsOf } from './skill-trainings';

const sealed = { keyId: 'her-id', algorithm: 'AES-256-GCM' as const, iv: 'aXY=', ciphertext: 'c2VhbGVk', authTag: 'dGFn' };

describe('her skill trainings as staff read them', () => {
  it('are oldest first, each with its trade and provider as her plan holds them', () => {
    const state: LivelihoodPlanState = {
      status: 'open',
      personId: 'her-id',
      origin: 'care-plan',
      openedAt: '2026-01-01T00:00:00.000Z',
      trainings: {
        later: { training: sealed, skillLevel: 'semi-skilled', startedAt: '2026-05-01T00:00:00.000Z', status: 'ongoing', certified: false },
        earlier: { training: { trade: 'Tailoring', provider: 'Jan Shikshan Sansthan' }, skillLevel: 'skilled', startedAt: '2026-02-01T00:00:00.000Z', status: 'completed', endedAt: '2026-04-01T00:00:00.000Z', certified: true },
      },
      placements: {},
      financialInclusions: {},
      schemes: {},
    };
    expect(skillTrainingsOf(state)).toEqual([
      { trainingId: 'earlier', training: { trade: 'Tailoring', provider: 'Jan Shikshan Sansthan' }, skillLevel: 'skilled', startedAt: '2026-02-01T00:00:00.000Z', status: 'completed', endedAt: '2026-04-01T00:00:00.000Z', certified: true },
      { trainingId: 'later', training: sealed, skillLevel: 'semi-skilled', startedAt: '2026-05-01T00:00:00.000Z', status: 'ongoing', certified: false },
    ]);
  });

  it('are read from a state stored before trainings were sealed, which holds the trade and provider beside the rest', () => {
    const stored = {
      status: 'open',
      personId: 'her-id',
      origin: 'care-plan',
      openedAt: '2026-01-01T00:00:00.000Z',
      trainings: { old: { trade: 'Tailoring', provider: 'Jan Shikshan Sansthan', skillLevel: 'skilled', startedAt: '2026-02-01T00:00:00.000Z', status: 'ongoing', certified: false } },
      placements: {},
      financialInclusions: {},
      schemes: {},
    } as unknown as LivelihoodPlanState;
    expect(skillTrainingsOf(stored)).toEqual([
      { trainingId: 'old', training: { trade: 'Tailoring', provider: 'Jan Shikshan Sansthan' }, skillLevel: 'skilled', startedAt: '2026-02-01T00:00:00.000Z', status: 'ongoing', certified: false },
    ]);
  });

  it('are none without a plan', () => {
    expect(skillTrainingsOf(undefined)).toEqual([]);
    expect(skillTrainingsOf({ status: 'none' })).toEqual([]);
  });
});
