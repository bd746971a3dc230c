/**
 * A person known to intake (a survivor, or someone at risk): her registration, her consent
 * decisions and her vulnerability assessments. Personal data reaches this decider already
 * sealed with her key; the rules never need it in clear.
 */
import {
  Actor,
  AgeBand,
  CaseRole,
  caseRoles,
  ConsentDecision,
  ConsentGiver,
  ConsentScope,
  DomainEvent,
  Gender,
  intakeEventTypes,
  PersonRole,
  ReferralSource,
  SealedPersonalData,
  VulnerabilityFactor,
  VulnerabilityLevel,
  EventData,
  ErasureReason,
  mayBeChild,
  AgeDeterminationMethod,
} from '@mukti/contracts';
import { assertNotInFuture, Decider, DomainError, unknownCommand } from '@mukti/decider';
import { vulnerabilityLevel } from './vulnerability-level';

// Commands: what staff ask for.
export type RegisterPerson = {
  type: 'RegisterPerson';
  /** Who registers her joins her case team, if theirs is a case role. */
  data: EventData<typeof intakeEventTypes.personRegistered> & { registeredBy: Actor };
};
export type RecordConsent = {
  type: 'RecordConsent';
  data: {
    personId: string;
    consentId: string;
    scope: ConsentScope;
    decision: ConsentDecision;
    givenBy: ConsentGiver;
    decidedAt: string;
    now: string;
  };
};
export type AssessVulnerability = {
  type: 'AssessVulnerability';
  data: { personId: string; assessmentId: string; factors: VulnerabilityFactor[]; assessedAt: string; now: string };
};
export type AssignStaff = {
  type: 'AssignStaff';
  data: { personId: string; staffId: string; staffRole: CaseRole; assignedBy: Actor; now: string };
};
export type UnassignStaff = {
  type: 'UnassignStaff';
  data: { personId: string; staffId: string; unassignedBy: Actor; now: string };
};
export type ErasePerson = {
  type: 'ErasePerson';
  data: { personId: string; reason: ErasureReason; now: string };
};
/** Someone not on her case team tried to register her again: a review for her case team, once per staff member. */
export type ReportPossibleDuplicate = {
  type: 'ReportPossibleDuplicate';
  data: { personId: string; reportedBy: Actor; now: string };
};
/** Her age determined from a document, an examination or a finding; `ageBand` is what the evidence gives today. */
export type DetermineAge = {
  type: 'DetermineAge';
  data: { personId: string; method: AgeDeterminationMethod; determinedOn: string; ageBand: AgeBand; now: string };
};
/** A birthday may have taken her into the next band (the watch intake keeps from the evidence). */
export type MoveAgeBand = { type: 'MoveAgeBand'; data: { personId: string; ageBand: AgeBand; now: string } };
export type PersonCommand =
  | RegisterPerson
  | RecordConsent
  | AssessVulnerability
  | AssignStaff
  | UnassignStaff
  | ErasePerson
  | ReportPossibleDuplicate
  | DetermineAge
  | MoveAgeBand;

// Events: what happened.
export type PersonRegistered = DomainEvent<typeof intakeEventTypes.personRegistered>;
export type ConsentRecorded = DomainEvent<typeof intakeEventTypes.consentRecorded>;
export type VulnerabilityAssessed = DomainEvent<typeof intakeEventTypes.vulnerabilityAssessed>;
export type StaffAssigned = DomainEvent<typeof intakeEventTypes.staffAssigned>;
export type StaffUnassigned = DomainEvent<typeof intakeEventTypes.staffUnassigned>;
export type PersonErased = DomainEvent<typeof intakeEventTypes.personErased>;
export type PossibleDuplicateReported = DomainEvent<typeof intakeEventTypes.possibleDuplicateReported>;
export type AgeDetermined = DomainEvent<typeof intakeEventTypes.ageDetermined>;
export type AgeBandMoved = DomainEvent<typeof intakeEventTypes.ageBandMoved>;
export type PersonEvent =
  | PersonRegistered
  | ConsentRecorded
  | VulnerabilityAssessed
  | StaffAssigned
  | StaffUnassigned
  | PersonErased
  | PossibleDuplicateReported
  | AgeDetermined
  | AgeBandMoved;

// State: what the rules need to know.
export interface ConsentState {
  consentId: string;
  decision: ConsentDecision;
  givenBy: ConsentGiver;
  decidedAt: string;
}
export type PersonState =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      personId: string;
      role: PersonRole;
      personalData: SealedPersonalData;
      gender: Gender;
      ageBand: AgeBand;
      origin?: { state: string; district: string };
      languages: string[];
      referralSource: ReferralSource;
      registeredAt: string;
      /** The latest decision per scope, by when it was decided. */
      consents: Partial<Record<ConsentScope, ConsentState>>;
      vulnerability?: { assessmentId: string; factors: VulnerabilityFactor[]; score: number; level: VulnerabilityLevel; assessedAt: string };
      /** Her case team: who may see what their role needs of her record. */
      caseTeam: Record<string, { role: CaseRole; assignedAt: string }>;
      /** When her data key was destroyed; her personal data can no longer be read anywhere. */
      erasedAt?: string;
      /** Staff not on her case team who tried to register her again, each reported once for review (absent before). */
      duplicateReportedBy?: string[];
    };


/** Admins assign anyone; a caseworker assigns others only to a case she is on herself. */
function assertMayManageCaseTeam(person: Extract<PersonState, { status: 'registered' }>, actor: Actor) {
  if (actor.role === 'admin') return;
  if (actor.role === 'caseworker' && person.caseTeam[actor.id]) return;
  throw DomainError.notFound(`person ${person.personId} is not registered`, { personId: person.personId });
}

const isCaseRole = (role: string): role is CaseRole => (caseRoles as readonly string[]).includes(role);

function registered(state: PersonState, personId: string) {
  if (state.status !== 'registered') throw DomainError.notFound(`person ${personId} is not registered`, { personId });
  return state;
}

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  initialState: () => ({ status: 'unregistered' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterPerson': {
        if (state.status === 'registered') {
          throw DomainError.conflict('this person is already registered', { existingId: state.personId });
        }
        const { registeredBy, ...registration } = command.data;
        const events: PersonEvent[] = [
          { type: intakeEventTypes.personRegistered, subject: registration.personId, time: registration.registeredAt, data: registration },
        ];
        if (isCaseRole(registeredBy.role)) {
          events.push({
            type: intakeEventTypes.staffAssigned,
            subject: registration.personId,
            time: registration.registeredAt,
            data: { personId: registration.personId, staffId: registeredBy.id, staffRole: registeredBy.role, assignedAt: registration.registeredAt },
          });
        }
        return events;
      }
      case 'RecordConsent': {
        const person = registered(state, command.data.personId);
        const { now, ...consent } = command.data;
        assertNotInFuture('decidedAt', consent.decidedAt, now);
        if (consent.decision === 'granted' && consent.givenBy === 'self' && mayBeChild(person.ageBand)) {
          throw DomainError.ruleViolated(
            "a child's consent must be given by her guardian or the Child Welfare Committee",
            { field: 'givenBy' },
          );
        }
        return [{ type: intakeEventTypes.consentRecorded, subject: person.personId, time: consent.decidedAt, data: consent }];
      }
      case 'AssessVulnerability': {
        const person = registered(state, command.data.personId);
        const { now, ...assessment } = command.data;
        assertNotInFuture('assessedAt', assessment.assessedAt, now);
        const { score, level } = vulnerabilityLevel(assessment.factors);
        return [
          {
            type: intakeEventTypes.vulnerabilityAssessed,
            subject: person.personId,
            time: assessment.assessedAt,
            data: { ...assessment, factors: [...new Set(assessment.factors)], score, level },
          },
        ];
      }
      case 'AssignStaff': {
        const person = registered(state, command.data.personId);
        const { staffId, staffRole, assignedBy, now } = command.data;
        assertMayManageCaseTeam(person, assignedBy);
        // Already on her team in that role: nothing happened.
        if (person.caseTeam[staffId]?.role === staffRole) return [];
        return [
          {
            type: intakeEventTypes.staffAssigned,
            subject: person.personId,
            time: now,
            data: { personId: person.personId, staffId, staffRole, assignedAt: now },
          },
        ];
      }
      case 'UnassignStaff': {
        const person = registered(state, command.data.personId);
        const { staffId, unassignedBy, now } = command.data;
        assertMayManageCaseTeam(person, unassignedBy);
        if (!person.caseTeam[staffId]) return [];
        return [
          { type: intakeEventTypes.staffUnassigned, subject: person.personId, time: now, data: { personId: person.personId, staffId, unassignedAt: now } },
        ];
      }
      case 'ErasePerson': {
        const person = registered(state, command.data.personId);
        // Erasing twice is erasing once.
        if (person.erasedAt) return [];
        const { personId, reason, now } = command.data;
        return [{ type: intakeEventTypes.personErased, subject: personId, time: now, data: { personId, reason, erasedAt: now } }];
      }
      case 'ReportPossibleDuplicate': {
        const { personId, reportedBy, now } = command.data;
        if (state.status !== 'registered' || state.erasedAt || state.duplicateReportedBy?.includes(reportedBy.id)) return [];
        return [
          {
            type: intakeEventTypes.possibleDuplicateReported,
            subject: personId,
            time: now,
            data: { personId, reportedBy: reportedBy.id, reportedByRole: reportedBy.role as PossibleDuplicateReported['data']['reportedByRole'], reportedAt: now },
          },
        ];
      }
      case 'DetermineAge': {
        const person = registered(state, command.data.personId);
        const { personId, method, determinedOn, ageBand, now } = command.data;
        if (person.erasedAt) throw DomainError.notFound(`person ${personId} is not registered`, { personId });
        assertNotInFuture('determinedOn', `${determinedOn}T00:00:00.000Z`, now);
        return [{ type: intakeEventTypes.ageDetermined, subject: personId, time: now, data: { personId, method, determinedOn, ageBand, recordedAt: now } }];
      }
      case 'MoveAgeBand': {
        const { personId, ageBand, now } = command.data;
        // Never registered (a registration refused after its watch was set), erased, or no move: nothing to say.
        if (state.status !== 'registered' || state.erasedAt || state.ageBand === ageBand) return [];
        return [{ type: intakeEventTypes.ageBandMoved, subject: personId, time: now, data: { personId, ageBand, movedAt: now } }];
      }
      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case intakeEventTypes.personRegistered:
        return { status: 'registered', ...event.data, consents: {}, caseTeam: {} };
      case intakeEventTypes.consentRecorded: {
        if (state.status !== 'registered') return state;
        const { scope, consentId, decision, givenBy, decidedAt } = event.data;
        const current = state.consents[scope];
        // The latest decision wins, by when she decided, not by when it was typed in.
        if (current && Date.parse(current.decidedAt) > Date.parse(decidedAt)) return state;
        return { ...state, consents: { ...state.consents, [scope]: { consentId, decision, givenBy, decidedAt } } };
      }
      case intakeEventTypes.vulnerabilityAssessed: {
        if (state.status !== 'registered') return state;
        if (state.vulnerability && Date.parse(state.vulnerability.assessedAt) > Date.parse(event.data.assessedAt)) return state;
        const { personId: _personId, ...assessment } = event.data;
        return { ...state, vulnerability: assessment };
      }
      case intakeEventTypes.staffAssigned: {
        if (state.status !== 'registered') return state;
        const { staffId, staffRole, assignedAt } = event.data;
        return { ...state, caseTeam: { ...state.caseTeam, [staffId]: { role: staffRole, assignedAt } } };
      }
      case intakeEventTypes.staffUnassigned: {
        if (state.status !== 'registered') return state;
        const { [event.data.staffId]: _removed, ...caseTeam } = state.caseTeam;
        return { ...state, caseTeam };
      }
      case intakeEventTypes.personErased:
        return state.status === 'registered' ? { ...state, erasedAt: event.data.erasedAt } : state;
      case intakeEventTypes.ageDetermined:
      case intakeEventTypes.ageBandMoved:
        return state.status === 'registered' ? { ...state, ageBand: event.data.ageBand } : state;
      case intakeEventTypes.possibleDuplicateReported:
        return state.status === 'registered' ? { ...state, duplicateReportedBy: [...(state.duplicateReportedBy ?? []), event.data.reportedBy] } : state;
      default:
        return state;
    }
  },
};
