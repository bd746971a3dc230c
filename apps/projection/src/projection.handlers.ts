import { Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AnyPillarEventEnvelope, eventCatalog, EventType, topicsConsumedBy } from '@mukti/contracts';
import { EventContext, EventController } from '@mukti/messaging';
import { AnalyticsStream } from './analytics/analytics-stream';
import { deidentify } from './analytics/deidentify';
import { ProsecutionStore } from './prosecution/prosecution.store';
import { TimelineStore } from './timeline/timeline.store';
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

/** The projected event types about one kind of subject (a person, a case...). */
function projectedTypesAbout(subject: EventSubject): EventType[] {
  return (Object.keys(eventCatalog) as EventType[]).filter(
    (type) => (projectedTopics as readonly string[]).includes(eventCatalog[type].topic) && subjectOf(type) === subject,
  );
}

/** The key analytics pseudonyms are made with (ANALYTICS_PSEUDONYM_KEY). */
export const PSEUDONYM_KEY = Symbol('PSEUDONYM_KEY');

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
/** The topic partition an event was read from (none when a test hands it over directly). */
const readFrom = (context: EventContext | undefined) => (context ? { topic: context.getTopic(), partition: context.getPartition() } : undefined);

@EventController()
export class PillarEventsProjector {
  constructor(
    private readonly timeline: TimelineStore,
    private readonly prosecution: ProsecutionStore,
    private readonly analytics: AnalyticsStream,
    @Inject(PSEUDONYM_KEY) private readonly pseudonymKey: string,
  ) {}

  @EventPattern(projectedTypesAbout('person'))
  async onHerTimeline(@Payload() event: AnyPillarEventEnvelope, @Ctx() context?: EventContext): Promise<void> {
    const { facts, summary } = await this.timeline.project(event, event.subject, readFrom(context));
    const record = deidentify(event, facts, summary, this.pseudonymKey);
    if (record) await this.analytics.publishRecord(record, event);
  }

  @EventPattern(projectedTypesAbout('case'))
  async ofTheCase(@Payload() event: CaseEventEnvelope, @Ctx() context?: EventContext): Promise<void> {
    await this.prosecution.projectCase(event);
    await this.onTheirTimelines(event, readFrom(context));
  }

  @EventPattern(projectedTypesAbout('prevention-plan'))
  ofThePreventionPlan(@Payload() event: PreventionPlanEventEnvelope, @Ctx() context?: EventContext): Promise<void> {
    return this.onTheirTimelines(event, readFrom(context));
  }

  @EventPattern(projectedTypesAbout('perpetrator'))
  ofThePerpetrator(@Payload() event: PerpetratorEventEnvelope): Promise<void> {
    return this.prosecution.projectPerpetrator(event);
  }

  private async onTheirTimelines(event: FannedOutEventEnvelope, from: { topic: string; partition: number } | undefined): Promise<void> {
    const concerned = peopleConcernedBy(event);
    for (const personId of timelinesOf(event)) {
      const { facts, summary } = await this.timeline.project(event, personId, from);
      if (!concerned.includes(personId)) continue;
      const record = deidentify(event, facts, summary, this.pseudonymKey, personId);
      if (record) await this.analytics.publishRecord(record, event, personId);
    }
  }
}
