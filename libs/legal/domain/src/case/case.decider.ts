/**
 * A criminal case, one per FIR, from its registration to the verdicts: the accused and whether
 * they are arrested, absconding or on bail, the charge sheets (flagged when none is filed 60 and
 * then 90 days after the FIR), hearings, victim-witness support, verdicts and appeals, premises
 * closed, property attached, compensation ordered. A victim is named to the police or a court
 * only while her consent to it stands. A survivor is never an offender: the police listing her as
 * accused is recorded as it is and raised as the decriminalisation alert, and a known
 * perpetrator standing surety for her bail as a sign of debt bondage.
 */
import {
  AgeBand,
  ConsentDecision,
  ConsentScope,
  DomainEvent,
  EventData,
  Fir,
  SealedFir,
  Section,
  appellants,
  bailStages,
  caseClosureReasons,
  chargeSheetDeadlinesDays,
  compensationPayers,
  courts,
  hearingStages,
  legalEventTypes,
  mayBeChild,
  namingScopes,
  propertyKinds,
  protectionMeasures,
  suretyKinds,
  testimonyKinds,
  verdictOutcomes,
} from '@mukti/contracts';
import { assertNotInFuture, DAY_MS, Decider, DomainError, unknownCommand } from '@mukti/decider';

type Court = (typeof courts)[number];
type BailStage = (typeof bailStages)[number];
type SuretyKind = (typeof suretyKinds)[number];
type HearingStage = (typeof hearingStages)[number];
type TestimonyKind = (typeof testimonyKinds)[number];
type ProtectionMeasure = (typeof protectionMeasures)[number];
type VerdictOutcome = (typeof verdictOutcomes)[number];
type Appellant = (typeof appellants)[number];
type PropertyKind = (typeof propertyKinds)[number];
type CompensationPayer = (typeof compensationPayers)[number];
type CaseClosureReason = (typeof caseClosureReasons)[number];
type NamingScope = (typeof namingScopes)[number];
type ChargeSheetMark = (typeof chargeSheetDeadlinesDays)[number];
/** State and district, never an address. */
type Place = { state: string; district: string };

/** What the case's rules need to know of a person, as the service found her in its copy of intake's records. */
export type VictimOnRecord = { personId: string; registered: boolean; ageBand: AgeBand; consents: Partial<Record<ConsentScope, ConsentDecision>> };

// Commands
export type RegisterFir = {
  type: 'RegisterFir';
  data: {
    caseId: string;
    /** Its number and police station come sealed with the case's key: these rules never read them. */
    fir: SealedFir;
    sections: Section[];
    victims: VictimOnRecord[];
    accusedIds: string[];
    mainAccusedId?: string;
    /** Survivors the police listed as accused. */
    survivorsAccused: VictimOnRecord[];
    /** Of the accused and main accused, those profiled as perpetrators. */
    knownPerpetratorIds: ReadonlySet<string>;
    /** The legal officer registering it: the first on its team. */
    registeredBy?: string;
    now: string;
  };
};
export type NameAccused = {
  type: 'NameAccused';
  data: { caseId: string; perpetratorId: string; main: boolean; knownPerpetratorIds: ReadonlySet<string>; namedAt: string; now: string };
};
export type NameSurvivorAsAccused = { type: 'NameSurvivorAsAccused'; data: { caseId: string; survivor: VictimOnRecord; namedAt: string; now: string } };
export type DropSurvivorAccusation = { type: 'DropSurvivorAccusation'; data: { caseId: string; personId: string; droppedAt: string; now: string } };
export type RecordArrest = { type: 'RecordArrest'; data: { caseId: string; perpetratorId: string; arrestedAt: string; now: string } };
export type DeclareAbsconding = { type: 'DeclareAbsconding'; data: { caseId: string; perpetratorId: string; declaredAt: string; now: string } };
/** Bail of an accused perpetrator or of a survivor accused: exactly one of the two ids. */
export type RecordBail = {
  type: 'RecordBail';
  data: {
    caseId: string;
    perpetratorId?: string;
    personId?: string;
    stage: BailStage;
    at: string;
    surety?: SuretyKind;
    suretyPerpetratorId?: string;
    /** Of the surety, whether profiled as a perpetrator. */
    knownPerpetratorIds: ReadonlySet<string>;
    now: string;
  };
};
export type FileChargeSheet = { type: 'FileChargeSheet'; data: { caseId: string; filedAt: string; sections: Section[]; accusedIds: string[]; now: string } };
/** Raised by the service's deadline watch when the 60- or 90-day mark after the FIR passes. */
export type FlagMissingChargeSheet = { type: 'FlagMissingChargeSheet'; data: { caseId: string; now: string } };
export type RecordHearing = {
  type: 'RecordHearing';
  data: { caseId: string; heldAt: string; court: Court; stage: HearingStage; nextHearingAt?: string; now: string };
};
export type RecordWitnessSupport = {
  type: 'RecordWitnessSupport';
  data: {
    caseId: string;
    victim: VictimOnRecord;
    at: string;
    testimony?: TestimonyKind;
    inCamera: boolean;
    supportPerson: boolean;
    protectionMeasures: ProtectionMeasure[];
    travelSupported: boolean;
    now: string;
  };
};
export type RecordVerdict = {
  type: 'RecordVerdict';
  data: { caseId: string; perpetratorId: string; outcome: VerdictOutcome; decidedAt: string; court: Court; sentenceMonths?: number; fineInr?: number; now: string };
};
export type FileAppeal = { type: 'FileAppeal'; data: { caseId: string; perpetratorId: string; appellant: Appellant; court: Court; filedAt: string; now: string } };
export type ClosePremises = { type: 'ClosePremises'; data: { caseId: string; closedAt: string; place: Place; now: string } };
export type AttachProperty = { type: 'AttachProperty'; data: { caseId: string; attachedAt: string; kind: PropertyKind; valueInr?: number; now: string } };
export type OrderCompensation = {
  type: 'OrderCompensation';
  data: { caseId: string; personId: string; orderedAt: string; amountInr: number; payableBy: CompensationPayer; now: string };
};
export type CloseCase = { type: 'CloseCase'; data: { caseId: string; closedAt: string; reason: CaseClosureReason; now: string } };
/** The service's reaction to intake recording her consent to police or courts withdrawn. */
/** A member of the case's team (or an admin) adds a legal officer to it. */
export type JoinCaseTeam = { type: 'JoinCaseTeam'; data: { caseId: string; staffId: string; addedBy: string; now: string } };
export type NoteConsentWithdrawn = { type: 'NoteConsentWithdrawn'; data: { caseId: string; personId: string; scope: NamingScope; withdrawnAt: string } };
export type CaseCommand =
  | RegisterFir
  | NameAccused
  | NameSurvivorAsAccused
  | DropSurvivorAccusation
  | RecordArrest
  | DeclareAbsconding
  | RecordBail
  | FileChargeSheet
  | FlagMissingChargeSheet
  | RecordHearing
  | RecordWitnessSupport
  | RecordVerdict
  | FileAppeal
  | ClosePremises
  | AttachProperty
  | OrderCompensation
  | CloseCase
  | JoinCaseTeam
  | NoteConsentWithdrawn;

// Events
export type FirRegistered = DomainEvent<typeof legalEventTypes.firRegistered>;
/** As registered before the FIR's number and police station were sealed: still in the store, read as it is. */
export type FirRegisteredV1 = DomainEvent<typeof legalEventTypes.firRegisteredV1>;
export type AccusedNamed = DomainEvent<typeof legalEventTypes.accusedNamed>;
export type AccusedArrested = DomainEvent<typeof legalEventTypes.accusedArrested>;
export type AccusedAbsconding = DomainEvent<typeof legalEventTypes.accusedAbsconding>;
export type BailRecorded = DomainEvent<typeof legalEventTypes.bailRecorded>;
export type ChargeSheetFiled = DomainEvent<typeof legalEventTypes.chargeSheetFiled>;
export type ChargeSheetMissing = DomainEvent<typeof legalEventTypes.chargeSheetMissing>;
export type HearingRecorded = DomainEvent<typeof legalEventTypes.hearingRecorded>;
export type WitnessSupportRecorded = DomainEvent<typeof legalEventTypes.witnessSupportRecorded>;
export type VerdictRecorded = DomainEvent<typeof legalEventTypes.verdictRecorded>;
export type AppealFiled = DomainEvent<typeof legalEventTypes.appealFiled>;
export type PremisesClosed = DomainEvent<typeof legalEventTypes.premisesClosed>;
export type PropertyAttached = DomainEvent<typeof legalEventTypes.propertyAttached>;
export type CompensationOrdered = DomainEvent<typeof legalEventTypes.compensationOrdered>;
export type CaseClosed = DomainEvent<typeof legalEventTypes.caseClosed>;
export type CaseTeamJoined = DomainEvent<typeof legalEventTypes.caseTeamJoined>;
export type SurvivorNamedAsAccused = DomainEvent<typeof legalEventTypes.survivorNamedAsAccused>;
export type SurvivorAccusationDropped = DomainEvent<typeof legalEventTypes.survivorAccusationDropped>;
export type DebtBondageSuspected = DomainEvent<typeof legalEventTypes.debtBondageSuspected>;
export type ConsentWithdrawnOnOpenCase = DomainEvent<typeof legalEventTypes.consentWithdrawnOnOpenCase>;
export type CaseEvent =
  | FirRegistered
  | FirRegisteredV1
  | AccusedNamed
  | AccusedArrested
  | AccusedAbsconding
  | BailRecorded
  | ChargeSheetFiled
  | ChargeSheetMissing
  | HearingRecorded
  | WitnessSupportRecorded
  | VerdictRecorded
  | AppealFiled
  | PremisesClosed
  | PropertyAttached
  | CompensationOrdered
  | CaseClosed
  | CaseTeamJoined
  | SurvivorNamedAsAccused
  | SurvivorAccusationDropped
  | DebtBondageSuspected
  | ConsentWithdrawnOnOpenCase;
/** The alerts about a survivor: keyed by her, on her timeline. */
type SurvivorAlert = SurvivorNamedAsAccused | SurvivorAccusationDropped | DebtBondageSuspected | ConsentWithdrawnOnOpenCase;

// State: plain JSON, stored as it is.
export type Verdict = { outcome: VerdictOutcome; decidedAt: string; sentenceMonths?: number; fineInr?: number };
export type AccusedState = {
  namedAt: string;
  custody: 'not-arrested' | 'arrested' | 'absconding';
  arrestedAt?: string;
  /** The last bail stage recorded for him. */
  bail?: BailStage;
  /** The latest verdict of each court that judged him. */
  verdicts: Partial<Record<Court, Verdict>>;
  /** Courts his appeals went to that have not ruled on them yet. */
  appealsPending: Court[];
};
export type CaseRecord = {
  caseId: string;
  /** Sealed from v2 on; in clear in a case registered before. */
  fir: SealedFir | Fir;
  sections: Section[];
  /** In the order the FIR named them. */
  victimIds: string[];
  /** By perpetrator id. */
  accused: Record<string, AccusedState>;
  /** The main accused, "the kingpin": named among the accused, or not yet. */
  mainAccusedId?: string;
  mainAccusedNamed: boolean;
  /** Survivors accused now: each an open decriminalisation alert. */
  survivorsAccused: string[];
  chargeSheets: { count: number; firstFiledAt?: string };
  chargeSheetMissingFlagged: ChargeSheetMark[];
  hearings: { count: number; last?: { heldAt: string; court: Court; stage: HearingStage; nextHearingAt?: string } };
  /** By victim id. */
  witnessSupport: Record<string, { count: number; lastAt: string; testimonies: TestimonyKind[] }>;
  premisesClosed: (Place & { closedAt: string })[];
  propertyAttached: { kind: PropertyKind; attachedAt: string; valueInr?: number }[];
  /** By victim id, every order added. */
  compensationOrderedInr: Record<string, number>;
  closed?: { at: string; reason: CaseClosureReason };
  /** The legal officers who may read the case and act on it, by staff id (absent in states stored before cases had teams). */
  team?: Record<string, { joinedAt: string }>;
  /**
   * The withdrawals of consent already alerted on this case, as "<person>|<scope>|<withdrawnAt>":
   * both ends of the join (her withdrawal, and this case's FIR) may notice the same one.
   * (Absent in states stored before it.)
   */
  consentWithdrawalsAlerted?: string[];
};
export type CaseState = { status: 'none' } | ({ status: 'open' | 'closed' } & CaseRecord);
export type RegisteredCaseState = Extract<CaseState, { status: 'open' | 'closed' }>;

/** A time given by staff: not in the future, not before the FIR. */
const checkTime = (state: RegisteredCaseState, field: string, time: string, now: string) => {
  assertNotInFuture(field, time, now);
  if (Date.parse(time) < Date.parse(state.fir.registeredAt)) throw DomainError.ruleViolated(`${field} is before the FIR`, { field });
};

const openCaseOf = (state: CaseState, caseId: string): RegisteredCaseState => {
  if (state.status === 'none') throw DomainError.notFound(`case ${caseId} is not registered`);
  if (state.status === 'closed') throw DomainError.conflict('case is closed');
  return state;
};
const accusedOf = (state: RegisteredCaseState, perpetratorId: string, field = 'perpetratorId') => {
  const accused = state.accused[perpetratorId];
  if (!accused) throw DomainError.ruleViolated(`perpetrator ${perpetratorId} is not accused in this case`, { field, perpetratorId });
  return accused;
};
const victimOf = (state: RegisteredCaseState, personId: string) => {
  if (!state.victimIds.includes(personId)) throw DomainError.ruleViolated(`person ${personId} is not a victim in this case`, { field: 'personId', personId });
};
const mustBeRegistered = (person: VictimOnRecord, field: string) => {
  if (!person.registered) throw DomainError.ruleViolated(`person ${person.personId} is not registered`, { field, personId: person.personId });
};
const mustConsent = (person: VictimOnRecord, scope: NamingScope) => {
  if (person.consents[scope] !== 'granted') {
    throw DomainError.conflict(`consent missing: ${scope} for person ${person.personId}`, { personId: person.personId, scope });
  }
};
const mustBeKnown = (knownPerpetratorIds: ReadonlySet<string>, perpetratorId: string, field: string) => {
  if (!knownPerpetratorIds.has(perpetratorId)) throw DomainError.ruleViolated(`perpetrator ${perpetratorId} is not profiled`, { field, perpetratorId });
};
/** ITPA's offences are s.3 to s.9 (5A, 3(1) and the like included); its other sections are procedure. */
const isItpaOffence = (section: string) => {
  const number = Number.parseInt(section, 10);
  return number >= 3 && number <= 9;
};
const checkSections = (sections: Section[]) => {
  if (sections.length === 0) throw DomainError.ruleViolated('cite at least one section', { field: 'sections' });
  const notOffences = sections.filter(({ act, section }) => act === 'itpa' && !isItpaOffence(section));
  if (notOffences.length > 0) {
    throw DomainError.ruleViolated(`ITPA s.${notOffences[0].section} is not an offence: ITPA offences are s.3 to s.9`, { field: 'sections' });
  }
};
const distinct = <T>(items: T[]) => [...new Set(items)];
const copySections = (sections: Section[]) => sections.map(({ act, section }) => ({ act, section }));
/** A fact of the case: keyed by the case, carrying its victims, on whose timelines it belongs. */
const caseFact = <T extends Exclude<CaseEvent['type'], SurvivorAlert['type']>>(state: RegisteredCaseState, type: T, time: string, data: Omit<EventData<T>, 'caseId' | 'victimIds'>) =>
  ({ type, subject: state.caseId, time, data: { caseId: state.caseId, victimIds: state.victimIds, ...data } }) as CaseEvent;
const withdrawalKey = ({ personId, scope, withdrawnAt }: { personId: string; scope: string; withdrawnAt: string }) => `${personId}|${scope}|${withdrawnAt}`;
const survivorAlert = <T extends SurvivorAlert['type']>(type: T, personId: string, time: string, data: EventData<T>) => ({ type, subject: personId, time, data }) as CaseEvent;

/** The 60- and 90-day marks after the FIR still to be flagged: none once a charge sheet is filed or the case is closed. */
export function chargeSheetDeadlines(state: CaseState): { daysAfterFir: ChargeSheetMark; dueAt: string }[] {
  if (state.status !== 'open' || state.chargeSheets.count > 0) return [];
  return chargeSheetDeadlinesDays
    .filter((days) => !state.chargeSheetMissingFlagged.includes(days))
    .map((days) => ({ daysAfterFir: days, dueAt: new Date(Date.parse(state.fir.registeredAt) + days * DAY_MS).toISOString() }));
}

function decideRegisterFir(state: CaseState, data: RegisterFir['data']): CaseEvent[] {
  const { caseId, fir, sections, accusedIds, mainAccusedId, knownPerpetratorIds, now } = data;
  if (state.status !== 'none') throw DomainError.conflict(`case ${caseId} is already registered`);
  assertNotInFuture('fir.registeredAt', fir.registeredAt, now);
  checkSections(sections);
  const victims = data.victims.filter((victim, index) => data.victims.findIndex((other) => other.personId === victim.personId) === index);
  const survivorsAccused = data.survivorsAccused.filter((survivor, index) => data.survivorsAccused.findIndex((other) => other.personId === survivor.personId) === index);
  if (victims.length + survivorsAccused.length === 0) {
    throw DomainError.ruleViolated('an FIR names at least one victim or survivor accused', { field: 'victimIds' });
  }
  victims.forEach((victim) => mustBeRegistered(victim, 'victimIds'));
  survivorsAccused.forEach((survivor) => mustBeRegistered(survivor, 'survivorsAccusedIds'));
  distinct(accusedIds).forEach((perpetratorId) => mustBeKnown(knownPerpetratorIds, perpetratorId, 'accusedIds'));
  if (mainAccusedId !== undefined) mustBeKnown(knownPerpetratorIds, mainAccusedId, 'mainAccusedId');
  // The police named the survivors accused themselves; a victim is named to them only with her consent.
  victims.forEach((victim) => mustConsent(victim, 'share-with-police'));
  const { district, state: firState, numberAndStation, registeredAt } = fir;
  return [
    {
      type: legalEventTypes.firRegistered,
      subject: caseId,
      time: registeredAt,
      data: {
        caseId,
        victimIds: victims.map((victim) => victim.personId),
        fir: { district, state: firState, numberAndStation, registeredAt },
        sections: copySections(sections),
        accusedIds: distinct(accusedIds),
        ...(mainAccusedId !== undefined ? { mainAccusedId } : {}),
        ...(data.registeredBy !== undefined ? { registeredBy: data.registeredBy } : {}),
      },
    },
    ...survivorsAccused.map(({ personId }) => survivorAlert(legalEventTypes.survivorNamedAsAccused, personId, registeredAt, { personId, caseId, namedAt: registeredAt })),
  ];
}

function decideNameAccused(state: RegisteredCaseState, data: NameAccused['data']): CaseEvent[] {
  const { perpetratorId, main, knownPerpetratorIds, namedAt, now } = data;
  mustBeKnown(knownPerpetratorIds, perpetratorId, 'perpetratorId');
  if (main && state.mainAccusedId !== undefined && state.mainAccusedId !== perpetratorId) {
    throw DomainError.conflict(`perpetrator ${state.mainAccusedId} is the main accused already`, { mainAccusedId: state.mainAccusedId });
  }
  const makesHimMainNow = main && state.mainAccusedId !== perpetratorId;
  if (state.accused[perpetratorId] && !makesHimMainNow) throw DomainError.conflict(`perpetrator ${perpetratorId} is already accused`);
  checkTime(state, 'namedAt', namedAt, now);
  return [caseFact(state, legalEventTypes.accusedNamed, namedAt, { perpetratorId, main, namedAt })];
}

function decideBail(state: RegisteredCaseState, data: RecordBail['data']): CaseEvent[] {
  const { perpetratorId, personId, stage, at, surety, suretyPerpetratorId, knownPerpetratorIds, now } = data;
  if ((perpetratorId === undefined) === (personId === undefined)) {
    throw DomainError.ruleViolated('bail names exactly one accused: a perpetrator or a survivor accused', { field: 'perpetratorId' });
  }
  if (perpetratorId !== undefined) accusedOf(state, perpetratorId);
  if (personId !== undefined && !state.survivorsAccused.includes(personId)) {
    throw DomainError.ruleViolated(`person ${personId} is not accused in this case`, { field: 'personId', personId });
  }
  if (surety === 'known-perpetrator') {
    if (suretyPerpetratorId === undefined) throw DomainError.ruleViolated('name the known perpetrator who stood surety', { field: 'suretyPerpetratorId' });
    mustBeKnown(knownPerpetratorIds, suretyPerpetratorId, 'suretyPerpetratorId');
  } else if (suretyPerpetratorId !== undefined) {
    throw DomainError.ruleViolated('a perpetrator standing surety is a surety of a known perpetrator', { field: 'surety' });
  }
  checkTime(state, 'at', at, now);
  const bail = caseFact(state, legalEventTypes.bailRecorded, at, {
    ...(perpetratorId !== undefined ? { perpetratorId } : {}),
    ...(personId !== undefined ? { personId } : {}),
    stage,
    at,
    ...(surety !== undefined ? { surety } : {}),
    ...(suretyPerpetratorId !== undefined ? { suretyPerpetratorId } : {}),
  });
  if (personId === undefined || suretyPerpetratorId === undefined) return [bail];
  return [bail, survivorAlert(legalEventTypes.debtBondageSuspected, personId, at, { personId, caseId: state.caseId, suretyPerpetratorId, suspectedAt: at })];
}

function decideWitnessSupport(state: RegisteredCaseState, data: RecordWitnessSupport['data']): CaseEvent[] {
  const { victim, at, testimony, inCamera, supportPerson, travelSupported, now } = data;
  victimOf(state, victim.personId);
  checkTime(state, 'at', at, now);
  if (mayBeChild(victim.ageBand) && !inCamera) {
    throw DomainError.ruleViolated('POCSO s.37: a child, or a victim whose age is not known, testifies only in camera', { field: 'inCamera' });
  }
  mustConsent(victim, 'share-with-courts');
  return [
    caseFact(state, legalEventTypes.witnessSupportRecorded, at, {
      personId: victim.personId,
      at,
      ...(testimony !== undefined ? { testimony } : {}),
      inCamera,
      supportPerson,
      protectionMeasures: distinct(data.protectionMeasures),
      travelSupported,
    }),
  ];
}

function decideVerdict(state: RegisteredCaseState, data: RecordVerdict['data']): CaseEvent[] {
  const { perpetratorId, outcome, decidedAt, court, sentenceMonths, fineInr, now } = data;
  const accused = accusedOf(state, perpetratorId);
  if (accused.verdicts[court] && !accused.appealsPending.includes(court)) {
    throw DomainError.conflict(`the ${court} already gave its verdict on perpetrator ${perpetratorId}`, { perpetratorId, court });
  }
  if (outcome !== 'convicted' && sentenceMonths !== undefined) throw DomainError.ruleViolated('a sentence follows only a conviction', { field: 'sentenceMonths' });
  if (outcome !== 'convicted' && fineInr !== undefined) throw DomainError.ruleViolated('a fine follows only a conviction', { field: 'fineInr' });
  checkTime(state, 'decidedAt', decidedAt, now);
  const sentence = { ...(sentenceMonths !== undefined ? { sentenceMonths } : {}), ...(fineInr !== undefined ? { fineInr } : {}) };
  return [caseFact(state, legalEventTypes.verdictRecorded, decidedAt, { perpetratorId, outcome, decidedAt, court, ...sentence })];
}

function decideCloseCase(state: RegisteredCaseState, data: CloseCase['data']): CaseEvent[] {
  const { closedAt, reason, now } = data;
  if (reason === 'verdicts-final') {
    const accused = Object.entries(state.accused);
    const withoutVerdict = accused.filter(([, { verdicts }]) => Object.keys(verdicts).length === 0).map(([perpetratorId]) => perpetratorId);
    if (withoutVerdict.length > 0) {
      throw DomainError.ruleViolated('verdicts are final only once every accused is judged', { field: 'reason', perpetratorIds: withoutVerdict });
    }
    const appealed = accused.filter(([, { appealsPending }]) => appealsPending.length > 0).map(([perpetratorId]) => perpetratorId);
    if (appealed.length > 0) throw DomainError.ruleViolated('a verdict under appeal is not final', { field: 'reason', perpetratorIds: appealed });
  }
  checkTime(state, 'closedAt', closedAt, now);
  return [caseFact(state, legalEventTypes.caseClosed, closedAt, { closedAt, reason })];
}

function changeAccused(state: CaseState, perpetratorId: string, change: (accused: AccusedState) => AccusedState): CaseState {
  if (state.status === 'none' || !state.accused[perpetratorId]) return state;
  return { ...state, accused: { ...state.accused, [perpetratorId]: change(state.accused[perpetratorId]) } };
}
const newAccused = (namedAt: string): AccusedState => ({ namedAt, custody: 'not-arrested', verdicts: {}, appealsPending: [] });

export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterFir':
        return decideRegisterFir(state, command.data);
      case 'NameAccused':
        return decideNameAccused(openCaseOf(state, command.data.caseId), command.data);
      case 'NameSurvivorAsAccused': {
        const { caseId, survivor, namedAt, now } = command.data;
        const open = openCaseOf(state, caseId);
        mustBeRegistered(survivor, 'personId');
        if (open.survivorsAccused.includes(survivor.personId)) return [];
        checkTime(open, 'namedAt', namedAt, now);
        const { personId } = survivor;
        return [survivorAlert(legalEventTypes.survivorNamedAsAccused, personId, namedAt, { personId, caseId, namedAt })];
      }
      case 'DropSurvivorAccusation': {
        const { caseId, personId, droppedAt, now } = command.data;
        const open = openCaseOf(state, caseId);
        if (!open.survivorsAccused.includes(personId)) {
          throw DomainError.ruleViolated(`person ${personId} is not accused in this case`, { field: 'personId', personId });
        }
        checkTime(open, 'droppedAt', droppedAt, now);
        return [survivorAlert(legalEventTypes.survivorAccusationDropped, personId, droppedAt, { personId, caseId, droppedAt })];
      }
      case 'RecordArrest': {
        const { caseId, perpetratorId, arrestedAt, now } = command.data;
        const open = openCaseOf(state, caseId);
        if (accusedOf(open, perpetratorId).custody === 'arrested') throw DomainError.conflict(`perpetrator ${perpetratorId} is already arrested`);
        checkTime(open, 'arrestedAt', arrestedAt, now);
        return [caseFact(open, legalEventTypes.accusedArrested, arrestedAt, { perpetratorId, arrestedAt })];
      }
      case 'DeclareAbsconding': {
        const { caseId, perpetratorId, declaredAt, now } = command.data;
        const open = openCaseOf(state, caseId);
        if (accusedOf(open, perpetratorId).custody === 'absconding') throw DomainError.conflict(`perpetrator ${perpetratorId} is already absconding`);
        checkTime(open, 'declaredAt', declaredAt, now);
        return [caseFact(open, legalEventTypes.accusedAbsconding, declaredAt, { perpetratorId, declaredAt })];
      }
      case 'RecordBail':
        return decideBail(openCaseOf(state, command.data.caseId), command.data);
      case 'FileChargeSheet': {
        const { caseId, filedAt, sections, accusedIds, now } = command.data;
        const open = openCaseOf(state, caseId);
        checkSections(sections);
        if (accusedIds.length === 0) throw DomainError.ruleViolated('a charge sheet charges at least one accused', { field: 'accusedIds' });
        distinct(accusedIds).forEach((perpetratorId) => accusedOf(open, perpetratorId, 'accusedIds'));
        checkTime(open, 'filedAt', filedAt, now);
        const daysAfterFir = Math.floor((Date.parse(filedAt) - Date.parse(open.fir.registeredAt)) / DAY_MS);
        return [caseFact(open, legalEventTypes.chargeSheetFiled, filedAt, { filedAt, sections: copySections(sections), accusedIds: distinct(accusedIds), daysAfterFir })];
      }
      case 'FlagMissingChargeSheet': {
        const { caseId, now } = command.data;
        // The service's own deadline: a case it does not hold (a deadline replayed from another
        // store's events on a shared topic) has nothing to flag, and must not fail every sweep.
        if (state.status === 'none') return [];
        return chargeSheetDeadlines(state)
          .filter(({ dueAt }) => Date.parse(dueAt) <= Date.parse(now))
          .map(({ daysAfterFir, dueAt }) => caseFact(state, legalEventTypes.chargeSheetMissing, now, { daysAfterFir, dueAt, flaggedAt: now }));
      }
      case 'RecordHearing': {
        const { caseId, heldAt, court, stage, nextHearingAt, now } = command.data;
        const open = openCaseOf(state, caseId);
        checkTime(open, 'heldAt', heldAt, now);
        if (nextHearingAt !== undefined && Date.parse(nextHearingAt) <= Date.parse(heldAt)) {
          throw DomainError.ruleViolated('the next hearing is after this one', { field: 'nextHearingAt' });
        }
        return [caseFact(open, legalEventTypes.hearingRecorded, heldAt, { heldAt, court, stage, ...(nextHearingAt !== undefined ? { nextHearingAt } : {}) })];
      }
      case 'RecordWitnessSupport':
        return decideWitnessSupport(openCaseOf(state, command.data.caseId), command.data);
      case 'RecordVerdict':
        return decideVerdict(openCaseOf(state, command.data.caseId), command.data);
      case 'FileAppeal': {
        const { caseId, perpetratorId, appellant, court, filedAt, now } = command.data;
        const open = openCaseOf(state, caseId);
        const verdictDates = Object.values(open.accused[perpetratorId]?.verdicts ?? {}).map((verdict) => Date.parse(verdict.decidedAt));
        if (verdictDates.length === 0) throw DomainError.ruleViolated(`there is no verdict on perpetrator ${perpetratorId} to appeal`, { field: 'perpetratorId' });
        checkTime(open, 'filedAt', filedAt, now);
        if (Date.parse(filedAt) < Math.min(...verdictDates)) throw DomainError.ruleViolated('filedAt is before the verdict', { field: 'filedAt' });
        return [caseFact(open, legalEventTypes.appealFiled, filedAt, { perpetratorId, appellant, court, filedAt })];
      }
      case 'ClosePremises': {
        const { caseId, closedAt, place, now } = command.data;
        const open = openCaseOf(state, caseId);
        checkTime(open, 'closedAt', closedAt, now);
        return [caseFact(open, legalEventTypes.premisesClosed, closedAt, { closedAt, place: { state: place.state, district: place.district } })];
      }
      case 'AttachProperty': {
        const { caseId, attachedAt, kind, valueInr, now } = command.data;
        const open = openCaseOf(state, caseId);
        checkTime(open, 'attachedAt', attachedAt, now);
        return [caseFact(open, legalEventTypes.propertyAttached, attachedAt, { attachedAt, kind, ...(valueInr !== undefined ? { valueInr } : {}) })];
      }
      case 'OrderCompensation': {
        const { caseId, personId, orderedAt, amountInr, payableBy, now } = command.data;
        const open = openCaseOf(state, caseId);
        victimOf(open, personId);
        checkTime(open, 'orderedAt', orderedAt, now);
        return [caseFact(open, legalEventTypes.compensationOrdered, orderedAt, { personId, orderedAt, amountInr, payableBy })];
      }
      case 'CloseCase':
        return decideCloseCase(openCaseOf(state, command.data.caseId), command.data);
      case 'JoinCaseTeam': {
        const { caseId, staffId, addedBy, now } = command.data;
        if (state.status === 'none') throw DomainError.notFound(`case ${caseId} is not registered`);
        if (state.team && Object.prototype.hasOwnProperty.call(state.team, staffId)) return [];
        return [caseFact(state, legalEventTypes.caseTeamJoined, now, { staffId, addedBy, joinedAt: now })];
      }
      case 'NoteConsentWithdrawn': {
        const { caseId, personId, scope, withdrawnAt } = command.data;
        if (state.status !== 'open' || !state.victimIds.includes(personId)) return [];
        if ((state.consentWithdrawalsAlerted ?? []).includes(withdrawalKey(command.data))) return [];
        return [survivorAlert(legalEventTypes.consentWithdrawnOnOpenCase, personId, withdrawnAt, { personId, caseId, scope, withdrawnAt })];
      }
      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    if (event.type === legalEventTypes.firRegistered || event.type === legalEventTypes.firRegisteredV1) {
      if (state.status !== 'none') return state;
      const { caseId, victimIds, fir, sections, accusedIds, mainAccusedId, registeredBy } = event.data;
      return {
        status: 'open',
        team: registeredBy !== undefined ? { [registeredBy]: { joinedAt: fir.registeredAt } } : {},
        caseId,
        fir,
        sections,
        victimIds,
        accused: Object.fromEntries(accusedIds.map((perpetratorId) => [perpetratorId, newAccused(fir.registeredAt)])),
        ...(mainAccusedId !== undefined ? { mainAccusedId } : {}),
        mainAccusedNamed: mainAccusedId !== undefined && accusedIds.includes(mainAccusedId),
        survivorsAccused: [],
        chargeSheets: { count: 0 },
        chargeSheetMissingFlagged: [],
        hearings: { count: 0 },
        witnessSupport: {},
        premisesClosed: [],
        propertyAttached: [],
        compensationOrderedInr: {},
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case legalEventTypes.accusedNamed: {
        const { perpetratorId, main, namedAt } = event.data;
        const accused = { ...state.accused, [perpetratorId]: state.accused[perpetratorId] ?? newAccused(namedAt) };
        const mainAccusedId = main ? perpetratorId : state.mainAccusedId;
        if (mainAccusedId === undefined) return { ...state, accused };
        return { ...state, accused, mainAccusedId, mainAccusedNamed: accused[mainAccusedId] !== undefined };
      }
      case legalEventTypes.accusedArrested:
        return changeAccused(state, event.data.perpetratorId, (accused) => ({ ...accused, custody: 'arrested', arrestedAt: event.data.arrestedAt }));
      case legalEventTypes.accusedAbsconding:
        return changeAccused(state, event.data.perpetratorId, (accused) => ({ ...accused, custody: 'absconding' }));
      case legalEventTypes.bailRecorded:
        return event.data.perpetratorId ? changeAccused(state, event.data.perpetratorId, (accused) => ({ ...accused, bail: event.data.stage })) : state;
      case legalEventTypes.chargeSheetFiled:
        return { ...state, chargeSheets: { count: state.chargeSheets.count + 1, firstFiledAt: state.chargeSheets.firstFiledAt ?? event.data.filedAt } };
      case legalEventTypes.chargeSheetMissing:
        return { ...state, chargeSheetMissingFlagged: distinct([...state.chargeSheetMissingFlagged, event.data.daysAfterFir]) };
      case legalEventTypes.hearingRecorded: {
        const { heldAt, court, stage, nextHearingAt } = event.data;
        const last = state.hearings.last && Date.parse(state.hearings.last.heldAt) > Date.parse(heldAt) ? state.hearings.last : { heldAt, court, stage, ...(nextHearingAt ? { nextHearingAt } : {}) };
        return { ...state, hearings: { count: state.hearings.count + 1, last } };
      }
      case legalEventTypes.witnessSupportRecorded: {
        const { personId, at, testimony } = event.data;
        const before = state.witnessSupport[personId] ?? { count: 0, lastAt: at, testimonies: [] };
        const support = { count: before.count + 1, lastAt: Date.parse(at) > Date.parse(before.lastAt) ? at : before.lastAt, testimonies: distinct([...before.testimonies, ...(testimony ? [testimony] : [])]) };
        return { ...state, witnessSupport: { ...state.witnessSupport, [personId]: support } };
      }
      case legalEventTypes.verdictRecorded: {
        const { perpetratorId, court, outcome, decidedAt, sentenceMonths, fineInr } = event.data;
        const verdict: Verdict = { outcome, decidedAt, ...(sentenceMonths !== undefined ? { sentenceMonths } : {}), ...(fineInr !== undefined ? { fineInr } : {}) };
        return changeAccused(state, perpetratorId, (accused) => ({
          ...accused,
          verdicts: { ...accused.verdicts, [court]: verdict },
          appealsPending: accused.appealsPending.filter((pending) => pending !== court),
        }));
      }
      case legalEventTypes.appealFiled:
        return changeAccused(state, event.data.perpetratorId, (accused) => ({ ...accused, appealsPending: distinct([...accused.appealsPending, event.data.court]) }));
      case legalEventTypes.premisesClosed:
        return { ...state, premisesClosed: [...state.premisesClosed, { ...event.data.place, closedAt: event.data.closedAt }] };
      case legalEventTypes.propertyAttached: {
        const { kind, attachedAt, valueInr } = event.data;
        return { ...state, propertyAttached: [...state.propertyAttached, { kind, attachedAt, ...(valueInr !== undefined ? { valueInr } : {}) }] };
      }
      case legalEventTypes.compensationOrdered: {
        const { personId, amountInr } = event.data;
        return { ...state, compensationOrderedInr: { ...state.compensationOrderedInr, [personId]: (state.compensationOrderedInr[personId] ?? 0) + amountInr } };
      }
      case legalEventTypes.caseClosed:
        return { ...state, status: 'closed', closed: { at: event.data.closedAt, reason: event.data.reason } };
      case legalEventTypes.caseTeamJoined:
        return { ...state, team: { ...state.team, [event.data.staffId]: { joinedAt: event.data.joinedAt } } };
      case legalEventTypes.survivorNamedAsAccused:
        return { ...state, survivorsAccused: distinct([...state.survivorsAccused, event.data.personId]) };
      case legalEventTypes.survivorAccusationDropped:
        return { ...state, survivorsAccused: state.survivorsAccused.filter((personId) => personId !== event.data.personId) };
      case legalEventTypes.consentWithdrawnOnOpenCase:
        return { ...state, consentWithdrawalsAlerted: distinct([...(state.consentWithdrawalsAlerted ?? []), withdrawalKey(event.data)]) };
      default:
        return state;
    }
  },
};
