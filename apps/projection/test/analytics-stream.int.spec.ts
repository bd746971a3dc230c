/**
 * The analytics stream on the real broker: what an analyst reading mukti.analytics.v1 sees of
 * when a record happened is its month, in the payload, in ce_time and in the Kafka record
 * timestamp alike, so a child's records (each with a fresh pseudonym) cannot be linked by time.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { AnyPillarEventEnvelope, intakeEventTypes, PillarEventObservedV1, topics } from '@mukti/contracts';
import { readTopic, testInfrastructure, testKafka } from '@mukti/testing';
import { AnalyticsStream } from '../src/analytics/analytics-stream';

jest.setTimeout(30_000);

const kafka = testKafka('analytics-stream-int-test');
const stream = new AnalyticsStream(kafka, { partitions: 3, replicationFactor: 1 });

beforeAll(() => stream.onApplicationBootstrap());
afterAll(() => stream.onApplicationShutdown());

/** A child's consent recorded at this moment, de-identified as the projection does: a fresh pseudonym, the month only. */
function childRecord(time: string): { record: PillarEventObservedV1; source: AnyPillarEventEnvelope } {
  const personId = randomUUID();
  const source = {
    id: randomUUID(),
    type: intakeEventTypes.consentRecorded,
    source: '/mukti/intake',
    subject: personId,
    time,
    data: { personId, consentId: randomUUID(), scope: 'research', decision: 'granted', givenBy: 'guardian', decidedAt: time },
    correlationId: randomUUID(),
    actor: { id: 'asha', role: 'caseworker' },
  } as AnyPillarEventEnvelope;
  const record: PillarEventObservedV1 = {
    pseudonym: randomBytes(16).toString('hex'),
    tracked: false,
    eventType: source.type,
    pillar: 'intake',
    period: time.slice(0, 7),
    ageBand: '12-15',
    facts: { scope: 'research', decision: 'granted', givenBy: 'guardian' },
  };
  return { record, source };
}

it('stamps every record, on the wire, with the first instant of its month and nothing finer', async () => {
  const times = ['2026-01-31T23:59:59.999Z', '2026-02-14T09:26:53.589Z', '2026-02-14T09:26:53.589Z', '2026-03-01T00:00:00.001Z'];
  const published = times.map(childRecord);
  for (const { record, source } of published) await stream.publishRecord(record, source);

  const ours = new Set(published.map(({ record }) => record.pseudonym));
  const messages = (await readTopic(kafka, topics.analytics, (seen) => seen.filter((message) => ours.has(message.key ?? '')).length >= times.length)).filter((message) =>
    ours.has(message.key ?? ''),
  );

  expect(messages).toHaveLength(times.length);
  for (const message of messages) {
    const stamped = new Date(Number(message.timestamp)).toISOString();
    expect(stamped).toMatch(/^\d{4}-\d{2}-01T00:00:00\.000Z$/);
    expect(message.headers['ce_time']).toBe(stamped);
    expect(stamped.slice(0, 7)).toBe(JSON.parse(message.value!.toString()).period);
    // No header carries a finer time than the month.
    for (const value of Object.values(message.headers)) expect(value).not.toMatch(/T(?!00:00:00\.000Z)\d{2}:\d{2}/);
  }
  // The two February records of different children cannot be told apart by their time.
  const february = messages.filter((message) => message.headers['ce_time'] === '2026-02-01T00:00:00.000Z');
  expect(february.map((message) => message.timestamp)).toEqual([String(Date.UTC(2026, 1, 1)), String(Date.UTC(2026, 1, 1))]);
});
