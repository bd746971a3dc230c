import type { Collection, Db, Document } from 'mongodb';
import type { Kafka, KafkaMessage } from 'kafkajs';
import {
  deadLetterTopicOf,
  EventEnvelope,
  FirRegisteredV1,
  HouseholdRegisteredV1,
  intakeEventTypes,
  legalEventTypes,
  livelihoodEventTypes,
  payloadProblems,
  PlacementStartedV1,
  redriveTopicOf,
  rehabilitationEventTypes,
  SealedPersonalData,
  ShelterAdmittedV1,
  ShelterDischargedV1,
  SkillTrainingStartedV1,
  topics,
} from '@mukti/contracts';
import { headerText, rewriteJournalTopicOf, rewriteTopic, TopicRewriteReport } from '@mukti/messaging';
import type { SealingPurpose } from './personal-data-vault';

/**
 * Sealing, after the fact, the identifying text that events recorded in clear before its kind was
 * sealed (the v1 of six events): `npm run reseal`, with every service stopped. Each such event
 * becomes the v2 that replaced it, with the same id, its text sealed with the key it is sealed
 * with today (her key, her household's, the case's); text of someone already erased is sealed
 * with a key thrown away at once. The owning services' stores (each commit's events and state)
 * are rewritten first, then the topics that may hold such an event (the pillars' topics and every
 * dead-letter and redrive topic), in place (rewriteTopic). Run again, it finds nothing to do.
 */

/** Seals a value with the key of `keyId` (or, if that key was destroyed, one thrown away). */
export type SealAfterTheFact = (keyId: string, value: object, purpose: SealingPurpose) => Promise<SealedPersonalData>;

/** Who holds the keys: intake (a person's, a household's), the legal service (a case's). */
export interface Keyholders {
  intake: SealAfterTheFact;
  legal: SealAfterTheFact;
}

/** Each event type recorded with identifying text in clear, and the type that replaced it. */
export const recordedInClear: Readonly<Record<string, string>> = {
  [intakeEventTypes.householdRegisteredV1]: intakeEventTypes.householdRegistered,
  [rehabilitationEventTypes.shelterAdmittedV1]: rehabilitationEventTypes.shelterAdmitted,
  [rehabilitationEventTypes.shelterDischargedV1]: rehabilitationEventTypes.shelterDischarged,
  [livelihoodEventTypes.skillTrainingStartedV1]: livelihoodEventTypes.skillTrainingStarted,
  [livelihoodEventTypes.placementStartedV1]: livelihoodEventTypes.placementStarted,
  [legalEventTypes.firRegisteredV1]: legalEventTypes.firRegistered,
};

export const isRecordedInClear = (type: string | undefined): boolean => type !== undefined && Object.prototype.hasOwnProperty.call(recordedInClear, type);

/** The v2 of an event recorded with text in clear: the same fact, its text sealed (refused if the result is not a valid v2). */
export async function resealedEvent(type: string, data: unknown, keys: Keyholders): Promise<{ type: string; data: unknown }> {
  const sealed = await sealedData(type, data, keys);
  const replacement = recordedInClear[type]!;
  const problems = payloadProblems(replacement, sealed);
  if (problems.length > 0) throw new Error(`${type} could not be resealed as ${replacement}: ${problems.join('; ')}`);
  return { type: replacement, data: sealed };
}

async function sealedData(type: string, data: unknown, keys: Keyholders): Promise<unknown> {
  switch (type) {
    case intakeEventTypes.householdRegisteredV1: {
      const { place, ...rest } = data as HouseholdRegisteredV1;
      const villageOrWard = await keys.intake(rest.householdId, { text: place.villageOrWard }, 'household-place');
      return { householdId: rest.householdId, place: { state: place.state, district: place.district }, villageOrWard, memberIds: rest.memberIds, registeredAt: rest.registeredAt };
    }
    case rehabilitationEventTypes.shelterAdmittedV1: {
      const { shelter, ...rest } = data as ShelterAdmittedV1;
      const name = await keys.intake(rest.personId, { text: shelter.name }, 'shelter-name');
      return { ...rest, shelter: { ...shelter, name } };
    }
    case rehabilitationEventTypes.shelterDischargedV1: {
      // v2 names no shelter: it is the one of her admission.
      const { shelterName: _named, ...rest } = data as ShelterDischargedV1;
      return rest;
    }
    case livelihoodEventTypes.skillTrainingStartedV1: {
      const { trade, provider, ...rest } = data as SkillTrainingStartedV1;
      return { ...rest, training: await sealedTraining(rest.personId, { trade, provider }, keys) };
    }
    case livelihoodEventTypes.placementStartedV1: {
      const { employerOrEnterprise, ...rest } = data as PlacementStartedV1;
      return { ...rest, employerOrEnterprise: await keys.intake(rest.personId, { text: employerOrEnterprise }, 'employer') };
    }
    case legalEventTypes.firRegisteredV1: {
      const { fir, ...rest } = data as FirRegisteredV1;
      return { ...rest, fir: await sealedFir(rest.caseId, fir, keys) };
    }
    default:
      throw new Error(`${type} carries no text in clear`);
  }
}

const sealedTraining = (personId: string, training: { trade: string; provider: string }, keys: Keyholders) =>
  keys.intake(personId, { text: JSON.stringify({ trade: training.trade, provider: training.provider }) }, 'skill-training');

async function sealedFir(caseId: string, fir: { number: string; policeStation: string; district: string; state: string; registeredAt: string }, keys: Keyholders) {
  const numberAndStation = await keys.legal(caseId, { number: fir.number, policeStation: fir.policeStation }, 'fir-details');
  return { district: fir.district, state: fir.state, numberAndStation, registeredAt: fir.registeredAt };
}

const isSealed = (value: unknown): value is SealedPersonalData => typeof value === 'object' && value !== null && 'ciphertext' in value;

type Plain = Record<string, unknown>;

/**
 * A stored state with the text its v1 events put there sealed: an open case's FIR; a livelihood
 * plan's employers and trainings (those stored before the training was kept as one value too).
 * The same state (the same object) when nothing in it is in clear.
 */
export const resealedState: Record<string, (state: Plain, keys: Keyholders) => Promise<Plain>> = {
  async cases(state, keys) {
    const fir = state['fir'] as Plain | undefined;
    if (!fir || !('number' in fir)) return state;
    return { ...state, fir: await sealedFir(String(state['caseId']), fir as Parameters<typeof sealedFir>[1], keys) };
  },
  async livelihood_plans(state, keys) {
    const personId = String(state['personId']);
    let changed = false;
    const placements: Record<string, Plain> = {};
    for (const [id, placement] of Object.entries((state['placements'] ?? {}) as Record<string, Plain>)) {
      const employer = placement['employerOrEnterprise'];
      if (typeof employer === 'string') {
        placements[id] = { ...placement, employerOrEnterprise: await keys.intake(personId, { text: employer }, 'employer') };
        changed = true;
      } else placements[id] = placement;
    }
    const trainings: Record<string, Plain> = {};
    for (const [id, training] of Object.entries((state['trainings'] ?? {}) as Record<string, Plain>)) {
      const { trade, provider, training: kept, ...rest } = training;
      if (isSealed(kept)) {
        trainings[id] = training;
        continue;
      }
      const clear = (kept as { trade: string; provider: string } | undefined) ?? { trade: String(trade), provider: String(provider) };
      trainings[id] = { ...rest, training: await sealedTraining(personId, clear, keys) };
      changed = true;
    }
    return changed ? { ...state, placements, trainings } : state;
  },
};

/** The stores that hold events recorded in clear: each service's database and its collections of commits. */
export const storesWithClearText = {
  intake: ['households'],
  rehabilitation: ['care_plans'],
  livelihood: ['livelihood_plans'],
  legal: ['cases'],
} as const;

export type ServiceWithClearText = keyof typeof storesWithClearText;

interface StoredCommit {
  _id: string;
  aggregateId: string;
  version: number;
  events: EventEnvelope[];
  state: Plain;
}

/**
 * Reseals every commit of every aggregate with an event recorded in clear, its latest commit
 * first: if it is stopped half way, the aggregate's oldest commit still holds its v1 event, so the
 * next run finds the aggregate again. Returns the commits it rewrote (or, without `write`, would).
 */
export async function resealCommits(commits: Collection, keys: Keyholders, options: { write: boolean } = { write: true }): Promise<number> {
  const resealState = resealedState[commits.collectionName];
  // A scan, once, while the services are stopped: no request waits on it.
  const found = await commits.find({ 'events.type': { $in: Object.keys(recordedInClear) } }).project({ aggregateId: 1 }).toArray();
  const aggregateIds = [...new Set(found.map((commit) => String(commit['aggregateId'])))];
  let rewritten = 0;
  for (const aggregateId of aggregateIds) {
    const history = ((await commits.find({ aggregateId }).toArray()) as unknown as StoredCommit[]).sort((a, b) => b.version - a.version);
    for (const commit of history) {
      let eventsChanged = false;
      const events: EventEnvelope[] = [];
      for (const event of commit.events) {
        if (!isRecordedInClear(event.type)) {
          events.push(event);
          continue;
        }
        const resealed = await resealedEvent(event.type, event.data, keys);
        events.push({ ...event, type: resealed.type, data: resealed.data } as EventEnvelope);
        eventsChanged = true;
      }
      const state = resealState ? await resealState(commit.state, keys) : commit.state;
      if (!eventsChanged && state === commit.state) continue;
      if (options.write) await commits.updateOne({ _id: commit._id } as Document, { $set: { events, state } });
      rewritten += 1;
    }
  }
  return rewritten;
}

/** The record of a topic as it is to be kept: a v1 recorded in clear becomes its v2, every other header kept. */
export async function resealedRecord(message: KafkaMessage, keys: Keyholders) {
  const type = headerText(message.headers, 'ce_type')!;
  const resealed = await resealedEvent(type, JSON.parse(message.value!.toString()), keys);
  return { key: message.key, value: JSON.stringify(resealed.data), headers: { ...message.headers, ce_type: resealed.type } };
}

/**
 * The topics that may hold an event recorded in clear: the pillars' own, every group's dead
 * letters and redrives, and any topic a stopped run was rewriting (its journal says so, even
 * while the topic itself is deleted).
 */
export function topicsToReseal(existing: readonly string[]): string[] {
  const pillars: string[] = [topics.intakeEvents, topics.rehabilitationEvents, topics.livelihoodEvents, topics.legalEvents];
  const parked = existing.filter((topic) => topic.endsWith(deadLetterTopicOf('')) || topic.endsWith(redriveTopicOf('')));
  const interrupted = existing.filter((topic) => topic.endsWith(rewriteJournalTopicOf(''))).map((journal) => journal.slice(0, -rewriteJournalTopicOf('').length));
  const candidates = [...pillars.filter((topic) => existing.includes(topic)), ...parked.sort(), ...interrupted];
  return [...new Set(candidates)];
}

export interface ResealReport {
  commits: Record<string, number>;
  topics: TopicRewriteReport[];
}

async function listTopics(kafka: Kafka): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  return admin.listTopics().finally(() => admin.disconnect());
}

/** Reseals the stores, then the topics (see the top of this file). */
export async function reseal(request: {
  databases: Record<ServiceWithClearText, Db>;
  kafka: Kafka;
  keys: Keyholders;
  /** The topics to look through (default: topicsToReseal of the broker's). */
  topics?: readonly string[];
  stopAfter?: 'copied';
  log?: (line: string) => void;
}): Promise<ResealReport> {
  const log = request.log ?? (() => undefined);
  const commits: Record<string, number> = {};
  const write = request.stopAfter === undefined;
  for (const [service, collections] of Object.entries(storesWithClearText) as [ServiceWithClearText, readonly string[]][]) {
    for (const collection of collections) {
      const database = request.databases[service];
      const count = await resealCommits(database.collection(collection), request.keys, { write });
      commits[`${database.databaseName}.${collection}`] = count;
      log(`${database.databaseName}.${collection}: ${count} commit(s) ${write ? 'resealed' : 'to reseal'}`);
    }
  }
  const rewrites: TopicRewriteReport[] = [];
  for (const topic of request.topics ?? topicsToReseal(await listTopics(request.kafka))) {
    rewrites.push(
      await rewriteTopic({
        kafka: request.kafka,
        topic,
        changes: (message) => isRecordedInClear(headerText(message.headers, 'ce_type')),
        rewrite: (message) => resealedRecord(message, request.keys),
        stopAfter: request.stopAfter,
        log,
      }),
    );
  }
  return { commits, topics: rewrites };
}
