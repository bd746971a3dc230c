/**
 * Events of the rescue service: rescue operations, the persons rescued, and the legal steps that
 * follow. Vocabularies follow the Immoral Traffic (Prevention) Act (ITPA), the Juvenile Justice
 * Act and POCSO; a person rescued is a victim, never an offender.
 */
import { Type, Static } from '@sinclair/typebox';
import { oneOf, Place } from '../vocabulary';

const Timestamp = Type.String({ format: 'date-time' });
const Id = Type.String({ format: 'uuid' });

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

export const rescueEventTypes = {
  operationPlanned: 'org.mukti.rescue.rescue-operation-planned.v1',
  operationCarriedOut: 'org.mukti.rescue.rescue-operation-carried-out.v1',
  personRescued: 'org.mukti.rescue.person-rescued.v1',
  postRescueStepCompleted: 'org.mukti.rescue.post-rescue-step-completed.v1',
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
