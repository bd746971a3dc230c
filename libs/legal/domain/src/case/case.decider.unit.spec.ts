import { EventData, legalEventTypes, payloadProblems } from '@mukti/contracts';
import { deciderSpecification, DomainError, DomainErrorKind, fold } from '@mukti/decider';
import { CaseCommand, CaseEvent, caseDecider, chargeSheetDeadlines, VictimOnRecord } from './case.decider';

const caseId = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const victim = '11111111-1111-4111-8111-111111111111';
const child = '22222222-2222-4222-8222-222222222222';
const survivor = '33333333-3333-4333-8333-333333333333';
const stranger = '44444444-4444-4444-8444-444444444444';
const trafficker = '55555555-5555-4555-8555-555555555555';
const pimp = '66666666-6666-4666-8666-666666666666';
const kingpin = '77777777-7777-4777-8777-777777777777';
const lodgeOwner = '88888888-8888-4888-8888-888888888888';
const unprofiled = '99999999-9999-4999-8999-999999999999';
const knownPerpetratorIds = new Set([trafficker, pimp, kingpin, lodgeOwner]);

const registeredAt = '2026-01-10T10:00:00.000Z';
const at = '2026-02-01T10:00:00.000Z';
const later = '2026-05-01T10:00:00.000Z';
const now = '2026-06-01T12:00:00.000Z';
const future = '2026-06-02T00:00:00.000Z';
const beforeFir = '2026-01-09T10:00:00.000Z';
const mark60 = '2026-03-11T10:00:00.000Z';
const mark90 = '2026-04-10T10:00:00.000Z';
/** '123/2026' at Kamathipura, as sealed with the case's key: the rules only carry it. */
const numberAndStation = { keyId: caseId, algorithm: 'AES-256-GCM' as const, iv: 'aXY=', ciphertext: 'MTIzLzIwMjY=', authTag: 'dGFn' };
const fir = { district: 'Mumbai City', state: 'Maharashtra', numberAndStation, registeredAt };
const sections = [
  { act: 'itpa' as const, section: '5' },
  { act: 'bns' as const, section: '143' },
];
const victimIds = [victim, child];

const spec = deciderSpecification(caseDecider);
const stateAfter = (events: CaseEvent[]) => fold(caseDecider, caseDecider.initialState(), events);
const decided = (events: CaseEvent[], command: CaseCommand) => caseDecider.decide(command, stateAfter(events));
/** A refusal of this kind, with these details. */
const refused = (kind: DomainErrorKind, details?: Record<string, unknown>) => (error: Error) => {
  expect((error as DomainError).kind).toBe(kind);
  if (details) expect((error as DomainError).details).toMatchObject(details);
};

// People as the service finds them in its copy of intake's records
const person = (personId: string, overrides: Partial<VictimOnRecord> = {}): VictimOnRecord => ({
  personId,
  registered: true,
  ageBand: '18-24',
  consents: { 'share-with-police': 'granted', 'share-with-courts': 'granted' },
  ...overrides,
});

// Commands
type Data<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>['data'];
const command = <T extends CaseCommand['type']>(type: T, data: Omit<Data<T>, 'caseId' | 'now'> & { now?: string }) => ({ type, data: { caseId, now, ...data } }) as CaseCommand;
const register = (overrides: Partial<Data<'RegisterFir'>> = {}) =>
  command('RegisterFir', {
    fir,
    sections,
    victims: [person(victim), person(child, { ageBand: '16-17' })],
    accusedIds: [trafficker, pimp],
    mainAccusedId: kingpin,
    survivorsAccused: [],
    knownPerpetratorIds,
    ...overrides,
  });
const nameAccused = (perpetratorId: string, main = false) => command('NameAccused', { perpetratorId, main, knownPerpetratorIds, namedAt: at });
const arrest = (perpetratorId = trafficker, arrestedAt = at) => command('RecordArrest', { perpetratorId, arrestedAt });
const bail = (data: Partial<Data<'RecordBail'>>) => command('RecordBail', { stage: 'granted', at, knownPerpetratorIds, ...data });
const fileChargeSheet = (data: Partial<Data<'FileChargeSheet'>> = {}) => command('FileChargeSheet', { filedAt: '2026-03-01T09:00:00.000Z', sections, accusedIds: [trafficker], ...data });
const flag = (when: string) => command('FlagMissingChargeSheet', { now: when });
const witness = (victimOnRecord: VictimOnRecord, inCamera = true) =>
  command('RecordWitnessSupport', { victim: victimOnRecord, at, testimony: 'deposition-in-court', inCamera, supportPerson: true, protectionMeasures: ['screen-in-court', 'screen-in-court'], travelSupported: true });
const verdict = (data: Partial<Data<'RecordVerdict'>> = {}) => command('RecordVerdict', { perpetratorId: trafficker, outcome: 'convicted', decidedAt: at, court: 'sessions-court', ...data });
const appeal = (court: Data<'FileAppeal'>['court'] = 'high-court') => command('FileAppeal', { perpetratorId: trafficker, appellant: 'accused', court, filedAt: later });
const close = (reason: Data<'CloseCase'>['reason']) => command('CloseCase', { closedAt: later, reason });

// Events
type EventKey = keyof typeof legalEventTypes;
/** A fact of the case: keyed by the case, carrying its victims. */
const fact = <K extends EventKey>(key: K, time: string, data: Omit<EventData<(typeof legalEventTypes)[K]>, 'caseId' | 'victimIds'>) =>
  ({ type: legalEventTypes[key], subject: caseId, time, data: { caseId, victimIds, ...data } }) as CaseEvent;
/** An alert about a survivor: keyed by her. */
const alert = <K extends EventKey>(key: K, personId: string, time: string, data: Omit<EventData<(typeof legalEventTypes)[K]>, 'caseId' | 'personId'>) =>
  ({ type: legalEventTypes[key], subject: personId, time, data: { personId, caseId, ...data } }) as CaseEvent;
const registered = fact('firRegistered', registeredAt, { fir, sections, accusedIds: [trafficker, pimp], mainAccusedId: kingpin });
const survivorNamed = (namedAt = registeredAt) => alert('survivorNamedAsAccused', survivor, namedAt, { namedAt });
const arrested = fact('accusedArrested', at, { perpetratorId: trafficker, arrestedAt: at });
const absconding = fact('accusedAbsconding', later, { perpetratorId: trafficker, declaredAt: later });
const chargeSheetFiled = fact('chargeSheetFiled', '2026-03-01T09:00:00.000Z', { filedAt: '2026-03-01T09:00:00.000Z', sections, accusedIds: [trafficker], daysAfterFir: 49 });
const missing = (daysAfterFir: 60 | 90, dueAt: string, flaggedAt: string) => fact('chargeSheetMissing', flaggedAt, { daysAfterFir, dueAt, flaggedAt });
const convicted = (court: 'sessions-court' | 'high-court' = 'sessions-court', perpetratorId = trafficker) =>
  fact('verdictRecorded', at, { perpetratorId, outcome: 'convicted', decidedAt: at, court, sentenceMonths: 120, fineInr: 50000 });
const appealed = fact('appealFiled', later, { perpetratorId: trafficker, appellant: 'accused', court: 'high-court', filedAt: later });
const closed = fact('caseClosed', later, { closedAt: later, reason: 'quashed' });

describe('a case', () => {
  it('registered before its FIR was sealed (v1, number and station in clear) is read as registered', () => {
    const v1 = {
      type: legalEventTypes.firRegisteredV1,
      subject: caseId,
      time: registeredAt,
      data: { caseId, victimIds, fir: { policeStation: 'Kamathipura', district: 'Mumbai City', state: 'Maharashtra', number: '123/2026', registeredAt }, sections, accusedIds: [trafficker, pimp], mainAccusedId: kingpin },
    } as CaseEvent;
    spec.given([v1]).when(arrest()).then([arrested]);
    expect(stateAfter([v1])).toMatchObject({ status: 'open', victimIds, fir: { number: '123/2026' } });
  });

  it('opens with its FIR, naming her to the police with her consent, the accused, and a main accused the FIR never named', () => {
    spec.given([]).when(register()).then([registered]);
    expect(stateAfter([registered])).toMatchObject({ status: 'open', victimIds, mainAccusedId: kingpin, mainAccusedNamed: false });
  });

  it('is registered once', () => spec.given([registered]).when(register()).thenThrows(DomainError, /already registered/, refused('conflict')));

  it('refuses a victim not registered in intake, naming her', () =>
    spec
      .given([])
      .when(register({ victims: [person(victim), person(stranger, { registered: false })] }))
      .thenThrows(DomainError, new RegExp(`person ${stranger} is not registered`), refused('rule-violated', { field: 'victimIds', personId: stranger })));

  it('refuses to name her to the police without her consent, saying which consent is missing', () => {
    for (const consents of [{}, { 'share-with-police': 'withdrawn' as const, 'share-with-courts': 'granted' as const }]) {
      spec
        .given([])
        .when(register({ victims: [person(victim), person(child, { consents })] }))
        .thenThrows(DomainError, new RegExp(`consent missing: share-with-police for person ${child}`), refused('conflict', { personId: child, scope: 'share-with-police' }));
    }
  });

  it('records the survivors the police listed as accused without asking their consent, each raising the decriminalisation alert', () =>
    spec
      .given([])
      .when(register({ survivorsAccused: [person(survivor, { consents: {} })] }))
      .then([registered, survivorNamed()]));

  it('refuses a survivor accused who is not registered in intake', () =>
    spec
      .given([])
      .when(register({ survivorsAccused: [person(stranger, { registered: false })] }))
      .thenThrows(DomainError, /is not registered/, refused('rule-violated', { field: 'survivorsAccusedIds', personId: stranger })));

  it('names only profiled perpetrators as the accused and the main accused', () => {
    spec.given([]).when(register({ accusedIds: [trafficker, unprofiled] })).thenThrows(DomainError, /not profiled/, refused('rule-violated', { field: 'accusedIds', perpetratorId: unprofiled }));
    spec.given([]).when(register({ mainAccusedId: unprofiled })).thenThrows(DomainError, /not profiled/, refused('rule-violated', { field: 'mainAccusedId' }));
  });

  it('cites ITPA offences only: s.3 to s.9', () => {
    const offences = [{ act: 'itpa' as const, section: '3(1)' }, { act: 'itpa' as const, section: '5A' }, { act: 'itpa' as const, section: '9' }];
    expect(decided([], register({ sections: offences }))[0]).toMatchObject({ data: { sections: offences } });
    for (const section of ['2', '15', '18']) {
      spec.given([]).when(register({ sections: [{ act: 'itpa', section }] })).thenThrows(DomainError, /ITPA offences are s.3 to s.9/, refused('rule-violated', { field: 'sections' }));
    }
  });

  it('is not registered with an FIR dated in the future', () =>
    spec.given([]).when(register({ fir: { ...fir, registeredAt: future } })).thenThrows(DomainError, /in the future/, refused('rule-violated', { field: 'fir.registeredAt' })));

  it('names at least one victim or survivor accused', () =>
    spec.given([]).when(register({ victims: [] })).thenThrows(DomainError, /at least one victim/, refused('rule-violated', { field: 'victimIds' })));

  const onTheCase: [string, CaseCommand][] = [
    ['naming an accused', nameAccused(lodgeOwner)],
    ['naming a survivor as accused', command('NameSurvivorAsAccused', { survivor: person(survivor), namedAt: at })],
    ['dropping an accusation', command('DropSurvivorAccusation', { personId: survivor, droppedAt: at })],
    ['an arrest', arrest()],
    ['absconding', command('DeclareAbsconding', { perpetratorId: trafficker, declaredAt: at })],
    ['bail', bail({ perpetratorId: trafficker })],
    ['a charge sheet', fileChargeSheet()],
    ['a hearing', command('RecordHearing', { heldAt: at, court: 'sessions-court', stage: 'bail' })],
    ['witness support', witness(person(victim))],
    ['a verdict', verdict()],
    ['an appeal', appeal()],
    ['premises closed', command('ClosePremises', { closedAt: at, place: { state: 'Maharashtra', district: 'Mumbai City' } })],
    ['property attached', command('AttachProperty', { attachedAt: at, kind: 'vehicle' })],
    ['compensation', command('OrderCompensation', { personId: victim, orderedAt: at, amountInr: 100000, payableBy: 'state' })],
    ['its closure', close('quashed')],
  ];
  it.each(onTheCase)('is registered before %s is recorded', (_, onCase) =>
    spec.given([]).when(onCase).thenThrows(DomainError, new RegExp(`case ${caseId} is not registered`), refused('not-found')));
  it.each(onTheCase)('once closed, takes no more %s', (_, onCase) => spec.given([registered, closed]).when(onCase).thenThrows(DomainError, /case is closed/, refused('conflict')));

  it('takes no time from staff that is in the future or before the FIR', () => {
    spec.given([registered]).when(arrest(trafficker, future)).thenThrows(DomainError, /arrestedAt is in the future/, refused('rule-violated', { field: 'arrestedAt' }));
    spec.given([registered]).when(arrest(trafficker, beforeFir)).thenThrows(DomainError, /arrestedAt is before the FIR/, refused('rule-violated', { field: 'arrestedAt' }));
    spec.given([registered]).when(verdict({ decidedAt: future })).thenThrows(DomainError, /in the future/, refused('rule-violated', { field: 'decidedAt' }));
    spec.given([registered]).when(close('quashed')).then([closed]);
  });
});

describe('the accused', () => {
  it('grow by a profiled perpetrator named after the FIR', () => {
    spec.given([registered]).when(nameAccused(lodgeOwner)).then([fact('accusedNamed', at, { perpetratorId: lodgeOwner, main: false, namedAt: at })]);
    spec.given([registered]).when(nameAccused(unprofiled)).thenThrows(DomainError, /not profiled/, refused('rule-violated', { field: 'perpetratorId' }));
  });

  it('include the main accused once named at last, and only once', () => {
    const named = fact('accusedNamed', at, { perpetratorId: kingpin, main: true, namedAt: at });
    spec.given([registered]).when(nameAccused(kingpin, true)).then([named]);
    expect(stateAfter([registered, named])).toMatchObject({ mainAccusedId: kingpin, mainAccusedNamed: true, accused: { [kingpin]: { namedAt: at } } });
    spec.given([registered, named]).when(nameAccused(kingpin, true)).thenThrows(DomainError, /already accused/, refused('conflict'));
  });

  it('are named again only to make one of them the main accused now', () => {
    const withoutKingpin = fact('firRegistered', registeredAt, { fir, sections, accusedIds: [trafficker, pimp] });
    spec.given([withoutKingpin]).when(nameAccused(trafficker, true)).then([fact('accusedNamed', at, { perpetratorId: trafficker, main: true, namedAt: at })]);
    spec.given([withoutKingpin]).when(nameAccused(trafficker)).thenThrows(DomainError, /already accused/, refused('conflict'));
  });

  it('have one main accused', () =>
    spec.given([registered]).when(nameAccused(pimp, true)).thenThrows(DomainError, new RegExp(`${kingpin} is the main accused already`), refused('conflict', { mainAccusedId: kingpin })));

  it('are arrested once, and again after absconding', () => {
    spec.given([registered]).when(arrest()).then([arrested]);
    spec.given([registered, arrested]).when(arrest()).thenThrows(DomainError, /already arrested/, refused('conflict'));
    spec.given([registered, arrested, absconding]).when(arrest(trafficker, now)).then([fact('accusedArrested', now, { perpetratorId: trafficker, arrestedAt: now })]);
    spec.given([registered]).when(arrest(kingpin)).thenThrows(DomainError, /not accused in this case/, refused('rule-violated', { field: 'perpetratorId' }));
  });

  it('are declared absconding once, only when accused', () => {
    const declare = (perpetratorId: string) => command('DeclareAbsconding', { perpetratorId, declaredAt: later });
    spec.given([registered, arrested]).when(declare(trafficker)).then([absconding]);
    spec.given([registered, absconding]).when(declare(trafficker)).thenThrows(DomainError, /already absconding/, refused('conflict'));
    spec.given([registered]).when(declare(unprofiled)).thenThrows(DomainError, /not accused/, refused('rule-violated', { field: 'perpetratorId' }));
  });
});

describe('a survivor named as accused', () => {
  const nameSurvivor = (survivorOnRecord = person(survivor)) => command('NameSurvivorAsAccused', { survivor: survivorOnRecord, namedAt: at });
  const drop = (personId = survivor) => command('DropSurvivorAccusation', { personId, droppedAt: later });
  const dropped = alert('survivorAccusationDropped', survivor, later, { droppedAt: later });

  it('raises the decriminalisation alert on her timeline; named again, nothing changes', () => {
    spec.given([registered]).when(nameSurvivor()).then([survivorNamed(at)]);
    spec.given([registered, survivorNamed(at)]).when(nameSurvivor()).then([]);
  });

  it('is registered in intake', () =>
    spec.given([registered]).when(nameSurvivor(person(stranger, { registered: false }))).thenThrows(DomainError, /is not registered/, refused('rule-violated', { field: 'personId' })));

  it('has the accusation dropped, closing the alert; not when she is not accused', () => {
    spec.given([registered, survivorNamed()]).when(drop()).then([dropped]);
    expect(stateAfter([registered, survivorNamed(), dropped])).toMatchObject({ survivorsAccused: [] });
    spec.given([registered, survivorNamed(), dropped]).when(drop()).thenThrows(DomainError, /not accused in this case/, refused('rule-violated', { field: 'personId' }));
    spec.given([registered]).when(drop(victim)).thenThrows(DomainError, /not accused in this case/, refused('rule-violated', { field: 'personId' }));
  });
});

describe('bail', () => {
  it('is recorded for an accused perpetrator, with who stood surety', () =>
    spec
      .given([registered, arrested])
      .when(bail({ perpetratorId: trafficker, surety: 'known-perpetrator', suretyPerpetratorId: lodgeOwner }))
      .then([fact('bailRecorded', at, { perpetratorId: trafficker, stage: 'granted', at, surety: 'known-perpetrator', suretyPerpetratorId: lodgeOwner })]));

  it('is of exactly one accused: a perpetrator or a survivor', () => {
    spec.given([registered, survivorNamed()]).when(bail({ perpetratorId: trafficker, personId: survivor })).thenThrows(DomainError, /exactly one accused/, refused('rule-violated', { field: 'perpetratorId' }));
    spec.given([registered]).when(bail({})).thenThrows(DomainError, /exactly one accused/, refused('rule-violated', { field: 'perpetratorId' }));
  });

  it('is of someone accused in this case', () => {
    spec.given([registered]).when(bail({ perpetratorId: kingpin })).thenThrows(DomainError, /not accused/, refused('rule-violated', { field: 'perpetratorId' }));
    spec.given([registered]).when(bail({ personId: victim })).thenThrows(DomainError, /not accused/, refused('rule-violated', { field: 'personId' }));
  });

  it('raises the debt-bondage alert when a known perpetrator stands surety for a survivor', () =>
    spec
      .given([registered, survivorNamed()])
      .when(bail({ personId: survivor, stage: 'applied', surety: 'known-perpetrator', suretyPerpetratorId: pimp }))
      .then([
        fact('bailRecorded', at, { personId: survivor, stage: 'applied', at, surety: 'known-perpetrator', suretyPerpetratorId: pimp }),
        alert('debtBondageSuspected', survivor, at, { suretyPerpetratorId: pimp, suspectedAt: at }),
      ]));

  it('names the profiled perpetrator who stood surety, and names one only as such', () => {
    spec.given([registered]).when(bail({ perpetratorId: trafficker, surety: 'known-perpetrator' })).thenThrows(DomainError, /name the known perpetrator/, refused('rule-violated', { field: 'suretyPerpetratorId' }));
    spec
      .given([registered])
      .when(bail({ perpetratorId: trafficker, surety: 'known-perpetrator', suretyPerpetratorId: unprofiled }))
      .thenThrows(DomainError, /not profiled/, refused('rule-violated', { field: 'suretyPerpetratorId' }));
    spec.given([registered]).when(bail({ perpetratorId: trafficker, surety: 'family', suretyPerpetratorId: pimp })).thenThrows(DomainError, /surety of a known perpetrator/, refused('rule-violated', { field: 'surety' }));
  });
});

describe('the charge sheet', () => {
  it('is recorded with the whole days since the FIR, and supplementary ones after it', () => {
    spec.given([registered]).when(fileChargeSheet()).then([chargeSheetFiled]);
    const [supplementary] = decided([registered, chargeSheetFiled], fileChargeSheet({ filedAt: later, accusedIds: [trafficker, pimp] }));
    expect(supplementary).toMatchObject({ data: { daysAfterFir: 111, accusedIds: [trafficker, pimp] } });
    expect(stateAfter([registered, chargeSheetFiled, supplementary])).toMatchObject({ chargeSheets: { count: 2, firstFiledAt: '2026-03-01T09:00:00.000Z' } });
  });

  it('charges the accused of the case, under ITPA offences only, and is not filed before the FIR', () => {
    spec.given([registered]).when(fileChargeSheet({ accusedIds: [trafficker, kingpin] })).thenThrows(DomainError, /not accused/, refused('rule-violated', { field: 'accusedIds', perpetratorId: kingpin }));
    spec.given([registered]).when(fileChargeSheet({ sections: [{ act: 'itpa', section: '15' }] })).thenThrows(DomainError, /not an offence/, refused('rule-violated', { field: 'sections' }));
    spec.given([registered]).when(fileChargeSheet({ filedAt: beforeFir })).thenThrows(DomainError, /before the FIR/, refused('rule-violated', { field: 'filedAt' }));
  });

  it('is flagged missing 60 days after the FIR, then at 90, each mark once', () => {
    spec.given([registered]).when(flag('2026-03-11T09:59:00.000Z')).then([]);
    spec.given([registered]).when(flag(mark60)).then([missing(60, mark60, mark60)]);
    spec.given([registered, missing(60, mark60, mark60)]).when(flag('2026-03-20T00:00:00.000Z')).then([]);
    spec.given([registered, missing(60, mark60, mark60)]).when(flag(mark90)).then([missing(90, mark90, mark90)]);
    spec.given([registered, missing(60, mark60, mark60), missing(90, mark90, mark90)]).when(flag(now)).then([]);
  });

  it('is flagged missing at both marks at once when the watch runs late', () =>
    spec.given([registered]).when(flag(now)).then([missing(60, mark60, now), missing(90, mark90, now)]));

  it('is not flagged missing once one is filed or the case is closed, nor for a case this store does not hold', () => {
    spec.given([registered, chargeSheetFiled]).when(flag(now)).then([]);
    spec.given([registered, closed]).when(flag(now)).then([]);
    spec.given([]).when(flag(now)).then([]);
  });

  it('has deadlines the service watches: the marks not yet flagged, none once filed or closed', () => {
    expect(chargeSheetDeadlines(stateAfter([registered]))).toEqual([
      { daysAfterFir: 60, dueAt: mark60 },
      { daysAfterFir: 90, dueAt: mark90 },
    ]);
    expect(chargeSheetDeadlines(stateAfter([registered, missing(60, mark60, mark60)]))).toEqual([{ daysAfterFir: 90, dueAt: mark90 }]);
    expect(chargeSheetDeadlines(stateAfter([registered, chargeSheetFiled]))).toEqual([]);
    expect(chargeSheetDeadlines(stateAfter([registered, closed]))).toEqual([]);
    expect(chargeSheetDeadlines(caseDecider.initialState())).toEqual([]);
  });
});

describe('hearings', () => {
  const hearing = (nextHearingAt?: string) => command('RecordHearing', { heldAt: at, court: 'special-court-itpa', stage: 'framing-of-charges', ...(nextHearingAt ? { nextHearingAt } : {}) });

  it('are recorded with the next date the court set, in the future', () => {
    const held = fact('hearingRecorded', at, { heldAt: at, court: 'special-court-itpa', stage: 'framing-of-charges', nextHearingAt: future });
    spec.given([registered]).when(hearing(future)).then([held]);
    expect(stateAfter([registered, held])).toMatchObject({ hearings: { count: 1, last: { heldAt: at, nextHearingAt: future } } });
  });

  it('set the next hearing after this one', () =>
    spec.given([registered]).when(hearing(at)).thenThrows(DomainError, /next hearing is after this one/, refused('rule-violated', { field: 'nextHearingAt' })));
});

describe('victim-witness support', () => {
  const supported = fact('witnessSupportRecorded', at, {
    personId: victim,
    at,
    testimony: 'deposition-in-court',
    inCamera: true,
    supportPerson: true,
    protectionMeasures: ['screen-in-court'],
    travelSupported: true,
  });

  it('is recorded for a victim who consents to be named to the court', () => spec.given([registered]).when(witness(person(victim))).then([supported]));

  it('refuses to name her to a court without her consent, saying which consent is missing', () =>
    spec
      .given([registered])
      .when(witness(person(victim, { consents: { 'share-with-police': 'granted', 'share-with-courts': 'withdrawn' } })))
      .thenThrows(DomainError, new RegExp(`consent missing: share-with-courts for person ${victim}`), refused('conflict', { personId: victim, scope: 'share-with-courts' })));

  it('is for a victim of the case', () =>
    spec.given([registered, survivorNamed()]).when(witness(person(survivor))).thenThrows(DomainError, /not a victim in this case/, refused('rule-violated', { field: 'personId' })));

  it('hears a child only in camera (POCSO s.37), and a victim whose age is not known too', () => {
    spec.given([registered]).when(witness(person(child, { ageBand: '16-17' }), false)).thenThrows(DomainError, /POCSO s.37/, refused('rule-violated', { field: 'inCamera' }));
    spec.given([registered]).when(witness(person(victim, { ageBand: 'unknown' }), false)).thenThrows(DomainError, /only in camera/, refused('rule-violated', { field: 'inCamera' }));
    expect(decided([registered], witness(person(victim), false))[0]).toMatchObject({ data: { inCamera: false } });
  });
});

describe('verdicts and appeals', () => {
  it('record a conviction with its sentence and fine', () =>
    spec.given([registered]).when(verdict({ sentenceMonths: 120, fineInr: 50000 })).then([convicted()]));

  it('give a sentence or a fine only on a conviction', () => {
    spec.given([registered]).when(verdict({ outcome: 'acquitted', sentenceMonths: 12 })).thenThrows(DomainError, /sentence/, refused('rule-violated', { field: 'sentenceMonths' }));
    spec.given([registered]).when(verdict({ outcome: 'acquitted', fineInr: 1000 })).thenThrows(DomainError, /fine/, refused('rule-violated', { field: 'fineInr' }));
  });

  it('are one per accused per court, and only on the accused', () => {
    spec.given([registered, convicted()]).when(verdict({ outcome: 'acquitted' })).thenThrows(DomainError, /already gave its verdict/, refused('conflict', { court: 'sessions-court' }));
    spec.given([registered, convicted()]).when(verdict({ perpetratorId: pimp, outcome: 'acquitted' })).then([fact('verdictRecorded', at, { perpetratorId: pimp, outcome: 'acquitted', decidedAt: at, court: 'sessions-court' })]);
    spec.given([registered]).when(verdict({ perpetratorId: kingpin })).thenThrows(DomainError, /not accused/, refused('rule-violated', { field: 'perpetratorId' }));
  });

  it('are appealed only once given, and the appellate court then gives its own', () => {
    spec.given([registered]).when(appeal()).thenThrows(DomainError, /no verdict on perpetrator .* to appeal/, refused('rule-violated', { field: 'perpetratorId' }));
    spec.given([registered, convicted()]).when(appeal()).then([appealed]);
    spec.given([registered, convicted(), appealed]).when(verdict({ court: 'high-court', decidedAt: now, outcome: 'acquitted' })).then([
      fact('verdictRecorded', now, { perpetratorId: trafficker, outcome: 'acquitted', decidedAt: now, court: 'high-court' }),
    ]);
    const remanded = fact('appealFiled', later, { perpetratorId: trafficker, appellant: 'prosecution', court: 'sessions-court', filedAt: later });
    expect(decided([registered, convicted(), remanded], verdict({ decidedAt: now }))).toHaveLength(1);
  });
});

describe('what the case takes from the exploiters and gives her', () => {
  it('records premises closed under ITPA s.18 and property attached', () => {
    const place = { state: 'Maharashtra', district: 'Mumbai City' };
    spec.given([registered]).when(command('ClosePremises', { closedAt: at, place })).then([fact('premisesClosed', at, { closedAt: at, place })]);
    spec.given([registered]).when(command('AttachProperty', { attachedAt: at, kind: 'bank-account', valueInr: 250000 })).then([fact('propertyAttached', at, { attachedAt: at, kind: 'bank-account', valueInr: 250000 })]);
  });

  it('orders compensation for a victim of the case only', () => {
    const order = (personId: string) => command('OrderCompensation', { personId, orderedAt: at, amountInr: 300000, payableBy: 'accused' });
    spec.given([registered]).when(order(child)).then([fact('compensationOrdered', at, { personId: child, orderedAt: at, amountInr: 300000, payableBy: 'accused' })]);
    spec.given([registered]).when(order(stranger)).thenThrows(DomainError, /not a victim in this case/, refused('rule-violated', { field: 'personId', personId: stranger }));
  });
});

describe('closing the case', () => {
  it('with final verdicts needs a verdict on every accused and no appeal pending', () => {
    spec.given([registered, convicted()]).when(close('verdicts-final')).thenThrows(DomainError, /every accused is judged/, refused('rule-violated', { field: 'reason', perpetratorIds: [pimp] }));
    const judged = [registered, convicted(), convicted('sessions-court', pimp)];
    spec.given([...judged, appealed]).when(close('verdicts-final')).thenThrows(DomainError, /under appeal/, refused('rule-violated', { field: 'reason', perpetratorIds: [trafficker] }));
    spec.given(judged).when(close('verdicts-final')).then([fact('caseClosed', later, { closedAt: later, reason: 'verdicts-final' })]);
  });

  it('quashed, withdrawn, transferred out or abated, at any stage', () => spec.given([registered, arrested]).when(close('withdrawn')).then([fact('caseClosed', later, { closedAt: later, reason: 'withdrawn' })]));
});

describe('her consent withdrawn', () => {
  const withdrawn = (personId = victim): CaseCommand => ({ type: 'NoteConsentWithdrawn', data: { caseId, personId, scope: 'share-with-courts', withdrawnAt: later } });

  it('raises an alert on her timeline while a case of hers is open', () =>
    spec.given([registered]).when(withdrawn()).then([alert('consentWithdrawnOnOpenCase', victim, later, { scope: 'share-with-courts', withdrawnAt: later })]));

  it('alerts once per withdrawal, whichever end of the join notices it first (her withdrawal, or the FIR)', () => {
    const raised = alert('consentWithdrawnOnOpenCase', victim, later, { scope: 'share-with-courts', withdrawnAt: later });
    spec.given([registered, raised]).when(withdrawn()).then([]);
    const withdrawnAgainLater: CaseCommand = { type: 'NoteConsentWithdrawn', data: { caseId, personId: victim, scope: 'share-with-courts', withdrawnAt: '2026-09-01T00:00:00.000Z' } };
    spec
      .given([registered, raised])
      .when(withdrawnAgainLater)
      .then([alert('consentWithdrawnOnOpenCase', victim, '2026-09-01T00:00:00.000Z', { scope: 'share-with-courts', withdrawnAt: '2026-09-01T00:00:00.000Z' })]);
  });

  it('changes nothing for a closed case, a case never registered, or someone not a victim', () => {
    spec.given([registered, closed]).when(withdrawn()).then([]);
    spec.given([]).when(withdrawn()).then([]);
    spec.given([registered, survivorNamed()]).when(withdrawn(survivor)).then([]);
  });
});

describe('the case record', () => {
  it('folds its facts into plain JSON, as stored and read out', () => {
    const state = stateAfter([registered, survivorNamed(), arrested, absconding, chargeSheetFiled, missing(60, mark60, mark60), convicted(), appealed, closed]);
    expect(state).toMatchObject({
      status: 'closed',
      accused: { [trafficker]: { custody: 'absconding', arrestedAt: at, verdicts: { 'sessions-court': { outcome: 'convicted', sentenceMonths: 120 } }, appealsPending: ['high-court'] } },
      survivorsAccused: [survivor],
      chargeSheets: { count: 1 },
      chargeSheetMissingFlagged: [60],
      closed: { at: later, reason: 'quashed' },
    });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('has facts that fit the published contract, from the FIR to the closure', () => {
    const commands: CaseCommand[] = [
      register({ survivorsAccused: [person(survivor)] }),
      nameAccused(kingpin, true),
      arrest(),
      bail({ personId: survivor, surety: 'known-perpetrator', suretyPerpetratorId: lodgeOwner }),
      command('DropSurvivorAccusation', { personId: survivor, droppedAt: at }),
      flag(mark90),
      fileChargeSheet({ accusedIds: [trafficker, kingpin] }),
      command('RecordHearing', { heldAt: at, court: 'special-court-itpa', stage: 'prosecution-evidence', nextHearingAt: future }),
      witness(person(child, { ageBand: '12-15' })),
      verdict(),
      appeal(),
      command('ClosePremises', { closedAt: at, place: { state: 'Maharashtra', district: 'Mumbai City' } }),
      command('AttachProperty', { attachedAt: at, kind: 'vehicle' }),
      command('OrderCompensation', { personId: victim, orderedAt: at, amountInr: 100000, payableBy: 'state' }),
      { type: 'NoteConsentWithdrawn', data: { caseId, personId: child, scope: 'share-with-police', withdrawnAt: later } },
      close('transferred-out'),
    ];
    const history: CaseEvent[] = [];
    for (const next of commands) history.push(...decided(history, next));
    expect(history).toHaveLength(19);
    for (const event of history) {
      expect({ type: event.type, problems: payloadProblems(event.type, event.data) }).toEqual({ type: event.type, problems: [] });
    }
  });
});
