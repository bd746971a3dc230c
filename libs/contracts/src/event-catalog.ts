/**
 * The one map from event type to payload schema, topic and pillar, used by producers and
 * consumers alike: a renamed field fails to compile everywhere at once, and a payload is
 * checked against the same schema when it is produced and when it is consumed.
 */
import { Static, TSchema, FormatRegistry, Kind, TypeRegistry } from '@sinclair/typebox';
import { DefaultErrorFunction, SetErrorFunction } from '@sinclair/typebox/errors';
import { TypeCompiler, TypeCheck } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import { topics, Topic } from './topics';
import {
  intakeEventTypes,
  PersonRegisteredV1,
  ConsentRecordedV1,
  VulnerabilityAssessedV1,
  StaffAssignedV1,
  StaffUnassignedV1,
  PersonErasedV1,
  AgeDeterminedV1,
  AgeBandMovedV1,
  PossibleDuplicateReportedV1,
  HouseholdRegisteredV1,
  HouseholdRegisteredV2,
  HouseholdMemberAddedV1,
  HouseholdAssessedV1,
} from './intake/intake.events';
import {
  livelihoodEventTypes,
  LivelihoodPlanOpenedV1,
  SkillTrainingStartedV1,
  SkillTrainingStartedV2,
  SkillTrainingEndedV1,
  PlacementStartedV1,
  PlacementStartedV2,
  IncomeFollowedUpV1,
  PlacementLostV1,
  FinancialInclusionRecordedV1,
  SchemeLinkageRecordedV1,
  PreventionPlanOpenedV1,
  PreventionSupportRecordedV1,
  EntryIntoExploitationRecordedV1,
  EntryPreventedV1,
} from './livelihood/livelihood.events';
import { auditEventTypes, PersonDataAccessedV1 } from './audit/audit.events';
import {
  rescueEventTypes,
  RescueOperationPlannedV1,
  RescueOperationCarriedOutV1,
  PersonRescuedV1,
  PostRescueStepCompletedV1,
  PostRescueStepOverdueV1,
  TraffickingProfileRecordedV1,
  RescueOperationClosedV1,
  RescueOperationTeamJoinedV1,
  PoliceRecordChangedV1,
} from './rescue/rescue.events';
import {
  rehabilitationEventTypes,
  CarePlanOpenedV1,
  CarePlanGoalSetV1,
  ShelterAdmittedV1,
  ShelterAdmittedV2,
  ShelterDischargedV1,
  ShelterDischargedV2,
  CounsellingSessionRecordedV1,
  HealthServiceRecordedV1,
  EducationEnrolledV1,
  IdentityDocumentRecordedV1,
  VoterRegisteredV1,
  RepatriationStepRecordedV1,
  FollowUpsScheduledV1,
  FollowUpRecordedV1,
  FollowUpMissedV1,
  CompensationRecordedV1,
} from './rehabilitation/rehabilitation.events';
import {
  legalEventTypes,
  PerpetratorProfiledV1,
  PerpetratorsLinkedV1,
  PerpetratorProfileCorrectedV1,
  PerpetratorErasedV1,
  FirRegisteredV1,
  FirRegisteredV2,
  AccusedNamedV1,
  AccusedArrestedV1,
  AccusedAbscondingV1,
  BailRecordedV1,
  ChargeSheetFiledV1,
  ChargeSheetMissingV1,
  HearingRecordedV1,
  WitnessSupportRecordedV1,
  VerdictRecordedV1,
  AppealFiledV1,
  PremisesClosedV1,
  PropertyAttachedV1,
  CompensationOrderedV1,
  CaseClosedV1,
  CaseTeamJoinedV1,
  SurvivorNamedAsAccusedV1,
  SurvivorAccusationDroppedV1,
  DebtBondageSuspectedV1,
  ConsentWithdrawnOnOpenCaseV1,
  TrainingSessionHeldV1,
  TrainingRefresherOverdueV1,
} from './legal/legal.events';
import { analyticsEventTypes, PillarEventObservedV1 } from './analytics/analytics.events';

export const pillars = ['intake', 'rescue', 'rehabilitation', 'livelihood', 'legal'] as const;
export type Pillar = (typeof pillars)[number];

interface CatalogEntry {
  readonly schema: TSchema;
  readonly topic: Topic;
  /** The pillar whose work it records; null for the audit trail, which is no one's timeline. */
  readonly pillar: Pillar | null;
  /**
   * What its subject is: a person (it goes on her timeline) unless said otherwise. A case's
   * events name its victims, and a prevention plan's the people it covers: they go on their
   * timelines. An operation's, a perpetrator's, a training session's and a household's go on no one's.
   */
  readonly about?: 'operation' | 'case' | 'perpetrator' | 'training' | 'household' | 'prevention-plan';
}

export const eventCatalog = {
  [intakeEventTypes.personRegistered]: { schema: PersonRegisteredV1, topic: topics.intakeEvents, pillar: 'intake' },
  [intakeEventTypes.consentRecorded]: { schema: ConsentRecordedV1, topic: topics.intakeEvents, pillar: 'intake' },
  [intakeEventTypes.vulnerabilityAssessed]: {
    schema: VulnerabilityAssessedV1,
    topic: topics.intakeEvents,
    pillar: 'intake',
  },
  [intakeEventTypes.staffAssigned]: { schema: StaffAssignedV1, topic: topics.intakeEvents, pillar: 'intake' },
  [intakeEventTypes.staffUnassigned]: { schema: StaffUnassignedV1, topic: topics.intakeEvents, pillar: 'intake' },
  [intakeEventTypes.personErased]: { schema: PersonErasedV1, topic: topics.intakeEvents, pillar: 'intake' },
  [intakeEventTypes.ageDetermined]: { schema: AgeDeterminedV1, topic: topics.intakeEvents, pillar: 'intake' },
  [intakeEventTypes.ageBandMoved]: { schema: AgeBandMovedV1, topic: topics.intakeEvents, pillar: 'intake' },
  [intakeEventTypes.possibleDuplicateReported]: { schema: PossibleDuplicateReportedV1, topic: topics.intakeEvents, pillar: 'intake' },
  [intakeEventTypes.householdRegisteredV1]: { schema: HouseholdRegisteredV1, topic: topics.intakeEvents, pillar: 'intake', about: 'household' },
  [intakeEventTypes.householdRegistered]: { schema: HouseholdRegisteredV2, topic: topics.intakeEvents, pillar: 'intake', about: 'household' },
  [intakeEventTypes.householdMemberAdded]: { schema: HouseholdMemberAddedV1, topic: topics.intakeEvents, pillar: 'intake', about: 'household' },
  [intakeEventTypes.householdAssessed]: { schema: HouseholdAssessedV1, topic: topics.intakeEvents, pillar: 'intake', about: 'household' },
  [rescueEventTypes.operationPlanned]: { schema: RescueOperationPlannedV1, topic: topics.rescueEvents, pillar: 'rescue', about: 'operation' },
  [rescueEventTypes.operationCarriedOut]: { schema: RescueOperationCarriedOutV1, topic: topics.rescueEvents, pillar: 'rescue', about: 'operation' },
  [rescueEventTypes.personRescued]: { schema: PersonRescuedV1, topic: topics.rescueEvents, pillar: 'rescue' },
  [rescueEventTypes.postRescueStepCompleted]: { schema: PostRescueStepCompletedV1, topic: topics.rescueEvents, pillar: 'rescue' },
  [rescueEventTypes.postRescueStepOverdue]: { schema: PostRescueStepOverdueV1, topic: topics.rescueEvents, pillar: 'rescue' },
  [rescueEventTypes.traffickingProfileRecorded]: { schema: TraffickingProfileRecordedV1, topic: topics.rescueEvents, pillar: 'rescue' },
  [rescueEventTypes.policeRecordChanged]: { schema: PoliceRecordChangedV1, topic: topics.rescueEvents, pillar: 'rescue' },
  [rescueEventTypes.operationClosed]: { schema: RescueOperationClosedV1, topic: topics.rescueEvents, pillar: 'rescue', about: 'operation' },
  [rescueEventTypes.operationTeamJoined]: { schema: RescueOperationTeamJoinedV1, topic: topics.rescueEvents, pillar: 'rescue', about: 'operation' },
  [rehabilitationEventTypes.carePlanOpened]: { schema: CarePlanOpenedV1, topic: topics.rehabilitationEvents, pillar: 'rehabilitation' },
  [rehabilitationEventTypes.goalSet]: { schema: CarePlanGoalSetV1, topic: topics.rehabilitationEvents, pillar: 'rehabilitation' },
  [rehabilitationEventTypes.shelterAdmittedV1]: { schema: ShelterAdmittedV1, topic: topics.rehabilitationEvents, pillar: 'rehabilitation' },
  [rehabilitationEventTypes.shelterAdmitted]: { schema: ShelterAdmittedV2, topic: topics.rehabilitationEvents, pillar: 'rehabilitation' },
  [rehabilitationEventTypes.shelterDischargedV1]: { schema: ShelterDischargedV1, topic: topics.rehabilitationEvents, pillar: 'rehabilitation' },
  [rehabilitationEventTypes.shelterDischarged]: { schema: ShelterDischargedV2, topic: topics.rehabilitationEvents, pillar: 'rehabilitation' },
  [rehabilitationEventTypes.counsellingSessionRecorded]: {
    schema: CounsellingSessionRecordedV1,
    topic: topics.rehabilitationEvents,
    pillar: 'rehabilitation',
  },
  [rehabilitationEventTypes.healthServiceRecorded]: { schema: HealthServiceRecordedV1, topic: topics.rehabilitationEvents, pillar: 'rehabilitation' },
  [rehabilitationEventTypes.educationEnrolled]: { schema: EducationEnrolledV1, topic: topics.rehabilitationEvents, pillar: 'rehabilitation' },
  [rehabilitationEventTypes.identityDocumentRecorded]: {
    schema: IdentityDocumentRecordedV1,
    topic: topics.rehabilitationEvents,
    pillar: 'rehabilitation',
  },
  [rehabilitationEventTypes.voterRegistered]: { schema: VoterRegisteredV1, topic: topics.rehabilitationEvents, pillar: 'rehabilitation' },
  [rehabilitationEventTypes.repatriationStepRecorded]: {
    schema: RepatriationStepRecordedV1,
    topic: topics.rehabilitationEvents,
    pillar: 'rehabilitation',
  },
  [rehabilitationEventTypes.followUpsScheduled]: { schema: FollowUpsScheduledV1, topic: topics.rehabilitationEvents, pillar: 'rehabilitation' },
  [rehabilitationEventTypes.followUpRecorded]: { schema: FollowUpRecordedV1, topic: topics.rehabilitationEvents, pillar: 'rehabilitation' },
  [rehabilitationEventTypes.followUpMissed]: { schema: FollowUpMissedV1, topic: topics.rehabilitationEvents, pillar: 'rehabilitation' },
  [rehabilitationEventTypes.compensationRecorded]: { schema: CompensationRecordedV1, topic: topics.rehabilitationEvents, pillar: 'rehabilitation' },
  [legalEventTypes.perpetratorProfiled]: { schema: PerpetratorProfiledV1, topic: topics.legalEvents, pillar: 'legal', about: 'perpetrator' },
  [legalEventTypes.perpetratorsLinked]: { schema: PerpetratorsLinkedV1, topic: topics.legalEvents, pillar: 'legal', about: 'perpetrator' },
  [legalEventTypes.perpetratorProfileCorrected]: { schema: PerpetratorProfileCorrectedV1, topic: topics.legalEvents, pillar: 'legal', about: 'perpetrator' },
  [legalEventTypes.perpetratorErased]: { schema: PerpetratorErasedV1, topic: topics.legalEvents, pillar: 'legal', about: 'perpetrator' },
  [legalEventTypes.firRegisteredV1]: { schema: FirRegisteredV1, topic: topics.legalEvents, pillar: 'legal', about: 'case' },
  [legalEventTypes.firRegistered]: { schema: FirRegisteredV2, topic: topics.legalEvents, pillar: 'legal', about: 'case' },
  [legalEventTypes.accusedNamed]: { schema: AccusedNamedV1, topic: topics.legalEvents, pillar: 'legal', about: 'case' },
  [legalEventTypes.accusedArrested]: { schema: AccusedArrestedV1, topic: topics.legalEvents, pillar: 'legal', about: 'case' },
  [legalEventTypes.accusedAbsconding]: { schema: AccusedAbscondingV1, topic: topics.legalEvents, pillar: 'legal', about: 'case' },
  [legalEventTypes.bailRecorded]: { schema: BailRecordedV1, topic: topics.legalEvents, pillar: 'legal', about: 'case' },
  [legalEventTypes.chargeSheetFiled]: { schema: ChargeSheetFiledV1, topic: topics.legalEvents, pillar: 'legal', about: 'case' },
  [legalEventTypes.chargeSheetMissing]: { schema: ChargeSheetMissingV1, topic: topics.legalEvents, pillar: 'legal', about: 'case' },
  [legalEventTypes.hearingRecorded]: { schema: HearingRecordedV1, topic: topics.legalEvents, pillar: 'legal', about: 'case' },
  [legalEventTypes.witnessSupportRecorded]: { schema: WitnessSupportRecordedV1, topic: topics.legalEvents, pillar: 'legal', about: 'case' },
  [legalEventTypes.verdictRecorded]: { schema: VerdictRecordedV1, topic: topics.legalEvents, pillar: 'legal', about: 'case' },
  [legalEventTypes.appealFiled]: { schema: AppealFiledV1, topic: topics.legalEvents, pillar: 'legal', about: 'case' },
  [legalEventTypes.premisesClosed]: { schema: PremisesClosedV1, topic: topics.legalEvents, pillar: 'legal', about: 'case' },
  [legalEventTypes.propertyAttached]: { schema: PropertyAttachedV1, topic: topics.legalEvents, pillar: 'legal', about: 'case' },
  [legalEventTypes.compensationOrdered]: { schema: CompensationOrderedV1, topic: topics.legalEvents, pillar: 'legal', about: 'case' },
  [legalEventTypes.caseClosed]: { schema: CaseClosedV1, topic: topics.legalEvents, pillar: 'legal', about: 'case' },
  [legalEventTypes.caseTeamJoined]: { schema: CaseTeamJoinedV1, topic: topics.legalEvents, pillar: 'legal', about: 'case' },
  [legalEventTypes.survivorNamedAsAccused]: { schema: SurvivorNamedAsAccusedV1, topic: topics.legalEvents, pillar: 'legal' },
  [legalEventTypes.survivorAccusationDropped]: { schema: SurvivorAccusationDroppedV1, topic: topics.legalEvents, pillar: 'legal' },
  [legalEventTypes.debtBondageSuspected]: { schema: DebtBondageSuspectedV1, topic: topics.legalEvents, pillar: 'legal' },
  [legalEventTypes.consentWithdrawnOnOpenCase]: { schema: ConsentWithdrawnOnOpenCaseV1, topic: topics.legalEvents, pillar: 'legal' },
  [legalEventTypes.trainingSessionHeld]: { schema: TrainingSessionHeldV1, topic: topics.legalEvents, pillar: 'legal', about: 'training' },
  [legalEventTypes.trainingRefresherOverdue]: { schema: TrainingRefresherOverdueV1, topic: topics.legalEvents, pillar: 'legal', about: 'training' },
  [livelihoodEventTypes.livelihoodPlanOpened]: { schema: LivelihoodPlanOpenedV1, topic: topics.livelihoodEvents, pillar: 'livelihood' },
  [livelihoodEventTypes.skillTrainingStartedV1]: { schema: SkillTrainingStartedV1, topic: topics.livelihoodEvents, pillar: 'livelihood' },
  [livelihoodEventTypes.skillTrainingStarted]: { schema: SkillTrainingStartedV2, topic: topics.livelihoodEvents, pillar: 'livelihood' },
  [livelihoodEventTypes.skillTrainingEnded]: { schema: SkillTrainingEndedV1, topic: topics.livelihoodEvents, pillar: 'livelihood' },
  [livelihoodEventTypes.placementStartedV1]: { schema: PlacementStartedV1, topic: topics.livelihoodEvents, pillar: 'livelihood' },
  [livelihoodEventTypes.placementStarted]: { schema: PlacementStartedV2, topic: topics.livelihoodEvents, pillar: 'livelihood' },
  [livelihoodEventTypes.incomeFollowedUp]: { schema: IncomeFollowedUpV1, topic: topics.livelihoodEvents, pillar: 'livelihood' },
  [livelihoodEventTypes.placementLost]: { schema: PlacementLostV1, topic: topics.livelihoodEvents, pillar: 'livelihood' },
  [livelihoodEventTypes.financialInclusionRecorded]: { schema: FinancialInclusionRecordedV1, topic: topics.livelihoodEvents, pillar: 'livelihood' },
  [livelihoodEventTypes.schemeLinkageRecorded]: { schema: SchemeLinkageRecordedV1, topic: topics.livelihoodEvents, pillar: 'livelihood' },
  [livelihoodEventTypes.preventionPlanOpened]: { schema: PreventionPlanOpenedV1, topic: topics.livelihoodEvents, pillar: 'livelihood', about: 'prevention-plan' },
  [livelihoodEventTypes.preventionSupportRecorded]: {
    schema: PreventionSupportRecordedV1,
    topic: topics.livelihoodEvents,
    pillar: 'livelihood',
    about: 'prevention-plan',
  },
  [livelihoodEventTypes.entryIntoExploitationRecorded]: {
    schema: EntryIntoExploitationRecordedV1,
    topic: topics.livelihoodEvents,
    pillar: 'livelihood',
    about: 'prevention-plan',
  },
  [livelihoodEventTypes.entryPrevented]: { schema: EntryPreventedV1, topic: topics.livelihoodEvents, pillar: 'livelihood', about: 'prevention-plan' },
  [auditEventTypes.personDataAccessed]: { schema: PersonDataAccessedV1, topic: topics.audit, pillar: null },
  [analyticsEventTypes.pillarEventObserved]: { schema: PillarEventObservedV1, topic: topics.analytics, pillar: null },
} as const satisfies Record<string, CatalogEntry>;

export type EventType = keyof typeof eventCatalog;
export type EventData<T extends EventType> = Static<(typeof eventCatalog)[T]['schema']>;

export function isKnownEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(eventCatalog, type);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
if (!FormatRegistry.Has('uuid')) FormatRegistry.Set('uuid', (value) => UUID.test(value));
const DATE = /^\d{4}-\d{2}-\d{2}$/;
if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', (value) => DATE.test(value) && !Number.isNaN(Date.parse(value)));
if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set('date-time', (value) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
}

/**
 * A string's length in characters (code points), as JSON Schema, the staff API and its document
 * count it. TypeBox counts UTF-16 units, so a text the API had accepted (40 characters of a
 * script outside the Basic Multilingual Plane are 80 units) failed its event's check: a 500.
 * Every string with a length rule is checked by this kind instead; the schemas, and the
 * documents made from them, are unchanged.
 */
type CharacterString = { minLength?: number; maxLength?: number; pattern?: string; format?: string };
const characters = (value: string) => [...value].length;
if (!TypeRegistry.Has('CharacterString')) {
  TypeRegistry.Set<CharacterString>('CharacterString', (schema, value) => {
    if (typeof value !== 'string') return false;
    const length = characters(value);
    if (schema.minLength !== undefined && length < schema.minLength) return false;
    if (schema.maxLength !== undefined && length > schema.maxLength) return false;
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) return false;
    return schema.format === undefined || (FormatRegistry.Get(schema.format)?.(value) ?? false);
  });
  SetErrorFunction((error) => {
    const schema = error.schema as CharacterString & { [Kind]?: string };
    if (schema[Kind] !== 'CharacterString') return DefaultErrorFunction(error);
    return `Expected a string of ${schema.minLength ?? 0} to ${schema.maxLength ?? 'any number of'} characters${schema.pattern ? ` matching ${schema.pattern}` : ''}`;
  });
}

/** The schema with every string that has a length rule checked in characters (see CharacterString). */
function countingCharacters(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(countingCharacters);
  if (!schema || typeof schema !== 'object') return schema;
  const copy: Record<string | symbol, unknown> = {};
  for (const key of Reflect.ownKeys(schema)) copy[key] = countingCharacters((schema as Record<string | symbol, unknown>)[key]);
  if (copy[Kind] === 'String' && (copy['minLength'] !== undefined || copy['maxLength'] !== undefined)) copy[Kind] = 'CharacterString';
  return copy;
}

const compiled = new Map<string, TypeCheck<TSchema>>();
function checkerOf(type: EventType): TypeCheck<TSchema> {
  let check = compiled.get(type);
  if (!check) {
    check = TypeCompiler.Compile(countingCharacters(eventCatalog[type].schema) as TSchema);
    compiled.set(type, check);
  }
  return check;
}

/** Problems with a payload, as "path: reason"; empty when it matches its schema. */
export function payloadProblems(type: string, data: unknown): string[] {
  if (!isKnownEventType(type)) return [`type: unknown event type "${type}"`];
  return [...checkerOf(type).Errors(data)].map((error) => `${error.path || '/'}: ${error.message}`);
}

/**
 * A payload as a consumer reads it (tolerant reader): fields its schema does not know are
 * dropped before the check, so a producer that added an optional field can be deployed before
 * its consumers; everything the schema does know is still validated. Producers stay strict.
 */
export function readPayload(type: EventType, data: unknown): { data: unknown; problems: string[] } {
  const known = Value.Clean(eventCatalog[type].schema, structuredClone(data));
  return { data: known, problems: payloadProblems(type, known) };
}

/** Event types that record a pillar's work about a person: what timelines are made of. */
export type PillarEventType = {
  [T in EventType]: (typeof eventCatalog)[T]['pillar'] extends Pillar ? T : never;
}[EventType];
