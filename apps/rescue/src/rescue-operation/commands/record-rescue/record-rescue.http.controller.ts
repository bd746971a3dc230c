import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { Clock, CLOCK } from '@mukti/decider';
import { AccessReason, IdParam, RequestContext, StaffEndpoint } from '@mukti/http';
import { KnownPeople } from '@mukti/security';
import { RecordRescueRequest } from '@mukti/staff-api';
import { RescueOperationStore } from '../../rescue-operation.store';

/**
 * Records that the operation was carried out, and who was rescued: the operation's team only, and
 * each person must be registered in intake and on the recorder's case team (whoever registers her
 * at the raid is); anyone else is the 404 of someone never registered.
 */
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
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.operations.openFor(operationId, context.actor, accessReason);
    const rescued = await this.knownPeople.allForActor(
      context.actor,
      request.persons.map((person) => person.personId),
      accessReason,
    );
    await this.operations.onOperation(
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
          registeredPersonIds: new Set(rescued.map((person) => person._id)),
          now: this.clock.now().toISOString(),
        },
      },
      context,
      accessReason,
    );
  }
}
