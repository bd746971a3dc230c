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
  EndSkillTrainingRequest,
  endpointRoles,
  FollowUpIncomeRequest,
  PlacementsView,
  RecordedResponse,
  SkillTrainingsView,
  RecordFinancialInclusionRequest,
  RecordPlacementLostRequest,
  RecordSchemeLinkageRequest,
  StartPlacementRequest,
  StartSkillTrainingRequest,
} from '@mukti/staff-api';
import { rolesNote } from '../openapi';
import { LIVELIHOOD } from '../upstream/service-client';

const notFound = 'no such person, no livelihood plan for her, or you are not on her case team (as if she did not exist)';
const noPlacement = 'no such person or placement, or you are not on her case team (as if she did not exist)';
const refused = 'a rule refused it; details name the field and the reason';
const invalid = 'a field is missing or not valid; details name each field and the reason';
/** The minimum wage her income is compared with, and where the figure comes from. */
const minimumWage = (which: string) =>
  `the minimum wage in force for ${which}, from the repository's data file libs/livelihood/domain/src/minimum-wages/minimum-wages.json ` +
  '(each figure with its source, the notification it is taken from, and the date it took effect; figure, source and date are recorded with the income)';
const wageOutcome =
  'At or above it, the sustainable-wage flag (sustainableWage) is set; below it, the flag is off and the below-minimum-wage alert ' +
  '(on her timeline and in GET /api/v1/alerts) stays open until an income follow-up finds her at or above it.';

/**
 * A survivor's livelihood plan: skill training, placements and her own enterprise against the
 * minimum wage, income, financial inclusion and government schemes. Owned by the livelihood
 * service; the gateway validates and authorises, it holds no domain logic and no data.
 */
@ApiTags('livelihood')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'no token, or an invalid or expired one' })
@ApiForbiddenResponse({ description: 'the role may not do this, or an admin stated no reason' })
@ApiHeader({ name: 'x-access-reason', required: false, description: "admins: why you open this person's record (required for admins; recorded in the audit trail)" })
@ApiBadRequestResponse({ description: invalid })
@Controller('people/:personId')
export class LivelihoodController {
  constructor(@Inject(LIVELIHOOD) private readonly livelihood: ServiceClient) {}

  @Post('livelihood-plan')
  @HttpCode(204)
  @StaffEndpoint('openLivelihoodPlan')
  @ApiOperation({
    summary: 'Open her livelihood plan by hand',
    description:
      'For a survivor referred for livelihood support: a care plan that sets a livelihood goal opens it by itself. One plan per person; ' +
      `a person at risk is followed by a prevention plan instead (POST /api/v1/prevention-plans). No body. ${rolesNote(endpointRoles.openLivelihoodPlan)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'no such person, or you are not on her case team (as if she did not exist)' })
  @ApiConflictResponse({ description: 'she already has a livelihood plan' })
  openLivelihoodPlan(@IdParam('personId') personId: string, @Req() caller: Request): Promise<void> {
    return this.livelihood.send('POST', `/people/${personId}/livelihood-plan`, caller);
  }

  @Post('skill-trainings')
  @HttpCode(201)
  @StaffEndpoint('startSkillTraining')
  @ApiOperation({
    summary: 'Record a skill training she starts',
    description:
      'The trade and the provider (where she trains is where she can be found, so both are sealed with her key by intake before anything is stored or ' +
      `published, and unreadable everywhere once she is erased), the skill level it prepares her for, and its dates. ${rolesNote(endpointRoles.startSkillTraining)}`,
  })
  @ApiCreatedResponse({ type: RecordedResponse, description: 'id: the training id' })
  @ApiNotFoundResponse({ description: notFound })
  @ApiUnprocessableEntityResponse({ description: `${refused} (a date in the future, or plannedEndAt not after startedAt)` })
  startSkillTraining(
    @IdParam('personId') personId: string,
    @Body() request: StartSkillTrainingRequest,
    @Req() caller: Request,
  ): Promise<RecordedResponse> {
    return this.livelihood.send('POST', `/people/${personId}/skill-trainings`, caller, request);
  }

  @Post('skill-trainings/:trainingId/end')
  @HttpCode(204)
  @StaffEndpoint('endSkillTraining')
  @ApiOperation({
    summary: 'Record how her skill training ended',
    description: `Completed (and whether she was certified) or dropped out. ${rolesNote(endpointRoles.endSkillTraining)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'no such person or training, or you are not on her case team (as if she did not exist)' })
  @ApiConflictResponse({ description: 'the training has ended already' })
  @ApiUnprocessableEntityResponse({
    description: `${refused} (certified without completing it: details name certified; endedAt in the future or before the training started: details name endedAt)`,
  })
  endSkillTraining(
    @IdParam('personId') personId: string,
    @IdParam('trainingId') trainingId: string,
    @Body() request: EndSkillTrainingRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.livelihood.send('POST', `/people/${personId}/skill-trainings/${trainingId}/end`, caller, request);
  }

  @Get('skill-trainings')
  @StaffEndpoint('readSkillTrainings')
  @ApiOperation({
    summary: 'Her skill trainings',
    description:
      'Each training, oldest first, with its trade and provider (sealed with her key: opened by intake for you), skill level, dates and outcome. ' +
      `Once her data is erased, the trade and provider are gone. ${rolesNote(endpointRoles.readSkillTrainings)}`,
  })
  @ApiOkResponse({ type: SkillTrainingsView })
  @ApiNotFoundResponse({ description: 'no such person, or you are not on her case team (as if she did not exist)' })
  readSkillTrainings(@IdParam('personId') personId: string, @Req() caller: Request): Promise<SkillTrainingsView> {
    return this.livelihood.send('GET', `/people/${personId}/skill-trainings`, caller);
  }

  @Get('placements')
  @StaffEndpoint('readPlacements')
  @ApiOperation({
    summary: 'Her jobs and enterprises, what they pay, and who employs her',
    description:
      'Each placement, oldest first, with what it paid her when last known against the minimum wage in force then, and the employer or enterprise ' +
      `(sealed with her key: opened by intake for you). Once her data is erased, the names are gone. ${rolesNote(endpointRoles.readPlacements)}`,
  })
  @ApiOkResponse({ type: PlacementsView })
  @ApiNotFoundResponse({ description: 'no such person, or you are not on her case team (as if she did not exist)' })
  readPlacements(@IdParam('personId') personId: string, @Req() caller: Request): Promise<PlacementsView> {
    return this.livelihood.send('GET', `/people/${personId}/placements`, caller);
  }

  @Post('placements')
  @HttpCode(201)
  @StaffEndpoint('startPlacement')
  @ApiOperation({
    summary: 'Record a job, or her own enterprise, and what it pays her',
    description:
      'Wage employment or self-employment: the employer or enterprise (a business, never a person; where she works is where she can be found, so its ' +
      'name is sealed with her key by intake before anything is stored or published, and unreadable everywhere once she is erased), the sector, the skill level and the state ' +
      `whose minimum wage applies. What it pays her a month is compared with ${minimumWage('the state and skill level on the day it starts')}. ${wageOutcome} ` +
      rolesNote(endpointRoles.startPlacement),
  })
  @ApiCreatedResponse({ type: RecordedResponse, description: 'id: the placement id' })
  @ApiNotFoundResponse({ description: notFound })
  @ApiUnprocessableEntityResponse({
    description: `${refused} (no minimum wage on file for the state and skill level on the day it started: details name state; startedAt in the future)`,
  })
  startPlacement(
    @IdParam('personId') personId: string,
    @Body() request: StartPlacementRequest,
    @Req() caller: Request,
  ): Promise<RecordedResponse> {
    return this.livelihood.send('POST', `/people/${personId}/placements`, caller, request);
  }

  @Post('placements/:placementId/income-follow-ups')
  @HttpCode(204)
  @StaffEndpoint('followUpIncome')
  @ApiOperation({
    summary: 'Record what a placement pays her now',
    description:
      `What she earns a month now, compared again with ${minimumWage('the state and skill level of the placement on the day of the follow-up')}. ` +
      `${wageOutcome} ` +
      rolesNote(endpointRoles.followUpIncome),
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noPlacement })
  @ApiConflictResponse({ description: 'the placement is lost: it takes no follow-up' })
  @ApiUnprocessableEntityResponse({
    description: `${refused} (no minimum wage on file for the placement's state and skill level on that day; at in the future or before the placement started: details name at)`,
  })
  followUpIncome(
    @IdParam('personId') personId: string,
    @IdParam('placementId') placementId: string,
    @Body() request: FollowUpIncomeRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.livelihood.send('POST', `/people/${personId}/placements/${placementId}/income-follow-ups`, caller, request);
  }

  @Post('placements/:placementId/loss')
  @HttpCode(204)
  @StaffEndpoint('recordPlacementLost')
  @ApiOperation({
    summary: 'Record a placement lost, and why',
    description: `Laid off, left for better work, harassment or unsafe work, wages unpaid, health, family pressure, enterprise closed. ${rolesNote(endpointRoles.recordPlacementLost)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noPlacement })
  @ApiConflictResponse({ description: 'the placement is lost already' })
  @ApiUnprocessableEntityResponse({ description: `${refused} (lostAt in the future or before the placement started: details name lostAt)` })
  recordPlacementLost(
    @IdParam('personId') personId: string,
    @IdParam('placementId') placementId: string,
    @Body() request: RecordPlacementLostRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.livelihood.send('POST', `/people/${personId}/placements/${placementId}/loss`, caller, request);
  }

  @Post('financial-inclusion')
  @HttpCode(204)
  @StaffEndpoint('recordFinancialInclusion')
  @ApiOperation({
    summary: 'Record her bank account opened, or her joining a self-help group',
    description: rolesNote(endpointRoles.recordFinancialInclusion),
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: notFound })
  @ApiUnprocessableEntityResponse({ description: `${refused} (at in the future)` })
  recordFinancialInclusion(
    @IdParam('personId') personId: string,
    @Body() request: RecordFinancialInclusionRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.livelihood.send('POST', `/people/${personId}/financial-inclusion`, caller, request);
  }

  @Post('scheme-linkages')
  @HttpCode(204)
  @StaffEndpoint('recordSchemeLinkage')
  @ApiOperation({
    summary: 'Record a government scheme she applied for, was granted or refused',
    description: `PM Vishwakarma, PMEGP, DAY-NRLM, MGNREGA, PM Awas, a ration card, a pension, a scholarship, Ujjawala or another. ${rolesNote(endpointRoles.recordSchemeLinkage)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: notFound })
  @ApiUnprocessableEntityResponse({ description: `${refused} (at in the future)` })
  recordSchemeLinkage(
    @IdParam('personId') personId: string,
    @Body() request: RecordSchemeLinkageRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.livelihood.send('POST', `/people/${personId}/scheme-linkages`, caller, request);
  }
}
