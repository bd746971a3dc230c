import { AgeBand, payloadProblems, rehabilitationEventTypes } from '@mukti/contracts';
import { deciderSpecification, DomainError, DomainErrorKind } from '@mukti/decider';
import { CarePlanCommand, CarePlanEvent, carePlanDecider } from './care-plan.decider';

const personId = '11111111-1111-4111-8111-111111111111';
const operationId = '0c9e8d7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f';
const sessionId = '44444444-4444-4444-8444-444444444444';
const openedAt = '2026-12-01T09:00:00.000Z';
const now = '2027-06-01T12:00:00.000Z';
const later = '2027-07-01T12:00:00.000Z';
const home = { state: 'West Bengal', district: 'South 24 Parganas' };
const notes = { keyId: 'key-1', algorithm: 'AES-256-GCM' as const, iv: 'aXY=', ciphertext: 'Y2lwaGVy', authTag: 'dGFn' };

const spec = deciderSpecification(carePlanDecider);
const decided = (events: CarePlanEvent[], command: CarePlanCommand) =>
  carePlanDecider.decide(command, events.reduce(carePlanDecider.evolve, carePlanDecider.initialState()));
/** A refusal of this kind, naming this field. */
const refused = (kind: DomainErrorKind, field?: string) => (error: Error) => {
  expect((error as DomainError).kind).toBe(kind);
  if (field) expect((error as DomainError).details).toMatchObject({ field });
};

// Commands
const open = (overrides: Partial<Extract<CarePlanCommand, { type: 'OpenCarePlan' }>['data']> = {}): CarePlanCommand => ({
  type: 'OpenCarePlan',
  data: { personId, origin: 'rescued', operationId, child: false, goals: ['safety', 'mental-health'], openedAt, now: openedAt, ...overrides },
});
const setGoal = (domain: 'safety' | 'education', status: 'open' | 'achieved' | 'discontinued', setAt = '2027-01-10T10:00:00.000Z'): CarePlanCommand => ({
  type: 'SetGoal',
  data: { personId, domain, status, setAt, now },
});
/** A shelter's name as intake sealed it with her key: the rules only carry it. */
const sealedName = (ciphertext = 'U2FubGFhcA==') => ({ keyId: personId, algorithm: 'AES-256-GCM' as const, iv: 'aXY=', ciphertext, authTag: 'dGFn' });
const admit = (kind: 'ngo' | 'ujjawala' | 'child-care-institution', name = sealedName(), admittedAt = '2026-12-01T12:00:00.000Z', ageBand: AgeBand = '18-24'): CarePlanCommand => ({
  type: 'AdmitToShelter',
  data: { personId, shelter: { name, kind, state: 'West Bengal', district: 'Kolkata' }, admittedAt, ageBand, now },
});
/** A child's command: her band now (intake's copy). */
const asChild = (command: CarePlanCommand, ageBand: AgeBand = '16-17'): CarePlanCommand => ({ ...command, data: { ...command.data, ageBand } }) as CarePlanCommand;
const discharge = (dischargedAt = '2027-03-01T10:00:00.000Z'): CarePlanCommand => ({
  type: 'DischargeFromShelter',
  data: { personId, dischargedAt, reason: 'repatriated', now },
});
const counselling = (heldAt = '2027-01-05T10:00:00.000Z'): CarePlanCommand => ({
  type: 'RecordCounsellingSession',
  data: { personId, sessionId, heldAt, kind: 'individual', notes, now },
});
const document = (doc: 'aadhaar' | 'voter-id', status: 'applied' | 'obtained' | 'refused', recordedAt = '2027-02-01T10:00:00.000Z'): CarePlanCommand => ({
  type: 'RecordIdentityDocument',
  data: { personId, document: doc, status, recordedAt, ageBand: '18-24', now },
});
type StepData = Extract<CarePlanCommand, { type: 'RecordRepatriationStep' }>['data'];
const step = (data: Omit<Partial<StepData>, 'personId' | 'now'> & Pick<StepData, 'step'>): CarePlanCommand => ({
  type: 'RecordRepatriationStep',
  data: { personId, at: '2027-02-15T10:00:00.000Z', home, ageBand: '18-24', now, ...data },
});
const schedule = (everyMonths: number, forMonths: number, from = '2027-03-01T10:00:00.000Z', at = now): CarePlanCommand => ({
  type: 'ScheduleFollowUps',
  data: { personId, everyMonths, forMonths, from, now: at },
});
const followUp = (heldAt: string, at = later): CarePlanCommand => ({
  type: 'RecordFollowUp',
  data: { personId, heldAt, status: 'settled', retraffickingRisk: 'low', now: at },
});
const flagMissed = (at: string): CarePlanCommand => ({ type: 'FlagMissedFollowUps', data: { personId, now: at } });
const compensation = (stage: 'applied' | 'awarded' | 'paid', amountInr?: number, at = '2027-04-01T10:00:00.000Z'): CarePlanCommand => ({
  type: 'RecordCompensation',
  data: { personId, stage, scheme: 'state-victim-compensation-scheme', at, ...(amountInr !== undefined ? { amountInr } : {}), now },
});

// Events
const opened = (child = false): CarePlanEvent => ({
  type: rehabilitationEventTypes.carePlanOpened,
  subject: personId,
  time: openedAt,
  data: { personId, openedAt, origin: 'rescued', operationId, child, goals: ['safety', 'mental-health'] },
});
const admitted = (kind: 'ngo' | 'child-care-institution' = 'ngo', name = sealedName()): CarePlanEvent => ({
  type: rehabilitationEventTypes.shelterAdmitted,
  subject: personId,
  time: '2026-12-01T12:00:00.000Z',
  data: { personId, shelter: { name, kind, state: 'West Bengal', district: 'Kolkata' }, admittedAt: '2026-12-01T12:00:00.000Z' },
});
const discharged: CarePlanEvent = {
  type: rehabilitationEventTypes.shelterDischarged,
  subject: personId,
  time: '2027-03-01T10:00:00.000Z',
  data: { personId, dischargedAt: '2027-03-01T10:00:00.000Z', reason: 'repatriated' },
};
const reported = (outcome: 'favourable' | 'unfavourable', reportHome = home): CarePlanEvent => ({
  type: rehabilitationEventTypes.repatriationStepRecorded,
  subject: personId,
  time: '2027-02-01T10:00:00.000Z',
  data: { personId, step: 'home-investigation-report', at: '2027-02-01T10:00:00.000Z', home: reportHome, homeInvestigationOutcome: outcome },
});
const handedOver: CarePlanEvent = {
  type: rehabilitationEventTypes.repatriationStepRecorded,
  subject: personId,
  time: '2027-02-15T10:00:00.000Z',
  data: { personId, step: 'handover', at: '2027-02-15T10:00:00.000Z', home, handedOverTo: 'family' },
};
const scheduled = (dueDates: string[], everyMonths = 3, forMonths = 6): CarePlanEvent => ({
  type: rehabilitationEventTypes.followUpsScheduled,
  subject: personId,
  time: now,
  data: { personId, everyMonths, forMonths, dueDates },
});
const held = (dueAt: string, heldAt: string): CarePlanEvent => ({
  type: rehabilitationEventTypes.followUpRecorded,
  subject: personId,
  time: heldAt,
  data: { personId, dueAt, heldAt, status: 'settled', retraffickingRisk: 'low' },
});
const missed = (dueAt: string, flaggedAt: string): CarePlanEvent => ({
  type: rehabilitationEventTypes.followUpMissed,
  subject: personId,
  time: flaggedAt,
  data: { personId, dueAt, flaggedAt },
});
const awarded = (amountInr: number): CarePlanEvent => ({
  type: rehabilitationEventTypes.compensationRecorded,
  subject: personId,
  time: '2027-04-01T10:00:00.000Z',
  data: { personId, stage: 'awarded', scheme: 'state-victim-compensation-scheme', at: '2027-04-01T10:00:00.000Z', amountInr },
});
const paid = (amountInr: number): CarePlanEvent => ({
  type: rehabilitationEventTypes.compensationRecorded,
  subject: personId,
  time: '2027-04-01T10:00:00.000Z',
  data: { personId, stage: 'paid', scheme: 'state-victim-compensation-scheme', at: '2027-04-01T10:00:00.000Z', amountInr },
});

describe('a care plan', () => {
  it('opens after her rescue with her goals, each domain once', () => {
    spec
      .given([])
      .when(open({ goals: ['safety', 'mental-health', 'safety'] }))
      .then([opened()]);
  });

  it('opens by hand for a survivor referred another way, with no rescue to name', () => {
    spec
      .given([])
      .when(open({ origin: 'referred', operationId: undefined, goals: ['livelihood'] }))
      .then([
        {
          type: rehabilitationEventTypes.carePlanOpened,
          subject: personId,
          time: openedAt,
          data: { personId, openedAt, origin: 'referred', child: false, goals: ['livelihood'] },
        },
      ]);
  });

  it('goes on when a later rescue reacts again, but is not opened twice by hand', () => {
    spec.given([opened()]).when(open()).then([]);
    spec
      .given([opened()])
      .when(open({ origin: 'referred' }))
      .thenThrows(DomainError, /she already has a care plan/, refused('conflict'));
  });

  it('is not opened in the future, within five minutes of clock skew', () => {
    spec.given([]).when(open({ openedAt: '2026-12-01T09:04:00.000Z', now: '2026-12-01T09:00:00.000Z' })).then([
      { ...opened(), time: '2026-12-01T09:04:00.000Z', data: { ...opened().data, openedAt: '2026-12-01T09:04:00.000Z' } } as CarePlanEvent,
    ]);
    spec
      .given([])
      .when(open({ openedAt: '2026-12-01T09:06:00.000Z', now: '2026-12-01T09:00:00.000Z' }))
      .thenThrows(DomainError, /openedAt is in the future/, refused('rule-violated', 'openedAt'));
  });

  it('has at least one goal', () => {
    spec.given([]).when(open({ goals: [] })).thenThrows(DomainError, /at least one goal/, refused('rule-violated', 'goals'));
  });

  it.each([
    ['a goal', setGoal('safety', 'achieved')],
    ['an admission to a shelter', admit('ngo')],
    ['a discharge', discharge()],
    ['a counselling session', counselling()],
    ['a health service', { type: 'RecordHealthService', data: { personId, service: 'treatment', providedAt: now, provider: 'government', now } }],
    ['an enrolment', { type: 'EnrolInEducation', data: { personId, programme: 'school', enrolledAt: now, now } }],
    ['an identity document', document('aadhaar', 'applied')],
    ['a repatriation step', step({ step: 'home-investigation-report', homeInvestigationOutcome: 'favourable' })],
    ['follow-ups', schedule(3, 24)],
    ['a follow-up', followUp(now)],
    ['missed follow-ups', flagMissed(now)],
    ['compensation', compensation('applied')],
  ] as [string, CarePlanCommand][])('is needed before %s can be recorded', (_, command) => {
    spec
      .given([])
      .when(command)
      .thenThrows(DomainError, new RegExp(`person ${personId} has no care plan; open one first`), refused('not-found'));
  });
});

describe('her goals', () => {
  const goalSet = (domain: 'safety' | 'education', status: 'open' | 'achieved' | 'discontinued'): CarePlanEvent => ({
    type: rehabilitationEventTypes.goalSet,
    subject: personId,
    time: '2027-01-10T10:00:00.000Z',
    data: { personId, domain, status, setAt: '2027-01-10T10:00:00.000Z' },
  });

  it('are added open and move on to achieved or discontinued', () => {
    spec.given([opened()]).when(setGoal('education', 'open')).then([goalSet('education', 'open')]);
    spec.given([opened()]).when(setGoal('safety', 'achieved')).then([goalSet('safety', 'achieved')]);
    spec.given([opened(), goalSet('safety', 'achieved')]).when(setGoal('safety', 'open')).then([goalSet('safety', 'open')]);
  });

  it('are not set again to the status they have', () => {
    spec.given([opened()]).when(setGoal('safety', 'open')).then([]);
    spec.given([opened(), goalSet('education', 'open'), goalSet('education', 'discontinued')]).when(setGoal('education', 'discontinued')).then([]);
  });

  it('start open: a goal not on her plan is not achieved or discontinued', () => {
    spec.given([opened()]).when(setGoal('education', 'achieved')).thenThrows(DomainError, /starts open/, refused('rule-violated', 'status'));
    spec.given([opened()]).when(setGoal('education', 'discontinued')).thenThrows(DomainError, /starts open/, refused('rule-violated', 'status'));
  });

  it('are not set in the future', () => {
    spec
      .given([opened()])
      .when(setGoal('safety', 'achieved', '2027-06-02T00:00:00.000Z'))
      .thenThrows(DomainError, /in the future/, refused('rule-violated', 'setAt'));
  });
});

describe('a shelter stay', () => {
  it('admits an adult to a shelter for adults', () => {
    spec.given([opened()]).when(admit('ngo')).then([admitted('ngo')]);
  });

  it('admits a child only to a child care institution (JJ Act)', () => {
    spec.given([opened(true)]).when(asChild(admit('child-care-institution'))).then([admitted('child-care-institution')]);
    spec.given([opened(true)]).when(asChild(admit('ujjawala'))).thenThrows(DomainError, /JJ Act: a child is placed only in a child care institution/, refused('rule-violated', 'shelter.kind'));
  });

  it('follows her band now, not the one her plan opened with: a girl found to be 15 after opening as an adult goes to a child care institution', () => {
    spec.given([opened(false)]).when(asChild(admit('ujjawala'), '12-15')).thenThrows(DomainError, /JJ Act: a child is placed only in a child care institution/, refused('rule-violated', 'shelter.kind'));
    // Opened for a child who has turned 18 since: an adult's shelter.
    spec.given([opened(true)]).when(admit('ngo')).then([admitted('ngo')]);
  });

  it('records a voter ID only for someone 18 or over', () => {
    spec.given([opened()]).when(asChild(document('voter-id', 'applied'), '16-17')).thenThrows(DomainError, /a voter ID is for those 18 and over/, refused('rule-violated', 'document'));
  });

  it('never admits an adult to a child care institution (JJ Act)', () => {
    spec.given([opened()]).when(admit('child-care-institution')).thenThrows(DomainError, /JJ Act: a child care institution is for children/, refused('rule-violated', 'shelter.kind'));
  });

  it('is one at a time: she is discharged from one shelter before admission to another', () => {
    spec
      .given([opened(), admitted('ngo')])
      .when(admit('ujjawala', sealedName('VWpqYXdhbGE=')))
      .thenThrows(DomainError, /discharge her first/, refused('conflict'));
    spec.given([opened(), admitted('ngo'), discharged]).when(admit('ngo')).then([admitted('ngo')]);
  });

  it('recorded before the name was sealed (v1, in clear) is read as a stay, and its discharge as its end', () => {
    const admittedV1: CarePlanEvent = {
      type: rehabilitationEventTypes.shelterAdmittedV1,
      subject: personId,
      time: '2026-12-01T12:00:00.000Z',
      data: { personId, shelter: { name: 'Sanlaap Shelter Home', kind: 'ngo', state: 'West Bengal', district: 'Kolkata' }, admittedAt: '2026-12-01T12:00:00.000Z' },
    };
    const dischargedV1: CarePlanEvent = {
      type: rehabilitationEventTypes.shelterDischargedV1,
      subject: personId,
      time: '2027-03-01T10:00:00.000Z',
      data: { personId, shelterName: 'Sanlaap Shelter Home', dischargedAt: '2027-03-01T10:00:00.000Z', reason: 'repatriated' },
    };
    spec.given([opened(), admittedV1]).when(discharge()).then([discharged]);
    spec.given([opened(), admittedV1, dischargedV1]).when(discharge()).thenThrows(DomainError, /not in a shelter/, refused('conflict'));
  });

  it('does not begin in the future', () => {
    spec
      .given([opened()])
      .when(admit('ngo', sealedName(), '2027-06-02T00:00:00.000Z'))
      .thenThrows(DomainError, /admittedAt is in the future/, refused('rule-violated', 'admittedAt'));
  });

  it('ends with a discharge from the shelter she is in, which does not repeat its name', () => {
    spec.given([opened(), admitted('ngo')]).when(discharge()).then([discharged]);
  });

  it('is not ended when she is in no shelter', () => {
    spec.given([opened()]).when(discharge()).thenThrows(DomainError, /not in a shelter/, refused('conflict'));
    spec.given([opened(), admitted('ngo'), discharged]).when(discharge()).thenThrows(DomainError, /not in a shelter/, refused('conflict'));
  });

  it('does not end before it began, nor in the future', () => {
    spec
      .given([opened(), admitted('ngo')])
      .when(discharge('2026-11-30T10:00:00.000Z'))
      .thenThrows(DomainError, /before her admission/, refused('rule-violated', 'dischargedAt'));
    spec
      .given([opened(), admitted('ngo')])
      .when(discharge('2027-06-02T00:00:00.000Z'))
      .thenThrows(DomainError, /in the future/, refused('rule-violated', 'dischargedAt'));
  });
});

describe('counselling, health and education', () => {
  const sessionRecorded: CarePlanEvent = {
    type: rehabilitationEventTypes.counsellingSessionRecorded,
    subject: personId,
    time: '2027-01-05T10:00:00.000Z',
    data: { personId, sessionId, heldAt: '2027-01-05T10:00:00.000Z', kind: 'individual', notes },
  };

  it('records a counselling session with its notes sealed, once', () => {
    spec.given([opened()]).when(counselling()).then([sessionRecorded]);
    spec.given([opened(), sessionRecorded]).when(counselling()).then([]);
  });

  it('records no counselling session held in the future', () => {
    spec.given([opened()]).when(counselling('2027-06-02T00:00:00.000Z')).thenThrows(DomainError, /in the future/, refused('rule-violated', 'heldAt'));
  });

  it('records the health services she receives, none in the future', () => {
    const provided = (providedAt: string): CarePlanCommand => ({
      type: 'RecordHealthService',
      data: { personId, service: 'mental-health-care', providedAt, provider: 'ngo', now },
    });
    spec
      .given([opened()])
      .when(provided('2027-01-20T10:00:00.000Z'))
      .then([
        {
          type: rehabilitationEventTypes.healthServiceRecorded,
          subject: personId,
          time: '2027-01-20T10:00:00.000Z',
          data: { personId, service: 'mental-health-care', providedAt: '2027-01-20T10:00:00.000Z', provider: 'ngo' },
        },
      ]);
    spec.given([opened()]).when(provided('2027-06-02T00:00:00.000Z')).thenThrows(DomainError, /in the future/, refused('rule-violated', 'providedAt'));
  });

  it('enrols her in education, not in the future', () => {
    const enrol = (enrolledAt: string): CarePlanCommand => ({ type: 'EnrolInEducation', data: { personId, programme: 'bridge-course', enrolledAt, now } });
    spec
      .given([opened()])
      .when(enrol('2027-01-20T10:00:00.000Z'))
      .then([
        {
          type: rehabilitationEventTypes.educationEnrolled,
          subject: personId,
          time: '2027-01-20T10:00:00.000Z',
          data: { personId, programme: 'bridge-course', enrolledAt: '2027-01-20T10:00:00.000Z' },
        },
      ]);
    spec.given([opened()]).when(enrol('2027-06-02T00:00:00.000Z')).thenThrows(DomainError, /in the future/, refused('rule-violated', 'enrolledAt'));
  });
});

describe('her identity documents', () => {
  const recorded = (doc: 'aadhaar' | 'voter-id', status: 'applied' | 'obtained' | 'refused', recordedAt = '2027-02-01T10:00:00.000Z'): CarePlanEvent => ({
    type: rehabilitationEventTypes.identityDocumentRecorded,
    subject: personId,
    time: recordedAt,
    data: { personId, document: doc, status, recordedAt },
  });
  const voterRegistered: CarePlanEvent = {
    type: rehabilitationEventTypes.voterRegistered,
    subject: personId,
    time: '2027-02-01T10:00:00.000Z',
    data: { personId, registeredAt: '2027-02-01T10:00:00.000Z' },
  };

  it('are applied for, refused, applied for again and obtained', () => {
    spec.given([opened()]).when(document('aadhaar', 'applied')).then([recorded('aadhaar', 'applied')]);
    spec.given([opened(), recorded('aadhaar', 'applied')]).when(document('aadhaar', 'refused')).then([recorded('aadhaar', 'refused')]);
    spec.given([opened(), recorded('aadhaar', 'refused')]).when(document('aadhaar', 'applied')).then([recorded('aadhaar', 'applied')]);
    spec.given([opened(), recorded('aadhaar', 'applied')]).when(document('aadhaar', 'obtained')).then([recorded('aadhaar', 'obtained')]);
  });

  it('are not recorded again with the status they have', () => {
    spec.given([opened(), recorded('aadhaar', 'applied')]).when(document('aadhaar', 'applied')).then([]);
    spec.given([opened(), recorded('aadhaar', 'obtained')]).when(document('aadhaar', 'obtained')).then([]);
  });

  it('once obtained, are not applied for or refused', () => {
    spec.given([opened(), recorded('aadhaar', 'obtained')]).when(document('aadhaar', 'applied')).thenThrows(DomainError, /already obtained/, refused('conflict'));
    spec.given([opened(), recorded('aadhaar', 'obtained')]).when(document('aadhaar', 'refused')).thenThrows(DomainError, /already obtained/, refused('conflict'));
  });

  it('put her on the electoral roll when she obtains her voter id, once', () => {
    spec.given([opened(), recorded('voter-id', 'applied')]).when(document('voter-id', 'obtained')).then([recorded('voter-id', 'obtained'), voterRegistered]);
    spec.given([opened(), recorded('voter-id', 'applied')]).when(document('voter-id', 'refused')).then([recorded('voter-id', 'refused')]);
    spec.given([opened(), voterRegistered]).when(document('voter-id', 'obtained')).then([recorded('voter-id', 'obtained')]);
  });

  it('are not recorded in the future', () => {
    spec
      .given([opened()])
      .when(document('aadhaar', 'applied', '2027-06-02T00:00:00.000Z'))
      .thenThrows(DomainError, /in the future/, refused('rule-violated', 'recordedAt'));
  });
});

describe('going home', () => {
  const escorted: CarePlanEvent = {
    type: rehabilitationEventTypes.repatriationStepRecorded,
    subject: personId,
    time: '2027-02-15T10:00:00.000Z',
    data: { personId, step: 'escort', at: '2027-02-15T10:00:00.000Z', home },
  };

  it('begins with a home investigation report that says whether her home is safe', () => {
    spec
      .given([opened()])
      .when(step({ step: 'home-investigation-report', at: '2027-02-01T10:00:00.000Z', homeInvestigationOutcome: 'favourable' }))
      .then([reported('favourable')]);
    spec
      .given([opened()])
      .when(step({ step: 'home-investigation-report' }))
      .thenThrows(DomainError, /whether her home is safe/, refused('rule-violated', 'homeInvestigationOutcome'));
  });

  it('escorts her home and hands an adult over to her family once her home is found safe', () => {
    spec.given([opened(), reported('favourable')]).when(step({ step: 'escort', handedOverTo: 'family' })).then([escorted]);
    spec.given([opened(), reported('favourable'), escorted]).when(step({ step: 'handover', handedOverTo: 'family' })).then([handedOver]);
  });

  it('neither escorts nor hands her over before a home investigation report', () => {
    spec.given([opened()]).when(step({ step: 'escort' })).thenThrows(DomainError, /home investigation report comes before the escort/, refused('rule-violated', 'step'));
    spec
      .given([opened()])
      .when(step({ step: 'handover', handedOverTo: 'family' }))
      .thenThrows(DomainError, /home investigation report comes before the handover/, refused('rule-violated', 'step'));
  });

  it('never sends her back to a home found unsafe', () => {
    const unsafe = /the home investigation found her home unsafe: she is not sent back there/;
    spec.given([opened(), reported('unfavourable')]).when(step({ step: 'escort' })).thenThrows(DomainError, unsafe, refused('rule-violated', 'step'));
    spec.given([opened(), reported('unfavourable')]).when(step({ step: 'handover', handedOverTo: 'family' })).thenThrows(DomainError, unsafe, refused('rule-violated', 'step'));
    spec.given([opened(), reported('unfavourable'), reported('favourable')]).when(step({ step: 'escort' })).then([escorted]);
  });

  it('takes her to the home the investigation found, no other', () => {
    const elsewhere = { state: 'West Bengal', district: 'North 24 Parganas' };
    spec.given([opened(), reported('favourable')]).when(step({ step: 'escort', home: elsewhere })).thenThrows(DomainError, /as the home investigation found/, refused('rule-violated', 'home'));
    spec
      .given([opened(), reported('favourable')])
      .when(step({ step: 'handover', home: elsewhere, handedOverTo: 'family' }))
      .thenThrows(DomainError, /as the home investigation found/, refused('rule-violated', 'home'));
  });

  it('hands her over to someone named', () => {
    spec.given([opened(), reported('favourable')]).when(step({ step: 'handover' })).thenThrows(DomainError, /to whom/, refused('rule-violated', 'handedOverTo'));
  });

  it('hands a child to the Child Welfare Committee of her home district, never straight to her family (JJ Act)', () => {
    spec
      .given([opened(true), reported('favourable')])
      .when(step({ step: 'handover', handedOverTo: 'family', ageBand: '16-17' }))
      .thenThrows(DomainError, /JJ Act: a child is handed to the Child Welfare Committee/, refused('rule-violated', 'handedOverTo'));
    spec
      .given([opened(true), reported('favourable')])
      .when(step({ step: 'handover', handedOverTo: 'child-welfare-committee', ageBand: '16-17' }))
      .then([{ ...handedOver, data: { ...handedOver.data, handedOverTo: 'child-welfare-committee' } } as CarePlanEvent]);
  });

  it('hands her over once', () => {
    spec.given([opened(), reported('favourable'), handedOver]).when(step({ step: 'handover', handedOverTo: 'family' })).thenThrows(DomainError, /already handed over/, refused('conflict'));
  });

  it('records no step in the future', () => {
    spec
      .given([opened(), reported('favourable')])
      .when(step({ step: 'escort', at: '2027-06-02T00:00:00.000Z' }))
      .thenThrows(DomainError, /at is in the future/, refused('rule-violated', 'at'));
  });
});

describe('reintegration follow-ups', () => {
  const quarterly = ['2027-06-01T10:00:00.000Z', '2027-09-01T10:00:00.000Z'];

  it('are scheduled every few months for a period', () => {
    spec.given([opened()]).when(schedule(3, 6)).then([scheduled(quarterly)]);
    const [twoYears] = decided([opened()], schedule(3, 24));
    expect(twoYears.type === rehabilitationEventTypes.followUpsScheduled && twoYears.data.dueDates).toHaveLength(8);
  });

  it('are every 1 to 12 months, for at least one interval', () => {
    spec.given([opened()]).when(schedule(0, 12)).thenThrows(DomainError, /every 1 to 12 months/, refused('rule-violated', 'everyMonths'));
    spec.given([opened()]).when(schedule(13, 24)).thenThrows(DomainError, /every 1 to 12 months/, refused('rule-violated', 'everyMonths'));
    spec.given([opened()]).when(schedule(6, 3)).thenThrows(DomainError, /at least one interval/, refused('rule-violated', 'forMonths'));
    spec.given([opened()]).when(schedule(12, 12)).then([scheduled(['2028-03-01T10:00:00.000Z'], 12, 12)]);
  });

  it('are answered in due order, a follow-up held recording the date it answers', () => {
    spec.given([opened(), scheduled(quarterly)]).when(followUp('2027-06-03T10:00:00.000Z')).then([held(quarterly[0], '2027-06-03T10:00:00.000Z')]);
    spec
      .given([opened(), scheduled(quarterly), held(quarterly[0], '2027-06-03T10:00:00.000Z')])
      .when(followUp('2027-06-25T10:00:00.000Z'))
      .then([held(quarterly[1], '2027-06-25T10:00:00.000Z')]);
  });

  it('are held only once scheduled, and no more than scheduled', () => {
    spec.given([opened()]).when(followUp(now)).thenThrows(DomainError, /schedule follow-ups first/, refused('rule-violated', 'heldAt'));
    spec
      .given([opened(), scheduled(quarterly), held(quarterly[0], '2027-06-03T10:00:00.000Z'), held(quarterly[1], '2027-06-25T10:00:00.000Z')])
      .when(followUp('2027-06-30T10:00:00.000Z'))
      .thenThrows(DomainError, /every scheduled follow-up is already held/, refused('rule-violated', 'heldAt'));
  });

  it('are not held in the future', () => {
    spec.given([opened(), scheduled(quarterly)]).when(followUp('2027-07-02T10:00:00.000Z')).thenThrows(DomainError, /in the future/, refused('rule-violated', 'heldAt'));
  });

  it(`are flagged missed when not held 14 days after they fall due, once`, () => {
    spec.given([opened(), scheduled(quarterly)]).when(flagMissed('2027-06-15T09:59:00.000Z')).then([]);
    spec.given([opened(), scheduled(quarterly)]).when(flagMissed('2027-06-15T10:00:00.000Z')).then([missed(quarterly[0], '2027-06-15T10:00:00.000Z')]);
    spec.given([opened(), scheduled(quarterly), missed(quarterly[0], '2027-06-15T10:00:00.000Z')]).when(flagMissed('2027-06-20T10:00:00.000Z')).then([]);
    spec
      .given([opened(), scheduled(quarterly)])
      .when(flagMissed('2027-10-01T00:00:00.000Z'))
      .then([missed(quarterly[0], '2027-10-01T00:00:00.000Z'), missed(quarterly[1], '2027-10-01T00:00:00.000Z')]);
  });

  it('are not flagged missed once held, nor before any is scheduled', () => {
    spec.given([opened(), scheduled(quarterly), held(quarterly[0], '2027-06-03T10:00:00.000Z')]).when(flagMissed('2027-07-01T00:00:00.000Z')).then([]);
    spec.given([opened()]).when(flagMissed('2027-07-01T00:00:00.000Z')).then([]);
  });

  it('held late close the missed alert: the missed follow-up is the one answered', () => {
    const history = [opened(), scheduled(quarterly), missed(quarterly[0], '2027-06-15T10:00:00.000Z')];
    spec.given(history).when(followUp('2027-06-20T10:00:00.000Z')).then([held(quarterly[0], '2027-06-20T10:00:00.000Z')]);
    spec.given([...history, held(quarterly[0], '2027-06-20T10:00:00.000Z')]).when(flagMissed('2027-10-01T00:00:00.000Z')).then([missed(quarterly[1], '2027-10-01T00:00:00.000Z')]);
  });

  it('scheduled again replace the dates still to come, keeping those held and missed', () => {
    const monthly = ['2027-07-01T10:00:00.000Z', '2027-08-01T10:00:00.000Z', '2027-09-01T10:00:00.000Z'];
    const threeMonths = ['2027-04-01T10:00:00.000Z', '2027-05-01T10:00:00.000Z', '2027-06-01T10:00:00.000Z'];
    const history = [
      opened(),
      scheduled(threeMonths, 1, 3),
      held(threeMonths[0], '2027-04-02T10:00:00.000Z'),
      missed(threeMonths[1], '2027-05-15T10:00:00.000Z'),
      scheduled(monthly, 1, 3),
    ];
    // The missed May follow-up is still the first to answer; June, never held nor missed, was replaced.
    spec.given(history).when(followUp('2027-06-20T10:00:00.000Z')).then([held(threeMonths[1], '2027-06-20T10:00:00.000Z')]);
    spec
      .given([...history, held(threeMonths[1], '2027-06-20T10:00:00.000Z')])
      .when(followUp('2027-06-25T10:00:00.000Z'))
      .then([held(monthly[0], '2027-06-25T10:00:00.000Z')]);
    // June was replaced, so it is never flagged; July is not missed until 15 July.
    spec.given(history).when(flagMissed('2027-07-14T00:00:00.000Z')).then([]);
  });
});

describe('compensation', () => {
  it('is applied for, awarded and paid', () => {
    spec
      .given([opened()])
      .when(compensation('applied'))
      .then([
        {
          type: rehabilitationEventTypes.compensationRecorded,
          subject: personId,
          time: '2027-04-01T10:00:00.000Z',
          data: { personId, stage: 'applied', scheme: 'state-victim-compensation-scheme', at: '2027-04-01T10:00:00.000Z' },
        },
      ]);
    spec.given([opened()]).when(compensation('awarded', 300000)).then([awarded(300000)]);
    spec.given([opened(), awarded(300000)]).when(compensation('paid', 300000)).then([paid(300000)]);
  });

  it('awarded or paid says how much', () => {
    spec.given([opened()]).when(compensation('awarded')).thenThrows(DomainError, /amount awarded is required/, refused('rule-violated', 'amountInr'));
    spec.given([opened(), awarded(300000)]).when(compensation('paid')).thenThrows(DomainError, /amount paid is required/, refused('rule-violated', 'amountInr'));
    spec.given([opened()]).when(compensation('awarded', 0)).thenThrows(DomainError, /whole number of rupees/, refused('rule-violated', 'amountInr'));
  });

  it('is paid only once awarded', () => {
    spec.given([opened()]).when(compensation('paid', 100000)).thenThrows(DomainError, /only once awarded/, refused('rule-violated', 'stage'));
  });

  it('is not paid beyond the award, payments in instalments adding up', () => {
    spec.given([opened(), awarded(300000)]).when(compensation('paid', 300001)).thenThrows(DomainError, /exceed the ₹300000 awarded/, refused('rule-violated', 'amountInr'));
    spec.given([opened(), awarded(300000), paid(100000)]).when(compensation('paid', 200000)).then([paid(200000)]);
    spec
      .given([opened(), awarded(300000), paid(100000)])
      .when(compensation('paid', 200001))
      .thenThrows(DomainError, /₹100000 paid so far/, refused('rule-violated', 'amountInr'));
  });

  it('is not recorded in the future', () => {
    spec.given([opened()]).when(compensation('applied', undefined, '2027-06-02T00:00:00.000Z')).thenThrows(DomainError, /in the future/, refused('rule-violated', 'at'));
  });
});

describe('the state of her care plan', () => {
  it('folds every fact of her plan', () => {
    const state = [
      opened(true),
      admitted('child-care-institution'),
      reported('favourable'),
      handedOver,
      scheduled(['2027-06-01T10:00:00.000Z']),
      awarded(50000),
      paid(20000),
    ].reduce(carePlanDecider.evolve, carePlanDecider.initialState());
    expect(state).toMatchObject({
      status: 'open',
      child: true,
      goals: { safety: 'open', 'mental-health': 'open' },
      shelter: { kind: 'child-care-institution', admittedAt: '2026-12-01T12:00:00.000Z' },
      repatriation: { homeInvestigation: { outcome: 'favourable', home }, escorted: false, handedOverTo: 'family' },
      followUps: [{ dueAt: '2027-06-01T10:00:00.000Z', missed: false }],
      compensation: { applied: false, awardedInr: 50000, paidInr: 20000 },
    });
  });
});

describe('the facts of her care plan', () => {
  it('fit the published contract, from opening to compensation paid', () => {
    const commands: CarePlanCommand[] = [
      open({ child: true, goals: ['safety', 'safety', 'family-and-repatriation'] }),
      setGoal('education', 'open'),
      asChild(admit('child-care-institution')),
      counselling(),
      { type: 'RecordHealthService', data: { personId, service: 'medical-examination', providedAt: '2027-01-02T10:00:00.000Z', provider: 'government', now } },
      { type: 'EnrolInEducation', data: { personId, programme: 'school', enrolledAt: '2027-01-03T10:00:00.000Z', now } },
      document('voter-id', 'obtained'),
      step({ step: 'home-investigation-report', at: '2027-02-01T10:00:00.000Z', homeInvestigationOutcome: 'favourable', handedOverTo: 'family' }),
      step({ step: 'escort', homeInvestigationOutcome: 'unfavourable' }),
      step({ step: 'handover', handedOverTo: 'child-welfare-committee' }),
      discharge(),
      schedule(3, 24, '2027-03-01T10:00:00.000Z'),
      followUp('2027-06-02T10:00:00.000Z'),
      flagMissed('2027-10-01T00:00:00.000Z'),
      compensation('applied', 500000),
      compensation('awarded', 300000),
      compensation('paid', 300000),
    ];
    const history: CarePlanEvent[] = [];
    for (const command of commands) history.push(...decided(history, command));
    expect(history).toHaveLength(18);
    for (const event of history) {
      expect(event.subject).toBe(personId);
      expect({ type: event.type, problems: payloadProblems(event.type, event.data) }).toEqual({ type: event.type, problems: [] });
    }
  });
});
