/**
 * De-identification for the analytics stream, as a pure function: what analysts may learn about
 * one pillar event. No names, phones, addresses, free text, staff identities or exact dates; a
 * keyed pseudonym instead of her id (a new one on every record for a child, so a child cannot be
 * followed), and nothing at all about a person who withdrew her consent to research.
 *
 * A record is about one person. A case's event is published once for each victim it concerns
 * (every victim, or the one it names), with her pseudonym and profile: analysts count victims
 * whose FIR was registered, not FIRs. A prevention plan's event likewise, once for each person it
 * concerns (everyone it covers, or the one whose entry was prevented or who entered exploitation).
 * Perpetrators', training sessions' and households' events are about no person, so there is no
 * record to make of them: they do not reach the stream.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import {
  AgeBand,
  AnyPillarEventEnvelope,
  chargeSheetDeadlinesDays,
  eventCatalog,
  Gender,
  intakeEventTypes,
  legalEventTypes,
  livelihoodEventTypes,
  mayBeChild,
  PillarEventObservedV1,
  rehabilitationEventTypes,
  rescueEventTypes,
} from '@mukti/contracts';
import type { PersonSummary } from '../timeline/person-summary';
import type { CodedPlace, TimelineFacts } from '../timeline/describe-event';

type PublicFacts = PillarEventObservedV1['facts'];
type PublicValue = PublicFacts[string];

/** The states and countries of coded places, each once: never a district (too few people live in one). */
const statesOf = (places: (CodedPlace | undefined)[]) => [...new Set(places.flatMap((place) => (place?.state ? [place.state] : [])))];
const countriesOf = (places: (CodedPlace | undefined)[]) => [...new Set(places.flatMap((place) => (place ? [place.country] : [])))];
/** Only the facts that are there, so an unknown is left out rather than sent as empty. */
const present = (facts: Record<string, PublicValue | undefined>): PublicFacts =>
  Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as PublicFacts;
/** The acts a FIR or charge sheet cites, each once: the sections are for the court, not the count. */
const actsOf = (facts: TimelineFacts) => [...new Set(((facts['sections'] ?? []) as { act: string }[]).map(({ act }) => act))];
const countOf = (values: unknown) => (Array.isArray(values) ? values.length : undefined);
/** A charge sheet within the 60 or 90 days of BNSS s.187, or after them (when an accused may have walked out on default bail). */
const chargeSheetTiming = (days: number | undefined) => {
  if (days === undefined) return undefined;
  const deadline = chargeSheetDeadlinesDays.find((limit) => days <= limit);
  return deadline ? `within-${deadline}-days` : `after-${chargeSheetDeadlinesDays.at(-1)}-days`;
};
/** A sentence in bands of the law's own steps (ITPA s.5: 3 to 7 years; BNS s.143: 7 to 10 years and more): [from, to) years. */
const sentenceBandOf = (months: number | undefined) =>
  months === undefined
    ? undefined
    : months < 12
      ? 'under-1-year'
      : months < 36
        ? '1-to-3-years'
        : months < 84
          ? '3-to-7-years'
          : months < 120
            ? '7-to-10-years'
            : '10-years-or-more';

/**
 * Her monthly income in bands, never the amount (an exact wage with an employer's sector and state
 * narrows her down): [from, to) rupees. Whether it is at least the minimum wage is its own fact.
 */
export const incomeBandOf = (monthlyInr: number | undefined) =>
  monthlyInr === undefined
    ? undefined
    : monthlyInr === 0
      ? 'none'
      : monthlyInr < 5_000
        ? 'under-5000'
        : monthlyInr < 10_000
          ? '5000-to-9999'
          : monthlyInr < 15_000
            ? '10000-to-14999'
            : monthlyInr < 25_000
              ? '15000-to-24999'
              : '25000-or-more';
/** A placement or income follow-up: its codes, the income's band and whether it is at least the minimum wage. */
const incomeFacts = (facts: TimelineFacts) =>
  present({
    kind: facts['kind'] as string | undefined,
    sector: facts['sector'] as string | undefined,
    skillLevel: (facts['skillLevel'] ?? (facts['minimumWage'] as { skillLevel?: string } | undefined)?.skillLevel) as string | undefined,
    placementState: facts['state'] as string | undefined,
    incomeBand: incomeBandOf(facts['monthlyIncomeInr'] as number | undefined),
    sustainableWage: facts['sustainableWage'] as boolean | undefined,
  });

/**
 * The facts of each event type analysts may see: codes, counts and flags only. A list names the
 * timeline facts passed as they are; a function derives them where a fact has to be coarsened
 * first (a place to its state and country). Left out on purpose: free text (a shelter's name: its
 * kind stays), exact dates (due, held and done dates: the record's month is all), districts, ids
 * (operations, sessions) and compensation amounts (an exact award can be looked up in the order
 * that made it). Of a case: no police station, FIR number, district, perpetrator or case id, and
 * no amounts; its sections as the acts cited, a sentence as its band, a charge sheet's days as
 * against the deadlines. Of livelihood: no employer or enterprise, trade or provider (free text),
 * no training, placement, support or plan id, no exact income (its band) and no dates; of a
 * prevention plan's event, whom it is for (a household or a person), the support's codes, and the
 * outcome for the person it names. Perpetrators', training sessions' and households' events are
 * never published (see above): their rules say what could be, if they ever were.
 */
/** Of an FIR (either version): the acts cited, its state, how many accused; never its number or police station. */
const firFacts = (facts: TimelineFacts): PublicFacts =>
  present({
    actsCited: actsOf(facts),
    firState: facts['state'] as string | undefined,
    accused: countOf(facts['accusedIds']),
    mainAccusedNamed: facts['mainAccusedId'] === undefined ? undefined : ((facts['accusedIds'] ?? []) as string[]).includes(facts['mainAccusedId'] as string),
  });
/** Of a household (either version): its state and size; never its village or ward. */
const householdFacts = (facts: TimelineFacts): PublicFacts => present({ householdState: facts['state'] as string | undefined, members: facts['members'] as number | undefined });

const publicFacts: Record<AnyPillarEventEnvelope['type'], readonly string[] | ((facts: TimelineFacts) => PublicFacts)> = {
  [intakeEventTypes.personRegistered]: ['role', 'referralSource'],
  [intakeEventTypes.consentRecorded]: ['scope', 'decision', 'givenBy'],
  [intakeEventTypes.vulnerabilityAssessed]: ['level', 'score', 'factors'],
  [intakeEventTypes.staffAssigned]: ['staffRole'],
  [intakeEventTypes.staffUnassigned]: [],
  [intakeEventTypes.personErased]: ['reason'],
  // A review for her case team: who tried is staff, nothing an analyst counts.
  [intakeEventTypes.possibleDuplicateReported]: [],
  [rescueEventTypes.operationPlanned]: ['kind', 'kindOfPlace', 'legalBasis'],
  [rescueEventTypes.operationCarriedOut]: ['personsRescued', 'searchWithoutRequiredWitnesses'],
  [rescueEventTypes.operationClosed]: ['outcome', 'personsRescued', 'children', 'adults', 'recordedAsAccused', 'stepsDone', 'stepsDoneLate', 'stepsOpen'],
  [rescueEventTypes.personRescued]: ['kindOfPlace', 'policeRecordedAs', 'decriminalisationAlert', 'itpaAgeClass', 'jjAgeClass'],
  [rescueEventTypes.postRescueStepCompleted]: ['step', 'late'],
  [rescueEventTypes.postRescueStepOverdue]: ['step'],
  [rescueEventTypes.policeRecordChanged]: ['policeRecordedAs', 'decriminalisationAlert'],
  // Who works on an operation: staff ids, nothing an analyst counts.
  [rescueEventTypes.operationTeamJoined]: [],
  [rescueEventTypes.traffickingProfileRecorded]: (facts) => {
    const { source, transit = [], destination } = facts as { source?: CodedPlace; transit?: CodedPlace[]; destination?: CodedPlace };
    return present({
      traffickingStatus: facts['traffickingStatus'] as string,
      exploitationTypes: facts['exploitationTypes'] as string[],
      recruitmentMethod: facts['recruitmentMethod'] as string,
      meansOfControl: facts['meansOfControl'] as string[],
      relationshipToTrafficker: facts['relationshipToTrafficker'] as string,
      sourceCountry: source?.country,
      sourceState: source?.state,
      transitCountries: countriesOf(transit),
      transitStates: statesOf(transit),
      destinationCountry: destination?.country,
      destinationState: destination?.state,
    });
  },
  [rehabilitationEventTypes.carePlanOpened]: ['origin', 'child', 'goals'],
  [rehabilitationEventTypes.goalSet]: ['domain', 'status'],
  [rehabilitationEventTypes.shelterAdmitted]: ['shelterKind', 'shelterState'],
  [rehabilitationEventTypes.shelterAdmittedV1]: ['shelterKind', 'shelterState'],
  [rehabilitationEventTypes.shelterDischarged]: ['reason'],
  [rehabilitationEventTypes.shelterDischargedV1]: ['reason'],
  [rehabilitationEventTypes.counsellingSessionRecorded]: ['kind'],
  [rehabilitationEventTypes.healthServiceRecorded]: ['service', 'provider'],
  [rehabilitationEventTypes.educationEnrolled]: ['programme'],
  [rehabilitationEventTypes.identityDocumentRecorded]: ['document', 'status'],
  [rehabilitationEventTypes.voterRegistered]: [],
  [rehabilitationEventTypes.repatriationStepRecorded]: (facts) =>
    present({
      step: facts['step'] as string,
      homeState: (facts['home'] as { state?: string } | undefined)?.state,
      homeInvestigationOutcome: facts['homeInvestigationOutcome'] as string | undefined,
      handedOverTo: facts['handedOverTo'] as string | undefined,
    }),
  [rehabilitationEventTypes.followUpsScheduled]: (facts) =>
    present({
      everyMonths: facts['everyMonths'] as number,
      forMonths: facts['forMonths'] as number,
      followUps: (facts['dueDates'] as string[] | undefined)?.length,
    }),
  [rehabilitationEventTypes.followUpRecorded]: ['status', 'retraffickingRisk'],
  [rehabilitationEventTypes.followUpMissed]: [],
  [rehabilitationEventTypes.compensationRecorded]: ['stage', 'scheme'],
  [legalEventTypes.perpetratorProfiled]: ['category', 'beneficiary'],
  [legalEventTypes.perpetratorsLinked]: ['link'],
  [intakeEventTypes.ageDetermined]: ['method', 'ageBand'],
  [intakeEventTypes.ageBandMoved]: ['ageBand'],
  [legalEventTypes.perpetratorProfileCorrected]: ['category', 'beneficiary', 'reason'],
  [legalEventTypes.perpetratorErased]: ['reason'],
  [legalEventTypes.firRegistered]: firFacts,
  [legalEventTypes.firRegisteredV1]: firFacts,
  [legalEventTypes.accusedNamed]: ['main'],
  [legalEventTypes.accusedArrested]: [],
  [legalEventTypes.accusedAbsconding]: [],
  [legalEventTypes.bailRecorded]: (facts) =>
    present({ bailOf: facts['personId'] === undefined ? 'accused' : 'survivor', stage: facts['stage'] as string, surety: facts['surety'] as string | undefined }),
  [legalEventTypes.chargeSheetFiled]: (facts) =>
    present({ actsCited: actsOf(facts), accusedCharged: countOf(facts['accusedIds']), filed: chargeSheetTiming(facts['daysAfterFir'] as number | undefined) }),
  [legalEventTypes.chargeSheetMissing]: ['daysAfterFir'],
  [legalEventTypes.hearingRecorded]: (facts) =>
    present({ court: facts['court'] as string, stage: facts['stage'] as string, nextHearingSet: facts['nextHearingAt'] !== undefined }),
  [legalEventTypes.witnessSupportRecorded]: ['testimony', 'inCamera', 'supportPerson', 'protectionMeasures', 'travelSupported'],
  [legalEventTypes.verdictRecorded]: (facts) =>
    present({
      outcome: facts['outcome'] as string,
      court: facts['court'] as string,
      sentenceBand: sentenceBandOf(facts['sentenceMonths'] as number | undefined),
      fined: facts['outcome'] === 'convicted' ? facts['fineInr'] !== undefined : undefined,
    }),
  [legalEventTypes.appealFiled]: ['appellant', 'court'],
  [legalEventTypes.premisesClosed]: (facts) => present({ premisesState: facts['state'] as string | undefined }),
  [legalEventTypes.propertyAttached]: ['kind'],
  [legalEventTypes.compensationOrdered]: ['payableBy'],
  [legalEventTypes.caseClosed]: ['reason'],
  // Who works on a case: staff ids, nothing an analyst counts.
  [legalEventTypes.caseTeamJoined]: [],
  [legalEventTypes.survivorNamedAsAccused]: [],
  [legalEventTypes.survivorAccusationDropped]: [],
  [legalEventTypes.debtBondageSuspected]: [],
  [legalEventTypes.consentWithdrawnOnOpenCase]: ['scope'],
  [legalEventTypes.trainingSessionHeld]: ['audience', 'topic', 'participantCount', 'state'],
  [legalEventTypes.trainingRefresherOverdue]: ['audience'],
  [intakeEventTypes.householdRegistered]: householdFacts,
  [intakeEventTypes.householdRegisteredV1]: householdFacts,
  [intakeEventTypes.householdMemberAdded]: [],
  [intakeEventTypes.householdAssessed]: ['level', 'score', 'factors', 'dependants'],
  [livelihoodEventTypes.livelihoodPlanOpened]: ['origin'],
  [livelihoodEventTypes.skillTrainingStarted]: ['skillLevel'],
  [livelihoodEventTypes.skillTrainingStartedV1]: ['skillLevel'],
  [livelihoodEventTypes.skillTrainingEnded]: ['outcome', 'certified'],
  [livelihoodEventTypes.placementStarted]: incomeFacts,
  [livelihoodEventTypes.placementStartedV1]: incomeFacts,
  [livelihoodEventTypes.incomeFollowedUp]: incomeFacts,
  [livelihoodEventTypes.placementLost]: ['reason'],
  [livelihoodEventTypes.financialInclusionRecorded]: ['kind'],
  [livelihoodEventTypes.schemeLinkageRecorded]: ['scheme', 'stage'],
  [livelihoodEventTypes.preventionPlanOpened]: (facts) => present({ subject: facts['subject'] as string, peopleCovered: facts['covered'] as number | undefined }),
  [livelihoodEventTypes.preventionSupportRecorded]: ['subject', 'kind', 'status', 'scheme'],
  [livelihoodEventTypes.entryIntoExploitationRecorded]: (facts) =>
    present({ subject: facts['subject'] as string, outcome: 'entered-exploitation', source: facts['source'] as string | undefined }),
  [livelihoodEventTypes.entryPrevented]: (facts) => present({ subject: facts['subject'] as string, outcome: 'entry-prevented' }),
};

export function pseudonymOf(key: string, personId: string): string {
  return createHmac('sha256', key).update(personId).digest('hex').slice(0, 32);
}

/** A stable id for the analytics record of one source event, so a re-publication is the same record. */
export function analyticsEventId(sourceEventId: string): string {
  const hex = createHash('sha256').update(`analytics:${sourceEventId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The record of an event for personId: its subject, a victim of the case or a person of the prevention plan whose event it is. */
export function deidentify(
  event: AnyPillarEventEnvelope,
  facts: TimelineFacts,
  summary: Pick<PersonSummary, 'pillars'> | undefined,
  pseudonymKey: string,
  personId: string = event.subject,
): PillarEventObservedV1 | undefined {
  const intake = summary?.pillars.intake;
  if (intake?.consents['research'] === 'withdrawn') return undefined;
  const ageBand = intake?.ageBand as AgeBand | undefined;
  // Until her age is known she is treated as a child: untracked, no district.
  const child = mayBeChild(event.type === intakeEventTypes.personRegistered ? event.data.ageBand : ageBand);
  const rule = publicFacts[event.type];
  const kept =
    typeof rule === 'function'
      ? rule(facts)
      : present(Object.fromEntries(rule.map((name) => [name, facts[name] as PublicValue | undefined])));
  return {
    pseudonym: child ? randomBytes(16).toString('hex') : pseudonymOf(pseudonymKey, personId),
    tracked: !child,
    eventType: event.type,
    pillar: eventCatalog[event.type].pillar,
    period: event.time.slice(0, 7),
    ...(ageBand ? { ageBand } : {}),
    ...(intake?.gender ? { gender: intake.gender as Gender } : {}),
    ...(intake?.origin ? { state: intake.origin.state, ...(child ? {} : { district: intake.origin.district }) } : {}),
    facts: kept,
  };
}
