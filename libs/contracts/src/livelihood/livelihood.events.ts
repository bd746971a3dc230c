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
 * belong on). Nothing here is personal data: employers and schemes are named, people are ids.
 */
import { Type, Static } from '@sinclair/typebox';
import { oneOf, Id, Timestamp } from '../vocabulary';


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
  skillTrainingStarted: 'org.mukti.livelihood.skill-training-started.v1',
  skillTrainingEnded: 'org.mukti.livelihood.skill-training-ended.v1',
  placementStarted: 'org.mukti.livelihood.placement-started.v1',
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
  { additionalProperties: false },
);
export type LivelihoodPlanOpenedV1 = Static<typeof LivelihoodPlanOpenedV1>;

export const SkillTrainingStartedV1 = Type.Object(
  {
    personId: Id,
    trainingId: Id,
    trade: Type.String({ minLength: 2, maxLength: 120 }),
    provider: Type.String({ minLength: 2, maxLength: 200 }),
    skillLevel: oneOf(skillLevels),
    startedAt: Timestamp,
    plannedEndAt: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type SkillTrainingStartedV1 = Static<typeof SkillTrainingStartedV1>;

export const SkillTrainingEndedV1 = Type.Object(
  { personId: Id, trainingId: Id, outcome: oneOf(trainingOutcomes), endedAt: Timestamp, certified: Type.Boolean() },
  { additionalProperties: false },
);
export type SkillTrainingEndedV1 = Static<typeof SkillTrainingEndedV1>;

/** A job or her own enterprise, with what it pays against the minimum wage that applies to it. */
export const PlacementStartedV1 = Type.Object(
  {
    personId: Id,
    placementId: Id,
    kind: oneOf(placementKinds),
    /** The employer's or her enterprise's name: a business, not a person. */
    employerOrEnterprise: Type.String({ minLength: 2, maxLength: 200 }),
    sector: oneOf(sectors),
    skillLevel: oneOf(skillLevels),
    state: Type.String({ minLength: 2, maxLength: 80 }),
    startedAt: Timestamp,
    monthlyIncomeInr: Type.Integer({ minimum: 0 }),
    minimumWage: MinimumWage,
    /** Her income is at least the minimum wage. */
    sustainableWage: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type PlacementStartedV1 = Static<typeof PlacementStartedV1>;

export const IncomeFollowedUpV1 = Type.Object(
  {
    personId: Id,
    placementId: Id,
    at: Timestamp,
    monthlyIncomeInr: Type.Integer({ minimum: 0 }),
    minimumWage: MinimumWage,
    sustainableWage: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type IncomeFollowedUpV1 = Static<typeof IncomeFollowedUpV1>;

export const PlacementLostV1 = Type.Object(
  { personId: Id, placementId: Id, lostAt: Timestamp, reason: oneOf(placementLossReasons) },
  { additionalProperties: false },
);
export type PlacementLostV1 = Static<typeof PlacementLostV1>;

export const FinancialInclusionRecordedV1 = Type.Object(
  { personId: Id, kind: oneOf(financialInclusions), at: Timestamp },
  { additionalProperties: false },
);
export type FinancialInclusionRecordedV1 = Static<typeof FinancialInclusionRecordedV1>;

export const SchemeLinkageRecordedV1 = Type.Object(
  { personId: Id, scheme: oneOf(governmentSchemes), stage: oneOf(schemeStages), at: Timestamp },
  { additionalProperties: false },
);
export type SchemeLinkageRecordedV1 = Static<typeof SchemeLinkageRecordedV1>;

// Prevention: a plan per household or at-risk person, keyed by its id; its events name the people it covers.

const PreventionFacts = { preventionPlanId: Id, subject: oneOf(preventionPlanSubjects), personIds: Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true }) };

export const PreventionPlanOpenedV1 = Type.Object({ ...PreventionFacts, openedAt: Timestamp }, { additionalProperties: false });
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
  { additionalProperties: false },
);
export type PreventionSupportRecordedV1 = Static<typeof PreventionSupportRecordedV1>;

/** One of the people it covers entered exploitation: counted too, with the plan's history. */
export const EntryIntoExploitationRecordedV1 = Type.Object(
  { ...PreventionFacts, personId: Id, enteredAt: Timestamp, source: oneOf(entrySources), followedSince: Timestamp },
  { additionalProperties: false },
);
export type EntryIntoExploitationRecordedV1 = Static<typeof EntryIntoExploitationRecordedV1>;

/** Followed 12 months since her first support with no entry into exploitation: a new entry prevented. */
export const EntryPreventedV1 = Type.Object(
  { ...PreventionFacts, personId: Id, followedSince: Timestamp, countedAt: Timestamp },
  { additionalProperties: false },
);
export type EntryPreventedV1 = Static<typeof EntryPreventedV1>;
