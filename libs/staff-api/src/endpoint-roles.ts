import type { IdentifyingTextKind, RecordKind, StaffRole } from '@mukti/contracts';

export interface StaffEndpoint {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the OpenAPI document writes it. */
  readonly path: string;
  readonly roles: readonly StaffRole[];
  /**
   * Body fields naming survivors (an id or a list of ids), for endpoints about her that do not
   * carry her id in the path: the audit trail records each of them as the person concerned.
   */
  readonly peopleInBody?: readonly string[];
  /** Answer fields naming the people a request was about, where the request itself does not (a registration, a prevention plan read; `list[].field` for everyone a listing showed). */
  readonly peopleInAnswer?: readonly string[];
  /** The record with a team of its own that the request creates, named by the answer's `id` (its path cannot name it yet): on the trail under it, as every later request on it is. */
  readonly recordInAnswer?: Exclude<RecordKind, 'person'>;
}

const staffWhoReadCases: StaffRole[] = ['admin', 'caseworker', 'counsellor', 'rescue-coordinator', 'livelihood-officer', 'legal-officer'];
const legalStaff: StaffRole[] = ['admin', 'legal-officer'];
const livelihoodStaff: StaffRole[] = ['admin', 'livelihood-officer'];
const householdStaff: StaffRole[] = ['admin', 'caseworker'];
const preventionStaff: StaffRole[] = ['admin', 'caseworker', 'livelihood-officer'];

/**
 * Every staff endpoint and the roles that may call it: the one table that the gateway and the
 * owning services enforce (each with @Roles(...endpointRoles.x)), that the OpenAPI document
 * states, and that the role-by-endpoint test walks (it also fails on an endpoint missing here).
 * Analysts are on none of these: they get indicators and the de-identified stream, never a person.
 */
export const staffEndpoints = {
  registerPerson: { method: 'POST', path: '/api/v1/people', roles: ['admin', 'caseworker', 'rescue-coordinator'], peopleInAnswer: ['id'] },
  readPerson: { method: 'GET', path: '/api/v1/people/{personId}', roles: staffWhoReadCases },
  recordConsent: { method: 'POST', path: '/api/v1/people/{personId}/consents', roles: ['admin', 'caseworker'] },
  assessVulnerability: {
    method: 'POST',
    path: '/api/v1/people/{personId}/vulnerability-assessments',
    roles: ['admin', 'caseworker', 'livelihood-officer'],
  },
  assignStaff: { method: 'POST', path: '/api/v1/people/{personId}/assignments', roles: ['admin', 'caseworker'] },
  unassignStaff: { method: 'DELETE', path: '/api/v1/people/{personId}/assignments/{staffId}', roles: ['admin', 'caseworker'] },
  erasePerson: { method: 'POST', path: '/api/v1/people/{personId}/erasure', roles: ['admin'] },
  determineAge: { method: 'POST', path: '/api/v1/people/{personId}/age-determinations', roles: ['admin', 'caseworker'] },
  readTimeline: { method: 'GET', path: '/api/v1/people/{personId}/timeline', roles: staffWhoReadCases },
  readSummary: { method: 'GET', path: '/api/v1/people/{personId}/summary', roles: staffWhoReadCases },
  planRescueOperation: { method: 'POST', path: '/api/v1/rescue-operations', roles: ['admin', 'rescue-coordinator'], recordInAnswer: 'rescue-operation' },
  recordRescue: {
    method: 'POST',
    path: '/api/v1/rescue-operations/{operationId}/rescue',
    roles: ['admin', 'rescue-coordinator'],
    peopleInBody: ['persons[].personId'],
  },
  /** A member of the operation's team adds a coordinator to it. */
  joinRescueOperationTeam: { method: 'POST', path: '/api/v1/rescue-operations/{operationId}/team', roles: ['admin', 'rescue-coordinator'] },
  recordPostRescueStep: {
    method: 'POST',
    path: '/api/v1/rescue-operations/{operationId}/persons/{personId}/steps',
    roles: ['admin', 'rescue-coordinator', 'caseworker'],
  },
  recordTraffickingProfile: {
    method: 'POST',
    path: '/api/v1/rescue-operations/{operationId}/persons/{personId}/trafficking-profile',
    roles: ['admin', 'rescue-coordinator', 'caseworker'],
  },
  /** The police changed how they recorded her: recorded as a victim closes the decriminalisation alert. */
  recordPoliceRecordChange: {
    method: 'POST',
    path: '/api/v1/rescue-operations/{operationId}/persons/{personId}/police-record',
    roles: ['admin', 'rescue-coordinator', 'caseworker'],
  },
  closeRescueOperation: { method: 'POST', path: '/api/v1/rescue-operations/{operationId}/closure', roles: ['admin', 'rescue-coordinator'] },
  readRescueOperation: {
    method: 'GET',
    path: '/api/v1/rescue-operations/{operationId}',
    roles: ['admin', 'rescue-coordinator'],
    peopleInAnswer: ['persons[].personId'],
  },
  openCarePlan: { method: 'POST', path: '/api/v1/people/{personId}/care-plan', roles: ['admin', 'caseworker'] },
  setCarePlanGoal: { method: 'POST', path: '/api/v1/people/{personId}/care-plan/goals', roles: ['admin', 'caseworker'] },
  admitToShelter: { method: 'POST', path: '/api/v1/people/{personId}/shelter-admissions', roles: ['admin', 'caseworker'] },
  dischargeFromShelter: { method: 'POST', path: '/api/v1/people/{personId}/shelter-discharges', roles: ['admin', 'caseworker'] },
  recordCounsellingSession: { method: 'POST', path: '/api/v1/people/{personId}/counselling-sessions', roles: ['admin', 'counsellor'] },
  /** The notes are opened for counsellors only; an admin sees that sessions took place, not what was said. */
  readCounsellingSessions: { method: 'GET', path: '/api/v1/people/{personId}/counselling-sessions', roles: ['admin', 'counsellor'] },
  readShelterStays: { method: 'GET', path: '/api/v1/people/{personId}/shelter-stays', roles: ['admin', 'caseworker', 'counsellor'] },
  recordHealthService: { method: 'POST', path: '/api/v1/people/{personId}/health-services', roles: ['admin', 'caseworker'] },
  enrolInEducation: { method: 'POST', path: '/api/v1/people/{personId}/education-enrolments', roles: ['admin', 'caseworker'] },
  recordIdentityDocument: { method: 'POST', path: '/api/v1/people/{personId}/identity-documents', roles: ['admin', 'caseworker'] },
  recordRepatriationStep: { method: 'POST', path: '/api/v1/people/{personId}/repatriation-steps', roles: ['admin', 'caseworker'] },
  scheduleFollowUps: { method: 'POST', path: '/api/v1/people/{personId}/follow-up-schedule', roles: ['admin', 'caseworker'] },
  recordFollowUp: { method: 'POST', path: '/api/v1/people/{personId}/follow-ups', roles: ['admin', 'caseworker'] },
  recordCompensation: { method: 'POST', path: '/api/v1/people/{personId}/compensation', roles: ['admin', 'caseworker', 'legal-officer'] },
  /** Open alerts across the people on the caller's case teams (all people for an admin). */
  readAlerts: { method: 'GET', path: '/api/v1/alerts', roles: staffWhoReadCases, peopleInAnswer: ['alerts[].personId'] },
  /** The people on the caller's case teams, filtered by their trafficking profile and alerts. */
  findPeople: { method: 'GET', path: '/api/v1/people', roles: staffWhoReadCases, peopleInAnswer: ['people[].personId'] },
  // Households (intake) and the prevention and livelihood pillar.
  registerHousehold: { method: 'POST', path: '/api/v1/households', roles: householdStaff, peopleInBody: ['memberIds'], recordInAnswer: 'household' },
  addHouseholdMember: { method: 'POST', path: '/api/v1/households/{householdId}/members', roles: householdStaff, peopleInBody: ['personId'] },
  assessHousehold: { method: 'POST', path: '/api/v1/households/{householdId}/assessments', roles: householdStaff },
  openLivelihoodPlan: { method: 'POST', path: '/api/v1/people/{personId}/livelihood-plan', roles: livelihoodStaff },
  readSkillTrainings: { method: 'GET', path: '/api/v1/people/{personId}/skill-trainings', roles: ['admin', 'caseworker', 'livelihood-officer'] },
  startSkillTraining: { method: 'POST', path: '/api/v1/people/{personId}/skill-trainings', roles: livelihoodStaff },
  endSkillTraining: { method: 'POST', path: '/api/v1/people/{personId}/skill-trainings/{trainingId}/end', roles: livelihoodStaff },
  readPlacements: { method: 'GET', path: '/api/v1/people/{personId}/placements', roles: ['admin', 'caseworker', 'livelihood-officer'] },
  startPlacement: { method: 'POST', path: '/api/v1/people/{personId}/placements', roles: livelihoodStaff },
  followUpIncome: { method: 'POST', path: '/api/v1/people/{personId}/placements/{placementId}/income-follow-ups', roles: livelihoodStaff },
  recordPlacementLost: { method: 'POST', path: '/api/v1/people/{personId}/placements/{placementId}/loss', roles: livelihoodStaff },
  recordFinancialInclusion: { method: 'POST', path: '/api/v1/people/{personId}/financial-inclusion', roles: livelihoodStaff },
  recordSchemeLinkage: { method: 'POST', path: '/api/v1/people/{personId}/scheme-linkages', roles: livelihoodStaff },
  openPreventionPlan: { method: 'POST', path: '/api/v1/prevention-plans', roles: preventionStaff, peopleInBody: ['personId'], recordInAnswer: 'prevention-plan' },
  recordPreventionSupport: { method: 'POST', path: '/api/v1/prevention-plans/{preventionPlanId}/supports', roles: preventionStaff },
  recordEntryIntoExploitation: {
    method: 'POST',
    path: '/api/v1/prevention-plans/{preventionPlanId}/entries-into-exploitation',
    roles: preventionStaff,
    peopleInBody: ['personId'],
  },
  readPreventionPlan: { method: 'GET', path: '/api/v1/prevention-plans/{preventionPlanId}', roles: preventionStaff, peopleInAnswer: ['personIds'] },
  // Prosecution: perpetrators, cases from the FIR to the verdict, training of service providers.
  profilePerpetrator: { method: 'POST', path: '/api/v1/perpetrators', roles: legalStaff, recordInAnswer: 'perpetrator' },
  linkPerpetrators: { method: 'POST', path: '/api/v1/perpetrators/{perpetratorId}/links', roles: legalStaff },
  readPerpetrator: { method: 'GET', path: '/api/v1/perpetrators/{perpetratorId}', roles: legalStaff },
  correctPerpetratorProfile: { method: 'POST', path: '/api/v1/perpetrators/{perpetratorId}/corrections', roles: legalStaff },
  /** Like a person's erasure: an admin's, with a reason. */
  erasePerpetrator: { method: 'POST', path: '/api/v1/perpetrators/{perpetratorId}/erasure', roles: ['admin'] },
  registerFir: { method: 'POST', path: '/api/v1/cases', roles: legalStaff, peopleInBody: ['victimIds', 'survivorsAccusedIds'], recordInAnswer: 'case' },
  readCase: { method: 'GET', path: '/api/v1/cases/{caseId}', roles: legalStaff, peopleInAnswer: ['record.victimIds', 'record.survivorsAccused'] },
  /** A member of the case's team adds a legal officer to it. */
  joinCaseTeam: { method: 'POST', path: '/api/v1/cases/{caseId}/team', roles: legalStaff },
  nameAccused: { method: 'POST', path: '/api/v1/cases/{caseId}/accused', roles: legalStaff },
  nameSurvivorAsAccused: { method: 'POST', path: '/api/v1/cases/{caseId}/survivors-accused', roles: legalStaff, peopleInBody: ['personId'] },
  dropSurvivorAccusation: { method: 'POST', path: '/api/v1/cases/{caseId}/survivors-accused/{personId}/dropped', roles: legalStaff },
  recordArrest: { method: 'POST', path: '/api/v1/cases/{caseId}/arrests', roles: legalStaff },
  declareAbsconding: { method: 'POST', path: '/api/v1/cases/{caseId}/absconding', roles: legalStaff },
  recordBail: { method: 'POST', path: '/api/v1/cases/{caseId}/bail', roles: legalStaff, peopleInBody: ['personId'] },
  fileChargeSheet: { method: 'POST', path: '/api/v1/cases/{caseId}/charge-sheets', roles: legalStaff },
  recordHearing: { method: 'POST', path: '/api/v1/cases/{caseId}/hearings', roles: legalStaff },
  recordWitnessSupport: { method: 'POST', path: '/api/v1/cases/{caseId}/witness-support', roles: legalStaff, peopleInBody: ['personId'] },
  recordVerdict: { method: 'POST', path: '/api/v1/cases/{caseId}/verdicts', roles: legalStaff },
  fileAppeal: { method: 'POST', path: '/api/v1/cases/{caseId}/appeals', roles: legalStaff },
  closePremises: { method: 'POST', path: '/api/v1/cases/{caseId}/premises-closures', roles: legalStaff },
  attachProperty: { method: 'POST', path: '/api/v1/cases/{caseId}/property-attachments', roles: legalStaff },
  orderCompensation: { method: 'POST', path: '/api/v1/cases/{caseId}/compensation-orders', roles: legalStaff, peopleInBody: ['personId'] },
  closeCase: { method: 'POST', path: '/api/v1/cases/{caseId}/closure', roles: legalStaff },
  recordTrainingSession: { method: 'POST', path: '/api/v1/training-sessions', roles: legalStaff },
  listTrainingSessions: { method: 'GET', path: '/api/v1/training-sessions', roles: legalStaff },
  /** Counts only, by state: who is prosecuted and who escapes. */
  readProsecutionIndicators: { method: 'GET', path: '/api/v1/prosecution-indicators', roles: ['admin'] },
  readAuditTrail: { method: 'GET', path: '/api/v1/audit', roles: ['admin'] },
  readIndicators: { method: 'GET', path: '/api/v1/indicators', roles: ['admin', 'analyst'] },
  exportHtcds: { method: 'GET', path: '/api/v1/research/htcds-export', roles: ['admin', 'analyst'] },
} as const satisfies Record<string, StaffEndpoint>;

/**
 * Who may have intake seal each kind of identifying text with her key: the roles of the staff
 * endpoint that records it (counselling notes, a shelter admission, a placement).
 */
export const identifyingTextSealers = {
  'counselling-notes': staffEndpoints.recordCounsellingSession.roles,
  'shelter-name': staffEndpoints.admitToShelter.roles,
  employer: staffEndpoints.startPlacement.roles,
  'skill-training': staffEndpoints.startSkillTraining.roles,
} as const satisfies Record<IdentifyingTextKind, readonly StaffRole[]>;

/**
 * Who may have intake open each kind of identifying text (on her case team, or an admin with a
 * reason): counselling notes for counsellors only (an admin sees that sessions took place, not what
 * was said); the shelter she stays in for those who read her shelter stays, her employer for those
 * who read her placements, her trainings' trade and provider for those who read her trainings.
 */
export const identifyingTextReaders = {
  'counselling-notes': ['counsellor'],
  'shelter-name': staffEndpoints.readShelterStays.roles,
  employer: staffEndpoints.readPlacements.roles,
  'skill-training': staffEndpoints.readSkillTrainings.roles,
} as const satisfies Record<IdentifyingTextKind, readonly StaffRole[]>;

/**
 * Endpoints a service calls on a staff member's behalf, with her own token (so the same roles
 * and need-to-know apply): not on the gateway. Intake seals text that identifies her with the
 * person's key for the service that records it (rehabilitation, livelihood), and opens it for
 * those who read it, because only intake holds keys (ADR 0004, 0008).
 */
export const serviceEndpoints = {
  /** Any role that records one kind; intake then checks the caller's role against that kind's (`identifyingTextSealers`). */
  sealIdentifyingText: {
    method: 'POST',
    path: '/people/{personId}/identifying-text/sealed',
    roles: [...new Set(Object.values(identifyingTextSealers).flat())],
  },
  /** Any role that reads one kind; intake then checks the caller's role against that kind's (`identifyingTextReaders`). */
  openIdentifyingText: {
    method: 'POST',
    path: '/people/{personId}/identifying-text/opened',
    roles: [...new Set(Object.values(identifyingTextReaders).flat())],
  },
} as const satisfies Record<string, StaffEndpoint>;

export type StaffEndpointName = keyof typeof staffEndpoints;
export type ServiceEndpointName = keyof typeof serviceEndpoints;

export const endpointRoles = Object.fromEntries(
  Object.entries(staffEndpoints).map(([name, endpoint]) => [name, endpoint.roles]),
) as { readonly [N in StaffEndpointName]: (typeof staffEndpoints)[N]['roles'] };

/** The path parameters that name a record with a team of its own (rule 7), and what record each names. */
const recordOfPathParameter: Readonly<Record<string, Exclude<RecordKind, 'person'>>> = {
  operationId: 'rescue-operation',
  caseId: 'case',
  perpetratorId: 'perpetrator',
  householdId: 'household',
  preventionPlanId: 'prevention-plan',
};

/** The record a request to this endpoint opens, other than a person (her id is the person): from its path, if it names one. */
export function recordOpenedBy(endpoint: StaffEndpoint, pathParameters: Readonly<Record<string, unknown>>): { kind: Exclude<RecordKind, 'person'>; id: string } | undefined {
  for (const [, parameter] of endpoint.path.matchAll(/\{(\w+)\}/g)) {
    const kind = recordOfPathParameter[parameter!];
    const id = pathParameters[parameter!];
    if (kind && typeof id === 'string') return { kind, id };
  }
  return undefined;
}

/** The record a request created, from its answer's `id` (an FIR's case, a household), for the endpoints that create one. */
export function recordCreatedBy(endpoint: StaffEndpoint, answer: unknown): { kind: Exclude<RecordKind, 'person'>; id: string } | undefined {
  const id = (answer as { id?: unknown } | null | undefined)?.id;
  return endpoint.recordInAnswer && typeof id === 'string' ? { kind: endpoint.recordInAnswer, id } : undefined;
}
