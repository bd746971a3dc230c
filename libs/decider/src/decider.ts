/**
 * A pillar's rules as three pure functions over plain data: `decide` turns a command and the
 * current state into the facts that follow (or refuses with a DomainError), `evolve` folds a
 * fact into the state, `initialState` is where every aggregate starts. No I/O, no framework:
 * the services load state, call decide, and store state and events in one write.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export function fold<Event, State>(decider: Pick<Decider<unknown, Event, State>, 'evolve'>, state: State, events: Event[]): State {
  return events.reduce((current, event) => decider.evolve(current, event), state);
}

/** For the exhaustive `never` check at the end of a decide's switch over command types. */
export function unknownCommand(command: never): never {
  throw new Error(`unknown command ${JSON.stringify(command)}`);
}
