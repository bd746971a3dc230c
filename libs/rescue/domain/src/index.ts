// Rescue's rules (pure: decide, evolve, state), one folder per aggregate: a rescue operation.
export * from './rescue-operation/rescue-operation.decider';
