// Rehabilitation's rules (pure: decide, evolve, state), one folder per aggregate: a care plan.
export * from './care-plan/care-plan.decider';
export * from './care-plan/follow-up-schedule';
