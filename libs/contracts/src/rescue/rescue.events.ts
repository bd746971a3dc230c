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
  {
    additionalProperties: false,
    description:
      'A rescue operation was planned. The subject is the operation id. `ce_time` = `plannedFor`. ' +
      'Planning the same operation twice is refused with 409.\n' +
      '\n' +
      '- `place`: see above\n' +
      '- `leadOfficer`: the officer in charge, by rank and unit\n' +
      '- `plannedBy`: the coordinator who planned it, the first on its team (absent in events ' +
      'from before operations had teams)',
  },
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
  {
    additionalProperties: false,
    description:
      'The operation was carried out and at least one person was rescued. The subject is the ' +
      'operation id. The same commit also emits one `person-rescued.v1` for each person, with the ' +
      'same time. `ce_time` = `carriedOutAt`.\n' +
      '\n' +
      'The request is refused in these cases:\n' +
      '\n' +
      '- the operation is not planned (404);\n' +
      '- it was already carried out or called off (409);\n' +
      '- a person is listed twice, or is not registered in intake (422).\n' +
      '\n' +
      '- `searchWitnesses`: `women` cannot exceed `total` (422)\n' +
      '- `searchWithoutRequiredWitnesses`: true when `legalBasis` is `itpa-s15` and there were ' +
      'fewer than two witnesses or no woman among them. ITPA s.15 requires two local witnesses, ' +
      'one of them a woman. The search is accepted, but flagged',
  },
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
  {
    additionalProperties: false,
    description:
      'A person was rescued. A person who is rescued is a victim. If the police recorded her as ' +
      'accused, the platform raises the **decriminalisation alert**. It does not accept her as an ' +
      'offender.\n' +
      '\n' +
      'The subject is the person. `ce_time` = `rescuedAt` = the operation\'s `carriedOutAt`. This ' +
      'event has three effects in other places:\n' +
      '\n' +
      '- it starts the clock on her post-rescue steps (see `post-rescue-step-overdue.v1`);\n' +
      '- it opens her care plan in rehabilitation (see `care-plan-opened.v1`);\n' +
      '- it records her entry into exploitation on any prevention plan that covers her (see ' +
      '`entry-into-exploitation-recorded.v1`).\n' +
      '\n' +
      '- `place`: the operation\'s place\n' +
      '- `decriminalisationAlert`: true exactly when `policeRecordedAs` is `accused`\n' +
      '- `ageAtRescue`: her age in years, if known\n' +
      '- `itpaAgeClass`: ITPA: a child is under 16, a minor is 16 or 17. `unknown` when no age is ' +
      'given\n' +
      '- `jjAgeClass`: JJ Act and POCSO: a child is under 18\n' +
      '- `stepsDue`: the post-rescue steps the law requires, with their due times\n' +
      '\n' +
      '**Post-rescue steps**: `medical-examination` \\| `age-determination` \\| ' +
      '`production-before-child-welfare-committee` \\| `care-arrangements` \\| ' +
      '`production-before-magistrate` \\| `shelter-placement-requested`. The steps due are counted ' +
      'from `rescuedAt`:\n' +
      '\n' +
      '- For everyone: `medical-examination` within 24 hours, `age-determination` within 72 hours ' +
      'and `shelter-placement-requested` within 24 hours.\n' +
      '- For an adult: `production-before-magistrate` within 24 hours (ITPA s.15, s.17).\n' +
      '- For a child, or a person of unknown age, which is the protective reading: ' +
      '`production-before-child-welfare-committee` within 24 hours (JJ Act s.31) and ' +
      '`care-arrangements` within 24 hours (POCSO s.19(5)).',
  },
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
  {
    additionalProperties: false,
    description:
      'A step that was due for her was done. A step that is already done emits nothing when it is ' +
      'recorded again. `doneAt` cannot be before the rescue or in the future. `ce_time` = ' +
      '`doneAt`.\n' +
      '\n' +
      '- `step`: it must be one of her `stepsDue` (422)\n' +
      '- `late`: done after its `dueAt`',
  },
);
export type PostRescueStepCompletedV1 = Static<typeof PostRescueStepCompletedV1>;

/** A step not done by its due time: an open alert until it is done. */
export const PostRescueStepOverdueV1 = Type.Object(
  { personId: Id, operationId: Id, step: oneOf(postRescueSteps), dueAt: Timestamp, flaggedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'A step\'s due time passed and the step is not done. No staff member emits this event. The ' +
      'rescue service\'s deadline watch emits it, and the watch is scheduled from the service\'s ' +
      'own `person-rescued.v1` events. The envelope of this event is set as follows:\n' +
      '\n' +
      '- `ce_actorid` is `system:rescue` and `ce_actorrole` is `system`;\n' +
      '- `ce_correlationid` is a new id;\n' +
      '- there is no causation id.\n' +
      '\n' +
      'Each step is flagged once. The flag is an open alert until the step is done, which is ' +
      'recorded as `post-rescue-step-completed.v1` with `late: true`. `ce_time` = `flaggedAt`.\n' +
      '\n' +
      '- `dueAt`: when it was due',
  },
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
  {
    additionalProperties: false,
    description:
      'Her trafficking profile was recorded, in the vocabulary of the Human Trafficking Case Data ' +
      'Standard (HTCDS v2, as used by CTDC), so that analysts can count and compare. The profile ' +
      'is recorded again when more is learnt, and the latest one stands. A profile that has not ' +
      'changed emits nothing. The profile holds coded values only. `ce_time` = `recordedAt`.\n' +
      '\n' +
      '- `operationId`: the operation she was rescued in\n' +
      '- `source`: where she was recruited\n' +
      '- `transit`: may be empty\n' +
      '- `destination`: where she was exploited\n' +
      '\n' +
      'A trafficking place is `{ country, state?, district? }`:\n' +
      '\n' +
      '- `country` is ISO 3166-1 alpha-2 (two capital letters);\n' +
      '- `state` and `district` are 2–80 characters each.',
  },
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
  {
    additionalProperties: false,
    description:
      'The operation was closed, with counts of what it came to. The subject is the operation id. ' +
      '`ce_time` = `closedAt`. Closing it twice is refused with 409. Once an operation is called ' +
      'off, it cannot be carried out.\n' +
      '\n' +
      '- `outcome`: `called-off` if it was closed before anyone was rescued\n' +
      '- `counts`: see below\n' +
      '\n' +
      'The counts are taken at closing:\n' +
      '\n' +
      '- `children` are those under 18, or of unknown age (`jjAgeClass` not `adult`);\n' +
      '- `recordedAsAccused` follows the police record as it stands at closing;\n' +
      '- `stepsDoneLate` is part of `stepsDone`;\n' +
      '- `stepsOpen` counts the steps that were due but not done.',
  },
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
  {
    additionalProperties: false,
    description:
      'The police changed how they record her. This is the organisation\'s work after a ' +
      'decriminalisation alert:\n' +
      '\n' +
      '- recorded as `victim` or `witness`, she is no longer recorded as an offender, and the ' +
      'alert **closes**;\n' +
      '- recorded as `accused` again, the alert is **raised** again.\n' +
      '\n' +
      'Recording the police record she already has emits nothing. `changedAt` cannot be before ' +
      'the rescue or in the future. `ce_time` = `changedAt`.\n' +
      '\n' +
      '- `decriminalisationAlert`: true exactly when `policeRecordedAs` is `accused`',
  },
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
  {
    additionalProperties: false,
    description:
      'A coordinator joined the operation\'s team. The team (who planned it, named as `plannedBy` ' +
      'on `rescue-operation-planned.v1`, and who joined) reads the operation, records the rescue ' +
      'and closes it; anyone else gets the 404 of an operation never planned. A member of the ' +
      'team (or an admin with a reason) adds others; adding her again emits nothing. The subject ' +
      'is the operation id. `ce_time` = `joinedAt`. Staff ids only; nothing of it goes on the ' +
      'analytics stream but its month.\n' +
      '\n' +
      '- `staffId`: who joined\n' +
      '- `addedBy`: who added her',
  },
);
export type RescueOperationTeamJoinedV1 = Static<typeof RescueOperationTeamJoinedV1>;
