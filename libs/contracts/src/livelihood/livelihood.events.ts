/**
 * Events of the livelihood service: the prevention and livelihood pillar. "Choice" means nothing
 * without a livelihood that pays a sustainable wage, so every placement and income follow-up is
 * compared with the applicable minimum wage (by state and skill level, from a data file with its
 * source and date). New entries are prevented by lifting whole households out of the vulnerability
 * traffickers exploit: an at-risk person followed for 12 months without entering exploitation is
 * counted as an entry prevented.
 *
 * Subjects: a survivor's livelihood plan is keyed by her id; a prevention plan by the household's
 * id or the at-risk person's, and its events carry the people it covers (whose timelines they
 * belong on). People are ids; her employer's or enterprise's name, which says where she can be
 * found every day, travels sealed with her key (from placement-started.v2).
 */
import { Type, Static } from '@sinclair/typebox';
import { oneOf, Id, Timestamp } from '../vocabulary';
import { SealedPersonalData } from '../personal-data';


/** Skill levels as the minimum-wage notifications of the states grade work. */
export const skillLevels = ['unskilled', 'semi-skilled', 'skilled', 'highly-skilled'] as const;
export type SkillLevel = (typeof skillLevels)[number];
export const livelihoodPlanOrigins = ['care-plan', 'referred'] as const;
export const trainingOutcomes = ['completed', 'dropped-out'] as const;
export const placementKinds = ['wage-employment', 'self-employment'] as const;
export const sectors = [
  'garments-and-tailoring',
  'beauty-and-wellness',
  'hospitality',
  'retail',
  'food-processing',
  'domestic-work',
  'healthcare-support',
  'it-and-data-entry',
  'handicrafts',
  'agriculture',
  'construction',
  'transport',
  'other',
] as const;
export const placementLossReasons = [
  'laid-off',
  'left-for-better-work',
  'harassment-or-unsafe',
  'wages-unpaid',
  'health',
  'family-pressure',
  'enterprise-closed',
  'other',
] as const;
export const financialInclusions = ['bank-account', 'self-help-group'] as const;
export const governmentSchemes = [
  'pm-vishwakarma',
  'pmegp',
  'deendayal-antyodaya-nrlm',
  'mgnrega',
  'pm-awas',
  'ration-card-pds',
  'widow-or-single-woman-pension',
  'scholarship',
  'ujjawala',
  'other',
] as const;
export const schemeStages = ['applied', 'granted', 'refused'] as const;

export const preventionSupportKinds = ['education-support', 'livelihood-support', 'awareness-session', 'scheme-linkage'] as const;
export const preventionSupportStatuses = ['ongoing', 'completed', 'discontinued'] as const;
/** Who a prevention plan is for: a household at risk, or one person at risk. */
export const preventionPlanSubjects = ['household', 'person'] as const;
/** How her entry into exploitation came to be known: recorded by staff, or her rescue. */
export const entrySources = ['recorded', 'rescued'] as const;
/** Followed this long with no entry into exploitation, she counts as a new entry prevented. */
export const PREVENTION_FOLLOW_UP_MONTHS = 12;

/** The minimum wage a placement is compared with, and where it comes from. */
export const MinimumWage = Type.Object(
  {
    monthlyInr: Type.Integer({ minimum: 1 }),
    state: Type.String({ minLength: 2, maxLength: 80 }),
    skillLevel: oneOf(skillLevels),
    /** The notification it is taken from, and the date it took effect. */
    source: Type.String({ minLength: 1, maxLength: 300 }),
    effectiveFrom: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);
export type MinimumWage = Static<typeof MinimumWage>;

export const livelihoodEventTypes = {
  livelihoodPlanOpened: 'org.mukti.livelihood.livelihood-plan-opened.v1',
  /** v2: the trade and the provider sealed with her key; v1 (still read) carried them in clear. */
  skillTrainingStarted: 'org.mukti.livelihood.skill-training-started.v2',
  skillTrainingStartedV1: 'org.mukti.livelihood.skill-training-started.v1',
  skillTrainingEnded: 'org.mukti.livelihood.skill-training-ended.v1',
  /** v2: the employer's or enterprise's name sealed with her key; v1 (still read) carried it in clear. */
  placementStarted: 'org.mukti.livelihood.placement-started.v2',
  placementStartedV1: 'org.mukti.livelihood.placement-started.v1',
  incomeFollowedUp: 'org.mukti.livelihood.income-followed-up.v1',
  placementLost: 'org.mukti.livelihood.placement-lost.v1',
  financialInclusionRecorded: 'org.mukti.livelihood.financial-inclusion-recorded.v1',
  schemeLinkageRecorded: 'org.mukti.livelihood.scheme-linkage-recorded.v1',
  preventionPlanOpened: 'org.mukti.livelihood.prevention-plan-opened.v1',
  preventionSupportRecorded: 'org.mukti.livelihood.prevention-support-recorded.v1',
  entryIntoExploitationRecorded: 'org.mukti.livelihood.entry-into-exploitation-recorded.v1',
  entryPrevented: 'org.mukti.livelihood.entry-prevented.v1',
} as const;

// A survivor's livelihood plan: keyed by her id.

export const LivelihoodPlanOpenedV1 = Type.Object(
  { personId: Id, origin: oneOf(livelihoodPlanOrigins), openedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'Her livelihood plan was opened. `ce_time` = `openedAt`. A plan is opened in one of two ' +
      'ways:\n' +
      '\n' +
      '- **`care-plan`: by itself.** It is a reaction to ' +
      '`org.mukti.rehabilitation.care-plan-opened.v1` whose `goals` include `livelihood` (a ' +
      'rescued adult\'s starting set does), or to `org.mukti.rehabilitation.care-plan-goal-set.v1` ' +
      'that sets `livelihood` to `open`.\n' +
      '- `openedAt` is when the reaction ran.\n' +
      '- The envelope has `ce_actorid` `system:livelihood` and `ce_actorrole` `system`. It keeps ' +
      'the rehabilitation event\'s `ce_correlationid` and `traceparent`, and sets `ce_causationid` ' +
      'to the rehabilitation event\'s `ce_id`.\n' +
      '- If she already has a plan, nothing is emitted.\n' +
      '- **`referred`: by hand.** `openedAt` is when it was recorded. If she already has a plan, ' +
      'the request is refused with 409.',
  },
);
export type LivelihoodPlanOpenedV1 = Static<typeof LivelihoodPlanOpenedV1>;

/** A skill training: the same in v1 and v2 but for its trade and provider. */
const SkillTraining = { personId: Id, trainingId: Id, skillLevel: oneOf(skillLevels), startedAt: Timestamp, plannedEndAt: Type.Optional(Timestamp) };
const skillTrainingRules =
  'She started a skill training. `ce_time` = `startedAt`. If `plannedEndAt` is not after `startedAt`, the request is refused with 422.';

export const SkillTrainingStartedV1 = Type.Object(
  { ...SkillTraining, trade: Type.String({ minLength: 2, maxLength: 120 }), provider: Type.String({ minLength: 2, maxLength: 200 }) },
  {
    additionalProperties: false,
    description:
      skillTrainingRules +
      ' No longer emitted: `skill-training-started.v2` ' +
      'replaced it, and consumers still accept v1 events until `npm run reseal` turns them into v2s.\n' +
      '\n' +
      '- `trade` and `provider`: the trade and the training provider, **in clear**\n' +
      '- `skillLevel`: the level the training prepares her for',
  },
);
export type SkillTrainingStartedV1 = Static<typeof SkillTrainingStartedV1>;

export const SkillTrainingStartedV2 = Type.Object(
  { ...SkillTraining, training: SealedPersonalData },
  {
    additionalProperties: false,
    description:
      skillTrainingRules +
      '\n' +
      '\n' +
      '- `training`: the trade (2–120 characters) and the training provider (2–200) she attends, ' +
      '**sealed** with her data key by intake (the plaintext `{ text }`, the text the JSON ' +
      '`{ trade, provider }`, associated data `skill-training:<personId>`): where she trains is ' +
      'where she can be found\n' +
      '- `skillLevel`: the level the training prepares her for',
  },
);
export type SkillTrainingStartedV2 = Static<typeof SkillTrainingStartedV2>;

export const SkillTrainingEndedV1 = Type.Object(
  { personId: Id, trainingId: Id, outcome: oneOf(trainingOutcomes), endedAt: Timestamp, certified: Type.Boolean() },
  {
    additionalProperties: false,
    description:
      'Her training ended. `ce_time` = `endedAt`.\n' +
      '\n' +
      'The request is refused in these cases:\n' +
      '\n' +
      '- she has no such training (404);\n' +
      '- it already ended (409);\n' +
      '- `certified` is true but the outcome is not `completed` (422);\n' +
      '- `endedAt` is before the training started (422).\n' +
      '\n' +
      '- `certified`: she received a certificate',
  },
);
export type SkillTrainingEndedV1 = Static<typeof SkillTrainingEndedV1>;

/** A job or her own enterprise, with what it pays against the minimum wage that applies to it: the same in v1 and v2 but for the employer. */
const Placement = {
  personId: Id,
  placementId: Id,
  kind: oneOf(placementKinds),
  sector: oneOf(sectors),
  skillLevel: oneOf(skillLevels),
  state: Type.String({ minLength: 2, maxLength: 80 }),
  startedAt: Timestamp,
  monthlyIncomeInr: Type.Integer({ minimum: 0 }),
  minimumWage: MinimumWage,
  /** Her income is at least the minimum wage. */
  sustainableWage: Type.Boolean(),
};

const placementRules =
  'She started a job or her own enterprise. She may hold more than one at a time. The service ' +
  'compares what it pays with the minimum wage (see above). `ce_time` = `startedAt`. If no ' +
  'minimum wage is on file for `state` and `skillLevel` on that day, the request is refused ' +
  'with 422 naming `state`.\n' +
  '\n';
const placementFields =
  '- `state`: the state whose minimum wage applies\n' +
  '- `monthlyIncomeInr`: what it pays her a month, in rupees\n' +
  '- `minimumWage`: the one in force on the day she started\n' +
  '- `sustainableWage`: `monthlyIncomeInr` ≥ `minimumWage.monthlyInr`';

export const PlacementStartedV1 = Type.Object(
  { ...Placement, employerOrEnterprise: Type.String({ minLength: 2, maxLength: 200 }) },
  {
    additionalProperties: false,
    description:
      placementRules +
      '- `employerOrEnterprise`: the employer\'s or her enterprise\'s name, 2–200 characters, ' +
      '**in clear** (no longer emitted: `placement-started.v2` replaced it, and consumers still ' +
      'accept v1 events until `npm run reseal` turns them into v2s)\n' +
      placementFields,
  },
);
export type PlacementStartedV1 = Static<typeof PlacementStartedV1>;

export const PlacementStartedV2 = Type.Object(
  { ...Placement, employerOrEnterprise: SealedPersonalData },
  {
    additionalProperties: false,
    description:
      placementRules +
      '- `employerOrEnterprise`: the employer\'s or her enterprise\'s name (2–200 characters), ' +
      '**sealed** with her data key by intake, as counselling notes are (the plaintext ' +
      '`{ text }`, associated data `employer:<personId>`): where she works is where she can be ' +
      'found, and her own enterprise may bear her name\n' +
      placementFields,
  },
);
export type PlacementStartedV2 = Static<typeof PlacementStartedV2>;

export const IncomeFollowedUpV1 = Type.Object(
  {
    personId: Id,
    placementId: Id,
    at: Timestamp,
    monthlyIncomeInr: Type.Integer({ minimum: 0 }),
    minimumWage: MinimumWage,
    sustainableWage: Type.Boolean(),
  },
  {
    additionalProperties: false,
    description:
      'What a placement pays her now was recorded, against the minimum wage in force on the day ' +
      'of the follow-up, for the placement\'s state and skill level. The latest follow-up by `at` ' +
      'stands. `ce_time` = `at`.\n' +
      '\n' +
      'The request is refused in these cases:\n' +
      '\n' +
      '- she has no such placement (404);\n' +
      '- the placement was lost (422);\n' +
      '- no minimum wage is on file for that day (422, naming `state`);\n' +
      '- `at` is before the placement started (422).\n' +
      '\n' +
      '- `monthlyIncomeInr`: what she earns a month now, in rupees\n' +
      '- `minimumWage`: the one in force on the day of `at`\n' +
      '- `sustainableWage`: `monthlyIncomeInr` ≥ `minimumWage.monthlyInr`',
  },
);
export type IncomeFollowedUpV1 = Static<typeof IncomeFollowedUpV1>;

export const PlacementLostV1 = Type.Object(
  { personId: Id, placementId: Id, lostAt: Timestamp, reason: oneOf(placementLossReasons) },
  {
    additionalProperties: false,
    description:
      'She lost a placement. `ce_time` = `lostAt`.\n' +
      '\n' +
      'The request is refused in these cases:\n' +
      '\n' +
      '- she has no such placement (404);\n' +
      '- it is already recorded as lost (409);\n' +
      '- `lostAt` is before the placement started (422).',
  },
);
export type PlacementLostV1 = Static<typeof PlacementLostV1>;

export const FinancialInclusionRecordedV1 = Type.Object(
  { personId: Id, kind: oneOf(financialInclusions), at: Timestamp },
  {
    additionalProperties: false,
    description:
      'A bank account was opened in her name, or she joined a self-help group. Each kind is ' +
      'recorded once: recording it again emits nothing. `ce_time` = `at`.',
  },
);
export type FinancialInclusionRecordedV1 = Static<typeof FinancialInclusionRecordedV1>;

export const SchemeLinkageRecordedV1 = Type.Object(
  { personId: Id, scheme: oneOf(governmentSchemes), stage: oneOf(schemeStages), at: Timestamp },
  {
    additionalProperties: false,
    description:
      'She applied for a government scheme, or was granted or refused it. `ce_time` = `at`. A ' +
      'grant or refusal with no application on record is accepted: she may have applied before ' +
      'the plan. The request is refused with 409 if the application is already recorded, or the ' +
      'scheme was already granted or refused.',
  },
);
export type SchemeLinkageRecordedV1 = Static<typeof SchemeLinkageRecordedV1>;

// Prevention: a plan per household or at-risk person, keyed by its id; its events name the people it covers.

const PreventionFacts = { preventionPlanId: Id, subject: oneOf(preventionPlanSubjects), personIds: Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true }) };

export const PreventionPlanOpenedV1 = Type.Object(
  { ...PreventionFacts, openedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'A prevention plan was opened for a household at risk, or for one person at risk. The ' +
      'request gives exactly one of `householdId` and `personId` (422 otherwise), and the plan ' +
      'takes that id. `ce_time` = `openedAt`, which is when it was recorded. The people covered ' +
      'are fixed when it opens:\n' +
      '\n' +
      '- **For a household**, the people at risk (intake role `at-risk`) among its members, as ' +
      'the service\'s copy of intake\'s households has them. Survivors are left out: they have a ' +
      'livelihood plan instead.\n' +
      '- **For a person**, she alone, and she must be at risk.\n' +
      '\n' +
      'The request is refused in these cases:\n' +
      '\n' +
      '- the household is not registered (404);\n' +
      '- a member, or the person, is not registered, or the caller is not on her case team (404);\n' +
      '- there is no one at risk to cover (422);\n' +
      '- it would cover more than 50 people (422);\n' +
      '- the plan is already open (409).\n' +
      '\n' +
      '- `preventionPlanId`: the subject: the household\'s or the person\'s id\n' +
      '- `subject`: whom it is for\n' +
      '- `personIds`: the people it covers',
  },
);
export type PreventionPlanOpenedV1 = Static<typeof PreventionPlanOpenedV1>;

export const PreventionSupportRecordedV1 = Type.Object(
  {
    ...PreventionFacts,
    supportId: Id,
    kind: oneOf(preventionSupportKinds),
    status: oneOf(preventionSupportStatuses),
    startedAt: Timestamp,
    endedAt: Type.Optional(Timestamp),
    /** For scheme linkage. */
    scheme: Type.Optional(oneOf(governmentSchemes)),
  },
  {
    additionalProperties: false,
    description:
      'Support was given under the plan, or a support\'s status changed. A request without ' +
      '`supportId` adds a support. A request with one records a change in that support\'s status, ' +
      'and the same status and end again emit nothing. The earliest support\'s `startedAt` starts ' +
      'the 12-month follow-up of everyone the plan covers (see `entry-prevented.v1`), even a ' +
      'support recorded late. `ce_time` = `endedAt` if given, otherwise `startedAt` for a new ' +
      'support, or when it was recorded for a change.\n' +
      '\n' +
      'The request is refused in these cases:\n' +
      '\n' +
      '- a known support is given another `kind` or `scheme` (409), or another `startedAt` (422);\n' +
      '- `scheme` is missing on a `scheme-linkage`, or given on another kind (422);\n' +
      '- `endedAt` is given on an `ongoing` support, or is not after `startedAt` (422).\n' +
      '\n' +
      '- `preventionPlanId`, `subject`, `personIds`: as on every prevention plan\'s event\n' +
      '- `scheme`: only on `scheme-linkage`, where it is required',
  },
);
export type PreventionSupportRecordedV1 = Static<typeof PreventionSupportRecordedV1>;

/** One of the people it covers entered exploitation: counted too, with the plan's history. */
export const EntryIntoExploitationRecordedV1 = Type.Object(
  { ...PreventionFacts, personId: Id, enteredAt: Timestamp, source: oneOf(entrySources), followedSince: Timestamp },
  {
    additionalProperties: false,
    description:
      'A person the plan covers entered exploitation. It is counted honestly, with the plan\'s ' +
      'history. Each person\'s entry is counted once: recording it again, or a second rescue, ' +
      'emits nothing. One already counted as an entry prevented is recorded all the same: both ' +
      'are facts. The event goes on everyone\'s timeline, but it is about her alone. `ce_time` = ' +
      '`enteredAt`.\n' +
      '\n' +
      'It is recorded in one of two ways:\n' +
      '\n' +
      '- **`recorded`: by hand.** If she is not covered by the plan, the request is refused with ' +
      '422.\n' +
      '- **`rescued`: by itself.** It is a reaction to `org.mukti.rescue.person-rescued.v1`, for ' +
      'each plan that covers her (the service finds them from its own `prevention-plan-opened.v1` ' +
      'events).\n' +
      '- `enteredAt` is the rescue\'s `rescuedAt`.\n' +
      '- The envelope has `ce_actorid` `system:livelihood` and `ce_actorrole` `system`. It keeps ' +
      'the rescue event\'s `ce_correlationid` and `traceparent`, and sets `ce_causationid` to the ' +
      'rescue event\'s `ce_id`.\n' +
      '\n' +
      '- `personId`: the person who entered exploitation\n' +
      '- `followedSince`: when her follow-up began: the earliest support\'s `startedAt`, or ' +
      '`openedAt` if there was no support yet',
  },
);
export type EntryIntoExploitationRecordedV1 = Static<typeof EntryIntoExploitationRecordedV1>;

/** Followed 12 months since her first support with no entry into exploitation: a new entry prevented. */
export const EntryPreventedV1 = Type.Object(
  { ...PreventionFacts, personId: Id, followedSince: Timestamp, countedAt: Timestamp },
  {
    additionalProperties: false,
    description:
      'A person the plan covers was followed for 12 months with no entry into exploitation, and ' +
      'counts as a new entry prevented. No staff member emits this event. The livelihood ' +
      'service\'s deadline watch emits it, and the watch is scheduled from the service\'s own ' +
      'prevention plans\' events. The envelope of this event is set as follows:\n' +
      '\n' +
      '- `ce_actorid` is `system:livelihood` and `ce_actorrole` is `system`;\n' +
      '- `ce_correlationid` is a new id;\n' +
      '- there is no causation id.\n' +
      '\n' +
      'Her count falls due 12 calendar months after `followedSince` (UTC; past the month\'s end, ' +
      'its last day). Each person is counted once. No one is counted before the plan\'s first ' +
      'support, nor after her entry into exploitation is recorded. When the watch runs, it counts ' +
      'everyone on the plan whose count is due, one event each. `ce_time` = `countedAt`.\n' +
      '\n' +
      '- `personId`: the person counted\n' +
      '- `followedSince`: the earliest support\'s `startedAt`\n' +
      '- `countedAt`: when the watch counted her',
  },
);
export type EntryPreventedV1 = Static<typeof EntryPreventedV1>;
