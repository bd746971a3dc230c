import { legalEventTypes, payloadProblems } from '@mukti/contracts';
import { deciderSpecification, DomainError, DomainErrorKind } from '@mukti/decider';
import { PerpetratorCommand, PerpetratorEvent, isProfiled, perpetratorDecider } from './perpetrator.decider';

const perpetratorId = '11111111-1111-4111-8111-111111111111';
const otherPerpetratorId = '22222222-2222-4222-8222-222222222222';
const profiledAt = '2027-01-10T10:00:00.000Z';
const now = '2027-02-01T10:00:00.000Z';
const personalData = { keyId: `perpetrator-${perpetratorId}`, algorithm: 'AES-256-GCM' as const, iv: 'aXY=', ciphertext: 'Y3Q=', authTag: 'dGFn' };
const kolkata = { state: 'West Bengal', district: 'Kolkata' };

const spec = deciderSpecification(perpetratorDecider);
/** A refusal of this kind, naming this field. */
const refused = (kind: DomainErrorKind, field?: string) => (error: Error) => {
  expect((error as DomainError).kind).toBe(kind);
  if (field) expect((error as DomainError).details).toMatchObject({ field });
};

// Commands
const profile = (category: 'pimp' | 'hotel-or-lodge-owner' = 'pimp', knownPlaces = [kolkata]): PerpetratorCommand => ({
  type: 'ProfilePerpetrator',
  data: { perpetratorId, category, personalData, knownPlaces, now: profiledAt },
});
const link = (other = otherPerpetratorId, otherKnown = true, kind: 'works-for' | 'finances' = 'works-for'): PerpetratorCommand => ({
  type: 'LinkPerpetrators',
  data: { perpetratorId, otherPerpetratorId: other, link: kind, otherKnown, now },
});

// Events
const profiled = (
  category: 'pimp' | 'hotel-or-lodge-owner' = 'pimp',
  beneficiary: 'direct' | 'indirect' = 'direct',
  knownPlaces = [kolkata],
): PerpetratorEvent => ({
  type: legalEventTypes.perpetratorProfiled,
  subject: perpetratorId,
  time: profiledAt,
  data: { perpetratorId, category, beneficiary, personalData, knownPlaces, profiledAt },
});
const linked = (kind: 'works-for' | 'finances' = 'works-for'): PerpetratorEvent => ({
  type: legalEventTypes.perpetratorsLinked,
  subject: perpetratorId,
  time: now,
  data: { perpetratorId, otherPerpetratorId, link: kind, linkedAt: now },
});

describe('a perpetrator', () => {
  it('is profiled as one who profits directly from her exploitation, like a pimp', () => {
    spec.given([]).when(profile('pimp')).then([profiled('pimp', 'direct')]);
  });

  it('is profiled as one who profits indirectly, like the lodge owner who lends the room', () => {
    spec.given([]).when(profile('hotel-or-lodge-owner')).then([profiled('hotel-or-lodge-owner', 'indirect')]);
  });

  it('is known in each district once, in the first spelling given', () => {
    const places = [kolkata, { state: 'west bengal', district: 'KOLKATA' }, { state: 'Maharashtra', district: 'Mumbai' }, { state: 'West Bengal', district: 'Howrah' }];
    spec
      .given([])
      .when(profile('pimp', places))
      .then([profiled('pimp', 'direct', [kolkata, { state: 'Maharashtra', district: 'Mumbai' }, { state: 'West Bengal', district: 'Howrah' }])]);
  });

  it('is profiled once', () => {
    spec.given([profiled()]).when(profile()).thenThrows(DomainError, /already profiled/, refused('conflict'));
  });
});

describe('his links to the network', () => {
  it('are recorded between two profiled perpetrators', () => {
    spec.given([profiled()]).when(link()).then([linked()]);
  });

  it('need him profiled first', () => {
    spec.given([]).when(link()).thenThrows(DomainError, new RegExp(`perpetrator ${perpetratorId} is not profiled; profile him first`), refused('not-found'));
  });

  it('never link him to himself', () => {
    spec.given([profiled()]).when(link(perpetratorId)).thenThrows(DomainError, /not linked to himself/, refused('rule-violated', 'otherPerpetratorId'));
  });

  it('reach only another profiled perpetrator', () => {
    spec
      .given([profiled()])
      .when(link(otherPerpetratorId, false))
      .thenThrows(DomainError, new RegExp(`perpetrator ${otherPerpetratorId} is not profiled`), refused('rule-violated', 'otherPerpetratorId'));
  });

  it('are recorded once each, another kind of link to the same man being a new one', () => {
    spec.given([profiled(), linked()]).when(link()).then([]);
    spec.given([profiled(), linked()]).when(link(otherPerpetratorId, true, 'finances')).then([linked('finances')]);
  });
});

describe('the state of a perpetrator', () => {
  it('folds his profile and links into plain JSON', () => {
    const state = [profiled(), linked(), linked(), linked('finances')].reduce(perpetratorDecider.evolve, perpetratorDecider.initialState());
    expect(isProfiled(state)).toBe(true);
    expect(state).toEqual({
      status: 'profiled',
      category: 'pimp',
      beneficiary: 'direct',
      knownPlaces: [kolkata],
      links: [
        { otherPerpetratorId, link: 'works-for' },
        { otherPerpetratorId, link: 'finances' },
      ],
      profiledAt,
      personalData,
    });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(isProfiled(perpetratorDecider.initialState())).toBe(false);
  });
});

const resealed = { ...personalData, iv: 'bmV3', ciphertext: 'bmV3IGN0' };
const correct = (category: 'pimp' | 'hotel-or-lodge-owner' = 'hotel-or-lodge-owner'): PerpetratorCommand => ({
  type: 'CorrectPerpetratorProfile',
  data: { perpetratorId, category, personalData: resealed, knownPlaces: [kolkata, kolkata], reason: 'category-misjudged', now },
});
const corrected = (): PerpetratorEvent => ({
  type: legalEventTypes.perpetratorProfileCorrected,
  subject: perpetratorId,
  time: now,
  data: { perpetratorId, category: 'hotel-or-lodge-owner', beneficiary: 'indirect', personalData: resealed, knownPlaces: [kolkata], reason: 'category-misjudged', correctedAt: now },
});
const erase = (): PerpetratorCommand => ({ type: 'ErasePerpetrator', data: { perpetratorId, reason: 'wrongly-identified', now } });
const erased = (): PerpetratorEvent => ({
  type: legalEventTypes.perpetratorErased,
  subject: perpetratorId,
  time: now,
  data: { perpetratorId, reason: 'wrongly-identified', erasedAt: now },
});

describe("a perpetrator's profile corrected or erased", () => {
  it('is corrected as a whole: his data sealed anew, his category (and so how he profits) and places replaced', () => {
    spec.given([profiled('pimp', 'direct')]).when(correct()).then([corrected()]);
    const state = [profiled('pimp', 'direct'), linked(), corrected()].reduce(perpetratorDecider.evolve, perpetratorDecider.initialState());
    expect(state).toMatchObject({ status: 'profiled', category: 'hotel-or-lodge-owner', beneficiary: 'indirect', personalData: resealed, correctedAt: now, links: [{ otherPerpetratorId, link: 'works-for' }] });
  });

  it('cannot be corrected before he is profiled, nor once erased', () => {
    spec.given([]).when(correct()).thenThrows(DomainError, undefined, refused('not-found'));
    spec.given([profiled(), erased()]).when(correct()).thenThrows(DomainError, undefined, refused('not-found'));
  });

  it('is erased once: nothing of him is kept but why and when, and who profiled him', () => {
    spec.given([profiled()]).when(erase()).then([erased()]);
    spec.given([profiled(), erased()]).when(erase()).then([]);
    spec.given([]).when(erase()).thenThrows(DomainError, undefined, refused('not-found'));
    const state = [{ ...profiled(), data: { ...profiled().data, profiledBy: 'lata' } } as PerpetratorEvent, erased()].reduce(perpetratorDecider.evolve, perpetratorDecider.initialState());
    expect(state).toEqual({ status: 'erased', reason: 'wrongly-identified', erasedAt: now, profiledBy: 'lata' });
  });

  it('once erased, is neither profiled again under his id nor linked', () => {
    spec.given([profiled(), erased()]).when(profile()).thenThrows(DomainError, undefined, refused('conflict'));
    spec.given([profiled(), erased()]).when(link()).thenThrows(DomainError, undefined, refused('not-found'));
  });
});

describe('the facts about a perpetrator', () => {
  it('fit the published contract', () => {
    const history: PerpetratorEvent[] = [];
    for (const command of [profile('hotel-or-lodge-owner', [kolkata, kolkata]), link(), correct('pimp'), erase()]) {
      history.push(...perpetratorDecider.decide(command, history.reduce(perpetratorDecider.evolve, perpetratorDecider.initialState())));
    }
    expect(history).toHaveLength(4);
    for (const event of history) {
      expect(event.subject).toBe(perpetratorId);
      expect({ type: event.type, problems: payloadProblems(event.type, event.data) }).toEqual({ type: event.type, problems: [] });
    }
  });
});
