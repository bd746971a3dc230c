// Intake's rules (pure: decide, evolve, state), one folder per aggregate: a person, a household.
export * from './person/person.decider';
export * from './person/age-band';
export * from './household/household.decider';
