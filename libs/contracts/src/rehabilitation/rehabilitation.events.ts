/**
 * Events of the rehabilitation service: a survivor's care plan and everything done under it,
 * from shelter to reintegration. Every event's subject is the person. Counselling notes are
 * personal data and travel sealed with her key; everything else is coded.
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
  shelterAdmitted: 'org.mukti.rehabilitation.shelter-admitted.v1',
  shelterDischarged: 'org.mukti.rehabilitation.shelter-discharged.v1',
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
  { additionalProperties: false },
);
export type CarePlanOpenedV1 = Static<typeof CarePlanOpenedV1>;

export const CarePlanGoalSetV1 = Type.Object(
  { personId: Id, domain: oneOf(carePlanDomains), status: oneOf(goalStatuses), setAt: Timestamp },
  { additionalProperties: false },
);
export type CarePlanGoalSetV1 = Static<typeof CarePlanGoalSetV1>;

/** A shelter is an institution (its public name is not her personal data), in a state and district. */
export const Shelter = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 120 }),
    kind: oneOf(shelterKinds),
    state: Type.String({ minLength: 2, maxLength: 80 }),
    district: Type.String({ minLength: 2, maxLength: 80 }),
  },
  { additionalProperties: false },
);

export const ShelterAdmittedV1 = Type.Object({ personId: Id, shelter: Shelter, admittedAt: Timestamp }, { additionalProperties: false });
export type ShelterAdmittedV1 = Static<typeof ShelterAdmittedV1>;

export const ShelterDischargedV1 = Type.Object(
  { personId: Id, shelterName: Type.String({ minLength: 2, maxLength: 120 }), dischargedAt: Timestamp, reason: oneOf(dischargeReasons) },
  { additionalProperties: false },
);
export type ShelterDischargedV1 = Static<typeof ShelterDischargedV1>;

export const CounsellingSessionRecordedV1 = Type.Object(
  {
    personId: Id,
    sessionId: Id,
    heldAt: Timestamp,
    kind: oneOf(counsellingKinds),
    /** The counsellor's notes, sealed with her key: readable only by counsellors, erased with her. */
    notes: SealedPersonalData,
  },
  { additionalProperties: false },
);
export type CounsellingSessionRecordedV1 = Static<typeof CounsellingSessionRecordedV1>;

export const HealthServiceRecordedV1 = Type.Object(
  { personId: Id, service: oneOf(healthServices), providedAt: Timestamp, provider: oneOf(['government', 'private', 'ngo'] as const) },
  { additionalProperties: false },
);
export type HealthServiceRecordedV1 = Static<typeof HealthServiceRecordedV1>;

export const EducationEnrolledV1 = Type.Object(
  { personId: Id, programme: oneOf(educationProgrammes), enrolledAt: Timestamp },
  { additionalProperties: false },
);
export type EducationEnrolledV1 = Static<typeof EducationEnrolledV1>;

export const IdentityDocumentRecordedV1 = Type.Object(
  { personId: Id, document: oneOf(identityDocuments), status: oneOf(documentStatuses), recordedAt: Timestamp },
  { additionalProperties: false },
);
export type IdentityDocumentRecordedV1 = Static<typeof IdentityDocumentRecordedV1>;

/** On the electoral roll: taking part in democracy is an outcome of its own in the model. */
export const VoterRegisteredV1 = Type.Object({ personId: Id, registeredAt: Timestamp }, { additionalProperties: false });
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
  { additionalProperties: false },
);
export type RepatriationStepRecordedV1 = Static<typeof RepatriationStepRecordedV1>;

export const FollowUpsScheduledV1 = Type.Object(
  {
    personId: Id,
    everyMonths: Type.Integer({ minimum: 1, maximum: 12 }),
    forMonths: Type.Integer({ minimum: 1, maximum: 60 }),
    dueDates: Type.Array(Timestamp, { minItems: 1, maxItems: 60 }),
  },
  { additionalProperties: false },
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
  { additionalProperties: false },
);
export type FollowUpRecordedV1 = Static<typeof FollowUpRecordedV1>;

/** Not held within the grace period after its due date: an open alert until it is held. */
export const FollowUpMissedV1 = Type.Object({ personId: Id, dueAt: Timestamp, flaggedAt: Timestamp }, { additionalProperties: false });
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
  { additionalProperties: false },
);
export type CompensationRecordedV1 = Static<typeof CompensationRecordedV1>;
