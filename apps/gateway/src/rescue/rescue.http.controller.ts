import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { IdParam, StaffEndpoint, ServiceClient } from '@mukti/http';
import {
  CloseRescueOperationRequest,
  endpointRoles,
  JoinRescueOperationTeamRequest,
  PlanRescueOperationRequest,
  RecordedResponse,
  RecordPostRescueStepRequest,
  RecordPoliceRecordChangeRequest,
  RecordRescueRequest,
  RecordTraffickingProfileRequest,
  RescueOperationView,
} from '@mukti/staff-api';
import { rolesNote } from '../openapi';
import { RESCUE } from '../upstream/service-client';

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
      "The operation's team only. Each person must be registered in intake and on your case team (whoever registers her at the raid is); " +
      'anyone else is the 404 of someone never registered. Recorded as accused raises the decriminalisation alert; a child (or a person of unknown age) ' +
      `is put on the child-protection path. ${rolesNote(endpointRoles.recordRescue)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'no such operation or you are not on its team; or a person named is not registered or not on your case team' })
  @ApiUnprocessableEntityResponse({ description: 'a rule refused it (a person listed twice, too few witnesses, a time in the future)' })
  record(@IdParam('operationId') operationId: string, @Body() request: RecordRescueRequest, @Req() caller: Request): Promise<void> {
    return this.rescue.send('POST', `/rescue-operations/${operationId}/rescue`, caller, request);
  }

  @Post(':operationId/team')
  @HttpCode(204)
  @StaffEndpoint('joinRescueOperationTeam')
  @ApiOperation({
    summary: "Add a coordinator to the operation's team",
    description:
      'The team (who planned the operation and who joined it) reads it, records the rescue and closes it; anyone else gets the 404 of an operation never planned. ' +
      `A member of the team adds others; adding her again changes nothing. ${rolesNote(endpointRoles.joinRescueOperationTeam)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'no such operation, or you are not on its team' })
  join(@IdParam('operationId') operationId: string, @Body() request: JoinRescueOperationTeamRequest, @Req() caller: Request): Promise<void> {
    return this.rescue.send('POST', `/rescue-operations/${operationId}/team`, caller, request);
  }

  @Post(':operationId/persons/:personId/steps')
  @HttpCode(204)
  @StaffEndpoint('recordPostRescueStep')
  @ApiOperation({ summary: 'Record a post-rescue step as done', description: rolesNote(endpointRoles.recordPostRescueStep) })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  step(
    @IdParam('operationId') operationId: string,
    @IdParam('personId') personId: string,
    @Body() request: RecordPostRescueStepRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.rescue.send('POST', `/rescue-operations/${operationId}/persons/${personId}/steps`, caller, request);
  }

  @Post(':operationId/persons/:personId/trafficking-profile')
  @HttpCode(204)
  @StaffEndpoint('recordTraffickingProfile')
  @ApiOperation({
    summary: "Record a rescued person's trafficking profile (HTCDS v2 vocabulary)",
    description:
      'Trafficking status, types of exploitation, recruitment, means of control, relationship to the trafficker; source, transit and destination. ' +
      `Recorded again when more is learnt: the latest stands. Her case team only. ${rolesNote(endpointRoles.recordTraffickingProfile)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'no such operation, she was not rescued in it, or you are not on her case team' })
  profile(
    @IdParam('operationId') operationId: string,
    @IdParam('personId') personId: string,
    @Body() request: RecordTraffickingProfileRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.rescue.send('POST', `/rescue-operations/${operationId}/persons/${personId}/trafficking-profile`, caller, request);
  }

  @Post(':operationId/persons/:personId/police-record')
  @HttpCode(204)
  @StaffEndpoint('recordPoliceRecordChange')
  @ApiOperation({
    summary: 'Record that the police changed how they recorded her',
    description:
      'Getting a survivor recorded as a victim, not an accused, is part of the work: recorded as victim or witness closes the decriminalisation alert; ' +
      `recorded as accused again raises it. Her case team only. ${rolesNote(endpointRoles.recordPoliceRecordChange)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'no such operation, she was not rescued in it, or you are not on her case team' })
  policeRecord(
    @IdParam('operationId') operationId: string,
    @IdParam('personId') personId: string,
    @Body() request: RecordPoliceRecordChangeRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.rescue.send('POST', `/rescue-operations/${operationId}/persons/${personId}/police-record`, caller, request);
  }

  @Post(':operationId/closure')
  @HttpCode(204)
  @StaffEndpoint('closeRescueOperation')
  @ApiOperation({
    summary: 'Close the operation with its counts',
    description: `Persons rescued, children, adults, recorded as accused, steps done, done late and still open. One never carried out closes as called off. The operation's team only. ${rolesNote(endpointRoles.closeRescueOperation)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'no such operation, or you are not on its team' })
  @ApiConflictResponse({ description: 'already closed' })
  close(@IdParam('operationId') operationId: string, @Body() request: CloseRescueOperationRequest, @Req() caller: Request): Promise<void> {
    return this.rescue.send('POST', `/rescue-operations/${operationId}/closure`, caller, request);
  }

  @Get(':operationId')
  @StaffEndpoint('readRescueOperation')
  @ApiOperation({
    summary: 'A rescue operation: who was rescued and where each stands on the steps the law sets',
    description:
      "The operation's team only (an admin with a reason). Of the persons rescued, those on your case team: each step with its due time, done, done late or overdue, " +
      `and her trafficking profile. No personal data. ${rolesNote(endpointRoles.readRescueOperation)}`,
  })
  @ApiOkResponse({ type: RescueOperationView })
  @ApiNotFoundResponse({ description: 'no such operation, or you are not on its team' })
  read(@IdParam('operationId') operationId: string, @Req() caller: Request): Promise<RescueOperationView> {
    return this.rescue.send('GET', `/rescue-operations/${operationId}`, caller);
  }
}
