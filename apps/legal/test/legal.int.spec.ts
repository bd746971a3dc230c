/**
 * The legal service against the real broker and store: it learns who is registered, who is on
 * her case team and which consents stand from intake's topic; a perpetrator's name is on no
 * topic; a survivor is named to the police or a court only with her consent (a 409 names the
 * missing one); a survivor charged raises the decriminalisation alert, a perpetrator standing
 * surety for her the debt-bondage alert; the test's clock drives the charge-sheet and refresher
 * deadlines; a consent withdrawn raises an alert on her open case.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { ConsentScope, deadLetterTopicOf, EventEnvelope, intakeEventTypes, legalEventTypes, topics } from '@mukti/contracts';
import { createServiceApp } from '@mukti/http';
import { fencedCollection } from '@mukti/persistence';
import { EventContext, EventPublisher } from '@mukti/messaging';
import { serviceBearer, eventually, ManualClock, RawMessage, readTopic, testInfrastructure, testLogger, uniqueDatabaseUri, uniqueName, testKafka, superUserKafkaEnvironment } from '@mukti/testing';
import { legalConfig } from '../src/legal.config';
import { LegalModule } from '../src/legal.module';
import { CaseStore } from '../src/case/case.store';
import { ConsentWithdrawnAlerts } from '../src/case/reactions/alert-on-consent-withdrawn';
import { KnownPeople, KnownPeopleFromIntake, PersonalDataVault } from '@mukti/security';
import { PERPETRATOR_VAULT } from '../src/perpetrator/perpetrator.store';

jest.setTimeout(60_000);

const DAY = 24 * 3600_000;
const databaseUri = uniqueDatabaseUri('legal');
const consumerGroup = uniqueName('legal');
const config = legalConfig.load({
  ...process.env,
  MONGODB_URI: databaseUri,
  ...superUserKafkaEnvironment(),
  LEGAL_CONSUMER_GROUP: consumerGroup,
  LEGAL_DEADLINE_SWEEP_MS: '200',
});
const clock = new ManualClock();
const kafka = testKafka('legal-int-test');
const publisher = new EventPublisher(kafka);
let app: NestExpressApplication;
let mongo: MongoClient;
let lata: string;
/** Meena consented to be named to the police; Sita did not; Rupa was charged by the police herself. */
const [meena, sita, rupa, stranger]: string[] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

const iso = (at: number | Date = clock.now()) => new Date(at).toISOString();
const payload = (message: RawMessage) => JSON.parse(message.value!.toString());
const ofType = (type: string, key: string) => (message: RawMessage) => message.key === key && message.headers['ce_type'] === type;

function intakeEvent<T extends typeof intakeEventTypes.personRegistered | typeof intakeEventTypes.staffAssigned | typeof intakeEventTypes.consentRecorded>(
  type: T,
  personId: string,
  data: EventEnvelope<T>['data'],
): EventEnvelope<T> {
  return { id: randomUUID(), type, source: '/mukti/intake', subject: personId, time: iso(), correlationId: randomUUID(), actor: { id: 'asha', role: 'caseworker' }, data };
}
const registered = (personId: string) =>
  intakeEvent(intakeEventTypes.personRegistered, personId, {
    personId,
    role: 'survivor',
    personalData: { keyId: personId, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'Y3Q=', authTag: 'dGFn' },
    gender: 'female',
    ageBand: '25-34',
    languages: [],
    referralSource: 'police',
    registeredAt: iso(),
  });
const lataAssigned = (personId: string) =>
  intakeEvent(intakeEventTypes.staffAssigned, personId, { personId, staffId: 'lata', staffRole: 'legal-officer', assignedAt: iso() });
const consent = (personId: string, scope: ConsentScope, decision: 'granted' | 'withdrawn') =>
  intakeEvent(intakeEventTypes.consentRecorded, personId, { personId, consentId: randomUUID(), scope, decision, givenBy: 'self', decidedAt: iso() });

beforeAll(async () => {
  await publisher.connect();
  app = await createServiceApp(LegalModule.register(config, testLogger(), clock), { logger: testLogger() });
  await app.init();
  // Its @EventPattern handlers start consuming, as startServiceApp starts them.
  await app.startAllMicroservices();
  mongo = await MongoClient.connect(databaseUri);
  lata = await serviceBearer('legal-officer', 'lata');
  await publisher.publish([
    ...[meena, sita, rupa, stranger].map(registered),
    ...[meena, sita, rupa].map(lataAssigned),
    consent(meena, 'share-with-police', 'granted'),
  ]);
  // Its group is new, so it reads the shared topics from offset 0: other suites' events come first.
  await eventually(async () => {
    for (const id of [meena, sita, rupa]) expect((await mongo.db().collection('known_people').findOne({ _id: id as never }))?.caseTeam).toHaveProperty('lata');
    expect((await mongo.db().collection('known_people').findOne({ _id: meena as never }))?.consents).toEqual({ 'share-with-police': 'granted' });
  }, 240_000, 500);
}, 300_000);

afterAll(async () => {
  await app.close();
  await publisher.disconnect();
  await mongo.db().dropDatabase();
  await mongo.close();
});

const api = () => request(app.getHttpServer());
const post = (path: string, body: object, token = lata) => api().post(path).set('authorization', token).send(body);
const profile = async (category: string, name: string) =>
  (await post('/perpetrators', { category, name, phone: '+91 98300 11111', knownPlaces: [{ state: 'Maharashtra', district: 'Mumbai City' }] }).expect(201)).body.id as string;
const fir = (number: string) => ({ policeStation: 'Kamathipura', district: 'Mumbai City', state: 'Maharashtra', number, registeredAt: iso(clock.now().getTime() - DAY) });

let brothelKeeper: string;
let lodgeOwner: string;
let buyer: string;
let caseId: string;

it('profiles perpetrators with their personal data sealed: readable to legal staff, on no topic', async () => {
  brothelKeeper = await profile('brothel-keeper', 'Shankar Bhau');
  lodgeOwner = await profile('hotel-or-lodge-owner', 'Mahesh Lodge Owner');
  buyer = await profile('buyer', 'Anil Customer');
  const read = await api().get(`/perpetrators/${brothelKeeper}`).set('authorization', lata).expect(200);
  expect(read.body).toMatchObject({ category: 'brothel-keeper', beneficiary: 'direct', name: 'Shankar Bhau', phone: '+91 98300 11111' });
  expect((await api().get(`/perpetrators/${lodgeOwner}`).set('authorization', lata).expect(200)).body.beneficiary).toBe('indirect');
  await post(`/perpetrators/${lodgeOwner}/links`, { otherPerpetratorId: brothelKeeper, link: 'works-with' }).expect(204);

  // Keyed by perpetrator, so on different partitions: read until both are seen.
  const messages = await readTopic(
    kafka,
    topics.legalEvents,
    (seen) => seen.some(ofType(legalEventTypes.perpetratorsLinked, lodgeOwner)) && seen.some(ofType(legalEventTypes.perpetratorProfiled, brothelKeeper)),
  );
  const profiled = messages.find(ofType(legalEventTypes.perpetratorProfiled, brothelKeeper))!;
  expect(profiled.value!.toString()).not.toContain('Shankar');
  expect(profiled.value!.toString()).not.toContain('98300');
  expect(payload(profiled)).toMatchObject({ category: 'brothel-keeper', beneficiary: 'direct', personalData: { keyId: brothelKeeper, algorithm: 'AES-256-GCM' } });

  // A caseworker may not see who they are.
  await api().get(`/perpetrators/${brothelKeeper}`).set('authorization', await serviceBearer('caseworker', 'asha')).expect(403);
});

it("names a survivor to the police only with her consent, saying which consent is missing", async () => {
  const withoutConsent = await post('/cases', { fir: fir('77/2026'), sections: [{ act: 'itpa', section: '5' }], victimIds: [sita], accusedIds: [brothelKeeper] }).expect(409);
  expect(withoutConsent.body.message).toMatch(/share-with-police/);
  expect(withoutConsent.body.details).toMatchObject({ personId: sita, scope: 'share-with-police' });

  const registeredCase = await post('/cases', {
    fir: fir('78/2026'),
    sections: [
      { act: 'itpa', section: '3' },
      { act: 'itpa', section: '5' },
      { act: 'bns', section: '143' },
    ],
    victimIds: [meena],
    accusedIds: [brothelKeeper, lodgeOwner, buyer],
    mainAccusedId: brothelKeeper,
    survivorsAccusedIds: [rupa],
  }).expect(201);
  caseId = registeredCase.body.id;

  const messages = await readTopic(
    kafka,
    topics.legalEvents,
    (seen) => seen.some(ofType(legalEventTypes.survivorNamedAsAccused, rupa)) && seen.some(ofType(legalEventTypes.firRegistered, caseId)),
  );
  expect(payload(messages.find(ofType(legalEventTypes.firRegistered, caseId))!)).toMatchObject({ caseId, victimIds: [meena], accusedIds: [brothelKeeper, lodgeOwner, buyer] });
  expect(payload(messages.find(ofType(legalEventTypes.survivorNamedAsAccused, rupa))!)).toMatchObject({ personId: rupa, caseId });
});

it('keeps a survivor from a legal officer not on her case team, and refuses bad input naming the field', async () => {
  const outsider = await serviceBearer('legal-officer', 'someone-else');
  const notHers = await post('/cases', { fir: fir('79/2026'), sections: [{ act: 'itpa', section: '5' }], victimIds: [meena], accusedIds: [] }, outsider).expect(404);
  // Someone never registered is answered as someone on others' case teams only: a body is no oracle.
  const neverRegistered = randomUUID();
  const unknownPerson = await post('/cases', { fir: fir('80/2026'), sections: [{ act: 'itpa', section: '5' }], victimIds: [neverRegistered], accusedIds: [] }).expect(404);
  expect(unknownPerson.body.message.replace(neverRegistered, 'ID')).toBe(notHers.body.message.replace(meena, 'ID'));

  const invalid = await post('/cases', { fir: { ...fir('81/2026'), registeredAt: 'yesterday' }, sections: [], victimIds: ['not-an-id'], accusedIds: [] }).expect(400);
  const fields = JSON.stringify(invalid.body.details);
  for (const field of ['fir.registeredAt', 'sections', 'victimIds']) expect(fields).toContain(field);
  const badVerdict = await post(`/cases/${caseId}/verdicts`, { perpetratorId: buyer, outcome: 'guilty', decidedAt: iso(), court: 'sessions-court' }).expect(400);
  expect(JSON.stringify(badVerdict.body.details)).toContain('outcome');
});

it('raises the debt-bondage alert when a known perpetrator stands surety for her bail', async () => {
  await post(`/cases/${caseId}/bail`, { personId: rupa, stage: 'granted', at: iso(), surety: 'known-perpetrator', suretyPerpetratorId: brothelKeeper }).expect(204);
  const messages = await readTopic(kafka, topics.legalEvents, (seen) => seen.some(ofType(legalEventTypes.debtBondageSuspected, rupa)));
  expect(payload(messages.find(ofType(legalEventTypes.debtBondageSuspected, rupa))!)).toMatchObject({ personId: rupa, caseId, suretyPerpetratorId: brothelKeeper });
});

it('supports her as a witness only once her consent to be named to a court stands', async () => {
  const support = { personId: meena, at: iso(), testimony: 'deposition-in-court', inCamera: true, supportPerson: true, protectionMeasures: ['screen-in-court'], travelSupported: true };
  const refused = await post(`/cases/${caseId}/witness-support`, support).expect(409);
  expect(refused.body.message).toMatch(/share-with-courts/);
  await publisher.publish([consent(meena, 'share-with-courts', 'granted')]);
  await eventually(async () => post(`/cases/${caseId}/witness-support`, support).expect(204));
});

it('flags a charge sheet still missing 60 days after the FIR, by the clock', async () => {
  clock.advance(60 * DAY);
  const messages = await readTopic(kafka, topics.legalEvents, (seen) => seen.some(ofType(legalEventTypes.chargeSheetMissing, caseId)));
  expect(payload(messages.find(ofType(legalEventTypes.chargeSheetMissing, caseId))!)).toMatchObject({ caseId, daysAfterFir: 60, victimIds: [meena] });

  await post(`/cases/${caseId}/charge-sheets`, { filedAt: iso(), sections: [{ act: 'itpa', section: '5' }], accusedIds: [brothelKeeper, lodgeOwner, buyer] }).expect(204);
  // This case's marks (the group also watches cases other suites left on the shared topic).
  await eventually(async () => expect(await mongo.db().collection('charge_sheet_deadlines').countDocuments({ 'details.caseId': caseId })).toBe(0));
});

it('records verdicts, and raises an alert on her open case when she withdraws her consent', async () => {
  await post(`/cases/${caseId}/arrests`, { perpetratorId: brothelKeeper, arrestedAt: iso() }).expect(204);
  await post(`/cases/${caseId}/verdicts`, { perpetratorId: brothelKeeper, outcome: 'convicted', decidedAt: iso(), court: 'sessions-court', sentenceMonths: 120, fineInr: 50000 }).expect(204);
  await post(`/cases/${caseId}/verdicts`, { perpetratorId: lodgeOwner, outcome: 'acquitted', decidedAt: iso(), court: 'sessions-court' }).expect(204);
  const caseRead = await api().get(`/cases/${caseId}`).set('authorization', lata).expect(200);
  expect(caseRead.body).toMatchObject({ caseId, status: 'open' });

  await publisher.publish([consent(meena, 'share-with-police', 'withdrawn')]);
  const messages = await readTopic(kafka, topics.legalEvents, (seen) => seen.some(ofType(legalEventTypes.consentWithdrawnOnOpenCase, meena)));
  expect(payload(messages.find(ofType(legalEventTypes.consentWithdrawnOnOpenCase, meena))!)).toMatchObject({ personId: meena, caseId, scope: 'share-with-police' });
});

it('raises the alert once when her withdrawal is handled before the FIR it should alert on (either end of the join)', async () => {
  const priya = randomUUID();
  // The service's copy of her as it stood when the FIR was decided: consent to be named to the police.
  const copy = new KnownPeople(fencedCollection(mongo.db(), uniqueName('known-copy')));
  const keeping = new KnownPeopleFromIntake(copy);
  // Where each of her events sat on intake's topic, as the consumer hands it over.
  const readAt = (offset: number) => new EventContext([undefined as never, { topic: topics.intakeEvents, partition: 0, offset: String(offset) }]);
  await keeping.personRegistered(registered(priya), readAt(0));
  await keeping.staffAssigned(lataAssigned(priya), readAt(1));
  await keeping.consentRecorded(consent(priya, 'share-with-police', 'granted'), readAt(2));
  await publisher.publish([registered(priya), lataAssigned(priya), consent(priya, 'share-with-police', 'granted')]);
  await eventually(async () =>
    expect((await mongo.db().collection('known_people').findOne({ _id: priya as never }))?.consents).toEqual({ 'share-with-police': 'granted' }),
  );
  const created = await post('/cases', { fir: fir('91/2026'), sections: [{ act: 'itpa', section: '5' }], victimIds: [priya], accusedIds: [brothelKeeper] }).expect(201);
  const priyasCase: string = created.body.id;
  const firRegistered = ((await mongo.db().collection('cases').findOne({ _id: `${priyasCase}:1` as never }))!.events as EventEnvelope[])[0]!;

  // Her withdrawal reaches the service before its own FIR event does: no case is known for her yet.
  const reaction = new ConsentWithdrawnAlerts(app.get(CaseStore), fencedCollection(mongo.db(), uniqueName('cases-by-victim')), copy);
  const withdrawal = consent(priya, 'share-with-police', 'withdrawn');
  await keeping.consentRecorded(withdrawal, readAt(3));
  await reaction.consentRecorded(withdrawal);
  // Then the FIR arrives: its end of the join sees the withdrawal.
  await reaction.firRegistered(firRegistered as EventEnvelope<typeof legalEventTypes.firRegistered>);
  // And a redelivery of the withdrawal, now that the case is known, alerts no second time.
  await reaction.consentRecorded(withdrawal);
  await reaction.firRegistered(firRegistered as EventEnvelope<typeof legalEventTypes.firRegistered>);

  const commits = await mongo.db().collection('cases').find({ aggregateId: priyasCase }).toArray();
  const alerts = commits.flatMap((commit) => (commit['events'] as EventEnvelope[]).filter((event) => event.type === legalEventTypes.consentWithdrawnOnOpenCase));
  expect(alerts.map((event) => event.data)).toEqual([{ personId: priya, caseId: priyasCase, scope: 'share-with-police', withdrawnAt: withdrawal.data.decidedAt }]);
});

it('raises one alert for each consent withdrawn, each with an id of its own, when the FIR finds both withdrawn', async () => {
  const asha = randomUUID();
  const copy = new KnownPeople(fencedCollection(mongo.db(), uniqueName('known-copy')));
  const keeping = new KnownPeopleFromIntake(copy);
  const readAt = (offset: number) => new EventContext([undefined as never, { topic: topics.intakeEvents, partition: 0, offset: String(offset) }]);
  await keeping.personRegistered(registered(asha), readAt(0));
  await keeping.staffAssigned(lataAssigned(asha), readAt(1));
  await publisher.publish([registered(asha), lataAssigned(asha), consent(asha, 'share-with-police', 'granted')]);
  await eventually(async () => expect((await mongo.db().collection('known_people').findOne({ _id: asha as never }))?.consents).toEqual({ 'share-with-police': 'granted' }));
  const created = await post('/cases', { fir: fir('92/2026'), sections: [{ act: 'itpa', section: '5' }], victimIds: [asha], accusedIds: [brothelKeeper] }).expect(201);
  const ashasCase: string = created.body.id;
  const firRegistered = ((await mongo.db().collection('cases').findOne({ _id: `${ashasCase}:1` as never }))!.events as EventEnvelope[])[0]!;
  // Both consents that name her to the law withdrawn before this end of the join sees the FIR.
  await keeping.consentRecorded(consent(asha, 'share-with-police', 'withdrawn'), readAt(2));
  await keeping.consentRecorded(consent(asha, 'share-with-courts', 'withdrawn'), readAt(3));
  const reaction = new ConsentWithdrawnAlerts(app.get(CaseStore), fencedCollection(mongo.db(), uniqueName('cases-by-victim')), copy);
  await reaction.firRegistered(firRegistered as EventEnvelope<typeof legalEventTypes.firRegistered>);

  const commits = await mongo.db().collection('cases').find({ aggregateId: ashasCase }).toArray();
  const alerts = commits.flatMap((commit) => (commit['events'] as EventEnvelope[]).filter((event) => event.type === legalEventTypes.consentWithdrawnOnOpenCase));
  expect(alerts.map((event) => (event.data as { scope: string }).scope).sort()).toEqual(['share-with-courts', 'share-with-police']);
  // Consumers skip an id they have seen: two alerts under one id would reach them as one.
  expect(new Set(alerts.map((event) => event.id)).size).toBe(2);
});

it("refuses a forged consent (not from intake, the intake topic's producer): parked with the reason, her consents as they were", async () => {
  const forged = { ...consent(sita, 'share-with-police', 'granted'), source: '/mukti/legal' };
  await publisher.publish([forged]);
  const parked = await readTopic(kafka, deadLetterTopicOf(consumerGroup), (seen) => seen.some((message) => message.headers['ce_id'] === forged.id));
  const letter = parked.find((message) => message.headers['ce_id'] === forged.id)!;
  expect(letter.headers['dlq_kind']).toBe('invalid');
  expect(letter.headers['dlq_error']).toContain('ce_source "/mukti/legal" is not /mukti/intake');
  expect((await mongo.db().collection('known_people').findOne({ _id: sita as never }))?.consents?.['share-with-police']).toBeUndefined();
});

it('shows an operator its consumer on /metrics: lag per topic, dead letters, events handled by type', async () => {
  const metrics = await api().get('/metrics').expect(200);
  expect(metrics.text).toMatch(new RegExp(`mukti_consumer_lag_messages\\{[^}]*group="${consumerGroup}"[^}]*topic="mukti.intake.events.v1"[^}]*\\} \\d+`));
  expect(metrics.text).toMatch(/mukti_events_handled_total\{[^}]*type="org.mukti.intake.person-registered.v1"[^}]*\} [1-9]/);
  expect(metrics.text).toMatch(/mukti_dead_letters_messages\{[^}]*\} \d+/);
  // Its deadline watches: sweeps and actions (the charge sheet flagged above), and when each last swept (an alert on a sweep that stopped).
  expect(metrics.text).toMatch(/mukti_deadline_sweeps_total\{[^}]*watch="charge_sheet_deadlines"[^}]*\} [1-9]/);
  expect(metrics.text).toMatch(/mukti_deadlines_acted_total\{[^}]*watch="charge_sheet_deadlines"[^}]*\} [1-9]/);
  expect(metrics.text).toMatch(/mukti_deadline_last_sweep_timestamp_seconds\{[^}]*watch="refresher_deadlines"[^}]*\} [1-9]/);
  expect(metrics.text).toMatch(/mukti_deadlines_overdue\{[^}]*watch="charge_sheet_deadlines"[^}]*\} 0/);
  expect(metrics.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
});

it('lists training sessions, and flags a refresher past due until a later session refreshes it', async () => {
  const session = { audience: 'police-and-ahtu', topic: 'decriminalisation-of-victims', heldAt: iso(), trainerId: 'lata', participantCount: 24, participantNames: ['SI Patil'], place: { state: 'Maharashtra', district: 'Pune' } };
  const trainingId = (await post('/training-sessions', { ...session, refresherDueAt: iso(clock.now().getTime() + 30 * DAY) }).expect(201)).body.id;
  await eventually(async () => expect((await api().get('/training-sessions?limit=200').set('authorization', lata).expect(200)).body.sessions.map((s: { trainingId: string }) => s.trainingId)).toContain(trainingId));

  clock.advance(31 * DAY);
  await eventually(async () => {
    const overdue = (await api().get('/training-sessions?refresherOverdue=true&limit=200').set('authorization', lata).expect(200)).body.sessions;
    // The register holds every session on the topic (earlier runs' too, on a shared broker): look at this test's.
    expect(overdue.map((s: { trainingId: string }) => s.trainingId)).toContain(trainingId);
  });
  await post('/training-sessions', { ...session, heldAt: iso(), refreshesTrainingId: trainingId }).expect(201);
  await eventually(async () => {
    const overdue = (await api().get('/training-sessions?refresherOverdue=true&limit=200').set('authorization', lata).expect(200)).body.sessions;
    expect(overdue.map((s: { trainingId: string }) => s.trainingId)).not.toContain(trainingId);
  });
  await api().get('/training-sessions?refresherOverdue=maybe').set('authorization', lata).expect(400);
  // A page at a time, most recent first, with how many there are in all.
  const all = (await api().get('/training-sessions?limit=200').set('authorization', lata).expect(200)).body;
  expect(all.total).toBeGreaterThanOrEqual(2);
  const second = (await api().get('/training-sessions?limit=1&offset=1').set('authorization', lata).expect(200)).body;
  expect(second).toEqual({ sessions: [all.sessions[1]], total: all.total });
  await api().get('/training-sessions?limit=201').set('authorization', lata).expect(400);
});

describe('a case and a perpetrator are doors of their own', () => {
  const somebody = () => serviceBearer('legal-officer', 'kiran');

  it('answers a legal officer not on the case team exactly as for a case never registered, on reads and commands alike', async () => {
    const neverRegistered = randomUUID();
    const token = await somebody();
    const calls = (id: string) => [
      () => api().get(`/cases/${id}`).set('authorization', token),
      () => post(`/cases/${id}/hearings`, { heldAt: iso(), court: 'sessions-court', stage: 'framing-of-charges' }, token),
      () => post(`/cases/${id}/closure`, { closedAt: iso(), reason: 'withdrawn' }, token),
      () => post(`/cases/${id}/team`, { staffId: 'kiran' }, token),
    ];
    const [theirs, random] = [calls(caseId), calls(neverRegistered)];
    for (const [index, call] of theirs.entries()) {
      const [seen, unseen] = [await call(), await random[index]!()];
      expect([seen.status, unseen.status]).toEqual([404, 404]);
      expect(seen.body.message.replace(caseId, 'ID')).toBe(unseen.body.message.replace(neverRegistered, 'ID'));
    }
    const admin = await serviceBearer('admin', 'root');
    await api().get(`/cases/${caseId}`).set('authorization', admin).expect(403);
    await api().get(`/cases/${caseId}`).set('authorization', admin).set('x-access-reason', 'legal-obligation: CWC/12').expect(200);
  });

  it('shows a legal officer who joined the case only the victims on her case team, and the accused to her once it names them', async () => {
    // Before she joins, the perpetrators of the case are not hers to see either: the same 404 as one never profiled.
    const hidden = await api().get(`/perpetrators/${brothelKeeper}`).set('authorization', await somebody()).expect(404);
    const neverProfiled = randomUUID();
    const unknown = await api().get(`/perpetrators/${neverProfiled}`).set('authorization', await somebody()).expect(404);
    expect(hidden.body.message.replace(brothelKeeper, 'ID')).toBe(unknown.body.message.replace(neverProfiled, 'ID'));

    await post(`/cases/${caseId}/team`, { staffId: 'kiran' }).expect(204);
    const seen = (await api().get(`/cases/${caseId}`).set('authorization', await somebody()).expect(200)).body;
    expect(seen.record).toMatchObject({ victimIds: [], victimsNotShown: 1, survivorsAccused: [] });
    expect(seen.record.team).toEqual(expect.arrayContaining(['lata', 'kiran']));
    expect((await api().get(`/cases/${caseId}`).set('authorization', lata).expect(200)).body.record.victimIds).toEqual([meena]);
    await eventually(async () => {
      expect((await api().get(`/perpetrators/${brothelKeeper}`).set('authorization', await somebody())).status).toBe(200);
    });
  });

  it('lets no one name in her own case a perpetrator she may not see: the same answer as one never profiled', async () => {
    const token = await serviceBearer('legal-officer', 'ravi');
    const ownCase = (await post('/cases', { fir: fir('90/2026'), sections: [{ act: 'itpa', section: '5' }], victimIds: [], survivorsAccusedIds: [], accusedIds: [] }, token)).status;
    expect(ownCase).toBe(422);
    const unseen = await post('/perpetrators', { category: 'buyer', name: 'Ravi Sees Him' }, token).expect(201);
    const theirs = await post(`/perpetrators/${unseen.body.id}/links`, { otherPerpetratorId: brothelKeeper, link: 'works-with' }, token).expect(422);
    const neverProfiled = randomUUID();
    const unknown = await post(`/perpetrators/${unseen.body.id}/links`, { otherPerpetratorId: neverProfiled, link: 'works-with' }, token).expect(422);
    expect(theirs.body.message.replace(brothelKeeper, 'ID')).toBe(unknown.body.message.replace(neverProfiled, 'ID'));
  });
});

describe("a perpetrator's profile corrected, then erased", () => {
  it('is corrected by who may see him, as a whole, his data sealed anew; anyone else gets the 404 of one never profiled', async () => {
    const misjudged = await profile('pimp', 'Raju Lodge');
    const correction = { category: 'hotel-or-lodge-owner', name: 'Raju Lodgewala', aliases: ['Raju Seth'], knownPlaces: [{ state: 'Maharashtra', district: 'Thane' }], reason: 'category-misjudged' };

    const stranger = await serviceBearer('legal-officer', 'kiran');
    const neverProfiled = randomUUID();
    const [theirs, unknown] = [await post(`/perpetrators/${misjudged}/corrections`, correction, stranger), await post(`/perpetrators/${neverProfiled}/corrections`, correction, stranger)];
    expect([theirs.status, unknown.status]).toEqual([404, 404]);
    expect(theirs.body.message.replace(misjudged, 'ID')).toBe(unknown.body.message.replace(neverProfiled, 'ID'));
    await post(`/perpetrators/${misjudged}/corrections`, { ...correction, reason: 'because I said so' }).expect(400);

    await post(`/perpetrators/${misjudged}/corrections`, correction).expect(204);
    const read = (await api().get(`/perpetrators/${misjudged}`).set('authorization', lata).expect(200)).body;
    expect(read).toMatchObject({ category: 'hotel-or-lodge-owner', beneficiary: 'indirect', name: 'Raju Lodgewala', aliases: ['Raju Seth'], knownPlaces: [{ state: 'Maharashtra', district: 'Thane' }] });
    expect(read).not.toHaveProperty('phone');

    const messages = await readTopic(kafka, topics.legalEvents, (seen) => seen.some(ofType(legalEventTypes.perpetratorProfileCorrected, misjudged)));
    const published = messages.find(ofType(legalEventTypes.perpetratorProfileCorrected, misjudged))!;
    expect(published.value!.toString()).not.toContain('Lodgewala');
    expect(payload(published)).toMatchObject({ category: 'hotel-or-lodge-owner', reason: 'category-misjudged', personalData: { algorithm: 'AES-256-GCM' } });
  });

  it('is erased by an admin with a reason: his key destroyed, so no copy of his name can be opened, and he can be neither read nor named again', async () => {
    const wronglyIdentified = await profile('buyer', 'Mohan Innocent');
    const admin = await serviceBearer('admin', 'root');
    const erase = (token: string, reason?: string) => {
      const call = api().post(`/perpetrators/${wronglyIdentified}/erasure`).set('authorization', token);
      return (reason ? call.set('x-access-reason', reason) : call).send({ reason: 'wrongly-identified' });
    };
    await erase(lata).expect(403);
    await erase(admin).expect(403);

    const messages = await readTopic(kafka, topics.legalEvents, (seen) => seen.some(ofType(legalEventTypes.perpetratorProfiled, wronglyIdentified)));
    const sealed = payload(messages.find(ofType(legalEventTypes.perpetratorProfiled, wronglyIdentified))!).personalData;
    const vault = app.get<PersonalDataVault>(PERPETRATOR_VAULT);
    expect(await vault.open(sealed, 'perpetrator-data')).toMatchObject({ name: 'Mohan Innocent' });

    // A reason in words is refused, before anything is done: the audit trail keeps it for ever.
    const inWords = await erase(admin, 'wrongly identified by the police, court letter 17/2026').expect(400);
    expect(inWords.body.details).toEqual([{ field: 'x-access-reason', reason: expect.stringContaining('must be one of safeguarding-concern') }]);
    expect(await vault.open(sealed, 'perpetrator-data')).toMatchObject({ name: 'Mohan Innocent' });
    await erase(admin, 'legal-obligation: 17/2026').expect(204);
    expect(await vault.open(sealed, 'perpetrator-data')).toBeUndefined();
    // A retry after a lost answer answers the same; to anyone else he is as one never profiled.
    await erase(admin, 'legal-obligation: 17/2026').expect(204);
    await api().get(`/perpetrators/${wronglyIdentified}`).set('authorization', lata).expect(404);
    await post(`/perpetrators/${lodgeOwner}/links`, { otherPerpetratorId: wronglyIdentified, link: 'works-with' }).expect(422);

    const after = await readTopic(kafka, topics.legalEvents, (seen) => seen.some(ofType(legalEventTypes.perpetratorErased, wronglyIdentified)));
    expect(payload(after.find(ofType(legalEventTypes.perpetratorErased, wronglyIdentified))!)).toMatchObject({ perpetratorId: wronglyIdentified, reason: 'wrongly-identified' });
  });
});
