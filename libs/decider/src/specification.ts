/**
 * Given/when/then for deciders, runner-agnostic (after Oskar Dudycz's EventSourcing.NodeJS):
 *
 *   given([personRegistered]).when(recordConsent).then([consentRecorded]);
 *   given([]).when(recordConsent).thenThrows(DomainError, /not registered/);
 */
import { isDeepStrictEqual } from 'node:util';
import { Decider, fold } from './decider';

export function deciderSpecification<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(events: Event[]) {
      return {
        when(command: Command) {
          const run = () => decider.decide(command, fold(decider, decider.initialState(), events));
          return {
            then(expected: Event[]) {
              const actual = run();
              if (!isDeepStrictEqual(actual, expected)) {
                throw new Error(
                  `expected events\n${JSON.stringify(expected, null, 2)}\nbut decide returned\n${JSON.stringify(actual, null, 2)}`,
                );
              }
            },
            thenThrows(errorType: new (...args: never[]) => Error, message?: RegExp, check?: (error: Error) => void) {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              if (!(thrown instanceof errorType)) {
                throw new Error(`expected ${errorType.name} but ${thrown ? `got ${String(thrown)}` : 'nothing was thrown'}`);
              }
              if (message && !message.test(thrown.message)) {
                throw new Error(`expected the message to match ${message} but it was "${thrown.message}"`);
              }
              check?.(thrown);
            },
          };
        },
      };
    },
  };
}
