/**
 * A rescue operation: planned, carried out (with the persons rescued), and the post-rescue steps
 * for each of them. A person rescued is a victim: if the police recorded her as accused, the
 * platform raises the decriminalisation alert rather than accept it.
 */
import { DomainEvent, EventData, PostRescueStep, rescueEventTypes } from '@mukti/contracts';
import { Decider, DomainError, unknownCommand } from '@mukti/decider';
import { itpaAgeClass, jjAgeClass } from './age-classes';
import { stepsDue } from './post-rescue-steps';

type Planned = EventData<typeof rescueEventTypes.operationPlanned>;
type RescuedPerson = { personId: string; policeRecordedAs: 'victim' | 'witness' | 'accused'; ageAtRescue?: number };

// Commands
export type PlanRescueOperation = { type: 'PlanRescueOperation'; data: Planned };
export type RecordRescue = {
  type: 'RecordRescue';
  data: {
    operationId: string;
    carriedOutAt: string;
    searchWitnesses: { total: number; women: number };
    persons: RescuedPerson[];
    /** Of the persons, those registered in intake (the rescue service's own copy of intake's events). */
    registeredPersonIds: ReadonlySet<string>;
    now: string;
  };
};
export type RecordPostRescueStep = {
  type: 'RecordPostRescueStep';
  data: { operationId: string; personId: string; step: PostRescueStep; doneAt: string; now: string };
};
export type RescueOperationCommand = PlanRescueOperation | RecordRescue | RecordPostRescueStep;

// Events
export type RescueOperationPlanned = DomainEvent<typeof rescueEventTypes.operationPlanned>;
export type RescueOperationCarriedOut = DomainEvent<typeof rescueEventTypes.operationCarriedOut>;
export type PersonRescued = DomainEvent<typeof rescueEventTypes.personRescued>;
export type PostRescueStepCompleted = DomainEvent<typeof rescueEventTypes.postRescueStepCompleted>;
export type RescueOperationEvent = RescueOperationPlanned | RescueOperationCarriedOut | PersonRescued | PostRescueStepCompleted;

// State
export type RescueOperationState =
  | { status: 'unplanned' }
  | { status: 'planned'; plan: Planned }
  | {
      status: 'carried-out';
      plan: Planned;
      carriedOutAt: string;
      /** Per person rescued: the steps due and those done. */
      persons: Record<string, { stepsDue: { step: PostRescueStep; dueAt: string }[]; done: PostRescueStep[] }>;
    };

const SKEW_MS = 5 * 60 * 1000;
const notInFuture = (field: string, time: string, now: string) => {
  if (Date.parse(time) > Date.parse(now) + SKEW_MS) throw DomainError.ruleViolated(`${field} is in the future`, { field });
};

export const rescueOperationDecider: Decider<RescueOperationCommand, RescueOperationEvent, RescueOperationState> = {
  initialState: () => ({ status: 'unplanned' }),

  decide(command, state) {
    switch (command.type) {
      case 'PlanRescueOperation': {
        if (state.status !== 'unplanned') throw DomainError.conflict('this rescue operation is already planned');
        return [{ type: rescueEventTypes.operationPlanned, subject: command.data.operationId, time: command.data.plannedFor, data: command.data }];
      }
      case 'RecordRescue': {
        const { operationId, carriedOutAt, searchWitnesses, persons, registeredPersonIds, now } = command.data;
        if (state.status === 'unplanned') throw DomainError.notFound(`rescue operation ${operationId} is not planned`);
        if (state.status === 'carried-out') throw DomainError.conflict('this rescue operation was already recorded as carried out');
        notInFuture('carriedOutAt', carriedOutAt, now);
        if (persons.length === 0) throw DomainError.ruleViolated('a rescue records at least one person rescued', { field: 'persons' });
        const ids = persons.map((person) => person.personId);
        const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
        if (repeated.length > 0) throw DomainError.ruleViolated('a person is listed twice', { field: 'persons', personIds: repeated });
        const unknown = ids.filter((id) => !registeredPersonIds.has(id));
        if (unknown.length > 0) {
          throw DomainError.ruleViolated('register every person rescued in intake first', { field: 'persons', unknownPersonIds: unknown });
        }
        if (searchWitnesses.women > searchWitnesses.total) {
          throw DomainError.ruleViolated('women witnesses cannot outnumber witnesses', { field: 'searchWitnesses.women' });
        }
        const withoutWitnesses = state.plan.legalBasis === 'itpa-s15' && (searchWitnesses.total < 2 || searchWitnesses.women < 1);
        const carriedOut: RescueOperationEvent = {
          type: rescueEventTypes.operationCarriedOut,
          subject: operationId,
          time: carriedOutAt,
          data: { operationId, carriedOutAt, personsRescued: persons.length, searchWitnesses, searchWithoutRequiredWitnesses: withoutWitnesses },
        };
        const rescued: RescueOperationEvent[] = persons.map((person) => {
          const jj = jjAgeClass(person.ageAtRescue);
          return {
            type: rescueEventTypes.personRescued,
            subject: person.personId,
            time: carriedOutAt,
            data: {
              personId: person.personId,
              operationId,
              rescuedAt: carriedOutAt,
              place: state.plan.place,
              policeRecordedAs: person.policeRecordedAs,
              decriminalisationAlert: person.policeRecordedAs === 'accused',
              ...(person.ageAtRescue !== undefined ? { ageAtRescue: person.ageAtRescue } : {}),
              itpaAgeClass: itpaAgeClass(person.ageAtRescue),
              jjAgeClass: jj,
              stepsDue: stepsDue(jj, carriedOutAt),
            },
          };
        });
        return [carriedOut, ...rescued];
      }
      case 'RecordPostRescueStep': {
        const { operationId, personId, step, doneAt, now } = command.data;
        if (state.status !== 'carried-out') throw DomainError.notFound(`rescue operation ${operationId} has no one rescued yet`);
        const person = state.persons[personId];
        if (!person) throw DomainError.notFound(`person ${personId} was not rescued in operation ${operationId}`);
        const due = person.stepsDue.find((entry) => entry.step === step);
        if (!due) throw DomainError.ruleViolated(`${step} is not a step for this person`, { field: 'step' });
        if (person.done.includes(step)) return [];
        notInFuture('doneAt', doneAt, now);
        if (Date.parse(doneAt) < Date.parse(state.carriedOutAt)) {
          throw DomainError.ruleViolated('doneAt is before the rescue', { field: 'doneAt' });
        }
        return [
          {
            type: rescueEventTypes.postRescueStepCompleted,
            subject: personId,
            time: doneAt,
            data: { personId, operationId, step, doneAt, late: Date.parse(doneAt) > Date.parse(due.dueAt) },
          },
        ];
      }
      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case rescueEventTypes.operationPlanned:
        return { status: 'planned', plan: event.data };
      case rescueEventTypes.operationCarriedOut:
        return state.status === 'planned' ? { status: 'carried-out', plan: state.plan, carriedOutAt: event.data.carriedOutAt, persons: {} } : state;
      case rescueEventTypes.personRescued:
        if (state.status !== 'carried-out') return state;
        return { ...state, persons: { ...state.persons, [event.data.personId]: { stepsDue: event.data.stepsDue, done: [] } } };
      case rescueEventTypes.postRescueStepCompleted: {
        if (state.status !== 'carried-out') return state;
        const person = state.persons[event.data.personId];
        if (!person) return state;
        return { ...state, persons: { ...state.persons, [event.data.personId]: { ...person, done: [...person.done, event.data.step] } } };
      }
      default:
        return state;
    }
  },
};
