import { AnyPillarEventEnvelope, eventCatalog, EventType, topics, topicsConsumedBy } from '@mukti/contracts';
import type { EventHandler, EventHandlers } from '@mukti/messaging';
import type { AnalyticsStream } from './analytics/analytics-stream';
import { deidentify } from './analytics/deidentify';
import type { ProsecutionStore } from './prosecution/prosecution.store';
import type { TimelineStore } from './timeline/timeline.store';
import {
  CaseEventEnvelope,
  EventSubject,
  FannedOutEventEnvelope,
  peopleConcernedBy,
  PerpetratorEventEnvelope,
  PreventionPlanEventEnvelope,
  subjectOf,
  timelinesOf,
} from './timeline/whose-timeline';

/** Every topic the projection reads: all pillars' events. */
/** What it reads, as libs/contracts declares it (its ACLs come from the same declaration). */
export const projectedTopics = topicsConsumedBy('projection');

export interface ProjectionParts {
  timeline: TimelineStore;
  prosecution: ProsecutionStore;
  analytics: AnalyticsStream;
  pseudonymKey: string;
}

/**
 * What the projection does with each event of the projected topics, by what the event is about:
 * - a person's: on her timeline, and de-identified on the analytics stream;
 * - a case's: into the case's read model, on the timeline of each of its victims, and on the
 *   analytics stream once for each victim it concerns;
 * - a prevention plan's: on the timeline of each person it covers, and on the analytics stream
 *   once for each person it concerns (the one it names, or everyone it covers);
 * - a perpetrator's: into the perpetrators' read model (his category, never his sealed data);
 * - an operation's, a training session's, a household's: nothing yet (no one's timeline, no read
 *   model here: the households the indicators count are the prevention plans' own).
 * Every step is idempotent, so a handler retried after failing half-way does each step once.
 */
export function projectionHandlers({ timeline, prosecution, analytics, pseudonymKey }: ProjectionParts): EventHandlers {
  const onHerTimeline = async (event: AnyPillarEventEnvelope) => {
    const { facts, summary } = await timeline.project(event);
    const record = deidentify(event, facts, summary, pseudonymKey);
    if (record) await analytics.publishRecord(record, event);
  };
  const onTheirTimelines = async (event: FannedOutEventEnvelope) => {
    const concerned = peopleConcernedBy(event);
    for (const personId of timelinesOf(event)) {
      const { facts, summary } = await timeline.project(event, personId);
      if (!concerned.includes(personId)) continue;
      const record = deidentify(event, facts, summary, pseudonymKey, personId);
      if (record) await analytics.publishRecord(record, event, personId);
    }
  };
  const ofTheCase = async (event: CaseEventEnvelope) => {
    await prosecution.projectCase(event);
    await onTheirTimelines(event);
  };
  const ofThePreventionPlan = (event: PreventionPlanEventEnvelope) => onTheirTimelines(event);
  const ofThePerpetrator = (event: PerpetratorEventEnvelope) => prosecution.projectPerpetrator(event);
  const handlerFor: Record<EventSubject, EventHandler | undefined> = {
    person: onHerTimeline as EventHandler,
    case: ofTheCase as EventHandler,
    perpetrator: ofThePerpetrator as EventHandler,
    'prevention-plan': ofThePreventionPlan as EventHandler,
    operation: undefined,
    training: undefined,
    household: undefined,
  };
  return Object.fromEntries(
    (Object.keys(eventCatalog) as EventType[])
      .filter((type) => (projectedTopics as readonly string[]).includes(eventCatalog[type].topic))
      .flatMap((type) => {
        const handler = handlerFor[subjectOf(type)];
        return handler ? [[type, handler]] : [];
      }),
  ) as EventHandlers;
}
