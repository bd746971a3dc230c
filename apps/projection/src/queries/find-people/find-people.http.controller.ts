import { Controller, Get, Query } from '@nestjs/common';
import type { Actor } from '@mukti/contracts';
import { AccessReason, StaffEndpoint } from '@mukti/http';
import { assertMayList, CurrentActor } from '@mukti/security';
import { FindPeopleQuery, PageInOrder, PeopleView } from '@mukti/staff-api';
import { TimelineStore } from '../../timeline/timeline.store';
import { CaseloadIndex } from '../caseload-index';
import { byRecentActivity, peopleFound } from './find-people';

/** The people in her caseload, by trafficking profile and open alerts: what her role sees of each case, never personal data. */
@Controller('people')
export class FindPeopleController {
  constructor(
    private readonly timeline: TimelineStore,
    private readonly caseloads: CaseloadIndex,
  ) {}

  @Get()
  @StaffEndpoint('findPeople')
  async find(@Query() query: FindPeopleQuery, @CurrentActor() actor: Actor, @AccessReason() accessReason?: string): Promise<PeopleView> {
    assertMayList(actor, accessReason);
    const page = new PageInOrder(byRecentActivity, query);
    for await (const summaries of this.caseloads.summariesListedFor(actor, this.timeline)) page.add(peopleFound(actor, summaries, query));
    const { items, total } = page.page();
    return { people: items, total };
  }
}
