// Legal's rules (pure: decide, evolve, state), one folder per aggregate: a case, a perpetrator, a training session.
export * from './case/case.decider';
export * from './perpetrator/perpetrator.decider';
export * from './training/training-session.decider';
