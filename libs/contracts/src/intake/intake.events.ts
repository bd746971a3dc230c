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
  /** v2: the village or ward sealed with the household's key; v1 (still read) carried it in clear. */
  householdRegistered: 'org.mukti.intake.household-registered.v2',
  householdRegisteredV1: 'org.mukti.intake.household-registered.v1',
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
  {
    additionalProperties: false,
    description:
      'A survivor or a person at risk was registered. `ce_time` = `registeredAt`. If the person ' +
      'who registers her has a case role (caseworker or rescue-coordinator), the same commit also ' +
      'emits `staff-assigned.v1` for that person, with the same time.\n' +
      '\n' +
      '- `personalData`: **personal data, sealed** with her data key (see below)\n' +
      '- `ageBand`: see [Age bands](#age-bands)\n' +
      '- `origin`: where she comes from (the source of the flow)\n' +
      '\n' +
      '`personalData` is `{ keyId, algorithm, iv, ciphertext, authTag }`:\n' +
      '\n' +
      '- `keyId` is the person\'s id;\n' +
      '- `algorithm` is `"AES-256-GCM"`;\n' +
      '- `iv` (12 bytes), `ciphertext` and `authTag` are base64.\n' +
      '\n' +
      'The plaintext is the JSON `{ name, aliases, phone?, address?, birthDate? }`, encrypted ' +
      'with associated data `personal-data:<personId>`. Only intake holds the keys. Once she is ' +
      'erased, no one can open it. Birth year and stated age, if given, are used only to compute ' +
      '`ageBand` and are not kept.',
  },
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
  {
    additionalProperties: false,
    description:
      'She, or for a child her guardian or the Child Welfare Committee, decided on one scope of ' +
      'sharing. The latest decision per scope wins, by `decidedAt`. `ce_time` = `decidedAt`, ' +
      'which may be in the past. A time up to 5 minutes in the future is accepted, to allow for ' +
      'clock skew.\n' +
      '\n' +
      '- `consentId`: the id the API returned\n' +
      '- `givenBy`: a child (age band under 18) cannot grant for herself: refused with 422 before ' +
      'any event',
  },
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
  {
    additionalProperties: false,
    description:
      'The factors present were recorded. Intake computes the score and level from them ' +
      '([vulnerability.md](vulnerability.md)), and they are stored in the event as decided at the ' +
      'time. The latest assessment wins, by `assessedAt`. `ce_time` = `assessedAt`.\n' +
      '\n' +
      '- `assessmentId`: the id the API returned\n' +
      '- `factors`: may be empty\n' +
      '- `score`: sum of the factor weights',
  },
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
  {
    additionalProperties: false,
    description:
      'A staff member joined her case team. From then on, that person may see what her role needs ' +
      'of this record. `ce_time` = `assignedAt`. An assignment that changes nothing (same member, ' +
      'same role) emits no event.\n' +
      '\n' +
      '- `staffId`: the staff member\'s token subject (staff identity, not the person\'s)',
  },
);
export type StaffAssignedV1 = Static<typeof StaffAssignedV1>;

export const StaffUnassignedV1 = Type.Object(
  {
    personId: Id,
    staffId: Type.String({ minLength: 1, maxLength: 200 }),
    unassignedAt: Timestamp,
  },
  {
    additionalProperties: false,
    description:
      'A staff member left her case team. `ce_time` = `unassignedAt`. Removing someone who is not ' +
      'on the team emits no event.',
  },
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
  {
    additionalProperties: false,
    description:
      'Her data key was destroyed and her fingerprints released. From then on every sealed copy ' +
      'of her personal data is unreadable, including the one in her `person-registered.v1` on ' +
      'this topic. The non-identifying facts remain, so she is still counted. Erasing twice emits ' +
      'one event. `ce_time` = `erasedAt`.\n' +
      '\n' +
      '- `reason`: a code, never free text: what is written about her must itself be erasable',
  },
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
  {
    additionalProperties: false,
    description:
      'Her age was determined: a school or birth certificate, an identity document, a medical ' +
      'examination or a court\'s or the Child Welfare Committee\'s finding (JJ Act s.94). `ageBand` ' +
      'is her band from now on; every service that keeps a copy of her band takes it, and every ' +
      'child safeguard follows it (consent by a guardian or the CWC, a child care institution, ' +
      'testimony in camera, no voter ID under 18). The evidence (a birth date, a birth year, an ' +
      'estimated age) stays in intake; intake then moves her band on her birthdays ' +
      '(`age-band-moved.v1`). `ce_time` = `recordedAt`.\n' +
      '\n' +
      '- `determinedOn`: the day the document was seen, the examination made or the finding given; not in the future (422)\n' +
      '- the request is refused without a birth date, birth year or age (422), and for someone not on the caller\'s case team (404)',
  },
);
export type AgeDeterminedV1 = Static<typeof AgeDeterminedV1>;

/** A birthday took her into the next age band (intake watches the day from the evidence it keeps sealed). */
export const AgeBandMovedV1 = Type.Object(
  { personId: Id, ageBand: oneOf(ageBands), movedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'A birthday took her into the next age band (a girl turning 16 or 18, for instance). Intake ' +
      'watches the day from the evidence it keeps (a birth date; 1 January for a birth year, the ' +
      'younger reading; the anniversary of the day an age was stated) and publishes only the band. ' +
      'Every copy of her band takes it, as for `age-determined.v1`. Nothing is published while her ' +
      'band stays the same, for someone erased, or for someone whose age is unknown (a possible ' +
      'child until it is determined). `ce_time` = `movedAt`, the sweep that found the day passed.',
  },
);
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
  {
    additionalProperties: false,
    description:
      'Someone not on her case team tried to register a person with her name and phone or birth ' +
      'date. That staff member got a 409 saying only that a possible duplicate exists, never her ' +
      'id; this event asks her case team to review it (is it her, registered twice, or someone ' +
      'else?). Once per staff member: trying again emits nothing. The subject is her id; it is on ' +
      'her timeline. `ce_time` = `reportedAt`.\n' +
      '\n' +
      '- `personId`: the subject: the person already registered\n' +
      '- `reportedBy`: the staff member who tried (her subject in the identity provider)',
  },
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
  {
    additionalProperties: false,
    description:
      'A household was registered: where it lives and who lives in it. The service creates ' +
      '`householdId` and returns it. `ce_time` = `registeredAt`, which is when it was recorded.\n' +
      '\n' +
      'The request is refused in these cases:\n' +
      '\n' +
      '- it names no member, more than 30, or one twice (400);\n' +
      '- a member is not registered in intake or not on the caller\'s case team (404, the same ' +
      'answer for both);\n' +
      '- a member was erased (409).\n' +
      '\n' +
      '- `place`: `state` and `district` 2–80 characters, `villageOrWard` 2–120. Not an address\n' +
      '- `memberIds`: people registered in intake, survivors or at risk',
  },
);
export type HouseholdRegisteredV1 = Static<typeof HouseholdRegisteredV1>;

export const HouseholdRegisteredV2 = Type.Object(
  {
    householdId: Id,
    /** The state and district, for prevention's counts and flows. */
    place: Place,
    /** The village or ward: it leads to the household, and so to each of its members. */
    villageOrWard: SealedPersonalData,
    memberIds: Type.Array(Id, { minItems: 1, maxItems: 30, uniqueItems: true }),
    registeredAt: Timestamp,
  },
  {
    additionalProperties: false,
    description:
      'A household was registered: where it lives and who lives in it. It replaces ' +
      '`household-registered.v1`, which carried the village or ward in clear; consumers still ' +
      'accept v1 events until `npm run reseal` turns them into v2s. The service creates `householdId` and returns it. ' +
      '`ce_time` = `registeredAt`, which is when it was recorded. The request is refused as for v1.\n' +
      '\n' +
      '- `place`: `state` and `district`, 2–80 characters each\n' +
      '- `villageOrWard`: **sealed** with the household\'s own data key, which intake holds ' +
      '(`keyId` is the household\'s id; the plaintext `{ text }` is encrypted with associated data ' +
      '`household-place:<householdId>`). Intake destroys that key when the last of its members is ' +
      'erased, and from then on no copy can be opened\n' +
      '- `memberIds`: people registered in intake, survivors or at risk',
  },
);
export type HouseholdRegisteredV2 = Static<typeof HouseholdRegisteredV2>;

export const HouseholdMemberAddedV1 = Type.Object(
  { householdId: Id, personId: Id, addedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'Someone came to live in the household, or was missed when it was registered. `ce_time` = ' +
      '`addedAt`, which is when it was recorded. Adding a member again emits nothing. If she is ' +
      'not registered in intake, the request is refused with 422. If she was erased, it is ' +
      'refused with 409.\n' +
      '\n' +
      '- `personId`: the member added',
  },
);
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
  {
    additionalProperties: false,
    description:
      'The household\'s vulnerability was assessed: the person assessment\'s factors, plus its ' +
      'income, debt and dependants. Intake computes the score and level ' +
      '([vulnerability.md](vulnerability.md#households)), and they are stored in the event as ' +
      'decided at the time. The latest assessment stands. The service creates `assessmentId` and ' +
      'returns it. `ce_time` = `assessedAt`, which is when it was recorded. Factors outside the ' +
      'vocabulary or repeated, and amounts that are not whole numbers ≥ 0, are refused with 400.\n' +
      '\n' +
      '- `assessmentId`: the id the API returned\n' +
      '- `factors`: may be empty\n' +
      '- `monthlyIncomeInr`: the household\'s income a month, in rupees\n' +
      '- `debtInr`: what it owes, in rupees\n' +
      '- `dependants`: people who depend on its earners\n' +
      '- `score`: the factors\' weights plus the household points',
  },
);
export type HouseholdAssessedV1 = Static<typeof HouseholdAssessedV1>;
