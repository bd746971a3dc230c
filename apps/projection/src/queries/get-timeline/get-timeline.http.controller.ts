import { Controller, DefaultValuePipe, Get, Param, ParseIntPipe, ParseUUIDPipe, Query } from '@nestjs/common';
import type { Actor, StaffRole } from '@mukti/contracts';
import { DomainError } from '@mukti/decider';
import { AccessReason, StaffEndpoint } from '@mukti/http';
import { assertNeedToKnow, CurrentActor, pillarsVisibleTo } from '@mukti/security';
import { TimelineView } from '@mukti/staff-api';
import { TimelineStore } from '../../timeline/timeline.store';

export const MAX_TIMELINE_ENTRIES = 500;

/** Her unified timeline, across pillars, in the order things happened: only the pillars the reader's role needs. */
@Controller('people/:personId/timeline')
export class GetTimelineController {
  constructor(private readonly timeline: TimelineStore) {}

  @Get()
  @StaffEndpoint('readTimeline')
  async get(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @CurrentActor() actor: Actor,
    @Query('limit', new DefaultValuePipe(200), ParseIntPipe) limit: number,
    @AccessReason() accessReason?: string,
  ): Promise<TimelineView> {
    if (limit < 1 || limit > MAX_TIMELINE_ENTRIES) {
      throw DomainError.ruleViolated(`limit must be between 1 and ${MAX_TIMELINE_ENTRIES}`, { field: 'limit' });
    }
    const summary = await this.timeline.summary(personId);
    assertNeedToKnow(actor, personId, summary?.caseTeam, accessReason);
    const pillars = pillarsVisibleTo[actor.role as StaffRole];
    const entries = await this.timeline.timeline(personId, pillars, limit);
    if (entries.length === 0) throw DomainError.notFound(`no timeline for person ${personId}`);
    return {
      personId,
      entries: entries.map((entry) => ({
        // The event's id: a case's event on a victim's timeline is keyed by the event and her.
        eventId: entry.eventId,
        occurredAt: entry.occurredAt.toISOString(),
        pillar: entry.pillar,
        type: entry.type,
        summary: entry.summary,
        actor: { id: entry.actor.id, role: entry.actor.role },
        ...(entry.erased ? { erased: true } : {}),
      })),
    };
  }
}
