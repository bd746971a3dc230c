/**
 * A perpetrator: everyone who profits from her exploitation, not only the trafficker. The pimp,
 * the brothel keeper, the buyer, the lodge owner who lends the room: each is profiled with his
 * category (which says whether he profits directly or indirectly), his personal data sealed with
 * his own key, and the districts where he is known to operate; then linked to the others of his
 * network, so that a case can reach past the man caught on the spot.
 */
import {
  BeneficiaryKind,
  DomainEvent,
  PerpetratorCategory,
  PerpetratorCorrectionReason,
  PerpetratorErasureReason,
  SealedPersonalData,
  beneficiaryOf,
  legalEventTypes,
  perpetratorLinks,
} from '@mukti/contracts';
import { Decider, DomainError, unknownCommand } from '@mukti/decider';

type PerpetratorLink = (typeof perpetratorLinks)[number];
/** Where he is known to operate: state and district, never an address. */
type KnownPlace = { state: string; district: string };

// Commands
export type ProfilePerpetrator = {
  type: 'ProfilePerpetrator';
  data: { perpetratorId: string; category: PerpetratorCategory; personalData: SealedPersonalData; knownPlaces: KnownPlace[]; profiledBy?: string; now: string };
};
export type LinkPerpetrators = {
  type: 'LinkPerpetrators';
  /** `otherKnown`: whether the other perpetrator is profiled, as the service found. */
  data: { perpetratorId: string; otherPerpetratorId: string; link: PerpetratorLink; otherKnown: boolean; now: string };
};
/** His whole profile again, his personal data sealed anew with his key: it replaces what was recorded. */
export type CorrectPerpetratorProfile = {
  type: 'CorrectPerpetratorProfile';
  data: { perpetratorId: string; category: PerpetratorCategory; personalData: SealedPersonalData; knownPlaces: KnownPlace[]; reason: PerpetratorCorrectionReason; now: string };
};
/** Recorded once his key is destroyed (the service destroys it first, so a retry completes it). */
export type ErasePerpetrator = { type: 'ErasePerpetrator'; data: { perpetratorId: string; reason: PerpetratorErasureReason; now: string } };
export type PerpetratorCommand = ProfilePerpetrator | LinkPerpetrators | CorrectPerpetratorProfile | ErasePerpetrator;

// Events
export type PerpetratorProfiled = DomainEvent<typeof legalEventTypes.perpetratorProfiled>;
export type PerpetratorsLinked = DomainEvent<typeof legalEventTypes.perpetratorsLinked>;
export type PerpetratorProfileCorrected = DomainEvent<typeof legalEventTypes.perpetratorProfileCorrected>;
export type PerpetratorErased = DomainEvent<typeof legalEventTypes.perpetratorErased>;
export type PerpetratorEvent = PerpetratorProfiled | PerpetratorsLinked | PerpetratorProfileCorrected | PerpetratorErased;

// State: plain JSON, stored as it is.
export type PerpetratorState =
  | { status: 'none' }
  | {
      status: 'profiled';
      category: PerpetratorCategory;
      beneficiary: BeneficiaryKind;
      knownPlaces: KnownPlace[];
      /** His links to others of the network, each once. */
      links: { otherPerpetratorId: string; link: PerpetratorLink }[];
      profiledAt: string;
      /** Who profiled him: she sees him before any case names him (absent in states stored before). */
      profiledBy?: string;
      /** His personal data as last recorded, sealed with his key (absent in states stored before corrections: then in his profiling event). */
      personalData?: SealedPersonalData;
      correctedAt?: string;
    }
  | {
      /** His key is destroyed: nothing readable of him remains, and he can no longer be named or linked. */
      status: 'erased';
      reason: PerpetratorErasureReason;
      erasedAt: string;
      profiledBy?: string;
    };
export type ProfiledPerpetratorState = Extract<PerpetratorState, { status: 'profiled' }>;

export const isProfiled = (state: PerpetratorState): state is ProfiledPerpetratorState => state.status === 'profiled';
export const isErased = (state: PerpetratorState): state is Extract<PerpetratorState, { status: 'erased' }> => state.status === 'erased';

const samePlace = (a: KnownPlace, b: KnownPlace) =>
  a.state.toLowerCase() === b.state.toLowerCase() && a.district.toLowerCase() === b.district.toLowerCase();
/** Each place once, whatever its case, in the first spelling given. */
const distinctPlaces = (places: KnownPlace[]): KnownPlace[] =>
  places.filter((place, index) => places.findIndex((earlier) => samePlace(earlier, place)) === index).map(({ state, district }) => ({ state, district }));

const isLinked = (state: ProfiledPerpetratorState, otherPerpetratorId: string, link: PerpetratorLink) =>
  state.links.some((known) => known.otherPerpetratorId === otherPerpetratorId && known.link === link);

export const perpetratorDecider: Decider<PerpetratorCommand, PerpetratorEvent, PerpetratorState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'ProfilePerpetrator': {
        const { perpetratorId, category, personalData, knownPlaces, profiledBy, now } = command.data;
        if (state.status !== 'none') throw DomainError.conflict(`perpetrator ${perpetratorId} is already profiled`);
        return [
          {
            type: legalEventTypes.perpetratorProfiled,
            subject: perpetratorId,
            time: now,
            data: {
              perpetratorId,
              category,
              beneficiary: beneficiaryOf(category),
              personalData,
              knownPlaces: distinctPlaces(knownPlaces),
              profiledAt: now,
              ...(profiledBy !== undefined ? { profiledBy } : {}),
            },
          },
        ];
      }
      case 'LinkPerpetrators': {
        const { perpetratorId, otherPerpetratorId, link, otherKnown, now } = command.data;
        if (!isProfiled(state)) throw DomainError.notFound(`perpetrator ${perpetratorId} is not profiled; profile him first`);
        if (otherPerpetratorId === perpetratorId) {
          throw DomainError.ruleViolated('a perpetrator is not linked to himself', { field: 'otherPerpetratorId' });
        }
        if (!otherKnown) throw DomainError.ruleViolated(`perpetrator ${otherPerpetratorId} is not profiled`, { field: 'otherPerpetratorId' });
        if (isLinked(state, otherPerpetratorId, link)) return [];
        return [
          {
            type: legalEventTypes.perpetratorsLinked,
            subject: perpetratorId,
            time: now,
            data: { perpetratorId, otherPerpetratorId, link, linkedAt: now },
          },
        ];
      }
      case 'CorrectPerpetratorProfile': {
        const { perpetratorId, category, personalData, knownPlaces, reason, now } = command.data;
        if (!isProfiled(state)) throw DomainError.notFound(`perpetrator ${perpetratorId} is not profiled`);
        return [
          {
            type: legalEventTypes.perpetratorProfileCorrected,
            subject: perpetratorId,
            time: now,
            data: { perpetratorId, category, beneficiary: beneficiaryOf(category), personalData, knownPlaces: distinctPlaces(knownPlaces), reason, correctedAt: now },
          },
        ];
      }
      case 'ErasePerpetrator': {
        const { perpetratorId, reason, now } = command.data;
        // Erased already: the retry of an erasure whose answer was lost.
        if (isErased(state)) return [];
        if (!isProfiled(state)) throw DomainError.notFound(`perpetrator ${perpetratorId} is not profiled`);
        return [{ type: legalEventTypes.perpetratorErased, subject: perpetratorId, time: now, data: { perpetratorId, reason, erasedAt: now } }];
      }
      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case legalEventTypes.perpetratorProfiled: {
        if (state.status !== 'none') return state;
        const { category, beneficiary, knownPlaces, profiledAt, profiledBy, personalData } = event.data;
        const places = knownPlaces.map(({ state, district }) => ({ state, district }));
        return { status: 'profiled', category, beneficiary, knownPlaces: places, links: [], profiledAt, personalData, ...(profiledBy !== undefined ? { profiledBy } : {}) };
      }
      case legalEventTypes.perpetratorProfileCorrected: {
        if (!isProfiled(state)) return state;
        const { category, beneficiary, knownPlaces, personalData, correctedAt } = event.data;
        return { ...state, category, beneficiary, knownPlaces: knownPlaces.map(({ state, district }) => ({ state, district })), personalData, correctedAt };
      }
      case legalEventTypes.perpetratorErased: {
        if (isErased(state)) return state;
        const { reason, erasedAt } = event.data;
        // Only who may still see that he was erased is kept: who profiled him.
        const profiledBy = isProfiled(state) ? state.profiledBy : undefined;
        return { status: 'erased', reason, erasedAt, ...(profiledBy !== undefined ? { profiledBy } : {}) };
      }
      case legalEventTypes.perpetratorsLinked: {
        const { otherPerpetratorId, link } = event.data;
        if (!isProfiled(state) || isLinked(state, otherPerpetratorId, link)) return state;
        return { ...state, links: [...state.links, { otherPerpetratorId, link }] };
      }
      default:
        return state;
    }
  },
};
