import { Controller, Get, Query } from '@nestjs/common';
import type { Actor } from '@mukti/contracts';
import { AccessReason, StaffEndpoint } from '@mukti/http';
import { assertMayList, CurrentActor } from '@mukti/security';
import { AlertsQuery, AlertsView, PageInOrder } from '@mukti/staff-api';
import { TimelineStore } from '../../timeline/timeline.store';
import { CaseloadIndex } from '../caseload-index';
import { alertsFound, byLongestWaiting } from './open-alerts';

/** What needs attention now across her caseload: open alerts, oldest first, in the pillars her role sees. */
@Controller('alerts')
export class ReadAlertsController {
  constructor(
    private readonly timeline: TimelineStore,
    private readonly caseloads: CaseloadIndex,
  ) {}

  @Get()
  @StaffEndpoint('readAlerts')
  async read(@Query() query: AlertsQuery, @CurrentActor() actor: Actor, @AccessReason() accessReason?: string): Promise<AlertsView> {
    assertMayList(actor, accessReason);
    const page = new PageInOrder(byLongestWaiting, query);
    for await (const summaries of this.caseloads.summariesListedFor(actor, this.timeline)) page.add(alertsFound(actor, summaries, query));
    const { items, total } = page.page();
    return { alerts: items, total };
  }
}
