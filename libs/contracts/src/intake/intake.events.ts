/** Events of the intake service: people, consent, vulnerability, households. */
import { Type, Static } from '@sinclair/typebox';
import { SealedPersonalData } from '../personal-data';
import {
  Place,
  ageBands,
  consentDecisions,
  consentGivers,
  consentScopes,
  genders,
  oneOf,
  personRoles,
  referralSources,
  vulnerabilityFactors,
  vulnerabilityLevels,
  caseRoles,
  erasureReasons,
  ageDeterminationMethods,
  staffRoles,
  Id,
  Timestamp,
} from '../vocabulary';


export const intakeEventTypes = {
  personRegistered: 'org.mukti.intake.person-registered.v1',
  consentRecorded: 'org.mukti.intake.consent-recorded.v1',
  vulnerabilityAssessed: 'org.mukti.intake.vulnerability-assessed.v1',
  staffAssigned: 'org.mukti.intake.staff-assigned.v1',
  staffUnassigned: 'org.mukti.intake.staff-unassigned.v1',
  personErased: 'org.mukti.intake.person-erased.v1',
  possibleDuplicateReported: 'org.mukti.intake.possible-duplicate-reported.v1',
  ageDetermined: 'org.mukti.intake.age-determined.v1',
  ageBandMoved: 'org.mukti.intake.age-band-moved.v1',
  householdRegistered: 'org.mukti.intake.household-registered.v1',
  householdMemberAdded: 'org.mukti.intake.household-member-added.v1',
  householdAssessed: 'org.mukti.intake.household-assessed.v1',
} as const;

export const PersonRegisteredV1 = Type.Object(
  {
    personId: Id,
    role: oneOf(personRoles),
    /** Name, aliases, phone, address, birth date: sealed with the person's data key. */
    personalData: SealedPersonalData,
    gender: oneOf(genders),
    ageBand: oneOf(ageBands),
    origin: Type.Optional(Place),
    languages: Type.Array(Type.String({ minLength: 2, maxLength: 40 }), { maxItems: 20 }),
    referralSource: oneOf(referralSources),
    registeredAt: Timestamp,
  },
  { additionalProperties: false },
);
export type PersonRegisteredV1 = Static<typeof PersonRegisteredV1>;

export const ConsentRecordedV1 = Type.Object(
  {
    personId: Id,
    consentId: Id,
    scope: oneOf(consentScopes),
    decision: oneOf(consentDecisions),
    givenBy: oneOf(consentGivers),
    decidedAt: Timestamp,
  },
  { additionalProperties: false },
);
export type ConsentRecordedV1 = Static<typeof ConsentRecordedV1>;

export const VulnerabilityAssessedV1 = Type.Object(
  {
    personId: Id,
    assessmentId: Id,
    factors: Type.Array(oneOf(vulnerabilityFactors), { uniqueItems: true, maxItems: vulnerabilityFactors.length }),
    score: Type.Integer({ minimum: 0 }),
    level: oneOf(vulnerabilityLevels),
    assessedAt: Timestamp,
  },
  { additionalProperties: false },
);
export type VulnerabilityAssessedV1 = Static<typeof VulnerabilityAssessedV1>;

/** A staff member joins her case team: from now on they may see what their role needs of her record. */
export const StaffAssignedV1 = Type.Object(
  {
    personId: Id,
    /** The staff member's subject in the identity provider. */
    staffId: Type.String({ minLength: 1, maxLength: 200 }),
    staffRole: oneOf(caseRoles),
    assignedAt: Timestamp,
  },
  { additionalProperties: false },
);
export type StaffAssignedV1 = Static<typeof StaffAssignedV1>;

export const StaffUnassignedV1 = Type.Object(
  {
    personId: Id,
    staffId: Type.String({ minLength: 1, maxLength: 200 }),
    unassignedAt: Timestamp,
  },
  { additionalProperties: false },
);
export type StaffUnassignedV1 = Static<typeof StaffUnassignedV1>;

/**
 * Her data key was destroyed: every sealed copy of her personal data, in every topic, database
 * and backup, is unreadable from now on. Non-identifying facts remain, so she is still counted.
 */
export const PersonErasedV1 = Type.Object(
  {
    personId: Id,
    reason: oneOf(erasureReasons),
    erasedAt: Timestamp,
  },
  { additionalProperties: false },
);
export type PersonErasedV1 = Static<typeof PersonErasedV1>;

/**
 * Her age was determined (a document, a medical examination, a finding): her age band from now
 * on, wherever a copy of it is kept, and every child safeguard follows it. The evidence itself
 * (a birth date) stays sealed in intake.
 */
export const AgeDeterminedV1 = Type.Object(
  {
    personId: Id,
    method: oneOf(ageDeterminationMethods),
    /** The day the document was seen, the examination made or the finding given. */
    determinedOn: Type.String({ format: 'date' }),
    ageBand: oneOf(ageBands),
    recordedAt: Timestamp,
  },
  { additionalProperties: false },
);
export type AgeDeterminedV1 = Static<typeof AgeDeterminedV1>;

/** A birthday took her into the next age band (intake watches the day from the evidence it keeps sealed). */
export const AgeBandMovedV1 = Type.Object({ personId: Id, ageBand: oneOf(ageBands), movedAt: Timestamp }, { additionalProperties: false });
export type AgeBandMovedV1 = Static<typeof AgeBandMovedV1>;

/**
 * Someone not on her case team tried to register a person with her name and phone or birth date:
 * a review for her case team (is it her, registered twice, or someone else?). The one who tried
 * was told only that a possible duplicate exists, never her id. Once per staff member.
 */
export const PossibleDuplicateReportedV1 = Type.Object(
  {
    personId: Id,
    /** The staff member's subject in the identity provider, and her role. */
    reportedBy: Type.String({ minLength: 1, maxLength: 200 }),
    reportedByRole: oneOf(staffRoles),
    reportedAt: Timestamp,
  },
  { additionalProperties: false },
);
export type PossibleDuplicateReportedV1 = Static<typeof PossibleDuplicateReportedV1>;

// Households: keyed by the household's id. Members are people registered in intake, by id.

/** Where a household lives: the village or ward too, which a person's origin does not need. */
export const HouseholdPlace = Type.Object(
  {
    state: Type.String({ minLength: 2, maxLength: 80 }),
    district: Type.String({ minLength: 2, maxLength: 80 }),
    villageOrWard: Type.String({ minLength: 2, maxLength: 120 }),
  },
  { additionalProperties: false },
);
export type HouseholdPlace = Static<typeof HouseholdPlace>;

export const HouseholdRegisteredV1 = Type.Object(
  { householdId: Id, place: HouseholdPlace, memberIds: Type.Array(Id, { minItems: 1, maxItems: 30, uniqueItems: true }), registeredAt: Timestamp },
  { additionalProperties: false },
);
export type HouseholdRegisteredV1 = Static<typeof HouseholdRegisteredV1>;

export const HouseholdMemberAddedV1 = Type.Object({ householdId: Id, personId: Id, addedAt: Timestamp }, { additionalProperties: false });
export type HouseholdMemberAddedV1 = Static<typeof HouseholdMemberAddedV1>;

/** The household's vulnerability: the person assessment's factors, plus its income, debt and dependants. */
export const HouseholdAssessedV1 = Type.Object(
  {
    householdId: Id,
    assessmentId: Id,
    factors: Type.Array(oneOf(vulnerabilityFactors), { uniqueItems: true, maxItems: vulnerabilityFactors.length }),
    monthlyIncomeInr: Type.Integer({ minimum: 0 }),
    debtInr: Type.Integer({ minimum: 0 }),
    dependants: Type.Integer({ minimum: 0, maximum: 30 }),
    score: Type.Integer({ minimum: 0 }),
    level: oneOf(vulnerabilityLevels),
    assessedAt: Timestamp,
  },
  { additionalProperties: false },
);
export type HouseholdAssessedV1 = Static<typeof HouseholdAssessedV1>;
