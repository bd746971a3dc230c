import { intakeEventTypes } from '@mukti/contracts';
import { deciderSpecification, DomainError } from '@mukti/decider';
import { personDecider, PersonCommand, PersonEvent, RegisterPerson } from './person.decider';

const personId = '7f0e4f5e-8a3b-4c1d-9e2f-0a1b2c3d4e5f';
const sealed = { keyId: personId, algorithm: 'AES-256-GCM' as const, iv: 'aXY=', ciphertext: 'Y3Q=', authTag: 'dGFn' };
const now = '2026-11-28T10:00:00.000Z';

const registration = (ageBand: RegisterPerson['data']['ageBand'] = '18-24'): Omit<RegisterPerson['data'], 'registeredBy'> => ({
  personId,
  role: 'survivor',
  personalData: sealed,
  gender: 'female',
  ageBand,
  origin: { state: 'West Bengal', district: 'North 24 Parganas' },
  languages: ['bn'],
  referralSource: 'police',
  registeredAt: '2026-11-28T09:00:00.000Z',
});
const registered = (ageBand?: RegisterPerson['data']['ageBand']): PersonEvent => ({
  type: intakeEventTypes.personRegistered,
  subject: personId,
  time: '2026-11-28T09:00:00.000Z',
  data: registration(ageBand),
});
const consent = (overrides: Partial<{ decision: 'granted' | 'withdrawn'; givenBy: 'self' | 'guardian'; decidedAt: string }> = {}) => ({
  personId,
  consentId: '11111111-2222-4333-8444-555555555555',
  scope: 'share-with-police' as const,
  decision: 'granted' as const,
  givenBy: 'self' as const,
  decidedAt: '2026-11-28T09:30:00.000Z',
  ...overrides,
});

const spec = deciderSpecification(personDecider);
const admin = { id: 'root', role: 'admin' };
const asha = { id: 'asha', role: 'caseworker' };
const assigned = (staffId: string, staffRole: 'caseworker' | 'counsellor' | 'legal-officer', at = now): PersonEvent => ({
  type: intakeEventTypes.staffAssigned,
  subject: personId,
  time: at,
  data: { personId, staffId, staffRole, assignedAt: at },
});

describe('a person in intake', () => {
  describe('registering', () => {
    it('registers a person not known yet; an admin registering her does not join her case team', () =>
      spec.given([]).when({ type: 'RegisterPerson', data: { ...registration(), registeredBy: admin } }).then([registered()]));

    it('puts the caseworker who registers her on her case team', () =>
      spec
        .given([])
        .when({ type: 'RegisterPerson', data: { ...registration(), registeredBy: asha } })
        .then([registered(), assigned('asha', 'caseworker', '2026-11-28T09:00:00.000Z')]));

    it('refuses to register the same person twice, naming her id', () =>
      spec
        .given([registered()])
        .when({ type: 'RegisterPerson', data: { ...registration(), registeredBy: admin } })
        .thenThrows(DomainError, /already registered/, (error) => expect((error as DomainError).details).toEqual({ existingId: personId })));
  });

  describe('recording consent', () => {
    it('records a decision for a registered person', () =>
      spec
        .given([registered()])
        .when({ type: 'RecordConsent', data: { ...consent(), now } })
        .then([{ type: intakeEventTypes.consentRecorded, subject: personId, time: consent().decidedAt, data: consent() }]));

    it('refuses consent for a person who is not registered', () =>
      spec.given([]).when({ type: 'RecordConsent', data: { ...consent(), now } }).thenThrows(DomainError, /not registered/));

    it('refuses a decision dated in the future', () =>
      spec
        .given([registered()])
        .when({ type: 'RecordConsent', data: { ...consent({ decidedAt: '2026-11-28T11:00:00.000Z' }), now } })
        .thenThrows(DomainError, /decidedAt is in the future/));

    it("refuses a child's own consent: her guardian or the Child Welfare Committee must give it", () =>
      spec
        .given([registered('16-17')])
        .when({ type: 'RecordConsent', data: { ...consent(), now } })
        .thenThrows(DomainError, /guardian or the Child Welfare Committee/));

    it("accepts a guardian's consent for a child, and a child's own withdrawal", () => {
      spec
        .given([registered('12-15')])
        .when({ type: 'RecordConsent', data: { ...consent({ givenBy: 'guardian' }), now } })
        .then([
          {
            type: intakeEventTypes.consentRecorded,
            subject: personId,
            time: consent().decidedAt,
            data: consent({ givenBy: 'guardian' }),
          },
        ]);
      spec
        .given([registered('12-15')])
        .when({ type: 'RecordConsent', data: { ...consent({ decision: 'withdrawn' }), now } })
        .then([
          { type: intakeEventTypes.consentRecorded, subject: personId, time: consent().decidedAt, data: consent({ decision: 'withdrawn' }) },
        ]);
    });

    it('keeps the latest decision per scope by when it was decided, whatever the order recorded', () => {
      const later = { ...consent({ decision: 'withdrawn', decidedAt: '2026-11-28T09:50:00.000Z' }), consentId: '11111111-2222-4333-8444-666666666666' };
      const earlier = consent({ decidedAt: '2026-11-28T09:40:00.000Z' });
      const state = [registered(), later, earlier].reduce(
        (current, event) =>
          personDecider.evolve(
            current,
            'type' in event ? event : { type: intakeEventTypes.consentRecorded, subject: personId, time: event.decidedAt, data: event },
          ),
        personDecider.initialState(),
      );
      expect(state.status === 'registered' && state.consents['share-with-police']?.decision).toBe('withdrawn');
    });
  });

  describe('assessing vulnerability', () => {
    it('computes the level from the factors', () =>
      spec
        .given([registered()])
        .when({
          type: 'AssessVulnerability',
          data: { personId, assessmentId: '21111111-2222-4333-8444-555555555555', factors: ['debt', 'migration', 'no-income'], assessedAt: now, now },
        })
        .then([
          {
            type: intakeEventTypes.vulnerabilityAssessed,
            subject: personId,
            time: now,
            data: {
              personId,
              assessmentId: '21111111-2222-4333-8444-555555555555',
              factors: ['debt', 'migration', 'no-income'],
              score: 7,
              level: 'high',
              assessedAt: now,
            },
          },
        ]));

    it('refuses an assessment of a person who is not registered', () =>
      spec
        .given([])
        .when({ type: 'AssessVulnerability', data: { personId, assessmentId: personId, factors: [], assessedAt: now, now } })
        .thenThrows(DomainError, /not registered/));
  });

  describe('her case team', () => {
    it('an admin assigns a counsellor', () =>
      spec
        .given([registered()])
        .when({ type: 'AssignStaff', data: { personId, staffId: 'meera', staffRole: 'counsellor', assignedBy: admin, now } })
        .then([assigned('meera', 'counsellor')]));

    it('a caseworker on her case assigns a colleague', () =>
      spec
        .given([registered(), assigned('asha', 'caseworker')])
        .when({ type: 'AssignStaff', data: { personId, staffId: 'lata', staffRole: 'legal-officer', assignedBy: asha, now } })
        .then([assigned('lata', 'legal-officer')]));

    it('a caseworker not on her case cannot, and does not learn that she exists', () =>
      spec
        .given([registered()])
        .when({ type: 'AssignStaff', data: { personId, staffId: 'asha', staffRole: 'caseworker', assignedBy: asha, now } })
        .thenThrows(DomainError, /not registered/));

    it('assigning someone already on her team in that role changes nothing', () =>
      spec
        .given([registered(), assigned('meera', 'counsellor')])
        .when({ type: 'AssignStaff', data: { personId, staffId: 'meera', staffRole: 'counsellor', assignedBy: admin, now } })
        .then([]));

    it('removes a member, and keeps her off the team', () => {
      spec
        .given([registered(), assigned('meera', 'counsellor')])
        .when({ type: 'UnassignStaff', data: { personId, staffId: 'meera', unassignedBy: admin, now } })
        .then([{ type: intakeEventTypes.staffUnassigned, subject: personId, time: now, data: { personId, staffId: 'meera', unassignedAt: now } }]);
      const state = [registered(), assigned('meera', 'counsellor'), { type: intakeEventTypes.staffUnassigned, subject: personId, time: now, data: { personId, staffId: 'meera', unassignedAt: now } } as PersonEvent].reduce(personDecider.evolve, personDecider.initialState());
      expect(state.status === 'registered' && state.caseTeam).toEqual({});
    });
  });

  describe('erasure', () => {
    const erased: PersonEvent = {
      type: intakeEventTypes.personErased,
      subject: personId,
      time: now,
      data: { personId, reason: 'her-request', erasedAt: now },
    };

    it('records that she was erased, with the reason code', () =>
      spec.given([registered()]).when({ type: 'ErasePerson', data: { personId, reason: 'her-request', now } }).then([erased]));

    it('erasing twice is erasing once', () =>
      spec.given([registered(), erased]).when({ type: 'ErasePerson', data: { personId, reason: 'court-order', now } }).then([]));

    it('cannot erase someone who was never registered', () =>
      spec.given([]).when({ type: 'ErasePerson', data: { personId, reason: 'her-request', now } }).thenThrows(DomainError, /not registered/));
  });
});

describe('her age band, not frozen at registration', () => {
  const determine = (ageBand: RegisterPerson['data']['ageBand'], determinedOn = '2026-11-27'): PersonCommand => ({
    type: 'DetermineAge',
    data: { personId, method: 'medical-examination', determinedOn, ageBand, now },
  });
  const determined = (ageBand: RegisterPerson['data']['ageBand']): PersonEvent => ({
    type: intakeEventTypes.ageDetermined,
    subject: personId,
    time: now,
    data: { personId, method: 'medical-examination', determinedOn: '2026-11-27', ageBand, recordedAt: now },
  });
  const move = (ageBand: RegisterPerson['data']['ageBand']): PersonCommand => ({ type: 'MoveAgeBand', data: { personId, ageBand, now } });
  const recordOwnConsent: PersonCommand = { type: 'RecordConsent', data: { ...consent(), now } };

  it('is moved by an age determination, and her own consent then follows her band', () => {
    spec.given([registered('18-24')]).when(determine('12-15')).then([determined('12-15')]);
    spec.given([registered('18-24'), determined('12-15')]).when(recordOwnConsent).thenThrows(DomainError, /a child's consent must be given by her guardian/);
    spec.given([registered('unknown'), determined('18-24')]).when(recordOwnConsent).then([{ type: intakeEventTypes.consentRecorded, subject: personId, time: consent().decidedAt, data: consent() }]);
  });

  it('is not determined on a day still to come, nor for someone not registered', () => {
    spec.given([registered()]).when(determine('12-15', '2026-12-25')).thenThrows(DomainError, /determinedOn/);
    spec.given([]).when(determine('12-15')).thenThrows(DomainError, /not registered/);
  });

  it('moves on a birthday only when the band changes, and never for someone not registered', () => {
    spec.given([registered('16-17')]).when(move('18-24')).then([{ type: intakeEventTypes.ageBandMoved, subject: personId, time: now, data: { personId, ageBand: '18-24', movedAt: now } }]);
    spec.given([registered('16-17')]).when(move('16-17')).then([]);
    spec.given([]).when(move('18-24')).then([]);
  });
});
