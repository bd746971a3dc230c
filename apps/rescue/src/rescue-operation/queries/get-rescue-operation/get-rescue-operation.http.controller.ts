import { Controller, Get } from '@nestjs/common';
import { DomainError } from '@mukti/decider';
import { IdParam, StaffEndpoint } from '@mukti/http';
import type { RescueOperationView } from '@mukti/staff-api';
import { RescueOperationStore } from '../../rescue-operation.store';

/** The operation as its coordinator follows it: who was rescued and where each stands on the steps the law sets. */
@Controller('rescue-operations/:operationId')
export class GetRescueOperationController {
  constructor(private readonly operations: RescueOperationStore) {}

  @Get()
  @StaffEndpoint('readRescueOperation')
  async get(@IdParam('operationId') operationId: string): Promise<RescueOperationView> {
    const state = (await this.operations.aggregates.load(operationId))?.state;
    if (!state || state.status === 'unplanned') throw DomainError.notFound(`rescue operation ${operationId} is not planned`);
    const persons = state.status === 'carried-out' ? state.persons : {};
    return {
      operationId,
      status: state.status,
      plan: state.plan,
      ...(state.status === 'carried-out' ? { carriedOutAt: state.carriedOutAt } : {}),
      persons: Object.entries(persons).map(([personId, person]) => ({
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
      ...(state.closed ? { closedAt: state.closed.at } : {}),
    };
  }
}
