import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import type { Actor, StaffRole } from '@mukti/contracts';
import { DomainError } from '@mukti/decider';
import { AccessReason, StaffEndpoint } from '@mukti/http';
import { assertNeedToKnow, CurrentActor, pillarsVisibleTo } from '@mukti/security';

import { TimelineStore } from '../../timeline/timeline.store';

/** Her case at a glance: the status in each pillar the reader's role needs, and her case team. */
@Controller('people/:personId/summary')
export class GetSummaryController {
  constructor(private readonly timeline: TimelineStore) {}

  @Get()
  @StaffEndpoint('readSummary')
  async get(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @CurrentActor() actor: Actor,
    @AccessReason() accessReason?: string,
  ) {
    const summary = await this.timeline.summary(personId);
    assertNeedToKnow(actor, personId, summary?.caseTeam, accessReason);
    if (!summary) throw DomainError.notFound(`no summary for person ${personId}`);
    const visible = pillarsVisibleTo[actor.role as StaffRole];
    const { _id, updatedAt, facts, pillars, ...view } = summary;
    return {
      ...view,
      pillars: Object.fromEntries(Object.entries(pillars).filter(([pillar]) => (visible as readonly string[]).includes(pillar))),
    };
  }
}
