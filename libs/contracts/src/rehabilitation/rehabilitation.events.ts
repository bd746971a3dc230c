/**
 * Events of the rehabilitation service: a survivor's care plan and everything done under it,
 * from shelter to reintegration. Every event's subject is the person. Counselling notes and the
 * name of the shelter she stays in travel sealed with her key; everything else is coded.
 */
import { Type, Static } from '@sinclair/typebox';
import { oneOf, Place, Id, Timestamp } from '../vocabulary';
import { SealedPersonalData } from '../personal-data';


export const carePlanDomains = [
  'safety',
  'physical-health',
  'mental-health',
  'education',
  'identity-documents',
  'livelihood',
  'family-and-repatriation',
  'legal-support',
] as const;
export type CarePlanDomain = (typeof carePlanDomains)[number];
export const goalStatuses = ['open', 'achieved', 'discontinued'] as const;
/** Rescued: opened by itself from the rescue; referred: opened by hand for a survivor who came another way. */
export const carePlanOrigins = ['rescued', 'referred'] as const;

/** Ujjawala and Shakti Sadan are government-funded schemes; a child goes only to a child care institution. */
export const shelterKinds = ['government', 'ngo', 'ujjawala', 'shakti-sadan', 'child-care-institution'] as const;
export const dischargeReasons = ['repatriated', 'reintegrated-locally', 'transferred', 'reached-adulthood', 'left-on-her-own', 'other'] as const;

export const counsellingKinds = ['individual', 'group', 'family', 'crisis'] as const;
export const healthServices = [
  'medical-examination',
  'treatment',
  'mental-health-care',
  'sexual-and-reproductive-health',
  'hiv-and-sti-care',
  'de-addiction',
  'other',
] as const;
export const educationProgrammes = ['school', 'bridge-course', 'open-schooling', 'literacy', 'vocational-education', 'higher-education'] as const;

export const identityDocuments = ['aadhaar', 'voter-id', 'ration-card', 'bank-account', 'caste-certificate', 'pan'] as const;
export type IdentityDocument = (typeof identityDocuments)[number];
export const documentStatuses = ['applied', 'obtained', 'refused'] as const;

export const repatriationSteps = ['home-investigation-report', 'escort', 'handover'] as const;
export const homeInvestigationOutcomes = ['favourable', 'unfavourable'] as const;
/** A minor is handed over to the Child Welfare Committee of her home district, never straight to the family. */
export const handoverRecipients = ['family', 'child-welfare-committee'] as const;

export const followUpStatuses = ['settled', 'struggling', 'unreachable', 're-trafficked'] as const;
export const retraffickingRisks = ['low', 'medium', 'high'] as const;

export const compensationStages = ['applied', 'awarded', 'paid'] as const;
export const compensationSchemes = ['state-victim-compensation-scheme', 'court-ordered', 'other'] as const;

export const rehabilitationEventTypes = {
  carePlanOpened: 'org.mukti.rehabilitation.care-plan-opened.v1',
  goalSet: 'org.mukti.rehabilitation.care-plan-goal-set.v1',
  /** v2: the shelter's name sealed with her key; v1 (still read) carried it in clear. */
  shelterAdmitted: 'org.mukti.rehabilitation.shelter-admitted.v2',
  shelterAdmittedV1: 'org.mukti.rehabilitation.shelter-admitted.v1',
  /** v2: no shelter name; v1 (still read) carried it in clear. */
  shelterDischarged: 'org.mukti.rehabilitation.shelter-discharged.v2',
  shelterDischargedV1: 'org.mukti.rehabilitation.shelter-discharged.v1',
  counsellingSessionRecorded: 'org.mukti.rehabilitation.counselling-session-recorded.v1',
  healthServiceRecorded: 'org.mukti.rehabilitation.health-service-recorded.v1',
  educationEnrolled: 'org.mukti.rehabilitation.education-enrolled.v1',
  identityDocumentRecorded: 'org.mukti.rehabilitation.identity-document-recorded.v1',
  voterRegistered: 'org.mukti.rehabilitation.voter-registered.v1',
  repatriationStepRecorded: 'org.mukti.rehabilitation.repatriation-step-recorded.v1',
  followUpsScheduled: 'org.mukti.rehabilitation.reintegration-follow-ups-scheduled.v1',
  followUpRecorded: 'org.mukti.rehabilitation.reintegration-follow-up-recorded.v1',
  followUpMissed: 'org.mukti.rehabilitation.reintegration-follow-up-missed.v1',
  compensationRecorded: 'org.mukti.rehabilitation.compensation-recorded.v1',
} as const;

export const CarePlanOpenedV1 = Type.Object(
  {
    personId: Id,
    openedAt: Timestamp,
    origin: oneOf(carePlanOrigins),
    /** The rescue it follows, when it opened by itself. */
    operationId: Type.Optional(Id),
    /** Under 18 or of unknown age: on the child-protection path (child care institution, CWC handover). */
    child: Type.Boolean(),
    goals: Type.Array(oneOf(carePlanDomains), { minItems: 1, uniqueItems: true }),
  },
  {
    additionalProperties: false,
    description:
      'Her care plan was opened. `ce_time` = `openedAt`. A plan is opened in one of two ways:\n' +
      '\n' +
      '- **`rescued`: by itself.** It is a reaction to `org.mukti.rescue.person-rescued.v1`.\n' +
      '- `child` is true when her `jjAgeClass` is not `adult`.\n' +
      '- The goals are the starting set: `safety`, `physical-health`, `mental-health`, ' +
      '`legal-support`, `family-and-repatriation` and `identity-documents`, plus `education` for ' +
      'a child or `livelihood` for an adult.\n' +
      '- `openedAt` is when the reaction ran.\n' +
      '- The envelope has `ce_actorid` `system:rehabilitation` and `ce_actorrole` `system`. It ' +
      'keeps the rescue event\'s `ce_correlationid` and `traceparent`, and sets `ce_causationid` ' +
      'to the rescue event\'s `ce_id`.\n' +
      '- If she already has a plan, nothing is emitted.\n' +
      '- **`referred`: by hand**, for a survivor who came another way.\n' +
      '- `child` is true when her intake age band is under 18 or `unknown`.\n' +
      '- If she already has a plan, the request is refused with 409.\n' +
      '\n' +
      '- `operationId`: the rescue operation it follows; present only when `rescued`\n' +
      '- `child`: under 18, or of unknown age: the child-protection path (a child care ' +
      'institution, and a handover to the CWC)\n' +
      '- `goals`: each goal starts `open`\n' +
      '\n' +
      '**Care-plan domains**: `safety` \\| `physical-health` \\| `mental-health` \\| `education` \\| ' +
      '`identity-documents` \\| `livelihood` \\| `family-and-repatriation` \\| `legal-support`.',
  },
);
export type CarePlanOpenedV1 = Static<typeof CarePlanOpenedV1>;

export const CarePlanGoalSetV1 = Type.Object(
  { personId: Id, domain: oneOf(carePlanDomains), status: oneOf(goalStatuses), setAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'A goal changed status, or a new goal was added. A new goal must start `open` (422 ' +
      'otherwise). Setting the status a goal already has emits nothing. `ce_time` = `setAt`.',
  },
);
export type CarePlanGoalSetV1 = Static<typeof CarePlanGoalSetV1>;

/** A shelter's kind and where it is: coded, and the same in v1 and v2. */
const ShelterPlace = {
  kind: oneOf(shelterKinds),
  state: Type.String({ minLength: 2, maxLength: 80 }),
  district: Type.String({ minLength: 2, maxLength: 80 }),
};

/** A shelter as v1 carried it: its name in clear. */
export const Shelter = Type.Object({ name: Type.String({ minLength: 2, maxLength: 120 }), ...ShelterPlace }, { additionalProperties: false });

/** A shelter from v2 on: its name tells where she is, so it travels sealed with her key. */
export const SealedShelter = Type.Object({ name: SealedPersonalData, ...ShelterPlace }, { additionalProperties: false });

const shelterAdmissionRules =
  'She was admitted to a shelter. `ce_time` = `admittedAt`. These rules apply:\n' +
  '\n' +
  '- She is in one shelter at a time. If she is already in a shelter, the request is refused ' +
  'with 409.\n' +
  '- A child is placed only in a `child-care-institution`, and an adult never in one (JJ Act, ' +
  '422).\n' +
  '\n';
const shelterKindWords =
  '\n' +
  '\n' +
  'The shelter\'s `kind` is `government` \\| `ngo` \\| `ujjawala` \\| `shakti-sadan` \\| ' +
  '`child-care-institution`. Ujjawala and Shakti Sadan are government-funded schemes.';

export const ShelterAdmittedV1 = Type.Object(
  { personId: Id, shelter: Shelter, admittedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      shelterAdmissionRules +
      '- `shelter`: `name` is 2–120 characters, **in clear** (no longer emitted: ' +
      '`shelter-admitted.v2` replaced it, and consumers still accept v1 events until `npm run ' +
      'reseal` turns them into v2s). `state` and `district` are 2–80 characters each' +
      shelterKindWords,
  },
);
export type ShelterAdmittedV1 = Static<typeof ShelterAdmittedV1>;

export const ShelterAdmittedV2 = Type.Object(
  { personId: Id, shelter: SealedShelter, admittedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      shelterAdmissionRules +
      '- `shelter`: `name` (2–120 characters) is **sealed** with her data key by intake, as ' +
      'counselling notes are (the plaintext `{ text }`, associated data `shelter-name:<personId>`): ' +
      'where she stays is where she can be found. `state` and `district` are 2–80 characters each' +
      shelterKindWords,
  },
);
export type ShelterAdmittedV2 = Static<typeof ShelterAdmittedV2>;

const shelterDischargeRules =
  'She left the shelter she was in. If she is in no shelter, the request is refused with 409. ' +
  '`dischargedAt` cannot be before her admission. `ce_time` = `dischargedAt`.';

export const ShelterDischargedV1 = Type.Object(
  { personId: Id, shelterName: Type.String({ minLength: 2, maxLength: 120 }), dischargedAt: Timestamp, reason: oneOf(dischargeReasons) },
  {
    additionalProperties: false,
    description:
      shelterDischargeRules +
      ' No longer emitted: `shelter-discharged.v2` replaced it, and consumers still accept v1 ' +
      'events until `npm run reseal` turns them into v2s.\n' +
      '\n' +
      '- `shelterName`: the shelter she left, **in clear**',
  },
);
export type ShelterDischargedV1 = Static<typeof ShelterDischargedV1>;

export const ShelterDischargedV2 = Type.Object(
  { personId: Id, dischargedAt: Timestamp, reason: oneOf(dischargeReasons) },
  {
    additionalProperties: false,
    description: shelterDischargeRules + ' The shelter is the one of her admission: its name is not repeated.',
  },
);
export type ShelterDischargedV2 = Static<typeof ShelterDischargedV2>;

export const CounsellingSessionRecordedV1 = Type.Object(
  {
    personId: Id,
    sessionId: Id,
    heldAt: Timestamp,
    kind: oneOf(counsellingKinds),
    /** The counsellor's notes, sealed with her key: readable only by counsellors, erased with her. */
    notes: SealedPersonalData,
  },
  {
    additionalProperties: false,
    description:
      'A counselling session was recorded by a counsellor or an admin. `ce_actorid` is the staff ' +
      'member who recorded it. The service creates `sessionId` and returns it. `ce_time` = ' +
      '`heldAt`.\n' +
      '\n' +
      '- `notes`: **personal data, sealed** with her data key (see above)',
  },
);
export type CounsellingSessionRecordedV1 = Static<typeof CounsellingSessionRecordedV1>;

export const HealthServiceRecordedV1 = Type.Object(
  { personId: Id, service: oneOf(healthServices), providedAt: Timestamp, provider: oneOf(['government', 'private', 'ngo'] as const) },
  {
    additionalProperties: false,
    description:
      'She received a health service. `ce_time` = `providedAt`.',
  },
);
export type HealthServiceRecordedV1 = Static<typeof HealthServiceRecordedV1>;

export const EducationEnrolledV1 = Type.Object(
  { personId: Id, programme: oneOf(educationProgrammes), enrolledAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'She was enrolled in an education programme. `ce_time` = `enrolledAt`.',
  },
);
export type EducationEnrolledV1 = Static<typeof EducationEnrolledV1>;

export const IdentityDocumentRecordedV1 = Type.Object(
  { personId: Id, document: oneOf(identityDocuments), status: oneOf(documentStatuses), recordedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'The status of one of her identity documents changed. `ce_time` = `recordedAt`. These rules ' +
      'apply:\n' +
      '\n' +
      '- Recording the status a document already has emits nothing.\n' +
      '- A document that is `obtained` no longer changes (409).\n' +
      '- The first time her `voter-id` is `obtained`, the same commit also emits ' +
      '`voter-registered.v1`.',
  },
);
export type IdentityDocumentRecordedV1 = Static<typeof IdentityDocumentRecordedV1>;

/** On the electoral roll: taking part in democracy is an outcome of its own in the model. */
export const VoterRegisteredV1 = Type.Object(
  { personId: Id, registeredAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'She is on the electoral roll. Taking part in democracy counts as an outcome of its own. ' +
      'This event is emitted only with the first `identity-document-recorded.v1` that records her ' +
      '`voter-id` as `obtained`, and it has the same time. `ce_time` = `registeredAt`.\n' +
      '\n' +
      '- `registeredAt`: the document\'s `recordedAt`',
  },
);
export type VoterRegisteredV1 = Static<typeof VoterRegisteredV1>;

export const RepatriationStepRecordedV1 = Type.Object(
  {
    personId: Id,
    step: oneOf(repatriationSteps),
    at: Timestamp,
    /** Her home state and district (not her address). */
    home: Place,
    homeInvestigationOutcome: Type.Optional(oneOf(homeInvestigationOutcomes)),
    handedOverTo: Type.Optional(oneOf(handoverRecipients)),
  },
  {
    additionalProperties: false,
    description:
      'One step of taking her home was done. `ce_time` = `at`. The steps follow these rules:\n' +
      '\n' +
      '- **Report first.** A `home-investigation-report` comes first, and it states its outcome.\n' +
      '- **Only to a safe home.** `escort` and `handover` are accepted only after the latest ' +
      'report is `favourable`, and only to the home the report found (422 otherwise). She is ' +
      'never sent back to a home found unsafe.\n' +
      '- **Handover.** A `handover` says to whom she was handed over. A child goes to the Child ' +
      'Welfare Committee of her home district, never straight to her family (JJ Act, 422).\n' +
      '- **Once.** She is handed over once. A second handover is refused with 409.\n' +
      '\n' +
      '- `home`: her home state and district, not her address\n' +
      '- `homeInvestigationOutcome`: only on `home-investigation-report`, where it is required\n' +
      '- `handedOverTo`: only on `handover`, where it is required',
  },
);
export type RepatriationStepRecordedV1 = Static<typeof RepatriationStepRecordedV1>;

export const FollowUpsScheduledV1 = Type.Object(
  {
    personId: Id,
    everyMonths: Type.Integer({ minimum: 1, maximum: 12 }),
    forMonths: Type.Integer({ minimum: 1, maximum: 60 }),
    dueDates: Type.Array(Timestamp, { minItems: 1, maxItems: 60 }),
  },
  {
    additionalProperties: false,
    description:
      'Follow-ups after her reintegration were scheduled. They fall every `everyMonths` months ' +
      'after a start date that staff give, for `forMonths` months. For example, every 3 months ' +
      'for 24 months is 8 follow-ups. Scheduling again replaces the follow-ups that were neither ' +
      'held nor missed. The service watches each due date (see ' +
      '`reintegration-follow-up-missed.v1`). `ce_time` is when the schedule was recorded.\n' +
      '\n' +
      '- `forMonths`: at least `everyMonths` (422)\n' +
      '- `dueDates`: calendar months in UTC: a month after 31 January is the last day of February',
  },
);
export type FollowUpsScheduledV1 = Static<typeof FollowUpsScheduledV1>;

export const FollowUpRecordedV1 = Type.Object(
  {
    personId: Id,
    /** The scheduled follow-up it answers. */
    dueAt: Timestamp,
    heldAt: Timestamp,
    status: oneOf(followUpStatuses),
    retraffickingRisk: oneOf(retraffickingRisks),
  },
  {
    additionalProperties: false,
    description:
      'A follow-up was held. It answers the earliest scheduled follow-up that is not yet held, ' +
      'whether or not it was missed. If nothing is scheduled, or every follow-up is already held, ' +
      'the request is refused with 422. `ce_time` = `heldAt`.\n' +
      '\n' +
      '- `dueAt`: the scheduled follow-up it answers',
  },
);
export type FollowUpRecordedV1 = Static<typeof FollowUpRecordedV1>;

/** Not held within the grace period after its due date: an open alert until it is held. */
export const FollowUpMissedV1 = Type.Object(
  { personId: Id, dueAt: Timestamp, flaggedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'A follow-up was not held within 14 days (the grace period) after its due date. No staff ' +
      'member emits this event. The rehabilitation service\'s deadline watch emits it. The ' +
      'envelope of this event is set as follows:\n' +
      '\n' +
      '- `ce_actorid` is `system:rehabilitation` and `ce_actorrole` is `system`;\n' +
      '- `ce_correlationid` is a new id;\n' +
      '- there is no causation id.\n' +
      '\n' +
      'Each follow-up is flagged once. The flag is an open alert until she is seen. `ce_time` = ' +
      '`flaggedAt`.\n' +
      '\n' +
      '- `dueAt`: the follow-up that was missed',
  },
);
export type FollowUpMissedV1 = Static<typeof FollowUpMissedV1>;

export const CompensationRecordedV1 = Type.Object(
  {
    personId: Id,
    stage: oneOf(compensationStages),
    scheme: oneOf(compensationSchemes),
    at: Timestamp,
    /** Awarded or paid, in rupees. */
    amountInr: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  {
    additionalProperties: false,
    description:
      'A stage of victim compensation was reached. `ce_time` = `at`. These rules apply (422 ' +
      'otherwise):\n' +
      '\n' +
      '- `awarded` and `paid` need an amount.\n' +
      '- A payment comes only after an award.\n' +
      '- The payments together never exceed the award.\n' +
      '\n' +
      '- `amountInr`: the rupees awarded, or paid in this payment. Absent for `applied`',
  },
);
export type CompensationRecordedV1 = Static<typeof CompensationRecordedV1>;
