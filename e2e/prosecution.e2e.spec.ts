/**
 * The prosecution pillar as staff use it, through the gateway, every service a process: a case
 * against a brothel keeper, a lodge owner and a buyer; the survivor named to the police and
 * supported as a witness only with her consent (a 409 says which is missing); one accused
 * convicted, one acquitted; a survivor charged by the police raises the decriminalisation alert,
 * a perpetrator standing surety for her the debt-bondage alert; all of it on their timelines
 * without a perpetrator's name; the prosecution indicators right; bad input a 400 naming the field.
 */
import request from 'supertest';
import { MongoClient } from 'mongodb';
import { legalEventTypes } from '@mukti/contracts';
import { bearer, eventually, freePort, testInfrastructure, uniqueName, healthDetailsOf } from '@mukti/testing';
import { platformEnvironment, platformServices, startService, ServiceHandle, ServiceName } from '../tools/run/service-processes.cjs';

jest.setTimeout(180_000);

const databasePrefix = uniqueName('e2e-law');
/** A state of its own, so the indicators by state count this test's case alone on a shared broker. */
const state = `State ${databasePrefix}`.slice(0, 80);
const processes = new Map<ServiceName, ServiceHandle>();
const logs: string[] = [];
let environment: ReturnType<typeof platformEnvironment>;
let gateway: string;
const api = () => request(gateway);

beforeAll(async () => {
  environment = platformEnvironment({
    kafkaBrokers: testInfrastructure.kafkaBrokers.join(','),
    mongodbUri: testInfrastructure.mongodbUri,
    ports: Object.fromEntries(await Promise.all(platformServices.map(async (name) => [name, await freePort()]))),
    databasePrefix,
    consumerGroupPrefix: databasePrefix,
    extra: { RATE_LIMIT_PER_USER: '100000', RATE_LIMIT_PER_ADDRESS: '100000' },
  });
  for (const name of platformServices) processes.set(name, await startService(name, environment[name], { output: (line) => logs.push(line) }));
  gateway = `http://127.0.0.1:${environment.ports.gateway}`;
  // New consumer groups replay what earlier suites left on the shared topics: start once caught up.
  for (const name of ['projection', 'legal'] as const) {
    await eventually(async () => {
      const health = await healthDetailsOf(`http://127.0.0.1:${environment.ports[name]}`);
      expect(health.checks?.kafka?.lag?.total).toBe(0);
    }, 120_000, 250);
  }
});

afterAll(async () => {
  for (const service of [...processes.values()].reverse()) await service.kill();
  const mongo = await MongoClient.connect(testInfrastructure.mongodbUri.replace(/\/?$/, '/'));
  for (const name of platformServices.filter((service) => service !== 'gateway')) await mongo.db(`${databasePrefix}-${name}`).dropDatabase();
  await mongo.close();
});

type Entry = { type: string; pillar: string; summary: string };
const timelineOf = async (personId: string, token: string): Promise<Entry[]> =>
  (await api().get(`/api/v1/people/${personId}/timeline?order=oldest-first`).set('authorization', token).expect(200)).body.entries;
const summaryOf = async (personId: string, token: string) => (await api().get(`/api/v1/people/${personId}/summary`).set('authorization', token).expect(200)).body;

let asha: string;
let lata: string;
let admin: string;
let meena: string;
let rupa: string;
const perpetrators: Record<'brothelKeeper' | 'lodgeOwner' | 'buyer', string> = { brothelKeeper: '', lodgeOwner: '', buyer: '' };
let caseId: string;
const now = () => new Date().toISOString();
const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600_000).toISOString();

it('opens a case only with her consent to be named to the police, and names everyone who profits', async () => {
  [asha, lata, admin] = [await bearer('caseworker', 'asha'), await bearer('legal-officer', 'lata'), await bearer('admin', 'root')];
  const register = async (name: string) =>
    (await api().post('/api/v1/people').set('authorization', asha).send({ role: 'survivor', name: `${name} ${databasePrefix}`, gender: 'female', age: 24, referralSource: 'ngo' }).expect(201)).body.id as string;
  meena = await register('Meena Witness');
  rupa = await register('Rupa Charged');
  for (const personId of [meena, rupa]) {
    await api().post(`/api/v1/people/${personId}/assignments`).set('authorization', asha).send({ staffId: 'lata', staffRole: 'legal-officer' }).expect(204);
  }
  const profile = async (category: string, name: string) =>
    (await api().post('/api/v1/perpetrators').set('authorization', lata).send({ category, name: `${name} ${databasePrefix}`, knownPlaces: [{ state, district: 'Mumbai City' }] }).expect(201)).body.id as string;
  perpetrators.brothelKeeper = await profile('brothel-keeper', 'Shankar Bhau');
  perpetrators.lodgeOwner = await profile('hotel-or-lodge-owner', 'Mahesh Lodge');
  perpetrators.buyer = await profile('buyer', 'Anil Customer');

  const firRequest = {
    fir: { policeStation: 'Kamathipura', district: 'Mumbai City', state, number: '78/2026', registeredAt: daysAgo(120) },
    sections: [
      { act: 'itpa', section: '3' },
      { act: 'itpa', section: '4' },
      { act: 'itpa', section: '5' },
      { act: 'bns', section: '143' },
    ],
    victimIds: [meena],
    accusedIds: Object.values(perpetrators),
    mainAccusedId: perpetrators.brothelKeeper,
    survivorsAccusedIds: [rupa],
  };
  // The legal service learns who is on her case team from intake's events: wait until it knows.
  const refused = await eventually(async () => (await api().post('/api/v1/cases').set('authorization', lata).send(firRequest).expect(409)).body);
  expect(refused.message).toMatch(/consent missing: share-with-police/);
  expect(refused.details).toMatchObject({ personId: meena, scope: 'share-with-police' });

  await api().post(`/api/v1/people/${meena}/consents`).set('authorization', asha).send({ scope: 'share-with-police', decision: 'granted' }).expect(201);
  caseId = await eventually(async () => (await api().post('/api/v1/cases').set('authorization', lata).send(firRequest).expect(201)).body.id as string);
});

it('refuses bad input with a 400 naming the field', async () => {
  const invalid = await api()
    .post('/api/v1/cases')
    .set('authorization', lata)
    .send({ fir: { policeStation: 'K', district: 'Mumbai City', state, number: '1', registeredAt: 'last week' }, sections: [], victimIds: [meena], accusedIds: [] })
    .expect(400);
  for (const field of ['fir.policeStation', 'fir.registeredAt', 'sections']) expect(JSON.stringify(invalid.body.details)).toContain(field);
  const badBail = await api().post(`/api/v1/cases/${caseId}/bail`).set('authorization', lata).send({ personId: rupa, stage: 'maybe', at: now() }).expect(400);
  expect(JSON.stringify(badBail.body.details)).toContain('stage');
  // Not a legal officer: the role may not.
  await api().post(`/api/v1/cases/${caseId}/arrests`).set('authorization', asha).send({ perpetratorId: perpetrators.buyer, arrestedAt: now() }).expect(403);
});

it('supports her as a witness once her consent to be named to a court stands, and follows the case to its verdicts', async () => {
  const support = { personId: meena, at: daysAgo(10), testimony: 'deposition-in-court', inCamera: true, supportPerson: true, protectionMeasures: ['screen-in-court', 'separate-waiting-area'], travelSupported: true };
  const refused = await api().post(`/api/v1/cases/${caseId}/witness-support`).set('authorization', lata).send(support).expect(409);
  expect(refused.body.message).toMatch(/share-with-courts/);
  await api().post(`/api/v1/people/${meena}/consents`).set('authorization', asha).send({ scope: 'share-with-courts', decision: 'granted' }).expect(201);
  await eventually(async () => api().post(`/api/v1/cases/${caseId}/witness-support`).set('authorization', lata).send(support).expect(204));

  const step = (path: string, body: object) => api().post(`/api/v1/cases/${caseId}/${path}`).set('authorization', lata).send(body).expect(204);
  await step('arrests', { perpetratorId: perpetrators.brothelKeeper, arrestedAt: daysAgo(110) });
  await step('arrests', { perpetratorId: perpetrators.lodgeOwner, arrestedAt: daysAgo(110) });
  await step('absconding', { perpetratorId: perpetrators.buyer, declaredAt: daysAgo(100) });
  await step('charge-sheets', { filedAt: daysAgo(70), sections: [{ act: 'itpa', section: '5' }], accusedIds: [perpetrators.brothelKeeper, perpetrators.lodgeOwner] });
  await step('hearings', { heldAt: daysAgo(30), court: 'sessions-court', stage: 'prosecution-evidence', nextHearingAt: daysAgo(5) });
  await step('verdicts', { perpetratorId: perpetrators.brothelKeeper, outcome: 'convicted', decidedAt: daysAgo(2), court: 'sessions-court', sentenceMonths: 120, fineInr: 50000 });
  await step('verdicts', { perpetratorId: perpetrators.lodgeOwner, outcome: 'acquitted', decidedAt: daysAgo(2), court: 'sessions-court' });
  await step('compensation-orders', { personId: meena, orderedAt: daysAgo(2), amountInr: 300000, payableBy: 'state' });

  const timeline = await eventually(async () => {
    const entries = await timelineOf(meena, lata);
    expect(entries.filter((entry) => entry.type === legalEventTypes.verdictRecorded)).toHaveLength(2);
    // The compensation order was the last step: once it is on her timeline, every step is.
    expect(entries.map((entry) => entry.type)).toContain(legalEventTypes.compensationOrdered);
    return entries;
  });
  expect(timeline.map((entry) => entry.type)).toEqual(
    expect.arrayContaining([legalEventTypes.firRegistered, legalEventTypes.witnessSupportRecorded, legalEventTypes.chargeSheetFiled, legalEventTypes.compensationOrdered]),
  );
  expect(timeline.filter((entry) => entry.pillar === 'legal').length).toBeGreaterThanOrEqual(10);
  // No perpetrator's name anywhere on her timeline.
  expect(JSON.stringify(timeline)).not.toMatch(/Shankar|Mahesh|Anil/);
  expect((await summaryOf(meena, lata)).pillars.legal).toBeDefined();
});

it('raises the decriminalisation alert for the survivor charged, and the debt-bondage alert for her surety', async () => {
  await api()
    .post(`/api/v1/cases/${caseId}/bail`)
    .set('authorization', lata)
    .send({ personId: rupa, stage: 'granted', at: daysAgo(100), surety: 'known-perpetrator', suretyPerpetratorId: perpetrators.brothelKeeper })
    .expect(204);
  const alerts = await eventually(async () => {
    const found = (await api().get('/api/v1/alerts').set('authorization', lata).expect(200)).body.alerts as { personId: string; kind: string; pillar: string }[];
    const hers = found.filter((alert) => alert.personId === rupa);
    expect(hers.map((alert) => alert.kind).sort()).toEqual(['debt-bondage', 'decriminalisation']);
    return hers;
  });
  expect(alerts.every((alert) => alert.pillar === 'legal')).toBe(true);
  const timeline = await timelineOf(rupa, lata);
  expect(timeline.map((entry) => entry.type)).toEqual(expect.arrayContaining([legalEventTypes.survivorNamedAsAccused, legalEventTypes.debtBondageSuspected]));
  expect(JSON.stringify(timeline)).not.toMatch(/Shankar/);
});

it('counts who is prosecuted and who escapes, by state, with no personal data', async () => {
  await api().get('/api/v1/prosecution-indicators').set('authorization', lata).expect(403);
  const indicators = await eventually(async () => {
    const body = (await api().get('/api/v1/prosecution-indicators').set('authorization', admin).set('x-access-reason', 'audit').expect(200)).body;
    expect(body.byState?.[state]?.convictions.accusedWithVerdict).toBe(2);
    return body;
  });
  expect(indicators.byState[state]).toEqual({
    cases: { registered: 1, byStage: expect.objectContaining({ verdict: 1 }) },
    chargeSheets: { filed: 1, casesRegistered: 1, rate: 1 },
    convictions: { convicted: 1, acquitted: 1, accusedWithVerdict: 2, rate: 0.5 },
    accused: {
      total: 3,
      // The brothel keeper profits directly, the lodge owner indirectly; the buyer is counted apart.
      byBeneficiary: { direct: 1, buyers: 1, indirect: 1, unknown: 0 },
      byCategory: expect.objectContaining({ 'brothel-keeper': 1, 'hotel-or-lodge-owner': 1, buyer: 1 }),
    },
    // The main accused, the brothel keeper, was arrested.
    mainAccusedNotArrested: { total: 0, neverNamed: 0, absconding: 0, notArrested: 0 },
  });
  expect(JSON.stringify(indicators)).not.toMatch(new RegExp(`${meena}|${rupa}|${caseId}|Shankar|Kamathipura|78/2026`));
});
