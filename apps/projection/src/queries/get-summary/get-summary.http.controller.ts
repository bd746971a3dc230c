import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@mukti/decider';
import { Roles } from '@mukti/security';
import { endpointRoles } from '@mukti/staff-api';
import { TimelineStore } from '../../timeline/timeline.store';

/** Her case at a glance: the status in each pillar. */
@Controller('people/:personId/summary')
export class GetSummaryController {
  constructor(private readonly timeline: TimelineStore) {}

  @Get()
  @Roles(...endpointRoles.readSummary)
  async get(@Param('personId', new ParseUUIDPipe()) personId: string) {
    const summary = await this.timeline.summary(personId);
    if (!summary) throw DomainError.notFound(`no summary for person ${personId}`);
    const { _id, updatedAt, ...view } = summary;
    return view;
  }
}
