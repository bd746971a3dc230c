import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import type { Actor } from '@mukti/contracts';
import { DomainError } from '@mukti/decider';
import { AccessReason, StaffEndpoint } from '@mukti/http';
import { assertNeedToKnow, CurrentActor } from '@mukti/security';
import { TimelineStore } from '../../timeline/timeline.store';
import { visibleCase } from '../caseload';

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
    // Only the pillars her role sees, and only their alerts and due steps.
    return { ...summary, ...visibleCase(actor, summary) };
  }
}
