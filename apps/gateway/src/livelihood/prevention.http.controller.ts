import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { IdParam, StaffEndpoint, ServiceClient } from '@mukti/http';
import {
  endpointRoles,
  OpenPreventionPlanRequest,
  RecordedResponse,
  RecordEntryIntoExploitationRequest,
  RecordPreventionSupportRequest,
} from '@mukti/staff-api';
import { rolesNote } from '../openapi';
import { LIVELIHOOD } from '../upstream/service-client';

const noPlan = 'no such prevention plan, or someone it covers is not on your case team (as if it did not exist)';
const refused = 'a rule refused it; details name the field and the reason';
const invalid = 'a field is missing or not valid; details name each field and the reason';
const followUp =
  "The first support recorded under the plan starts the 12-month follow-up of each person it covers: 12 months on, she counts as an entry " +
  'prevented (on her timeline and summary) unless an entry into exploitation was recorded for her meanwhile (a rescue records it by itself).';

/**
 * Prevention: plans for households and people at risk, the support given under them, and whether
 * those they cover stayed out of exploitation. Owned by the livelihood service; the gateway
 * validates and authorises, it holds no domain logic and no data.
 */
@ApiTags('prevention')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'no token, or an invalid or expired one' })
@ApiForbiddenResponse({ description: 'the role may not do this, or an admin stated no reason' })
@ApiHeader({ name: 'x-access-reason', required: false, description: 'admins: why you open the records of the people the plan covers (required for admins)' })
@ApiBadRequestResponse({ description: invalid })
@Controller('prevention-plans')
export class PreventionController {
  constructor(@Inject(LIVELIHOOD) private readonly livelihood: ServiceClient) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('openPreventionPlan')
  @ApiOperation({
    summary: 'Open a prevention plan for a household or a person at risk',
    description:
      'Exactly one of householdId (a household registered in intake: the plan covers its people at risk) and personId (a person at risk ' +
      "registered in intake). The plan's id is the household's or the person's. Survivors are not covered: a survivor has a livelihood plan. " +
      `You must be on the case team of everyone it covers. ${rolesNote(endpointRoles.openPreventionPlan)}`,
  })
  @ApiCreatedResponse({ type: RecordedResponse, description: "id: the prevention plan id (the household's or the person's)" })
  @ApiNotFoundResponse({
    description: 'no such household or person, or someone it would cover is not on your case team (as if they did not exist)',
  })
  @ApiConflictResponse({ description: 'a prevention plan is open for this household or person already' })
  @ApiUnprocessableEntityResponse({
    description:
      `${refused} (not exactly one of householdId and personId: details name householdId; no one at risk to follow, since a survivor has a ` +
      'livelihood plan, not a prevention plan: details name householdId or personId)',
  })
  open(@Body() request: OpenPreventionPlanRequest, @Req() caller: Request): Promise<RecordedResponse> {
    return this.livelihood.send('POST', '/prevention-plans', caller, request);
  }

  @Post(':preventionPlanId/supports')
  @HttpCode(201)
  @StaffEndpoint('recordPreventionSupport')
  @ApiOperation({
    summary: 'Record support given under the plan, or a change in its status',
    description:
      'Education support, livelihood support, an awareness session or a scheme linkage (with the scheme), ongoing, completed or discontinued; ' +
      `give the supportId of a support recorded earlier to update it. ${followUp} ${rolesNote(endpointRoles.recordPreventionSupport)}`,
  })
  @ApiCreatedResponse({ type: RecordedResponse, description: 'id: the support id (supportId when one was given)' })
  @ApiNotFoundResponse({ description: noPlan })
  @ApiUnprocessableEntityResponse({ description: `${refused} (a date in the future, or endedAt before startedAt)` })
  recordSupport(
    @IdParam('preventionPlanId') preventionPlanId: string,
    @Body() request: RecordPreventionSupportRequest,
    @Req() caller: Request,
  ): Promise<RecordedResponse> {
    return this.livelihood.send('POST', `/prevention-plans/${preventionPlanId}/supports`, caller, request);
  }

  @Post(':preventionPlanId/entries-into-exploitation')
  @HttpCode(204)
  @StaffEndpoint('recordEntryIntoExploitation')
  @ApiOperation({
    summary: 'Record that a person the plan covers entered exploitation',
    description:
      'She is counted too, with the history of the plan, and is not counted as an entry prevented. Her rescue records it by itself: record it ' +
      `here when it is known another way. ${rolesNote(endpointRoles.recordEntryIntoExploitation)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noPlan })
  @ApiUnprocessableEntityResponse({ description: `${refused} (she is not covered by the plan: details name personId; enteredAt in the future)` })
  recordEntry(
    @IdParam('preventionPlanId') preventionPlanId: string,
    @Body() request: RecordEntryIntoExploitationRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.livelihood.send('POST', `/prevention-plans/${preventionPlanId}/entries-into-exploitation`, caller, request);
  }

  @Get(':preventionPlanId')
  @StaffEndpoint('readPreventionPlan')
  @ApiOperation({
    summary: 'A prevention plan: who it covers, the support given, and each person followed',
    description:
      "The household or person it is for, the people it covers (by id), the support given, and each person's follow-up: since when, and " +
      `whether she counts as an entry prevented or entered exploitation. ${followUp} ${rolesNote(endpointRoles.readPreventionPlan)}`,
  })
  @ApiOkResponse({ description: 'the plan' })
  @ApiNotFoundResponse({ description: noPlan })
  read(@IdParam('preventionPlanId') preventionPlanId: string, @Req() caller: Request): Promise<unknown> {
    return this.livelihood.send('GET', `/prevention-plans/${preventionPlanId}`, caller);
  }
}
