/**
 * Events of the rescue service: rescue operations, the persons rescued, and the legal steps that
 * follow. Vocabularies follow the Immoral Traffic (Prevention) Act (ITPA), the Juvenile Justice
 * Act and POCSO; a person rescued is a victim, never an offender.
 */
import { Type, Static } from '@sinclair/typebox';
import { oneOf, Place, Id, Timestamp } from '../vocabulary';


export const rescueKinds = [
  'raid-on-information',
  'rescue-on-complaint',
  'interception-in-transit',
  'self-exit-or-walk-in',
  'rescue-from-online-exploitation',
] as const;
export const placeKinds = ['brothel', 'lodge-or-hotel', 'bar', 'massage-parlour', 'residence', 'transit-point', 'online'] as const;
export const rescueAgencies = [
  'anti-human-trafficking-unit',
  'local-police',
  'police-of-another-state',
  'ngo',
  'child-welfare-committee',
  'labour-department',
] as const;
export const legalBases = ['itpa-s15', 'itpa-s16', 'other'] as const;
export const policeRecords = ['victim', 'witness', 'accused'] as const;
/** Under ITPA a child is under 16 and a minor 16 to 18. */
export const itpaAgeClasses = ['child', 'minor', 'adult', 'unknown'] as const;
/** Under the Juvenile Justice Act and POCSO a child is under 18. */
export const jjAgeClasses = ['child', 'adult', 'unknown'] as const;
export const postRescueSteps = [
  'medical-examination',
  'age-determination',
  'production-before-child-welfare-committee',
  'care-arrangements',
  'production-before-magistrate',
  'shelter-placement-requested',
] as const;
export type PostRescueStep = (typeof postRescueSteps)[number];
/** How an operation ended: carried out, or called off before anyone was rescued. */
export const operationOutcomes = ['carried-out', 'called-off'] as const;

/**
 * The trafficking profile, in the vocabulary of the Human Trafficking Case Data Standard (HTCDS
 * v2, as used by CTDC), so analysts can count and compare: status, type of exploitation,
 * recruitment, means of control, relationship to the trafficker.
 */
export const traffickingStatuses = ['possible', 'actual'] as const;
export const exploitationTypes = [
  'sexual-exploitation',
  'online-sexual-exploitation',
  'forced-labour',
  'domestic-servitude',
  'forced-marriage',
  'forced-begging',
  'forced-criminality',
  'organ-removal',
  'other',
] as const;
export const recruitmentMethods = [
  'false-job-offer',
  'false-promise-of-marriage',
  'intimate-partner',
  'sold-by-family',
  'abduction',
  'through-an-acquaintance',
  'online',
  'other',
  'unknown',
] as const;
export const meansOfControl = [
  'debt-bondage',
  'withheld-earnings',
  'withheld-documents',
  'restricted-movement',
  'threats',
  'threats-against-family',
  'physical-abuse',
  'sexual-abuse',
  'psychological-abuse',
  'false-promises',
  'psychoactive-substances',
  'excessive-working-hours',
  'withheld-necessities',
  'threat-of-law-enforcement',
  'other',
] as const;
export const relationshipsToTrafficker = ['intimate-partner', 'family-member', 'friend', 'acquaintance', 'employer', 'stranger', 'other', 'unknown'] as const;

export const rescueEventTypes = {
  operationPlanned: 'org.mukti.rescue.rescue-operation-planned.v1',
  operationCarriedOut: 'org.mukti.rescue.rescue-operation-carried-out.v1',
  personRescued: 'org.mukti.rescue.person-rescued.v1',
  postRescueStepCompleted: 'org.mukti.rescue.post-rescue-step-completed.v1',
  postRescueStepOverdue: 'org.mukti.rescue.post-rescue-step-overdue.v1',
  traffickingProfileRecorded: 'org.mukti.rescue.trafficking-profile-recorded.v1',
  operationClosed: 'org.mukti.rescue.rescue-operation-closed.v1',
  policeRecordChanged: 'org.mukti.rescue.police-record-changed.v1',
  operationTeamJoined: 'org.mukti.rescue.rescue-operation-team-joined.v1',
} as const;

export const RescuePlace = Type.Composite([Place, Type.Object({ kindOfPlace: oneOf(placeKinds) })], { additionalProperties: false });

export const RescueOperationPlannedV1 = Type.Object(
  {
    operationId: Id,
    kind: oneOf(rescueKinds),
    place: RescuePlace,
    agencies: Type.Array(oneOf(rescueAgencies), { minItems: 1, uniqueItems: true }),
    legalBasis: oneOf(legalBases),
    /** The officer in charge, by rank and unit (a public role, not a survivor's data). */
    leadOfficer: Type.String({ minLength: 2, maxLength: 120 }),
    plannedFor: Timestamp,
    /** The coordinator who planned it, its first team member (absent in events from before operations had teams). */
    plannedBy: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type RescueOperationPlannedV1 = Static<typeof RescueOperationPlannedV1>;

export const RescueOperationCarriedOutV1 = Type.Object(
  {
    operationId: Id,
    carriedOutAt: Timestamp,
    personsRescued: Type.Integer({ minimum: 1 }),
    searchWitnesses: Type.Object({ total: Type.Integer({ minimum: 0 }), women: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
    /** ITPA s.15 needs at least two local witnesses, one a woman: accepted without, but flagged. */
    searchWithoutRequiredWitnesses: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type RescueOperationCarriedOutV1 = Static<typeof RescueOperationCarriedOutV1>;

export const PersonRescuedV1 = Type.Object(
  {
    personId: Id,
    operationId: Id,
    rescuedAt: Timestamp,
    place: RescuePlace,
    policeRecordedAs: oneOf(policeRecords),
    /** Recorded as accused: she must never be treated as an offender. */
    decriminalisationAlert: Type.Boolean(),
    ageAtRescue: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
    itpaAgeClass: oneOf(itpaAgeClasses),
    jjAgeClass: oneOf(jjAgeClasses),
    stepsDue: Type.Array(Type.Object({ step: oneOf(postRescueSteps), dueAt: Timestamp }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type PersonRescuedV1 = Static<typeof PersonRescuedV1>;

export const PostRescueStepCompletedV1 = Type.Object(
  {
    personId: Id,
    operationId: Id,
    step: oneOf(postRescueSteps),
    doneAt: Timestamp,
    /** Done after its due time. */
    late: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type PostRescueStepCompletedV1 = Static<typeof PostRescueStepCompletedV1>;

/** A step not done by its due time: an open alert until it is done. */
export const PostRescueStepOverdueV1 = Type.Object(
  { personId: Id, operationId: Id, step: oneOf(postRescueSteps), dueAt: Timestamp, flaggedAt: Timestamp },
  { additionalProperties: false },
);
export type PostRescueStepOverdueV1 = Static<typeof PostRescueStepOverdueV1>;

/** Where she was recruited, moved through, or exploited: a country (ISO 3166-1 alpha-2) and, in India, state and district. */
export const TraffickingPlace = Type.Object(
  {
    country: Type.String({ pattern: '^[A-Z]{2}$' }),
    state: Type.Optional(Type.String({ minLength: 2, maxLength: 80 })),
    district: Type.Optional(Type.String({ minLength: 2, maxLength: 80 })),
  },
  { additionalProperties: false },
);

/** Recorded again when more is learnt: the latest profile stands. Coded values only. */
export const TraffickingProfileRecordedV1 = Type.Object(
  {
    personId: Id,
    operationId: Id,
    recordedAt: Timestamp,
    traffickingStatus: oneOf(traffickingStatuses),
    exploitationTypes: Type.Array(oneOf(exploitationTypes), { minItems: 1, uniqueItems: true }),
    recruitmentMethod: oneOf(recruitmentMethods),
    meansOfControl: Type.Array(oneOf(meansOfControl), { uniqueItems: true }),
    relationshipToTrafficker: oneOf(relationshipsToTrafficker),
    source: Type.Optional(TraffickingPlace),
    transit: Type.Array(TraffickingPlace, { maxItems: 10 }),
    destination: Type.Optional(TraffickingPlace),
  },
  { additionalProperties: false },
);
export type TraffickingProfileRecordedV1 = Static<typeof TraffickingProfileRecordedV1>;

/** The operation closed, with what it came to. */
export const RescueOperationClosedV1 = Type.Object(
  {
    operationId: Id,
    closedAt: Timestamp,
    outcome: oneOf(operationOutcomes),
    counts: Type.Object(
      {
        personsRescued: Type.Integer({ minimum: 0 }),
        /** Under 18 (JJ Act and POCSO), or of unknown age: on the child-protection path. */
        children: Type.Integer({ minimum: 0 }),
        adults: Type.Integer({ minimum: 0 }),
        recordedAsAccused: Type.Integer({ minimum: 0 }),
        stepsDone: Type.Integer({ minimum: 0 }),
        stepsDoneLate: Type.Integer({ minimum: 0 }),
        stepsOpen: Type.Integer({ minimum: 0 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type RescueOperationClosedV1 = Static<typeof RescueOperationClosedV1>;

/**
 * The police changed how they recorded her (the organisation's work after a decriminalisation
 * alert): recorded as victim or witness closes the alert; recorded as accused again raises it.
 */
export const PoliceRecordChangedV1 = Type.Object(
  {
    personId: Id,
    operationId: Id,
    policeRecordedAs: oneOf(policeRecords),
    decriminalisationAlert: Type.Boolean(),
    changedAt: Timestamp,
  },
  { additionalProperties: false },
);
export type PoliceRecordChangedV1 = Static<typeof PoliceRecordChangedV1>;

/**
 * A coordinator joined the operation's team (added by a member, or by an admin): the team is who
 * may read the operation and act on it. Staff ids only.
 */
export const RescueOperationTeamJoinedV1 = Type.Object(
  {
    operationId: Id,
    /** The staff member's subject in the identity provider. */
    staffId: Type.String({ minLength: 1, maxLength: 200 }),
    addedBy: Type.String({ minLength: 1, maxLength: 200 }),
    joinedAt: Timestamp,
  },
  { additionalProperties: false },
);
export type RescueOperationTeamJoinedV1 = Static<typeof RescueOperationTeamJoinedV1>;
