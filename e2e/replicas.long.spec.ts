/**
 * N replicas of every service (issue #14): the whole platform, then a second instance of every
 * service but the gateway, on the same databases and in the same consumer groups, so each group
 * has two members sharing the partitions and every outbox relay and deadline watch runs twice.
 * Two gateways, one in front of each set of instances, take the workload in turns: people of
 * every pillar registered, rescued (their care plans and livelihood plans opened by reactions,
 * their post-rescue steps flagged overdue by the deadline sweeps), followed up, named in cases
 * whose charge sheets are overdue, placed, and covered by prevention plans.
 *
 * Every group starts where the shared topics end when the run begins. Then, once every group is
 * at the end of its topics and every outbox is empty: the projection the two replicas built is
 * the one a single projection (a group and database of its own, from the same offsets) builds,
 * document for document; no reaction or deadline acted twice (no two events
 * that say the same thing); every event is once on each timeline; no dead letters; both
 * instances answer the same for every record; the audit trail's chains verify, with each
 * request recorded once for each person or record it touched.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import request from 'supertest';
import { Db, Document, MongoClient } from 'mongodb';
import {
  intakeEventTypes,
  legalEventTypes,
  livelihoodEventTypes,
  rehabilitationEventTypes,
  rescueEventTypes,
  topics,
} from '@mukti/contracts';
import { bearer, eventually, healthDetailsOf, readWholeTopic, RawMessage, testInfrastructure, testKafka, uniqueName } from '@mukti/testing';
import { AuditStore } from '../apps/audit/src/trail/audit.store';
import { freePort, platformEnvironment, platformServices, Platform, ServiceHandle, ServiceName, startPlatform, startService, withDatabase } from '../tools/run/service-processes.cjs';

jest.setTimeout(480_000);

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const databasePrefix = uniqueName('e2e-replicas');
const single = `${databasePrefix}-single-projection`;
/** Every service that owns a database (all but the gateway) runs twice. */
const replicated = platformServices.filter((name) => name !== 'gateway');
const consuming: ServiceName[] = ['projection', 'audit', 'rescue', 'rehabilitation', 'legal', 'livelihood'];
const producing: ServiceName[] = ['intake', 'rescue', 'rehabilitation', 'legal', 'livelihood'];
const pillarTopics = [topics.intakeEvents, topics.rescueEvents, topics.rehabilitationEvents, topics.legalEvents, topics.livelihoodEvents];
/** Where each service keeps its open deadlines: once the platform is quiet, none of them has passed. */
const deadlineCollections: Partial<Record<ServiceName, string[]>> = {
  rescue: ['step_deadlines'],
  rehabilitation: ['follow_up_deadlines'],
  legal: ['charge_sheet_deadlines', 'refresher_deadlines'],
  livelihood: ['prevention_deadlines'],
};
// Every sweep often, so the two watches of a service race for the same deadlines.
const extra = {
  RATE_LIMIT_PER_USER: '100000',
  RATE_LIMIT_PER_ADDRESS: '100000',
  LOG_LEVEL: 'warn',
  RESCUE_DEADLINE_SWEEP_MS: '300',
  REHABILITATION_DEADLINE_SWEEP_MS: '300',
  LEGAL_DEADLINE_SWEEP_MS: '300',
  LIVELIHOOD_DEADLINE_SWEEP_MS: '300',
  INTAKE_AGE_BAND_SWEEP_MS: '300',
};

/** The services' warnings and errors, kept in .cache/e2e-replicas.log for a look after a failure. */
const logs: string[] = [];
const output = (name: string) => (line: string) => {
  if (/"level":(40|50|60)/.test(line) && !/partitioner|Limiting retries|DEVELOPMENT defaults/.test(line) && logs.length < 20_000) logs.push(`${name} | ${line}`);
};
let first: Platform;
let secondEnvironment: ReturnType<typeof platformEnvironment>;
const second = new Map<ServiceName, ServiceHandle>();
let singleProjection: { handle: ServiceHandle; url: string } | undefined;
/** The second instances while they start (a timeout of the hook must not leave one running). */
let secondStarting: Promise<unknown> | undefined;
let mongo: MongoClient;
const startedAt = Date.now();
/** How long each part took, for the figures line. */
const took: string[] = [];
let lastMark = startedAt;
const mark = (what: string) => {
  took.push(`${what} ${((Date.now() - lastMark) / 1000).toFixed(0)} s`);
  lastMark = Date.now();
};

/** The base URLs of both instances of a service. */
const instancesOf = (name: ServiceName): string[] => [first.url(name), `http://127.0.0.1:${secondEnvironment.ports[name]}`];
const gateways = (): string[] => instancesOf('gateway');
let turn = 0;
/** The gateways take requests in turns, so each instance of every service takes commands. */
const api = () => request(gateways()[turn++ % 2]);
const database = (name: string): Db => mongo.db(name);

/** Where every topic ended when this run began: its groups start there, and what it reads of the audit topic begins there. */
const startedAtOffsets = new Map<string, Map<number, bigint>>();

/**
 * Every group of this run starts at the end of the shared topics, as they stand now, rather than
 * at offset 0: what other suites left there is not this run's to read (nor, on two cores, minutes
 * of catching up), and the single projection starts at the same place as the replicas, so both
 * build from the same events.
 */
async function startGroupsAtTheEnd(groups: string[]): Promise<void> {
  const admin = testKafka('e2e-replicas').admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    for (const topic of Object.values(topics).filter((name) => existing.has(name))) {
      const ends = await admin.fetchTopicOffsets(topic);
      startedAtOffsets.set(topic, new Map(ends.map(({ partition, high }) => [partition, BigInt(high)])));
    }
    // The groups side by side (kafkajs takes seconds for each call), each one's topics in turn.
    await Promise.all(
      groups.map(async (groupId) => {
        for (const [topic, ends] of startedAtOffsets) {
          await admin.setOffsets({ groupId, topic, partitions: [...ends].map(([partition, offset]) => ({ partition, offset: String(offset) })) });
        }
      }),
    );
  } finally {
    await admin.disconnect();
  }
}

beforeAll(async () => {
  const kafkaBrokers = testInfrastructure.kafkaBrokers.join(',');
  const { mongodbUri } = testInfrastructure;
  await startGroupsAtTheEnd([...consuming.map((name) => `${databasePrefix}-${name}`), single]);
  // Seventeen processes starting on a small machine: more time than one platform's start needs.
  const readyTimeoutMs = 180_000;
  first = await startPlatform({ kafkaBrokers, mongodbUri, databasePrefix, extra, readyTimeoutMs, output: (name, line) => output(`${name}#1`)(line) });
  // The same databases and groups, every port changed: a second instance of each service, and a gateway in front of them.
  secondEnvironment = platformEnvironment({
    kafkaBrokers,
    mongodbUri,
    ports: Object.fromEntries(await Promise.all(platformServices.map(async (name) => [name, await freePort()]))),
    databasePrefix,
    consumerGroupPrefix: databasePrefix,
    extra,
  });
  mark('first platform up');
  const starting = Promise.allSettled(
    replicated.map(async (name) => second.set(name, await startService(name, secondEnvironment[name], { readyTimeoutMs, output: output(`${name}#2`) }))),
  );
  secondStarting = starting;
  const started = await starting;
  const failed = started.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  second.set('gateway', await startService('gateway', secondEnvironment.gateway, { readyTimeoutMs, output: output('gateway#2') }));
  mark('second instances up');
  // One projection alone in a group and database of its own, reading the same topics from the same offsets: what one replica builds.
  const port = await freePort();
  singleProjection = {
    url: `http://127.0.0.1:${port}`,
    handle: await startService(
      'projection',
      { ...first.environment.projection, PROJECTION_PORT: String(port), MONGODB_URI: withDatabase(mongodbUri, single), PROJECTION_CONSUMER_GROUP: single },
      { readyTimeoutMs, output: output('projection#single') },
    ),
  };
  mongo = await MongoClient.connect(mongodbUri.replace(/\/?$/, '/'));
  // Every group at the end of the topics, so the workload meets a steady platform.
  await eventually(async () => {
    for (const url of [...consuming.map((name) => first.url(name)), singleProjection!.url]) {
      expect({ url, lag: (await healthDetailsOf(url)).checks?.kafka?.lag?.total }).toEqual({ url, lag: 0 });
    }
  }, 180_000, 500);
  mark('caught up');
}, 420_000);

afterAll(async () => {
  mkdirSync(join(__dirname, '../.cache'), { recursive: true });
  writeFileSync(join(__dirname, '../.cache/e2e-replicas.log'), logs.join('\n'));
  await secondStarting;
  await singleProjection?.handle.kill();
  for (const service of [...second.values()].reverse()) await service.kill();
  await first?.stop({ kill: true });
  await first?.dropDatabases();
  await mongo?.db(single).dropDatabase();
  await mongo?.close();
});

type Person = { id: string; index: number; role: 'survivor' | 'at-risk'; age: number; rescued: boolean; accused: boolean; withdraws: boolean; caseId?: string };
const people: Person[] = [];
const ids = () => people.map((person) => person.id);
const records: Record<'operations' | 'cases' | 'perpetrators' | 'households', string[]> = { operations: [], cases: [], perpetrators: [], households: [] };
/** Unique staff ids, so this run's audit records are told apart from other suites' on the shared topic. */
const staffSuffix = databasePrefix.slice(-6);
const staff = { caseworker: `asha-${staffSuffix}`, rescue: `rekha-${staffSuffix}`, counsellor: `mira-${staffSuffix}`, legal: `lata-${staffSuffix}`, livelihood: `kiran-${staffSuffix}` };
const tokens: Record<keyof typeof staff, string> = { caseworker: '', rescue: '', counsellor: '', legal: '', livelihood: '' };
/** A child's consent is given by the Child Welfare Committee. */
const givenFor = (person: { age: number }) => (person.age < 18 ? { givenBy: 'child-welfare-committee' } : {});
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** Runs `work` on each item, a few at a time. */
async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let index = 0; index < items.length; index += size) await Promise.all(items.slice(index, index + size).map(work));
}

/** Every message of the pillar topics concerning this run: its people, operations, cases, plans. */
async function thisRunsEvents(): Promise<RawMessage[]> {
  const kafka = testKafka('e2e-replicas');
  const ours = new Set([...ids(), ...Object.values(records).flat()]);
  const messages = (await Promise.all(pillarTopics.map((topic) => readWholeTopic(kafka, topic, 60_000)))).flat();
  return messages.filter((message) => {
    if (ours.has(message.headers['ce_subject'] ?? '')) return true;
    const data = message.value?.toString() ?? '';
    return [...ours].some((id) => data.includes(id));
  });
}

/** What an event says, apart from when it was decided: its type, subject and data without the timestamps of this run. */
function whatItSays(message: RawMessage): string {
  const data = JSON.parse(message.value?.toString() ?? '{}') as Record<string, unknown>;
  const decidedNow = (value: unknown) => typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) && Date.parse(value) >= startedAt - 60_000;
  const kept = Object.fromEntries(Object.entries(data).filter(([, value]) => !decidedNow(value)));
  return `${message.headers['ce_type']} ${message.headers['ce_subject']} ${JSON.stringify(kept)}`;
}

function firstDifference(left: unknown, right: unknown, path = ''): string | undefined {
  if (isDeepStrictEqual(left, right)) return undefined;
  if (left && right && typeof left === 'object' && typeof right === 'object') {
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      const found = firstDifference((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path || '.'}: two replicas ${JSON.stringify(left)?.slice(0, 300)}, one ${JSON.stringify(right)?.slice(0, 300)}`;
}

/** Quiet: every group at the end of its topics, every outbox empty and no deadline passed unacted, three readings in a row. */
async function waitUntilQuiet(): Promise<void> {
  let quiet = 0;
  const deadline = Date.now() + 360_000;
  let last = '';
  while (quiet < 3) {
    if (Date.now() > deadline) throw new Error(`the platform was not quiet within 6 min: ${last}`);
    const behind: string[] = [];
    for (const name of replicated) {
      for (const [index, url] of instancesOf(name).entries()) {
        const checks = (await healthDetailsOf(url)) as { checks?: { kafka?: { lag?: { total?: number } }; outbox?: { pendingCommits?: number } } };
        if (consuming.includes(name) && checks.checks?.kafka?.lag?.total !== 0) behind.push(`${name}#${index + 1} lag ${checks.checks?.kafka?.lag?.total}`);
        if (producing.includes(name) && checks.checks?.outbox?.pendingCommits !== 0) behind.push(`${name}#${index + 1} outbox ${checks.checks?.outbox?.pendingCommits}`);
      }
    }
    const singleLag = (await healthDetailsOf(singleProjection!.url)).checks?.kafka?.lag?.total;
    if (singleLag !== 0) behind.push(`single projection lag ${singleLag}`);
    // This run's own (the services also watch deadlines of other suites' people, from the shared topics, that they can never act on).
    const ours = [...ids(), ...records.cases];
    for (const [name, collections] of Object.entries(deadlineCollections)) {
      for (const collection of collections) {
        const passed = await database(`${databasePrefix}-${name}`).collection(collection).find({ dueAt: { $lte: new Date() } }).toArray();
        const mine = passed.filter((deadline) => ours.some((id) => JSON.stringify(deadline['details']).includes(id)));
        if (mine.length > 0) behind.push(`${name} ${collection} ${mine.length} passed`);
      }
    }
    last = behind.join(', ');
    quiet = behind.length === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 700));
  }
}

it('takes a workload across every pillar through two gateways, each in front of its own instance of every service', async () => {
  for (const role of Object.keys(staff) as (keyof typeof staff)[]) {
    const staffRole = { caseworker: 'caseworker', rescue: 'rescue-coordinator', counsellor: 'counsellor', legal: 'legal-officer', livelihood: 'livelihood-officer' }[role];
    tokens[role] = await bearer(staffRole, staff[role]);
  }
  // 24 survivors (every sixth a child), 6 people at risk in two households.
  const planned: Omit<Person, 'id'>[] = Array.from({ length: 30 }, (_, index) => ({
    index,
    role: index < 24 ? 'survivor' : 'at-risk',
    age: index % 6 === 0 ? 16 : 19 + (index % 17),
    rescued: index < 21 || index === 24,
    accused: index % 7 === 3,
    withdraws: index < 24 && index % 5 === 2,
  }));
  await inBatches(planned, 6, async (person) => {
    const registered = await api()
      .post('/api/v1/people')
      .set('authorization', tokens.caseworker)
      .send({ role: person.role, name: `Replica ${person.index} ${databasePrefix}`, gender: 'female', age: person.age, origin: { state: 'West Bengal', district: 'Murshidabad' }, referralSource: 'police' })
      .expect(201);
    const id = registered.body.id as string;
    people.push({ ...person, id });
    for (const [staffId, staffRole] of [
      [staff.rescue, 'rescue-coordinator'],
      [staff.counsellor, 'counsellor'],
      [staff.legal, 'legal-officer'],
      [staff.livelihood, 'livelihood-officer'],
    ]) {
      await api().post(`/api/v1/people/${id}/assignments`).set('authorization', tokens.caseworker).send({ staffId, staffRole }).expect(204);
    }
    await api().post(`/api/v1/people/${id}/consents`).set('authorization', tokens.caseworker).send({ scope: 'share-with-police', decision: 'granted', ...givenFor(person) }).expect(201);
    await api().post(`/api/v1/people/${id}/vulnerability-assessments`).set('authorization', tokens.caseworker).send({ factors: ['debt', 'migration'] }).expect(201);
  });
  people.sort((a, b) => a.index - b.index);

  // Three operations, carried out 30 hours ago: every step due within 24 hours is overdue at once, for both rescue services' watches.
  const rescued = people.filter((person) => person.rescued);
  for (let operation = 0; operation < 3; operation += 1) {
    const operationId = (
      await api()
        .post('/api/v1/rescue-operations')
        .set('authorization', tokens.rescue)
        .send({
          kind: 'raid-on-information',
          place: { state: 'Maharashtra', district: 'Pune', kindOfPlace: 'lodge-or-hotel' },
          agencies: ['anti-human-trafficking-unit', 'ngo'],
          legalBasis: 'itpa-s15',
          leadOfficer: 'Inspector, AHTU Pune',
          plannedFor: ago(32 * HOUR),
        })
        .expect(201)
    ).body.id as string;
    records.operations.push(operationId);
    const persons = rescued
      .filter((_, index) => index % 3 === operation)
      .map((person) => ({ personId: person.id, policeRecordedAs: person.accused ? 'accused' : 'victim', ageAtRescue: person.age }));
    // The rescue service learns her registration and case team from intake's topic: until then she is unknown there.
    await eventually(() =>
      api().post(`/api/v1/rescue-operations/${operationId}/rescue`).set('authorization', tokens.rescue).send({ carriedOutAt: ago(30 * HOUR), searchWitnesses: { total: 2, women: 1 }, persons }).expect(204),
    );
  }

  // Her rescue opens her care plan (rehabilitation's reaction); counselling and follow-ups due since four months ago, on it.
  await inBatches(
    rescued.filter((person) => person.role === 'survivor'),
    6,
    async (person) => {
      if (person.index % 3 === 0) {
        await eventually(() =>
          api()
            .post(`/api/v1/people/${person.id}/counselling-sessions`)
            .set('authorization', tokens.counsellor)
            .send({ heldAt: new Date().toISOString(), kind: 'individual', notes: 'She spoke about the journey.' })
            .expect(201),
        );
      }
      if (person.index % 4 === 1) {
        await eventually(() =>
          api().post(`/api/v1/people/${person.id}/follow-up-schedule`).set('authorization', tokens.caseworker).send({ everyMonths: 1, forMonths: 6, from: ago(120 * DAY) }).expect(204),
        );
      }
    },
  );

  // Two cases, their FIRs 120 days old with no charge sheet: both legal services' watches find the 60- and 90-day deadlines passed.
  for (const [index, victims] of [people.slice(0, 12), people.slice(12, 24)].entries()) {
    const perpetratorId = (
      await api()
        .post('/api/v1/perpetrators')
        .set('authorization', tokens.legal)
        .send({ category: index === 0 ? 'brothel-keeper' : 'hotel-or-lodge-owner', name: `Keeper ${index} ${databasePrefix}`, knownPlaces: [{ state: 'Maharashtra', district: 'Pune' }] })
        .expect(201)
    ).body.id as string;
    records.perpetrators.push(perpetratorId);
    const caseId = await eventually(
      async () =>
        (
          await api()
            .post('/api/v1/cases')
            .set('authorization', tokens.legal)
            .send({
              fir: { policeStation: 'Budhwar Peth', district: 'Pune', state: 'Maharashtra', number: `${index}/${staffSuffix}`, registeredAt: ago(120 * DAY) },
              sections: [{ act: 'itpa', section: '3' }],
              victimIds: victims.map((person) => person.id),
              accusedIds: [perpetratorId],
              mainAccusedId: perpetratorId,
            })
            .expect(201)
        ).body.id as string,
    );
    records.cases.push(caseId);
    victims.forEach((person) => (person.caseId = caseId));
    await api().post(`/api/v1/cases/${caseId}/hearings`).set('authorization', tokens.legal).send({ heldAt: ago(DAY), court: 'sessions-court', stage: 'bail' }).expect(204);
  }
  // Her consent withdrawn while her case is open: the legal service's reaction raises one alert.
  for (const person of people.filter((candidate) => candidate.withdraws)) {
    await api().post(`/api/v1/people/${person.id}/consents`).set('authorization', tokens.caseworker).send({ scope: 'share-with-police', decision: 'withdrawn', ...givenFor(person) }).expect(201);
  }

  // A livelihood goal on her care plan opens her livelihood plan (livelihood's reaction); a placement below the minimum wage.
  await inBatches(
    rescued.filter((person) => person.role === 'survivor' && person.age >= 18 && person.index % 3 === 1),
    6,
    (person) =>
      eventually(() =>
        api()
          .post(`/api/v1/people/${person.id}/placements`)
          .set('authorization', tokens.livelihood)
          .send({ kind: 'wage-employment', employerOrEnterprise: 'Sonar Tailoring Unit', sector: 'garments-and-tailoring', skillLevel: 'semi-skilled', state: 'West Bengal', startedAt: ago(DAY), monthlyIncomeInr: 4000 })
          .expect(201),
      ),
  );

  // Two households at risk, each with a prevention plan (one of them has a member rescued: an entry into exploitation).
  for (const members of [people.slice(24, 27), people.slice(27, 30)]) {
    const householdId = (
      await api()
        .post('/api/v1/households')
        .set('authorization', tokens.caseworker)
        .send({ place: { state: 'West Bengal', district: 'South 24 Parganas', villageOrWard: `Canning ${databasePrefix}`.slice(0, 120) }, memberIds: members.map((person) => person.id) })
        .expect(201)
    ).body.id as string;
    records.households.push(householdId);
    const planId = await eventually(async () => (await api().post('/api/v1/prevention-plans').set('authorization', tokens.livelihood).send({ householdId }).expect(201)).body.id as string);
    await api().post(`/api/v1/prevention-plans/${planId}/supports`).set('authorization', tokens.livelihood).send({ kind: 'education-support', status: 'ongoing', startedAt: ago(DAY) }).expect(201);
  }
});

it('builds with two replicas of every service the read models one projection builds, with no reaction or deadline acted twice', async () => {
  mark('workload');
  await waitUntilQuiet();
  mark('quiet');
  const events = await thisRunsEvents();
  const distinct = new Map(events.map((message) => [message.headers['ce_id'], message]));

  // No reaction or deadline acted twice: no two events of the system's own that say the same thing.
  const bySaying = new Map<string, Set<string>>();
  for (const message of distinct.values()) {
    if (message.headers['ce_actorrole'] !== 'system') continue;
    const saying = whatItSays(message);
    bySaying.set(saying, (bySaying.get(saying) ?? new Set()).add(message.headers['ce_id']!));
  }
  const actedTwice = [...bySaying.entries()].filter(([, eventIds]) => eventIds.size > 1).map(([saying, eventIds]) => `${eventIds.size} × ${saying.slice(0, 300)}`);
  expect(actedTwice).toEqual([]);
  const reactions = [...bySaying.keys()];
  const count = (type: string) => reactions.filter((saying) => saying.startsWith(`${type} `)).length;
  const rescued = people.filter((person) => person.rescued);
  // Every rescued survivor has one care plan; every adult among them one livelihood plan; every step due in 24 hours flagged once.
  expect(count(rehabilitationEventTypes.carePlanOpened)).toBe(rescued.length);
  expect(count(livelihoodEventTypes.livelihoodPlanOpened)).toBe(rescued.filter((person) => person.age >= 18).length);
  expect(count(rescueEventTypes.postRescueStepOverdue)).toBe(rescued.reduce((sum, person) => sum + (person.age >= 18 ? 3 : 4), 0));
  expect(count(legalEventTypes.consentWithdrawnOnOpenCase)).toBe(people.filter((person) => person.withdraws).length);
  expect(count(legalEventTypes.chargeSheetMissing)).toBeGreaterThanOrEqual(records.cases.length);
  expect(count(rehabilitationEventTypes.followUpMissed)).toBeGreaterThan(0);

  // No dead letters in any group, the single projection's included.
  for (const url of [...consuming.map((name) => first.url(name)), singleProjection!.url]) {
    const details = (await healthDetailsOf(url)) as { checks?: { kafka?: { deadLetters?: number; consumerGroup?: string } } };
    expect({ group: details.checks?.kafka?.consumerGroup, deadLetters: details.checks?.kafka?.deadLetters }).toEqual({ group: expect.any(String), deadLetters: 0 });
  }

  // Each event once on each timeline, and what staff did all there.
  const replicas = database(`${databasePrefix}-projection`);
  const one = database(single);
  const entries = await replicas.collection('timeline_entries').find({ personId: { $in: ids() } }).toArray();
  for (const person of people) {
    const hers = entries.filter((entry) => entry['personId'] === person.id);
    const eventIds = hers.map((entry) => entry['eventId']);
    expect({ person: person.index, repeated: eventIds.length - new Set(eventIds).size }).toEqual({ person: person.index, repeated: 0 });
    const types = hers.map((entry) => entry['type'] as string);
    const times = (type: string) => types.filter((candidate) => candidate === type).length;
    expect({ person: person.index, registered: times(intakeEventTypes.personRegistered), assigned: times(intakeEventTypes.staffAssigned), rescued: times(rescueEventTypes.personRescued), carePlans: times(rehabilitationEventTypes.carePlanOpened) }).toEqual({
      person: person.index,
      registered: 1,
      assigned: 5,
      rescued: person.rescued ? 1 : 0,
      carePlans: person.rescued ? 1 : 0,
    });
  }

  // The projection two replicas built is the one a single projection built from the same topics, document for document.
  const perProcessing: Record<string, string[]> = {
    // When it was written, and which of her last entries it remembers (the order they came in): the replicas' business.
    person_summaries: ['updatedAt', 'recentEntryIds'],
    timeline_entries: ['recordedAt'],
    caseloads: [],
    indicator_cells: [],
    indicator_households: [],
    prosecution_cases: ['updatedAt', 'revision'],
    prosecution_perpetrators: [],
  };
  const whose: Record<string, Document> = {
    person_summaries: { _id: { $in: ids() } },
    timeline_entries: { personId: { $in: ids() } },
    caseloads: { personId: { $in: ids() } },
    // Counters over everyone on the topics: both read them all.
    indicator_cells: {},
    indicator_households: {},
    prosecution_cases: { _id: { $in: records.cases } },
    prosecution_perpetrators: { _id: { $in: records.perpetrators } },
  };
  const compared: Record<string, number> = {};
  const differences: string[] = [];
  for (const [collection, dropped] of Object.entries(perProcessing)) {
    const read = async (db: Db) => {
      const documents = await db.collection(collection).find(whose[collection]!).toArray();
      return new Map(documents.map((document) => [String(document._id), Object.fromEntries(Object.entries(document).filter(([field]) => !dropped.includes(field)))]));
    };
    const [built, alone] = [await read(replicas), await read(one)];
    for (const id of new Set([...built.keys(), ...alone.keys()])) {
      const difference = firstDifference(built.get(id), alone.get(id));
      if (difference) differences.push(`${collection} ${id} ${difference}`);
    }
    compared[collection] = built.size;
  }
  expect(differences.slice(0, 20)).toEqual([]);
  expect(compared['person_summaries']).toBe(people.length);
  expect(compared['prosecution_cases']).toBe(records.cases.length);
  mark('compared');
  (globalThis as { replicaFigures?: unknown }).replicaFigures = { events: distinct.size, copies: events.length - distinct.size, compared };
});

it('answers the same for every record through either instance, and keeps one audit trail whose chains verify, each request once', async () => {
  const reads = [
    ...people.flatMap((person) => [`/api/v1/people/${person.id}`, `/api/v1/people/${person.id}/summary`]),
    ...people.filter((person) => person.rescued && person.index % 3 === 0).map((person) => `/api/v1/people/${person.id}/counselling-sessions`),
    ...records.operations.map((id) => `/api/v1/rescue-operations/${id}`),
    ...records.cases.map((id) => `/api/v1/cases/${id}`),
    ...records.perpetrators.map((id) => `/api/v1/perpetrators/${id}`),
    ...records.households.map((id) => `/api/v1/prevention-plans/${id}`),
  ];
  const tokenFor = (path: string) =>
    path.includes('counselling') ? tokens.counsellor : path.includes('rescue-operations') ? tokens.rescue : /cases|perpetrators/.test(path) ? tokens.legal : path.includes('prevention') ? tokens.livelihood : tokens.caseworker;
  const differing: string[] = [];
  await inBatches(reads, 8, async (path) => {
    const [viaFirst, viaSecond] = await Promise.all(gateways().map((gateway) => request(gateway).get(path).set('authorization', tokenFor(path))));
    if (viaFirst.status !== 200 || !isDeepStrictEqual(viaFirst.body, viaSecond.body)) differing.push(`${path}: ${viaFirst.status} ${viaSecond.status} ${firstDifference(viaFirst.body, viaSecond.body)}`);
  });
  expect(differing).toEqual([]);

  // Every request the two gateways recorded is in the trail once, in chains that verify, partition by partition.
  await waitUntilQuiet();
  const audit = database(`${databasePrefix}-audit`);
  const store = new AuditStore(audit.collection('audit_records'), audit.collection('audit_chain_heads'));
  const { partitions, unchained } = await store.verify();
  expect(partitions.filter((partition) => !partition.intact)).toEqual([]);
  expect(unchained).toBe(0);
  const onTopic = await readWholeTopic(testKafka('e2e-replicas'), topics.audit, 60_000);
  const sinceThisRun = onTopic.filter((message) => BigInt(message.offset) >= (startedAtOffsets.get(topics.audit)?.get(message.partition) ?? 0n));
  const distinctOnTopic = new Set(sinceThisRun.map((message) => message.headers['ce_id']));
  expect(partitions.reduce((sum, partition) => sum + partition.records, 0)).toBe(distinctOnTopic.size);
  const ours = await audit.collection('audit_records').find({ staffId: { $in: Object.values(staff) } }).toArray();
  const perRequest = new Map<string, number>();
  // A request is recorded once for each person or record it read or changed, and each of those once.
  for (const record of ours) {
    const what = `${record['requestId']} ${record['outcome']} ${record['personId']} ${record['recordId']}`;
    perRequest.set(what, (perRequest.get(what) ?? 0) + 1);
  }
  expect([...perRequest.entries()].filter(([, times]) => times > 1)).toEqual([]);
  expect(ours.length).toBeGreaterThan(reads.length * 2);

  mark('reads and audit');
  const figures = (globalThis as { replicaFigures?: { events: number; copies: number; compared: Record<string, number> } }).replicaFigures;
  console.log(
    `replicas: ${people.length} people, ${figures?.events} events (${figures?.copies} published twice), 2 instances × ${replicated.length} services and 2 gateways; ` +
      `read models equal (${Object.entries(figures?.compared ?? {}).map(([collection, size]) => `${size} ${collection}`).join(', ')}); ` +
      `${reads.length} records read alike through both; audit trail ${ours.length} records of this run, ${partitions.length} chains intact; ${took.join(', ')}`,
  );
  if (logs.length > 0) console.log(`warnings and errors logged: ${logs.length}\n${logs.slice(-10).join('\n')}`);
});
