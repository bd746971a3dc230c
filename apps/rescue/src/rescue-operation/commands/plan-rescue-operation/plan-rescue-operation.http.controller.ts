import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { newId } from '@mukti/contracts';
import { RequestContext, StaffEndpoint } from '@mukti/http';
import { PlanRescueOperationRequest, RecordedResponse } from '@mukti/staff-api';
import { RescueOperationStore } from '../../rescue-operation.store';

/** Plans an operation; the coordinator who plans it is on its team. */
@Controller('rescue-operations')
export class PlanRescueOperationController {
  constructor(private readonly operations: RescueOperationStore) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('planRescueOperation')
  async plan(@Body() request: PlanRescueOperationRequest, @RequestContext() context: CommandContext): Promise<RecordedResponse> {
    const operationId = newId(context, 'operationId');
    await this.operations.execute(
      operationId,
      {
        type: 'PlanRescueOperation',
        data: {
          operationId,
          kind: request.kind,
          place: { state: request.place.state, district: request.place.district, kindOfPlace: request.place.kindOfPlace },
          agencies: request.agencies,
          legalBasis: request.legalBasis,
          leadOfficer: request.leadOfficer,
          plannedFor: new Date(request.plannedFor).toISOString(),
          // Who plans it is its first team member.
          plannedBy: context.actor.id,
        },
      },
      context,
    );
    return { id: operationId };
  }
}
