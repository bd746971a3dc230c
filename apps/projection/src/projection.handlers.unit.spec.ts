import { AnyPillarEventEnvelope, EventEnvelope, intakeEventTypes, legalEventTypes, livelihoodEventTypes, rescueEventTypes, topics } from '@mukti/contracts';
import { EventHandler, handlersOf } from '@mukti/messaging';
import type { AnalyticsStream } from './analytics/analytics-stream';
import type { ProsecutionStore } from './prosecution/prosecution.store';
import { PillarEventsProjector, projectedTopics } from './projection.handlers';
import { describeEvent } from './timeline/describe-event';
// Summaries built from entries (test support).
import { summaryOfEntries } from './timeline/entries.testing';
import type { TimelineStore } from './timeline/timeline.store';

const caseId = '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const priya = '5b0a1b8e-2f4c-4d6e-8a9b-0c1d2e3f4a5b';
const lata = '6a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const sunita = '4c0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const keeperId = '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';

/** The projection's parts, recording what they were asked to do. */
function parts() {
  const onTimeline: string[] = [];
  const published: string[] = [];
  const cases: string[] = [];
  const perpetrators: string[] = [];
  const timeline = {
    project: async (event: AnyPillarEventEnvelope, personId = event.subject) => {
      onTimeline.push(`${event.type} ${personId}`);
      const facts = describeEvent(event, personId).facts;
      const adult = { eventId: 'r', type: intakeEventTypes.personRegistered, occurredAt: new Date('2026-01-01T00:00:00Z'), facts: { ageBand: '25-34' } };
      return { facts, summary: summaryOfEntries(personId, [adult]) };
    },
  } as unknown as TimelineStore;
  const prosecution = {
    projectCase: async (event: AnyPillarEventEnvelope) => void cases.push(event.type),
    projectPerpetrator: async (event: AnyPillarEventEnvelope) => void perpetrators.push(event.type),
  } as unknown as ProsecutionStore;
  const analytics = {
    publishRecord: async (_record: unknown, event: AnyPillarEventEnvelope, personId = event.subject) => void published.push(`${event.type} ${personId}`),
  } as unknown as AnalyticsStream;
  const handlers = handlersOf(new PillarEventsProjector(timeline, prosecution, analytics, 'a-test-pseudonym-key'));
  const handle = (event: AnyPillarEventEnvelope) => (handlers[event.type] as EventHandler | undefined)?.(event as EventEnvelope, { topic: 'mukti.legal.events.v1', partition: 0, offset: '0' });
  return { handlers, handle, onTimeline, published, cases, perpetrators };
}
const envelope = (type: string, subject: string, data: Record<string, unknown>) =>
  ({ id: 'e1', type, source: '/mukti/legal', subject, time: '2026-03-14T10:00:00.000Z', data, correlationId: 'c', actor: { id: 'lawyer', role: 'legal-officer' } }) as AnyPillarEventEnvelope;
const ofCase = (type: string, data: Record<string, unknown>) => envelope(type, caseId, { caseId, victimIds: [priya, lata], ...data });
const householdId = '8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d';
const ofPlan = (type: string, data: Record<string, unknown>) =>
  envelope(type, householdId, { preventionPlanId: householdId, subject: 'household', personIds: [priya, lata, sunita], ...data });

describe('what the projection does with an event', () => {
  it('handles every pillar event about a person, a case or a perpetrator, and none about an operation or a training session', () => {
    const { handlers } = parts();
    for (const type of [intakeEventTypes.personRegistered, legalEventTypes.survivorNamedAsAccused, legalEventTypes.firRegistered, legalEventTypes.perpetratorProfiled]) {
      expect(handlers[type]).toBeDefined();
    }
    for (const type of [legalEventTypes.trainingSessionHeld, legalEventTypes.trainingRefresherOverdue, rescueEventTypes.operationPlanned]) expect(handlers[type]).toBeUndefined();
  });

  it('reads the livelihood topic too: a survivor\'s livelihood events and prevention plans\' events, and no household\'s', () => {
    const { handlers } = parts();
    expect(projectedTopics).toContain(topics.livelihoodEvents);
    for (const type of [livelihoodEventTypes.placementStarted, livelihoodEventTypes.incomeFollowedUp, livelihoodEventTypes.preventionPlanOpened, livelihoodEventTypes.entryPrevented]) {
      expect(handlers[type]).toBeDefined();
    }
    for (const type of [intakeEventTypes.householdRegistered, intakeEventTypes.householdMemberAdded, intakeEventTypes.householdAssessed]) expect(handlers[type]).toBeUndefined();
  });

  it('puts a prevention plan\'s event on the timeline of each of the three people it covers, and publishes it once for each', async () => {
    const { handle, onTimeline, published, cases } = parts();
    await handle(ofPlan(livelihoodEventTypes.preventionSupportRecorded, { supportId: keeperId, kind: 'education-support', status: 'ongoing', startedAt: '2026-03-14T10:00:00.000Z' }));
    const everyone = [priya, lata, sunita].map((personId) => `${livelihoodEventTypes.preventionSupportRecorded} ${personId}`);
    expect(onTimeline).toEqual(everyone);
    expect(published).toEqual(everyone);
    expect(cases).toEqual([]);
  });

  it('publishes an entry prevented for the person it names only, though it is on the timeline of everyone the plan covers', async () => {
    const { handle, onTimeline, published } = parts();
    await handle(ofPlan(livelihoodEventTypes.entryPrevented, { personId: lata, followedSince: '2025-03-14T10:00:00.000Z', countedAt: '2026-03-14T10:00:00.000Z' }));
    expect(onTimeline).toHaveLength(3);
    expect(published).toEqual([`${livelihoodEventTypes.entryPrevented} ${lata}`]);
  });

  it('puts a case\'s event on each victim\'s timeline and in the case\'s read model, and publishes it once for each victim', async () => {
    const { handle, onTimeline, published, cases, perpetrators } = parts();
    await handle(ofCase(legalEventTypes.accusedArrested, { perpetratorId: keeperId, arrestedAt: '2026-03-14T10:00:00.000Z' }));
    expect(cases).toEqual([legalEventTypes.accusedArrested]);
    expect(onTimeline).toEqual([`${legalEventTypes.accusedArrested} ${priya}`, `${legalEventTypes.accusedArrested} ${lata}`]);
    expect(published).toEqual([`${legalEventTypes.accusedArrested} ${priya}`, `${legalEventTypes.accusedArrested} ${lata}`]);
    expect(perpetrators).toEqual([]);
  });

  it('publishes support as a witness for the witness only, though it is on every victim\'s timeline', async () => {
    const { handle, onTimeline, published } = parts();
    await handle(
      ofCase(legalEventTypes.witnessSupportRecorded, { personId: lata, at: '2026-03-14T10:00:00.000Z', inCamera: true, supportPerson: true, protectionMeasures: [], travelSupported: false }),
    );
    expect(onTimeline).toHaveLength(2);
    expect(published).toEqual([`${legalEventTypes.witnessSupportRecorded} ${lata}`]);
  });

  it('puts the bail of a survivor accused in the case on her timeline too', async () => {
    const { handle, onTimeline, published } = parts();
    await handle(ofCase(legalEventTypes.bailRecorded, { personId: sunita, stage: 'granted', at: '2026-03-14T10:00:00.000Z' }));
    expect(onTimeline).toEqual([priya, lata, sunita].map((personId) => `${legalEventTypes.bailRecorded} ${personId}`));
    expect(published).toEqual([`${legalEventTypes.bailRecorded} ${sunita}`]);
  });

  it('keeps a perpetrator\'s profile in the perpetrators\' read model only: on no timeline, not on the analytics stream', async () => {
    const { handle, onTimeline, published, perpetrators } = parts();
    await handle(
      envelope(legalEventTypes.perpetratorProfiled, keeperId, {
        perpetratorId: keeperId,
        category: 'brothel-keeper',
        beneficiary: 'direct',
        personalData: { keyId: keeperId, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'Y3Q=', authTag: 'dGFn' },
        knownPlaces: [],
        profiledAt: '2026-03-14T10:00:00.000Z',
      }),
    );
    expect(perpetrators).toEqual([legalEventTypes.perpetratorProfiled]);
    expect(onTimeline).toEqual([]);
    expect(published).toEqual([]);
  });

  it('puts an alert about her on her timeline like any of her events', async () => {
    const { handle, onTimeline, published, cases } = parts();
    await handle(envelope(legalEventTypes.survivorNamedAsAccused, priya, { personId: priya, caseId, namedAt: '2026-03-14T10:00:00.000Z' }));
    expect(onTimeline).toEqual([`${legalEventTypes.survivorNamedAsAccused} ${priya}`]);
    expect(published).toEqual([`${legalEventTypes.survivorNamedAsAccused} ${priya}`]);
    expect(cases).toEqual([]);
  });
});
