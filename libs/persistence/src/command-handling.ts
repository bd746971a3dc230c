import { AnyDomainEvent, CommandContext, envelope, EventEnvelope, reactionEventId } from '@mukti/contracts';
import { Decider, DomainError, fold } from '@mukti/decider';
import { AggregateStore, REQUEST_KEY, UniqueConstraintError, VersionConflictError } from './aggregate-store';

export interface HandleCommandOptions<Command, Event extends AnyDomainEvent, State> {
  store: AggregateStore<State>;
  decider: Decider<Command, Event, State>;
  aggregateId: string;
  command: Command;
  context: CommandContext;
  /** The producing service, the events' CloudEvents source: /mukti/intake. */
  source: string;
  /** Checks the caller may act on this aggregate, on the state just loaded (throws if not). */
  authorize?: (state: State) => void;
  /** Top-level fields to keep beside the state (unique fingerprints, for instance). */
  fields?: (state: State) => Record<string, string>;
  maxAttempts?: number;
}

/**
 * Load, decide, store: the whole of handling a command. The new state and its events are
 * written in one single-document operation; when another write got there first, the command
 * is decided again against the fresh state (up to ten times, then it is a 409 asking to retry).
 */
export async function handleCommand<Command, Event extends AnyDomainEvent, State>(
  options: HandleCommandOptions<Command, Event, State>,
): Promise<{ state: State; events: EventEnvelope[] }> {
  const { store, decider, aggregateId, command, context, source } = options;
  const maxAttempts = options.maxAttempts ?? 10;
  // A retry of a request already answered: its first answer, nothing done again.
  const answered = context.requestKey ? await store.answered(context.requestKey) : undefined;
  if (answered) return { state: answered.state, events: answered.events };
  for (let attempt = 1; ; attempt += 1) {
    const loaded = (await store.load(aggregateId)) ?? { state: decider.initialState(), version: 0 };
    options.authorize?.(loaded.state);
    const decided = decider.decide(command, loaded.state);
    if (decided.length === 0) return { state: loaded.state, events: [] };
    const state = fold(decider, loaded.state, decided);
    // A reaction's events take their ids from their cause, so handling the cause again repeats them, not adds to them.
    const events = decided.map(
      (event, index) =>
        envelope(event, source, context, context.causationId ? reactionEventId(context.causationId, aggregateId, index, context.reactingAbout) : undefined) as EventEnvelope,
    );
    try {
      await store.append(aggregateId, loaded.version, state, events, {
        ...options.fields?.(state),
        ...(context.requestKey ? { [REQUEST_KEY]: context.requestKey } : {}),
      });
      return { state, events };
    } catch (error) {
      const raced = error instanceof VersionConflictError || (error instanceof UniqueConstraintError && error.index === REQUEST_KEY);
      if (raced && context.requestKey) {
        // Perhaps the same request, sent twice at once: if the other one was stored, its answer is ours.
        const first = await store.answered(context.requestKey);
        if (first) return { state: first.state, events: first.events };
      }
      if (!(error instanceof VersionConflictError)) throw error;
      if (attempt >= maxAttempts) {
        throw DomainError.conflict('someone else changed this record at the same moment; try again', { aggregateId });
      }
      // A little jitter, so that writers who collided do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
