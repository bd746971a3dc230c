/**
 * A rescue operation: planned, carried out (with the persons rescued), the post-rescue steps for
 * each of them (overdue ones flagged when the clock passes their due time), each person's
 * trafficking profile, and its closure with counts. A person rescued is a victim: if the police
 * recorded her as accused, the platform raises the decriminalisation alert rather than accept it.
 */
import { isDeepStrictEqual } from 'node:util';
import { DomainEvent, EventData, PostRescueStep, rescueEventTypes } from '@mukti/contracts';
import { assertNotInFuture, Decider, DomainError, unknownCommand } from '@mukti/decider';
import { itpaAgeClass, jjAgeClass } from './age-classes';
import { overdueSteps, stepsDue } from './post-rescue-steps';

type Planned = EventData<typeof rescueEventTypes.operationPlanned>;
/** What was planned: where, how, by whom in the police; who planned it is the team's business. */
type Plan = Omit<Planned, 'plannedBy'>;
type Profile = Omit<EventData<typeof rescueEventTypes.traffickingProfileRecorded>, 'personId' | 'operationId' | 'recordedAt'>;
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
/** Raised by the service's deadline watch when a step's due time passes: flags what is overdue by now. */
export type FlagOverdueSteps = { type: 'FlagOverdueSteps'; data: { operationId: string; personId: string; now: string } };
export type RecordTraffickingProfile = {
  type: 'RecordTraffickingProfile';
  data: { operationId: string; personId: string; profile: Profile; recordedAt: string; now: string };
};
export type RecordPoliceRecordChange = {
  type: 'RecordPoliceRecordChange';
  data: { operationId: string; personId: string; policeRecordedAs: RescuedPerson['policeRecordedAs']; changedAt: string; now: string };
};
export type CloseRescueOperation = { type: 'CloseRescueOperation'; data: { operationId: string; closedAt: string; now: string } };
/** A member of the team (or an admin) adds a coordinator to it. */
export type JoinRescueOperationTeam = { type: 'JoinRescueOperationTeam'; data: { operationId: string; staffId: string; addedBy: string; now: string } };
export type RescueOperationCommand =
  | PlanRescueOperation
  | RecordRescue
  | RecordPostRescueStep
  | FlagOverdueSteps
  | RecordTraffickingProfile
  | RecordPoliceRecordChange
  | CloseRescueOperation
  | JoinRescueOperationTeam;

// Events
export type RescueOperationPlanned = DomainEvent<typeof rescueEventTypes.operationPlanned>;
export type RescueOperationCarriedOut = DomainEvent<typeof rescueEventTypes.operationCarriedOut>;
export type PersonRescued = DomainEvent<typeof rescueEventTypes.personRescued>;
export type PostRescueStepCompleted = DomainEvent<typeof rescueEventTypes.postRescueStepCompleted>;
export type PostRescueStepOverdue = DomainEvent<typeof rescueEventTypes.postRescueStepOverdue>;
export type TraffickingProfileRecorded = DomainEvent<typeof rescueEventTypes.traffickingProfileRecorded>;
export type RescueOperationClosed = DomainEvent<typeof rescueEventTypes.operationClosed>;
export type PoliceRecordChanged = DomainEvent<typeof rescueEventTypes.policeRecordChanged>;
export type RescueOperationTeamJoined = DomainEvent<typeof rescueEventTypes.operationTeamJoined>;
export type RescueOperationEvent =
  | RescueOperationPlanned
  | RescueOperationCarriedOut
  | PersonRescued
  | PostRescueStepCompleted
  | PostRescueStepOverdue
  | TraffickingProfileRecorded
  | PoliceRecordChanged
  | RescueOperationClosed
  | RescueOperationTeamJoined;

// State
export interface RescuedPersonState {
  policeRecordedAs: PersonRescued['data']['policeRecordedAs'];
  jjAgeClass: PersonRescued['data']['jjAgeClass'];
  stepsDue: { step: PostRescueStep; dueAt: string }[];
  done: PostRescueStep[];
  doneLate: PostRescueStep[];
  /** Steps already flagged overdue: flagged once. */
  flagged: PostRescueStep[];
  profile?: Profile;
}
/** The coordinators who may read the operation and act on it, by staff id (absent in states stored before teams). */
export type RescueOperationTeam = Record<string, { joinedAt: string }>;
export type RescueOperationState =
  | { status: 'unplanned' }
  | { status: 'planned'; plan: Plan; team?: RescueOperationTeam; closed?: { at: string } }
  | {
      status: 'carried-out';
      plan: Plan;
      team?: RescueOperationTeam;
      carriedOutAt: string;
      persons: Record<string, RescuedPersonState>;
      closed?: { at: string };
    };

function changePerson(state: RescueOperationState, personId: string, change: (person: RescuedPersonState) => RescuedPersonState): RescueOperationState {
  if (state.status !== 'carried-out' || !state.persons[personId]) return state;
  return { ...state, persons: { ...state.persons, [personId]: change(state.persons[personId]) } };
}


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
        if (state.closed) throw DomainError.conflict('this rescue operation was called off');
        assertNotInFuture('carriedOutAt', carriedOutAt, now);
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
        assertNotInFuture('doneAt', doneAt, now);
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
      case 'FlagOverdueSteps': {
        const { operationId, personId, now } = command.data;
        if (state.status !== 'carried-out') return [];
        const person = state.persons[personId];
        if (!person) return [];
        const overdue = overdueSteps(person.stepsDue, new Set([...person.done, ...person.flagged]), new Date(now));
        return overdue.map(({ step, dueAt }) => ({
          type: rescueEventTypes.postRescueStepOverdue,
          subject: personId,
          time: now,
          data: { personId, operationId, step, dueAt, flaggedAt: now },
        }));
      }
      case 'RecordTraffickingProfile': {
        const { operationId, personId, profile, recordedAt, now } = command.data;
        if (state.status !== 'carried-out') throw DomainError.notFound(`rescue operation ${operationId} has no one rescued yet`);
        const person = state.persons[personId];
        if (!person) throw DomainError.notFound(`person ${personId} was not rescued in operation ${operationId}`);
        assertNotInFuture('recordedAt', recordedAt, now);
        const recorded = { ...profile, exploitationTypes: [...new Set(profile.exploitationTypes)], meansOfControl: [...new Set(profile.meansOfControl)] };
        if (person.profile && isDeepStrictEqual(person.profile, recorded)) return [];
        return [
          {
            type: rescueEventTypes.traffickingProfileRecorded,
            subject: personId,
            time: recordedAt,
            data: { personId, operationId, recordedAt, ...recorded },
          },
        ];
      }
      case 'RecordPoliceRecordChange': {
        const { operationId, personId, policeRecordedAs, changedAt, now } = command.data;
        if (state.status !== 'carried-out') throw DomainError.notFound(`rescue operation ${operationId} has no one rescued yet`);
        const person = state.persons[personId];
        if (!person) throw DomainError.notFound(`person ${personId} was not rescued in operation ${operationId}`);
        if (person.policeRecordedAs === policeRecordedAs) return [];
        assertNotInFuture('changedAt', changedAt, now);
        if (Date.parse(changedAt) < Date.parse(state.carriedOutAt)) throw DomainError.ruleViolated('changedAt is before the rescue', { field: 'changedAt' });
        return [
          {
            type: rescueEventTypes.policeRecordChanged,
            subject: personId,
            time: changedAt,
            data: { personId, operationId, policeRecordedAs, decriminalisationAlert: policeRecordedAs === 'accused', changedAt },
          },
        ];
      }
      case 'CloseRescueOperation': {
        const { operationId, closedAt, now } = command.data;
        if (state.status === 'unplanned') throw DomainError.notFound(`rescue operation ${operationId} is not planned`);
        if (state.closed) throw DomainError.conflict('this rescue operation is already closed');
        assertNotInFuture('closedAt', closedAt, now);
        const persons = state.status === 'carried-out' ? Object.values(state.persons) : [];
        if (state.status === 'carried-out' && Date.parse(closedAt) < Date.parse(state.carriedOutAt)) {
          throw DomainError.ruleViolated('closedAt is before the rescue', { field: 'closedAt' });
        }
        const stepsDone = persons.reduce((sum, person) => sum + person.done.length, 0);
        const stepsDue = persons.reduce((sum, person) => sum + person.stepsDue.length, 0);
        return [
          {
            type: rescueEventTypes.operationClosed,
            subject: operationId,
            time: closedAt,
            data: {
              operationId,
              closedAt,
              outcome: state.status === 'carried-out' ? 'carried-out' : 'called-off',
              counts: {
                personsRescued: persons.length,
                children: persons.filter((person) => person.jjAgeClass !== 'adult').length,
                adults: persons.filter((person) => person.jjAgeClass === 'adult').length,
                recordedAsAccused: persons.filter((person) => person.policeRecordedAs === 'accused').length,
                stepsDone,
                stepsDoneLate: persons.reduce((sum, person) => sum + person.doneLate.length, 0),
                stepsOpen: stepsDue - stepsDone,
              },
            },
          },
        ];
      }
      case 'JoinRescueOperationTeam': {
        const { operationId, staffId, addedBy, now } = command.data;
        if (state.status === 'unplanned') throw DomainError.notFound(`rescue operation ${operationId} is not planned`);
        if (state.team && Object.prototype.hasOwnProperty.call(state.team, staffId)) return [];
        return [{ type: rescueEventTypes.operationTeamJoined, subject: operationId, time: now, data: { operationId, staffId, addedBy, joinedAt: now } }];
      }
      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case rescueEventTypes.operationPlanned: {
        const { plannedBy, ...plan } = event.data;
        return { status: 'planned', plan, team: plannedBy ? { [plannedBy]: { joinedAt: plan.plannedFor } } : {} };
      }
      case rescueEventTypes.operationTeamJoined:
        return state.status === 'unplanned' ? state : { ...state, team: { ...state.team, [event.data.staffId]: { joinedAt: event.data.joinedAt } } };
      case rescueEventTypes.operationCarriedOut:
        return state.status === 'planned'
          ? { status: 'carried-out', plan: state.plan, ...(state.team ? { team: state.team } : {}), carriedOutAt: event.data.carriedOutAt, persons: {} }
          : state;
      case rescueEventTypes.personRescued:
        if (state.status !== 'carried-out') return state;
        return {
          ...state,
          persons: {
            ...state.persons,
            [event.data.personId]: {
              policeRecordedAs: event.data.policeRecordedAs,
              jjAgeClass: event.data.jjAgeClass,
              stepsDue: event.data.stepsDue,
              done: [],
              doneLate: [],
              flagged: [],
            },
          },
        };
      case rescueEventTypes.postRescueStepCompleted:
        return changePerson(state, event.data.personId, (person) => ({
          ...person,
          done: [...person.done, event.data.step],
          doneLate: event.data.late ? [...person.doneLate, event.data.step] : person.doneLate,
        }));
      case rescueEventTypes.postRescueStepOverdue:
        return changePerson(state, event.data.personId, (person) => ({ ...person, flagged: [...person.flagged, event.data.step] }));
      case rescueEventTypes.traffickingProfileRecorded: {
        const { personId: _person, operationId: _operation, recordedAt: _at, ...profile } = event.data;
        return changePerson(state, event.data.personId, (person) => ({ ...person, profile }));
      }
      case rescueEventTypes.policeRecordChanged:
        return changePerson(state, event.data.personId, (person) => ({ ...person, policeRecordedAs: event.data.policeRecordedAs }));
      case rescueEventTypes.operationClosed:
        return state.status === 'unplanned' ? state : { ...state, closed: { at: event.data.closedAt } };
      default:
        return state;
    }
  },
};
