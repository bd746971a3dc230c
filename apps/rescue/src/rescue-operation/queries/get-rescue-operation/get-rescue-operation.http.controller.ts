import { Controller, Get } from '@nestjs/common';
import type { Actor } from '@mukti/contracts';
import { AccessReason, IdParam, StaffEndpoint } from '@mukti/http';
import { CurrentActor, KnownPeople } from '@mukti/security';
import type { RescueOperationView } from '@mukti/staff-api';
import { RescueOperationStore } from '../../rescue-operation.store';

/**
 * The operation as its team follows it: who was rescued and where each stands on the steps the
 * law sets. Its team only; of the persons rescued, those on whose case team the reader is.
 */
@Controller('rescue-operations/:operationId')
export class GetRescueOperationController {
  constructor(
    private readonly operations: RescueOperationStore,
    private readonly knownPeople: KnownPeople,
  ) {}

  @Get()
  @StaffEndpoint('readRescueOperation')
  async get(@IdParam('operationId') operationId: string, @CurrentActor() actor: Actor, @AccessReason() accessReason?: string): Promise<RescueOperationView> {
    const state = await this.operations.openFor(operationId, actor, accessReason);
    const persons = state.status === 'carried-out' ? state.persons : {};
    const visible = await this.knownPeople.visibleTo(actor, Object.keys(persons));
    return {
      operationId,
      status: state.status,
      plan: state.plan,
      ...(state.status === 'carried-out' ? { carriedOutAt: state.carriedOutAt } : {}),
      personsRescued: Object.keys(persons).length,
      persons: Object.entries(persons)
        .filter(([personId]) => visible.has(personId))
        .map(([personId, person]) => ({
          personId,
          policeRecordedAs: person.policeRecordedAs,
          jjAgeClass: person.jjAgeClass,
          steps: person.stepsDue.map(({ step, dueAt }) => ({
            step,
            dueAt,
            done: person.done.includes(step),
            late: person.doneLate.includes(step),
            overdue: person.flagged.includes(step) && !person.done.includes(step),
          })),
          ...(person.profile ? { profile: person.profile } : {}),
        })),
      team: Object.keys(state.team ?? {}),
      ...(state.closed ? { closedAt: state.closed.at } : {}),
    };
  }
}
