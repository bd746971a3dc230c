import { BadRequestException, Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import type { Actor, StaffRole } from '@mukti/contracts';
import { DomainError } from '@mukti/decider';
import { AccessReason, invalidField, StaffEndpoint } from '@mukti/http';
import { assertNeedToKnow, CurrentActor, pillarsVisibleTo } from '@mukti/security';
import { DEFAULT_TIMELINE_PAGE, TimelineQuery, TimelineView } from '@mukti/staff-api';
import { TimelineStore } from '../../timeline/timeline.store';
import { timelineCursor } from './timeline-cursor';

/**
 * Her unified timeline, across pillars, a page at a time (newest first unless asked otherwise):
 * only the pillars the reader's role needs. However long her history, a page costs the same.
 */
@Controller('people/:personId/timeline')
export class GetTimelineController {
  constructor(private readonly timeline: TimelineStore) {}

  @Get()
  @StaffEndpoint('readTimeline')
  async get(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @CurrentActor() actor: Actor,
    @Query() query: TimelineQuery,
    @AccessReason() accessReason?: string,
  ): Promise<TimelineView> {
    const summary = await this.timeline.summary(personId);
    assertNeedToKnow(actor, personId, summary?.caseTeam, accessReason);
    const from = query.cursor === undefined ? undefined : timelineCursor.read(query.cursor);
    if (query.cursor !== undefined && !from) {
      throw invalidField('cursor', 'cursor must be the nextCursor of an earlier page');
    }
    const pillars = pillarsVisibleTo[actor.role as StaffRole];
    const page = await this.timeline.timeline(personId, pillars, {
      limit: query.limit ?? DEFAULT_TIMELINE_PAGE,
      newestFirst: query.order !== 'oldest-first',
      from,
    });
    if (page.entries.length === 0 && !from) throw DomainError.notFound(`no timeline for person ${personId}`);
    const last = page.entries.at(-1);
    return {
      personId,
      entries: page.entries.map((entry) => ({
        // The event's id: a case's event on a victim's timeline is keyed by the event and her.
        eventId: entry.eventId,
        occurredAt: entry.occurredAt.toISOString(),
        pillar: entry.pillar,
        type: entry.type,
        summary: entry.summary,
        actor: { id: entry.actor.id, role: entry.actor.role },
        ...(entry.erased ? { erased: true } : {}),
      })),
      ...(page.more && last ? { nextCursor: timelineCursor.write({ occurredAt: last.occurredAt, id: String(last._id) }) } : {}),
    };
  }
}
