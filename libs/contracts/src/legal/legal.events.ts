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

/** An FIR as it travels from v2 on: its number and police station sealed with the case's key. */
export const SealedFir = Type.Object(
  {
    district: Type.String({ minLength: 2, maxLength: 80 }),
    state: Type.String({ minLength: 2, maxLength: 80 }),
    /** `{ number, policeStation }`, sealed with the case's data key (held by the legal service). */
    numberAndStation: SealedPersonalData,
    registeredAt: Timestamp,
  },
  { additionalProperties: false },
);
export type SealedFir = Static<typeof SealedFir>;

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
  /** v2: the FIR's number and police station sealed with the case's key; v1 (still read) carried them in clear. */
  firRegistered: 'org.mukti.legal.fir-registered.v2',
  firRegisteredV1: 'org.mukti.legal.fir-registered.v1',
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

/** His profile, as profiled and as corrected: the same fields either way. */
const PerpetratorProfile = {
  perpetratorId: Id,
  category: oneOf(perpetratorCategories),
  beneficiary: oneOf(beneficiaryKinds),
  personalData: SealedPersonalData,
  /** Where he is known to operate: state and district only. */
  knownPlaces: Type.Array(Place, { maxItems: 20 }),
};

export const PerpetratorProfiledV1 = Type.Object(
  {
    ...PerpetratorProfile,
    profiledAt: Timestamp,
    /** The legal officer who profiled him: she sees him before any case names him (absent in events from before). */
    profiledBy: Type.Optional(StaffId),
  },
  {
    additionalProperties: false,
    description:
      'Someone who profits from her exploitation was profiled: not only the trafficker, but also ' +
      'the buyer and whoever lends the room, the ride or the money. `ce_time` = `profiledAt`, ' +
      'which is when the profile was recorded. Profiling the same perpetrator twice is refused ' +
      'with 409.\n' +
      '\n' +
      '- `beneficiary`: derived from `category`: `direct` for `trafficker`, `recruiter`, `pimp`, ' +
      '`brothel-keeper` and `buyer`, otherwise `indirect`\n' +
      '- `personalData`: **personal data, sealed** with his data key (see above)\n' +
      '- `knownPlaces`: where he is known to operate. Each place once (compared without case), in ' +
      'the first spelling given\n' +
      '- `profiledBy`: the legal officer who profiled him: she sees him before any case names ' +
      'him',
  },
);
export type PerpetratorProfiledV1 = Static<typeof PerpetratorProfiledV1>;

export const PerpetratorsLinkedV1 = Type.Object(
  { perpetratorId: Id, otherPerpetratorId: Id, link: oneOf(perpetratorLinks), linkedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'Two perpetrators of one network were linked. The link is recorded on the first one\'s ' +
      'record, which is the subject. `ce_time` = `linkedAt`, which is when the link was recorded. ' +
      'Recording a link that already exists (same other perpetrator, same link) emits nothing.\n' +
      '\n' +
      'The request is refused in these cases:\n' +
      '\n' +
      '- the perpetrator is not profiled (404);\n' +
      '- he is linked to himself, or the other perpetrator is not profiled (422).',
  },
);
export type PerpetratorsLinkedV1 = Static<typeof PerpetratorsLinkedV1>;

/**
 * His profile as corrected: the whole of it again (personal data sealed anew with his own key,
 * category, places), replacing what was recorded, with why.
 */
export const PerpetratorProfileCorrectedV1 = Type.Object(
  {
    ...PerpetratorProfile,
    reason: oneOf(perpetratorCorrectionReasons),
    correctedAt: Timestamp,
  },
  {
    additionalProperties: false,
    description:
      'A perpetrator\'s profile was corrected as a whole: his name, aliases, phone and address ' +
      'sealed anew with his own key (never in clear), his category and so whether he profits ' +
      'directly or indirectly, and the places he is known in, replacing what was recorded. Links ' +
      'stay. Corrected by who may see him: who profiled him, the teams of the cases naming him, ' +
      'an admin with a reason. `ce_time` = `correctedAt`.\n' +
      '\n' +
      '- `reason`: a code, never free text\n' +
      '- the request is refused for one not profiled, erased, or not the caller\'s to see (the same 404)',
  },
);
export type PerpetratorProfileCorrectedV1 = Static<typeof PerpetratorProfileCorrectedV1>;

/**
 * His data key was destroyed: every sealed copy of his name, aliases, phone and address, in every
 * topic, database and backup, is unreadable from now on, and he is no longer a profiled
 * perpetrator (he cannot be named or linked). The cases that named him keep his id.
 */
export const PerpetratorErasedV1 = Type.Object(
  { perpetratorId: Id, reason: oneOf(perpetratorErasureReasons), erasedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'A perpetrator\'s profile was erased by an admin with a reason: his data key was destroyed ' +
      'first, so every sealed copy of his name, aliases, phone and address (in his ' +
      '`perpetrator-profiled.v1` and every correction on this topic, in every database and ' +
      'backup) is unreadable. He can no longer be read, named in a case or linked; the cases that ' +
      'named him keep his id. The projection stops counting him. Erasing twice emits one event. ' +
      '`ce_time` = `erasedAt`.\n' +
      '\n' +
      '- `reason`: a code, never free text (a wrongly identified man does not stay on record as a perpetrator)',
  },
);
export type PerpetratorErasedV1 = Static<typeof PerpetratorErasedV1>;

// Cases: every event carries the case's victims, whose timelines it belongs on.

const CaseFacts = { caseId: Id, victimIds: Ids(50) };

/** What an FIR registration records besides the FIR itself: the same in v1 and v2. */
const FirRegistration = {
  ...CaseFacts,
  sections: Type.Array(Section, { minItems: 1, maxItems: 30 }),
  /** Perpetrators named in the FIR. */
  accusedIds: Ids(100),
  /** The main accused, the "kingpin", whether or not the FIR names him. */
  mainAccusedId: Type.Optional(Id),
  /** The legal officer who registered it, the first on its team (absent in events from before cases had teams). */
  registeredBy: Type.Optional(StaffId),
};

const firRegistrationRules =
  'The subject is the case id. `ce_time` = ' +
  '`fir.registeredAt`. The same commit also emits one `survivor-named-as-accused.v1` for each ' +
  'survivor the police listed as accused, with the same time. The event starts the ' +
  'charge-sheet clock (see `charge-sheet-missing.v1`). Victims, survivors accused and accused ' +
  'named twice are kept once.\n' +
  '\n' +
  'The request is refused in these cases:\n' +
  '\n' +
  '- the case is already registered (409);\n' +
  '- `fir.registeredAt` is in the future (422);\n' +
  '- the sections are not valid (422, see above);\n' +
  '- the FIR names neither a victim nor a survivor accused (422);\n' +
  '- a victim or survivor accused is not registered (422), or the caller is not on her case ' +
  'team (404);\n' +
  '- an accused or the main accused is not profiled as a perpetrator (422);\n' +
  '- a victim\'s `share-with-police` consent is not granted (409, `consent missing: ' +
  'share-with-police for person <id>`). Survivors accused need no consent: the police named ' +
  'them themselves.\n' +
  '\n' +
  '- `victimIds`: may be empty when the FIR names only survivors accused\n';

const firRegistrationFields =
  '- `accusedIds`: perpetrators the FIR names. May be empty\n' +
  '- `mainAccusedId`: the main accused ("the kingpin"), whether or not the FIR names him\n' +
  '- `registeredBy`: the legal officer who registered it, the first on the case\'s team';

export const FirRegisteredV1 = Type.Object(
  { ...FirRegistration, fir: Fir },
  {
    additionalProperties: false,
    description:
      'A case was opened with its FIR (no longer emitted: `fir-registered.v2` replaced it, and ' +
      'consumers still accept v1 events until `npm run reseal` turns them into v2s). ' +
      firRegistrationRules +
      '- `fir`: `policeStation` 2–120 characters, `district` and `state` 2–80, `number` 1–40; ' +
      '`registeredAt` is a date-time. The number and police station travel **in clear** in v1\n' +
      firRegistrationFields,
  },
);
export type FirRegisteredV1 = Static<typeof FirRegisteredV1>;

export const FirRegisteredV2 = Type.Object(
  { ...FirRegistration, fir: SealedFir },
  {
    additionalProperties: false,
    description:
      'A case was opened with its FIR. ' +
      firRegistrationRules +
      '- `fir`: `district` and `state` 2–80 characters; `registeredAt` is a date-time. ' +
      '`numberAndStation` is **sealed** with the case\'s own data key, which the legal service ' +
      'holds (`keyId` is the case id; the plaintext `{ number, policeStation }`, `number` 1–40 ' +
      'characters and `policeStation` 2–120, is encrypted with associated data ' +
      '`fir-details:<caseId>`): the number and station lead to the police record that names her. ' +
      'The case\'s team reads them from the case (`GET /cases/{caseId}`). The legal service ' +
      'destroys the key when every victim of the case is erased\n' +
      firRegistrationFields,
  },
);
export type FirRegisteredV2 = Static<typeof FirRegisteredV2>;

/** A perpetrator added to the accused after the FIR, or the main accused named at last. */
export const AccusedNamedV1 = Type.Object(
  { ...CaseFacts, perpetratorId: Id, main: Type.Boolean(), namedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'A perpetrator was added to the accused after the FIR, or the main accused was named at ' +
      'last. `ce_time` = `namedAt`.\n' +
      '\n' +
      'The request is refused in these cases:\n' +
      '\n' +
      '- the perpetrator is not profiled (422);\n' +
      '- `main` is true and another perpetrator is already the main accused (409);\n' +
      '- he is already accused, and the event would not make him the main accused (409).\n' +
      '\n' +
      '- `caseId`, `victimIds`: as on every case event\n' +
      '- `main`: he is the main accused',
  },
);
export type AccusedNamedV1 = Static<typeof AccusedNamedV1>;

export const AccusedArrestedV1 = Type.Object(
  { ...CaseFacts, perpetratorId: Id, arrestedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'An accused was arrested. `ce_time` = `arrestedAt`. If he is not accused in this case, the ' +
      'request is refused with 422. If he is already arrested, it is refused with 409.',
  },
);
export type AccusedArrestedV1 = Static<typeof AccusedArrestedV1>;

export const AccusedAbscondingV1 = Type.Object(
  { ...CaseFacts, perpetratorId: Id, declaredAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'An accused was declared absconding. `ce_time` = `declaredAt`. If he is not accused in this ' +
      'case, the request is refused with 422. If he is already absconding, it is refused with ' +
      '409.',
  },
);
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
  {
    additionalProperties: false,
    description:
      'A stage of bail was reached for an accused perpetrator, or for a survivor the police ' +
      'wrongly charged. `ce_time` = `at`. When the bail is a survivor\'s and a known perpetrator ' +
      'stood surety, the same commit also emits `debt-bondage-suspected.v1` for her, with the ' +
      'same time.\n' +
      '\n' +
      'The request is refused with 422 in these cases:\n' +
      '\n' +
      '- it names both a perpetrator and a survivor, or neither;\n' +
      '- the perpetrator is not accused in this case, or the survivor is not accused in it now;\n' +
      '- `surety` is `known-perpetrator` without a `suretyPerpetratorId`, or that perpetrator is ' +
      'not profiled;\n' +
      '- a `suretyPerpetratorId` is given with another `surety`.\n' +
      '\n' +
      '- `perpetratorId`: the accused perpetrator. Exactly one of `perpetratorId` and `personId`\n' +
      '- `personId`: the survivor accused. The event also goes on her timeline\n' +
      '- `suretyPerpetratorId`: the known perpetrator who stood surety. Only with ' +
      '`known-perpetrator`',
  },
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
  {
    additionalProperties: false,
    description:
      'A charge sheet was filed. A case may have more than one. The first one ends the ' +
      'charge-sheet clock. `ce_time` = `filedAt`.\n' +
      '\n' +
      'The request is refused with 422 in these cases:\n' +
      '\n' +
      '- the sections are not valid (see above);\n' +
      '- it charges no one, or someone who is not accused in this case.\n' +
      '\n' +
      '- `accusedIds`: the accused it charges\n' +
      '- `daysAfterFir`: whole days from `fir.registeredAt` to `filedAt`',
  },
);
export type ChargeSheetFiledV1 = Static<typeof ChargeSheetFiledV1>;

/** Still no charge sheet 60 (then 90) days after the FIR: an open alert until one is filed. */
export const ChargeSheetMissingV1 = Type.Object(
  { ...CaseFacts, daysAfterFir: Type.Union(chargeSheetDeadlinesDays.map((days) => Type.Literal(days))), dueAt: Timestamp, flaggedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'No charge sheet was filed 60 days after the FIR, and then again at 90 days. Past these ' +
      'marks an arrested accused may walk out on default bail (BNSS s.187). No staff member emits ' +
      'this event. The legal service\'s deadline watch emits it, and the watch is scheduled from ' +
      'the service\'s own `fir-registered.v1` events. The envelope of this event is set as ' +
      'follows:\n' +
      '\n' +
      '- `ce_actorid` is `system:legal` and `ce_actorrole` is `system`;\n' +
      '- `ce_correlationid` is a new id;\n' +
      '- there is no causation id.\n' +
      '\n' +
      'Each mark is flagged once. A charge sheet filed, or the case closed, ends the watch and ' +
      'closes the alert. A mark that passes while the watch is down is flagged when it runs ' +
      'again, with the others that have passed. `ce_time` = `flaggedAt`.\n' +
      '\n' +
      '- `daysAfterFir`: the mark that passed\n' +
      '- `dueAt`: `fir.registeredAt` plus that many days',
  },
);
export type ChargeSheetMissingV1 = Static<typeof ChargeSheetMissingV1>;

export const HearingRecordedV1 = Type.Object(
  { ...CaseFacts, heldAt: Timestamp, court: oneOf(courts), stage: oneOf(hearingStages), nextHearingAt: Type.Optional(Timestamp) },
  {
    additionalProperties: false,
    description:
      'A hearing was held. `ce_time` = `heldAt`. If `nextHearingAt` is not after `heldAt`, the ' +
      'request is refused with 422.\n' +
      '\n' +
      '- `court`: see above\n' +
      '- `nextHearingAt`: the next date the court set, if any',
  },
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
  {
    additionalProperties: false,
    description:
      'A victim of the case was supported as a witness. `ce_time` = `at`. The event goes on every ' +
      'victim\'s timeline, but it is about her alone.\n' +
      '\n' +
      'The request is refused in these cases:\n' +
      '\n' +
      '- she is not a victim in this case (422);\n' +
      '- she is a child, or of unknown age (intake age band under 18 or `unknown`), and ' +
      '`inCamera` is false (POCSO s.37, 422);\n' +
      '- her `share-with-courts` consent is not granted (409, `consent missing: share-with-courts ' +
      'for person <id>`).\n' +
      '\n' +
      '- `personId`: the witness\n' +
      '- `supportPerson`: a support person was with her',
  },
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
  {
    additionalProperties: false,
    description:
      'A court gave its verdict on an accused. `ce_time` = `decidedAt`.\n' +
      '\n' +
      'The request is refused in these cases:\n' +
      '\n' +
      '- he is not accused in this case (422);\n' +
      '- this court already gave its verdict on him, and no appeal to it is pending (409);\n' +
      '- a sentence or a fine is given without a conviction (422).\n' +
      '\n' +
      '- `sentenceMonths`: only when `convicted`\n' +
      '- `fineInr`: the fine in rupees. Only when `convicted`',
  },
);
export type VerdictRecordedV1 = Static<typeof VerdictRecordedV1>;

export const AppealFiledV1 = Type.Object(
  { ...CaseFacts, perpetratorId: Id, appellant: oneOf(appellants), court: oneOf(courts), filedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'A verdict on an accused was appealed. The court appealed to may then give its verdict on ' +
      'him, again if it already gave one. `ce_time` = `filedAt`. If there is no verdict on him, ' +
      'or `filedAt` is before his first verdict, the request is refused with 422.\n' +
      '\n' +
      '- `court`: the court appealed to',
  },
);
export type AppealFiledV1 = Static<typeof AppealFiledV1>;

/** Premises used as a brothel closed by a magistrate's order (ITPA s.18). */
export const PremisesClosedV1 = Type.Object(
  { ...CaseFacts, closedAt: Timestamp, place: Place },
  {
    additionalProperties: false,
    description:
      'Premises used as a brothel were closed by a magistrate\'s order (ITPA s.18). `ce_time` = ' +
      '`closedAt`.\n' +
      '\n' +
      '- `place`: not the address',
  },
);
export type PremisesClosedV1 = Static<typeof PremisesClosedV1>;

export const PropertyAttachedV1 = Type.Object(
  { ...CaseFacts, attachedAt: Timestamp, kind: oneOf(propertyKinds), valueInr: Type.Optional(Type.Integer({ minimum: 1 })) },
  {
    additionalProperties: false,
    description:
      'Property of the accused was attached. `ce_time` = `attachedAt`.\n' +
      '\n' +
      '- `valueInr`: its value in rupees, if known',
  },
);
export type PropertyAttachedV1 = Static<typeof PropertyAttachedV1>;

export const CompensationOrderedV1 = Type.Object(
  { ...CaseFacts, personId: Id, orderedAt: Timestamp, amountInr: Type.Integer({ minimum: 1 }), payableBy: oneOf(compensationPayers) },
  {
    additionalProperties: false,
    description:
      'A court ordered compensation to a victim of the case. `ce_time` = `orderedAt`. If she is ' +
      'not a victim in this case, the request is refused with 422. The event goes on every ' +
      'victim\'s timeline, but it is about her alone.\n' +
      '\n' +
      '- `personId`: the victim it is ordered to',
  },
);
export type CompensationOrderedV1 = Static<typeof CompensationOrderedV1>;

export const CaseClosedV1 = Type.Object(
  { ...CaseFacts, closedAt: Timestamp, reason: oneOf(caseClosureReasons) },
  {
    additionalProperties: false,
    description:
      'The case was closed. From then on every command on it is refused with 409. `ce_time` = ' +
      '`closedAt`. The reason `verdicts-final` is refused with 422 until every accused has a ' +
      'verdict and no appeal is pending (the details list the `perpetratorIds` in the way).',
  },
);
export type CaseClosedV1 = Static<typeof CaseClosedV1>;

/** A legal officer joined the case's team (added by a member, or by an admin): the team reads the case and acts on it. */
export const CaseTeamJoinedV1 = Type.Object(
  { ...CaseFacts, staffId: StaffId, addedBy: StaffId, joinedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'A legal officer joined the case\'s team. The team (who registered the FIR, named as ' +
      '`registeredBy` on `fir-registered.v1`, and who joined) reads the case and acts on it; ' +
      'anyone else gets the 404 of a case never registered. A member (or an admin with a reason) ' +
      'adds others; adding her again emits nothing. Like every case event it carries the victims, ' +
      'on whose timelines it goes. `ce_time` = `joinedAt`.\n' +
      '\n' +
      '- `staffId`: who joined\n' +
      '- `addedBy`: who added her',
  },
);
export type CaseTeamJoinedV1 = Static<typeof CaseTeamJoinedV1>;

// Alerts about a survivor: on her timeline, keyed by her id.

/** The police or a court listed her as accused: the decriminalisation alert, open until dropped. */
export const SurvivorNamedAsAccusedV1 = Type.Object(
  { personId: Id, caseId: Id, namedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'The police or a court listed a survivor as accused. A survivor is never an offender: the ' +
      'platform records this as it is, and raises the **decriminalisation alert**, which stays ' +
      'open until `survivor-accusation-dropped.v1`. The subject is her id. `ce_time` = `namedAt`.\n' +
      '\n' +
      'It is emitted in one of two ways:\n' +
      '\n' +
      '- **With the FIR**, for each survivor it lists as accused. `namedAt` is ' +
      '`fir.registeredAt`.\n' +
      '- **Later, by hand.** If she is not registered, the request is refused with 422. If she is ' +
      'already accused in this case, nothing is emitted.',
  },
);
export type SurvivorNamedAsAccusedV1 = Static<typeof SurvivorNamedAsAccusedV1>;

export const SurvivorAccusationDroppedV1 = Type.Object(
  { personId: Id, caseId: Id, droppedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'The accusation against her was dropped, and the decriminalisation alert of this case ' +
      'closes. The subject is her id. `ce_time` = `droppedAt`. If she is not accused in this case ' +
      'now, the request is refused with 422.',
  },
);
export type SurvivorAccusationDroppedV1 = Static<typeof SurvivorAccusationDroppedV1>;

/** A known perpetrator stood surety for her bail: she may be bound to him by the debt. */
export const DebtBondageSuspectedV1 = Type.Object(
  { personId: Id, caseId: Id, suretyPerpetratorId: Id, suspectedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'A known perpetrator stood surety for her bail, so she may be bound to him by a debt. This ' +
      'event is emitted only with a `bail-recorded.v1` of a survivor accused whose `surety` is ' +
      '`known-perpetrator`, and it has the same time. The subject is her id. `ce_time` = ' +
      '`suspectedAt` = the bail\'s `at`. The alert stays open: no event closes it.',
  },
);
export type DebtBondageSuspectedV1 = Static<typeof DebtBondageSuspectedV1>;

/** She withdrew a consent that names her to the law while a case of hers is open. */
export const ConsentWithdrawnOnOpenCaseV1 = Type.Object(
  { personId: Id, caseId: Id, scope: oneOf(namingScopes), withdrawnAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'She withdrew a consent that names her to the law while a case of hers is open, so her ' +
      'legal officer acts before anyone names her again. The service emits it by itself, as a ' +
      'reaction to `org.mukti.intake.consent-recorded.v1` with `decision` `withdrawn` and `scope` ' +
      '`share-with-police` or `share-with-courts`. It emits one for each open case in which she ' +
      'is a victim (the service finds them from its own `fir-registered.v1` events). A closed ' +
      'case emits nothing. The subject is her id. `ce_time` = `withdrawnAt` = the consent\'s ' +
      '`decidedAt`.\n' +
      '\n' +
      'The envelope of this event is set as follows:\n' +
      '\n' +
      '- `ce_actorid` is `system:legal` and `ce_actorrole` is `system`;\n' +
      '- it keeps the intake event\'s `ce_correlationid`;\n' +
      '- `ce_causationid` is the intake event\'s `ce_id`.\n' +
      '\n' +
      'The alert stays open until the case is closed.',
  },
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
  {
    additionalProperties: false,
    description:
      'A training was held for those who enforce the law or care for survivors. The subject is ' +
      'the session id. `ce_time` = `heldAt`. The service watches the refresher\'s due date (see ' +
      '`training-refresher-overdue.v1`), and keeps the register of sessions that legal staff list ' +
      '(`GET /training-sessions`). A session that refreshes an earlier one ends that one\'s watch, ' +
      'and clears its overdue flag in the register.\n' +
      '\n' +
      'The request is refused in these cases:\n' +
      '\n' +
      '- the session is already recorded (409);\n' +
      '- `heldAt` is in the future (422; no allowance for clock skew here);\n' +
      '- `refresherDueAt` is not after `heldAt` (422);\n' +
      '- the session refreshes itself, or a session that is not recorded (422).\n' +
      '\n' +
      '- `trainerId`: the staff member who trained them\n' +
      '- `participantNames`: **personal data, sealed** with the session\'s data key (see above). ' +
      'Present only when names were given\n' +
      '- `refresherDueAt`: as given, or 12 calendar months after `heldAt` (UTC; past the month\'s ' +
      'end, its last day)\n' +
      '- `refreshesTrainingId`: the earlier session this one refreshes\n' +
      '- `district`, `state`: where it was held',
  },
);
export type TrainingSessionHeldV1 = Static<typeof TrainingSessionHeldV1>;

export const TrainingRefresherOverdueV1 = Type.Object(
  { trainingId: Id, audience: oneOf(trainingAudiences), dueAt: Timestamp, flaggedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'A session\'s refresher fell due, and no later session refreshed it. No staff member emits ' +
      'this event. The legal service\'s deadline watch emits it, and the watch is scheduled from ' +
      'the service\'s own `training-session-held.v1` events. The envelope of this event is set as ' +
      'follows:\n' +
      '\n' +
      '- `ce_actorid` is `system:legal` and `ce_actorrole` is `system`;\n' +
      '- `ce_correlationid` is a new id;\n' +
      '- there is no causation id.\n' +
      '\n' +
      'Each session is flagged once. The flag stays in the register until a later session ' +
      'refreshes this one. `ce_time` = `flaggedAt`.\n' +
      '\n' +
      '- `audience`: the session\'s\n' +
      '- `dueAt`: its `refresherDueAt`',
  },
);
export type TrainingRefresherOverdueV1 = Static<typeof TrainingRefresherOverdueV1>;
