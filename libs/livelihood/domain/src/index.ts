// Livelihood's rules (pure: decide, evolve, state), one folder per aggregate: a livelihood plan, a
// prevention plan; and the minimum wages a placement's pay is compared with (the data file and its lookup).
export * from './livelihood-plan/livelihood-plan.decider';
export * from './prevention-plan/prevention-plan.decider';
export * from './minimum-wages/minimum-wages';
