import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { StaffEndpoint } from '@mukti/http';
import { endpointRoles, PlanRescueOperationRequest, RecordedResponse, RecordPostRescueStepRequest, RecordRescueRequest } from '@mukti/staff-api';
import { rolesNote } from '../openapi';
import { RESCUE, ServiceClient } from '../upstream/service-client';

/** Rescue operations, the persons rescued, and the legal steps that follow: owned by the rescue service. */
@ApiTags('rescue')
@ApiBearerAuth()
@Controller('rescue-operations')
export class RescueController {
  constructor(@Inject(RESCUE) private readonly rescue: ServiceClient) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('planRescueOperation')
  @ApiOperation({ summary: 'Plan a rescue operation', description: rolesNote(endpointRoles.planRescueOperation) })
  @ApiCreatedResponse({ type: RecordedResponse })
  plan(@Body() request: PlanRescueOperationRequest, @Req() caller: Request): Promise<RecordedResponse> {
    return this.rescue.send('POST', '/rescue-operations', caller, request);
  }

  @Post(':operationId/rescue')
  @HttpCode(204)
  @StaffEndpoint('recordRescue')
  @ApiOperation({
    summary: 'Record the rescue: who was rescued and how the police recorded each',
    description:
      'Each person must be registered in intake first. Recorded as accused raises the decriminalisation alert; a child (or a person of unknown age) ' +
      `is put on the child-protection path. ${rolesNote(endpointRoles.recordRescue)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'a person is not registered in intake (details.unknownPersonIds), or another rule refused it' })
  record(@Param('operationId', new ParseUUIDPipe()) operationId: string, @Body() request: RecordRescueRequest, @Req() caller: Request): Promise<void> {
    return this.rescue.send('POST', `/rescue-operations/${operationId}/rescue`, caller, request);
  }

  @Post(':operationId/persons/:personId/steps')
  @HttpCode(204)
  @StaffEndpoint('recordPostRescueStep')
  @ApiOperation({ summary: 'Record a post-rescue step as done', description: rolesNote(endpointRoles.recordPostRescueStep) })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  step(
    @Param('operationId', new ParseUUIDPipe()) operationId: string,
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Body() request: RecordPostRescueStepRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.rescue.send('POST', `/rescue-operations/${operationId}/persons/${personId}/steps`, caller, request);
  }
}
