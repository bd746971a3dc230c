/**
 * Events of the legal service: the prosecution pillar. Perpetrators (everyone who profits, not
 * only the trafficker), cases from the FIR to the verdict, victim-witness support given only with
 * her consent, and the training of those who enforce the law. A survivor is never an offender:
 * naming her as accused is recorded, and raised as an alert until it is undone.
 *
 * Subjects: a perpetrator's events are keyed by his id, a case's by its id (and carry the ids of
 * its victims, whose timelines they belong on), a training session's by its id; the alerts about
 * a survivor are keyed by her id. Perpetrators' personal data travels sealed with their own key,
 * kept by the legal service; no event of a case carries it.
 */
import { Type, Static } from '@sinclair/typebox';
import { oneOf, Place, Id, Timestamp } from '../vocabulary';
import { SealedPersonalData } from '../personal-data';

const Ids = (maxItems: number) => Type.Array(Id, { maxItems, uniqueItems: true });

export const perpetratorCategories = [
  'trafficker',
  'recruiter',
  'pimp',
  'brothel-keeper',
  'buyer',
  'hotel-or-lodge-owner',
  'bar-owner',
  'massage-parlour-owner',
  'transporter',
  'landlord-or-housing-provider',
  'solicitor',
  'family-member-living-off-earnings',
  'online-facilitator',
  'financier',
  'other',
] as const;
export type PerpetratorCategory = (typeof perpetratorCategories)[number];

export const beneficiaryKinds = ['direct', 'indirect'] as const;
export type BeneficiaryKind = (typeof beneficiaryKinds)[number];

/**
 * Who profits directly from her exploitation (and the buyer, whose demand drives it) and who
 * profits indirectly by lending the market a room, a bar, a ride, a phone or money. The model
 * prosecutes both; indicators count them apart, and buyers apart again.
 */
const directCategories: readonly PerpetratorCategory[] = ['trafficker', 'recruiter', 'pimp', 'brothel-keeper', 'buyer'];
export function beneficiaryOf(category: PerpetratorCategory): BeneficiaryKind {
  return directCategories.includes(category) ? 'direct' : 'indirect';
}

/** How two perpetrators are connected in a network. */
export const perpetratorLinks = ['works-for', 'works-with', 'supplies', 'finances', 'family', 'other'] as const;

/** Why his profile was corrected: a code, never free text (what is written about him must be erasable with him). */
export const perpetratorCorrectionReasons = ['details-misrecorded', 'new-information', 'category-misjudged'] as const;
export type PerpetratorCorrectionReason = (typeof perpetratorCorrectionReasons)[number];

/** Why his profile was erased: a wrongly identified man must not stay on record as a perpetrator. */
export const perpetratorErasureReasons = ['wrongly-identified', 'duplicate-record', 'court-order', 'retention-period-ended'] as const;
export type PerpetratorErasureReason = (typeof perpetratorErasureReasons)[number];

/** Acts a FIR or charge sheet cites. ITPA offences are s.3 to s.9; BNS 2023 s.143 (trafficking), s.144 (exploiting a trafficked person). */
export const acts = ['itpa', 'bns', 'pocso', 'jj-act', 'it-act', 'ipc', 'other'] as const;
export type Act = (typeof acts)[number];
export const Section = Type.Object(
  {
    act: oneOf(acts),
    /** The section as the act numbers it: 5, 143, 66E, 370(3). */
    section: Type.String({ pattern: '^[0-9]{1,3}[A-Z]{0,2}(\\([0-9a-z]{1,4}\\))*$', maxLength: 20 }),
  },
  { additionalProperties: false },
);
export type Section = Static<typeof Section>;

export const Fir = Type.Object(
  {
    policeStation: Type.String({ minLength: 2, maxLength: 120 }),
    district: Type.String({ minLength: 2, maxLength: 80 }),
    state: Type.String({ minLength: 2, maxLength: 80 }),
    number: Type.String({ minLength: 1, maxLength: 40 }),
    registeredAt: Timestamp,
  },
  { additionalProperties: false },
);
export type Fir = Static<typeof Fir>;

export const bailStages = ['applied', 'granted', 'refused'] as const;
/** Who stood surety: a perpetrator known to the organisation is a sign of debt bondage. */
export const suretyKinds = ['known-perpetrator', 'family', 'organisation', 'other', 'none'] as const;
export const courts = ['magistrate', 'sessions-court', 'special-court-itpa', 'special-court-pocso', 'high-court', 'supreme-court'] as const;
export const hearingStages = [
  'bail',
  'framing-of-charges',
  'prosecution-evidence',
  'defence-evidence',
  'arguments',
  'judgment',
  'other',
] as const;
export const testimonyKinds = ['statement-to-magistrate', 'deposition-in-court', 'cross-examination'] as const;
export const protectionMeasures = [
  'identity-withheld',
  'screen-in-court',
  'video-link',
  'police-protection',
  'relocation',
  'separate-waiting-area',
] as const;
export const verdictOutcomes = ['convicted', 'acquitted'] as const;
export const appellants = ['prosecution', 'accused', 'victim'] as const;
export const propertyKinds = ['land-or-building', 'bank-account', 'vehicle', 'other'] as const;
export const compensationPayers = ['state', 'accused'] as const;
export const caseClosureReasons = ['verdicts-final', 'quashed', 'withdrawn', 'transferred-out', 'abated'] as const;
/** The consent scopes that name her to the law: an FIR names her to the police, witness support to a court. */
export const namingScopes = ['share-with-police', 'share-with-courts'] as const;
/**
 * Without a charge sheet 60 or 90 days into custody, the accused may walk out on default bail
 * (BNSS s.187). Counted here from the FIR, which arrests in these cases follow within days.
 */
export const chargeSheetDeadlinesDays = [60, 90] as const;

export const trainingAudiences = [
  'police-and-ahtu',
  'prosecutors',
  'judiciary',
  'child-welfare-committee',
  'shelter-staff',
  'labour-department',
  'ngo-staff',
] as const;
export const trainingTopics = [
  'trafficking-law',
  'victim-identification',
  'victim-centred-investigation',
  'decriminalisation-of-victims',
  'child-protection',
  'victim-witness-protection',
  'victim-compensation',
  'trauma-informed-care',
  'financial-investigation',
  'other',
] as const;

export const legalEventTypes = {
  perpetratorProfiled: 'org.mukti.legal.perpetrator-profiled.v1',
  perpetratorsLinked: 'org.mukti.legal.perpetrators-linked.v1',
  perpetratorProfileCorrected: 'org.mukti.legal.perpetrator-profile-corrected.v1',
  perpetratorErased: 'org.mukti.legal.perpetrator-erased.v1',
  firRegistered: 'org.mukti.legal.fir-registered.v1',
  accusedNamed: 'org.mukti.legal.accused-named.v1',
  accusedArrested: 'org.mukti.legal.accused-arrested.v1',
  accusedAbsconding: 'org.mukti.legal.accused-absconding.v1',
  bailRecorded: 'org.mukti.legal.bail-recorded.v1',
  chargeSheetFiled: 'org.mukti.legal.charge-sheet-filed.v1',
  chargeSheetMissing: 'org.mukti.legal.charge-sheet-missing.v1',
  hearingRecorded: 'org.mukti.legal.hearing-recorded.v1',
  witnessSupportRecorded: 'org.mukti.legal.victim-witness-support-recorded.v1',
  verdictRecorded: 'org.mukti.legal.verdict-recorded.v1',
  appealFiled: 'org.mukti.legal.appeal-filed.v1',
  premisesClosed: 'org.mukti.legal.premises-closed.v1',
  propertyAttached: 'org.mukti.legal.property-attached.v1',
  compensationOrdered: 'org.mukti.legal.compensation-ordered.v1',
  caseClosed: 'org.mukti.legal.case-closed.v1',
  caseTeamJoined: 'org.mukti.legal.case-team-joined.v1',
  survivorNamedAsAccused: 'org.mukti.legal.survivor-named-as-accused.v1',
  survivorAccusationDropped: 'org.mukti.legal.survivor-accusation-dropped.v1',
  debtBondageSuspected: 'org.mukti.legal.debt-bondage-suspected.v1',
  consentWithdrawnOnOpenCase: 'org.mukti.legal.consent-withdrawn-on-open-case.v1',
  trainingSessionHeld: 'org.mukti.legal.training-session-held.v1',
  trainingRefresherOverdue: 'org.mukti.legal.training-refresher-overdue.v1',
} as const;

/** A staff member's subject in the identity provider. */
const StaffId = Type.String({ minLength: 1, maxLength: 200 });

// Perpetrators

/** Name, aliases, phone and address: sealed with his own key, like a survivor's. */
export type PerpetratorPersonalData = { name: string; aliases?: string[]; phone?: string; address?: string };

export const PerpetratorProfiledV1 = Type.Object(
  {
    perpetratorId: Id,
    category: oneOf(perpetratorCategories),
    beneficiary: oneOf(beneficiaryKinds),
    personalData: SealedPersonalData,
    /** Where he is known to operate: state and district only. */
    knownPlaces: Type.Array(Place, { maxItems: 20 }),
    profiledAt: Timestamp,
    /** The legal officer who profiled him: she sees him before any case names him (absent in events from before). */
    profiledBy: Type.Optional(StaffId),
  },
  { additionalProperties: false },
);
export type PerpetratorProfiledV1 = Static<typeof PerpetratorProfiledV1>;

export const PerpetratorsLinkedV1 = Type.Object(
  { perpetratorId: Id, otherPerpetratorId: Id, link: oneOf(perpetratorLinks), linkedAt: Timestamp },
  { additionalProperties: false },
);
export type PerpetratorsLinkedV1 = Static<typeof PerpetratorsLinkedV1>;

/**
 * His profile as corrected: the whole of it again (personal data sealed anew with his own key,
 * category, places), replacing what was recorded, with why.
 */
export const PerpetratorProfileCorrectedV1 = Type.Object(
  {
    perpetratorId: Id,
    category: oneOf(perpetratorCategories),
    beneficiary: oneOf(beneficiaryKinds),
    personalData: SealedPersonalData,
    knownPlaces: Type.Array(Place, { maxItems: 20 }),
    reason: oneOf(perpetratorCorrectionReasons),
    correctedAt: Timestamp,
  },
  { additionalProperties: false },
);
export type PerpetratorProfileCorrectedV1 = Static<typeof PerpetratorProfileCorrectedV1>;

/**
 * His data key was destroyed: every sealed copy of his name, aliases, phone and address, in every
 * topic, database and backup, is unreadable from now on, and he is no longer a profiled
 * perpetrator (he cannot be named or linked). The cases that named him keep his id.
 */
export const PerpetratorErasedV1 = Type.Object(
  { perpetratorId: Id, reason: oneOf(perpetratorErasureReasons), erasedAt: Timestamp },
  { additionalProperties: false },
);
export type PerpetratorErasedV1 = Static<typeof PerpetratorErasedV1>;

// Cases: every event carries the case's victims, whose timelines it belongs on.

const CaseFacts = { caseId: Id, victimIds: Ids(50) };

export const FirRegisteredV1 = Type.Object(
  {
    ...CaseFacts,
    fir: Fir,
    sections: Type.Array(Section, { minItems: 1, maxItems: 30 }),
    /** Perpetrators named in the FIR. */
    accusedIds: Ids(100),
    /** The main accused, the "kingpin", whether or not the FIR names him. */
    mainAccusedId: Type.Optional(Id),
    /** The legal officer who registered it, the first on its team (absent in events from before cases had teams). */
    registeredBy: Type.Optional(StaffId),
  },
  { additionalProperties: false },
);
export type FirRegisteredV1 = Static<typeof FirRegisteredV1>;

/** A perpetrator added to the accused after the FIR, or the main accused named at last. */
export const AccusedNamedV1 = Type.Object({ ...CaseFacts, perpetratorId: Id, main: Type.Boolean(), namedAt: Timestamp }, { additionalProperties: false });
export type AccusedNamedV1 = Static<typeof AccusedNamedV1>;

export const AccusedArrestedV1 = Type.Object({ ...CaseFacts, perpetratorId: Id, arrestedAt: Timestamp }, { additionalProperties: false });
export type AccusedArrestedV1 = Static<typeof AccusedArrestedV1>;

export const AccusedAbscondingV1 = Type.Object({ ...CaseFacts, perpetratorId: Id, declaredAt: Timestamp }, { additionalProperties: false });
export type AccusedAbscondingV1 = Static<typeof AccusedAbscondingV1>;

/** Bail of an accused perpetrator, or of a survivor the police wrongly charged (exactly one of the two ids). */
export const BailRecordedV1 = Type.Object(
  {
    ...CaseFacts,
    perpetratorId: Type.Optional(Id),
    personId: Type.Optional(Id),
    stage: oneOf(bailStages),
    at: Timestamp,
    surety: Type.Optional(oneOf(suretyKinds)),
    /** The known perpetrator who stood surety. */
    suretyPerpetratorId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type BailRecordedV1 = Static<typeof BailRecordedV1>;

export const ChargeSheetFiledV1 = Type.Object(
  {
    ...CaseFacts,
    filedAt: Timestamp,
    sections: Type.Array(Section, { minItems: 1, maxItems: 30 }),
    accusedIds: Ids(100),
    daysAfterFir: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type ChargeSheetFiledV1 = Static<typeof ChargeSheetFiledV1>;

/** Still no charge sheet 60 (then 90) days after the FIR: an open alert until one is filed. */
export const ChargeSheetMissingV1 = Type.Object(
  { ...CaseFacts, daysAfterFir: Type.Union(chargeSheetDeadlinesDays.map((days) => Type.Literal(days))), dueAt: Timestamp, flaggedAt: Timestamp },
  { additionalProperties: false },
);
export type ChargeSheetMissingV1 = Static<typeof ChargeSheetMissingV1>;

export const HearingRecordedV1 = Type.Object(
  { ...CaseFacts, heldAt: Timestamp, court: oneOf(courts), stage: oneOf(hearingStages), nextHearingAt: Type.Optional(Timestamp) },
  { additionalProperties: false },
);
export type HearingRecordedV1 = Static<typeof HearingRecordedV1>;

/** Support of one victim as a witness: only with her consent to be named to a court. */
export const WitnessSupportRecordedV1 = Type.Object(
  {
    ...CaseFacts,
    personId: Id,
    at: Timestamp,
    testimony: Type.Optional(oneOf(testimonyKinds)),
    inCamera: Type.Boolean(),
    supportPerson: Type.Boolean(),
    protectionMeasures: Type.Array(oneOf(protectionMeasures), { maxItems: protectionMeasures.length, uniqueItems: true }),
    travelSupported: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type WitnessSupportRecordedV1 = Static<typeof WitnessSupportRecordedV1>;

export const VerdictRecordedV1 = Type.Object(
  {
    ...CaseFacts,
    perpetratorId: Id,
    outcome: oneOf(verdictOutcomes),
    decidedAt: Timestamp,
    court: oneOf(courts),
    /** Convicted: the sentence in months and the fine in rupees, where given. */
    sentenceMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 1200 })),
    fineInr: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type VerdictRecordedV1 = Static<typeof VerdictRecordedV1>;

export const AppealFiledV1 = Type.Object(
  { ...CaseFacts, perpetratorId: Id, appellant: oneOf(appellants), court: oneOf(courts), filedAt: Timestamp },
  { additionalProperties: false },
);
export type AppealFiledV1 = Static<typeof AppealFiledV1>;

/** Premises used as a brothel closed by a magistrate's order (ITPA s.18). */
export const PremisesClosedV1 = Type.Object({ ...CaseFacts, closedAt: Timestamp, place: Place }, { additionalProperties: false });
export type PremisesClosedV1 = Static<typeof PremisesClosedV1>;

export const PropertyAttachedV1 = Type.Object(
  { ...CaseFacts, attachedAt: Timestamp, kind: oneOf(propertyKinds), valueInr: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
export type PropertyAttachedV1 = Static<typeof PropertyAttachedV1>;

export const CompensationOrderedV1 = Type.Object(
  { ...CaseFacts, personId: Id, orderedAt: Timestamp, amountInr: Type.Integer({ minimum: 1 }), payableBy: oneOf(compensationPayers) },
  { additionalProperties: false },
);
export type CompensationOrderedV1 = Static<typeof CompensationOrderedV1>;

export const CaseClosedV1 = Type.Object({ ...CaseFacts, closedAt: Timestamp, reason: oneOf(caseClosureReasons) }, { additionalProperties: false });
export type CaseClosedV1 = Static<typeof CaseClosedV1>;

/** A legal officer joined the case's team (added by a member, or by an admin): the team reads the case and acts on it. */
export const CaseTeamJoinedV1 = Type.Object({ ...CaseFacts, staffId: StaffId, addedBy: StaffId, joinedAt: Timestamp }, { additionalProperties: false });
export type CaseTeamJoinedV1 = Static<typeof CaseTeamJoinedV1>;

// Alerts about a survivor: on her timeline, keyed by her id.

/** The police or a court listed her as accused: the decriminalisation alert, open until dropped. */
export const SurvivorNamedAsAccusedV1 = Type.Object({ personId: Id, caseId: Id, namedAt: Timestamp }, { additionalProperties: false });
export type SurvivorNamedAsAccusedV1 = Static<typeof SurvivorNamedAsAccusedV1>;

export const SurvivorAccusationDroppedV1 = Type.Object({ personId: Id, caseId: Id, droppedAt: Timestamp }, { additionalProperties: false });
export type SurvivorAccusationDroppedV1 = Static<typeof SurvivorAccusationDroppedV1>;

/** A known perpetrator stood surety for her bail: she may be bound to him by the debt. */
export const DebtBondageSuspectedV1 = Type.Object(
  { personId: Id, caseId: Id, suretyPerpetratorId: Id, suspectedAt: Timestamp },
  { additionalProperties: false },
);
export type DebtBondageSuspectedV1 = Static<typeof DebtBondageSuspectedV1>;

/** She withdrew a consent that names her to the law while a case of hers is open. */
export const ConsentWithdrawnOnOpenCaseV1 = Type.Object(
  { personId: Id, caseId: Id, scope: oneOf(namingScopes), withdrawnAt: Timestamp },
  { additionalProperties: false },
);
export type ConsentWithdrawnOnOpenCaseV1 = Static<typeof ConsentWithdrawnOnOpenCaseV1>;

// Training of service providers

export const TrainingSessionHeldV1 = Type.Object(
  {
    trainingId: Id,
    audience: oneOf(trainingAudiences),
    topic: oneOf(trainingTopics),
    heldAt: Timestamp,
    /** The staff member who trained them. */
    trainerId: Type.String({ minLength: 1, maxLength: 100 }),
    participantCount: Type.Integer({ minimum: 1, maximum: 10_000 }),
    /** Participants' names where given: personal data, sealed with the session's own key. */
    participantNames: Type.Optional(SealedPersonalData),
    refresherDueAt: Timestamp,
    /** The earlier session this one refreshes: its refresher is done. */
    refreshesTrainingId: Type.Optional(Id),
    district: Type.String({ minLength: 2, maxLength: 80 }),
    state: Type.String({ minLength: 2, maxLength: 80 }),
  },
  { additionalProperties: false },
);
export type TrainingSessionHeldV1 = Static<typeof TrainingSessionHeldV1>;

export const TrainingRefresherOverdueV1 = Type.Object(
  { trainingId: Id, audience: oneOf(trainingAudiences), dueAt: Timestamp, flaggedAt: Timestamp },
  { additionalProperties: false },
);
export type TrainingRefresherOverdueV1 = Static<typeof TrainingRefresherOverdueV1>;
