import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { Clock, CLOCK } from '@mukti/decider';
import { IdParam, RequestContext, StaffEndpoint } from '@mukti/http';
import { KnownPeople } from '@mukti/security';
import { RecordRescueRequest } from '@mukti/staff-api';
import { RescueOperationStore } from '../../rescue-operation.store';

/** Records that the operation was carried out, and who was rescued: each must be registered in intake first (422 naming who is not). */
@Controller('rescue-operations/:operationId/rescue')
export class RecordRescueController {
  constructor(
    private readonly operations: RescueOperationStore,
    private readonly knownPeople: KnownPeople,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordRescue')
  async record(
    @IdParam('operationId') operationId: string,
    @Body() request: RecordRescueRequest,
    @RequestContext() context: CommandContext,
  ): Promise<void> {
    await this.operations.execute(
      operationId,
      {
        type: 'RecordRescue',
        data: {
          operationId,
          carriedOutAt: new Date(request.carriedOutAt).toISOString(),
          searchWitnesses: { total: request.searchWitnesses.total, women: request.searchWitnesses.women },
          persons: request.persons.map(({ personId, policeRecordedAs, ageAtRescue }) => ({
            personId,
            policeRecordedAs,
            ...(ageAtRescue !== undefined ? { ageAtRescue } : {}),
          })),
          registeredPersonIds: await this.knownPeople.registered(request.persons.map((person) => person.personId)),
          now: this.clock.now().toISOString(),
        },
      },
      context,
    );
  }
}
