import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { IdParam, StaffEndpoint, ServiceClient } from '@mukti/http';
import { AddHouseholdMemberRequest, AssessHouseholdRequest, endpointRoles, RecordedResponse, RegisterHouseholdRequest } from '@mukti/staff-api';
import { rolesNote } from '../openapi';
import { INTAKE } from '../upstream/service-client';

const noHousehold = 'no such household, or its members are not on your case team (as if it did not exist)';
const notHers = 'a person it names is not registered, or is not on your case team (as if she did not exist)';
const refused = 'a rule refused it; details name the field and the reason';
const invalid = 'a field is missing or not valid; details name each field and the reason';
const members = 'members are people registered in intake (survivors or people at risk), by id only';

/**
 * Households: who lives together, where, and how vulnerable they are, so that prevention can
 * reach the whole household. Owned by the intake service; the gateway validates and authorises,
 * it holds no domain logic and no data.
 */
@ApiTags('households')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'no token, or an invalid or expired one' })
@ApiForbiddenResponse({ description: 'the role may not do this, or an admin stated no reason' })
@ApiHeader({ name: 'x-access-reason', required: false, description: "admins: why you open the records of the household's members (required for admins)" })
@ApiBadRequestResponse({ description: invalid })
@Controller('households')
export class HouseholdsController {
  constructor(@Inject(INTAKE) private readonly intake: ServiceClient) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('registerHousehold')
  @ApiOperation({
    summary: 'Register a household',
    description:
      `Where it lives (state, district, and the village or ward, which a person's origin does not need) and who lives in it: its ${members}. ` +
      `The village or ward leads to each of its members: it is sealed with the household's own key before anything is stored or published, and that key is destroyed when the last of its members still on record is erased. ` +
      `A household at risk can then be given a prevention plan (POST /api/v1/prevention-plans), which follows each of its people at risk. ` +
      rolesNote(endpointRoles.registerHousehold),
  })
  @ApiCreatedResponse({ type: RecordedResponse, description: 'id: the household id' })
  @ApiNotFoundResponse({ description: notHers })
  @ApiConflictResponse({ description: 'a member was erased: nothing more is recorded about her' })
  @ApiUnprocessableEntityResponse({ description: `${refused}: no one is registered with an id given (details name memberIds)` })
  register(@Body() request: RegisterHouseholdRequest, @Req() caller: Request): Promise<RecordedResponse> {
    return this.intake.send('POST', '/households', caller, request);
  }

  @Post(':householdId/members')
  @HttpCode(204)
  @StaffEndpoint('addHouseholdMember')
  @ApiOperation({
    summary: 'Add a member to a household',
    description: `Someone who came to live in it, or was missed at registration; adding a member again changes nothing (204). Its ${members}. ${rolesNote(endpointRoles.addHouseholdMember)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'no such household, or she or one of its members is not on your case team (as if they did not exist)' })
  @ApiConflictResponse({ description: 'her record was erased: nothing more is recorded about her' })
  @ApiUnprocessableEntityResponse({ description: `${refused}: no one is registered with this id (details name personId)` })
  addMember(
    @IdParam('householdId') householdId: string,
    @Body() request: AddHouseholdMemberRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.intake.send('POST', `/households/${householdId}/members`, caller, request);
  }

  @Post(':householdId/assessments')
  @HttpCode(201)
  @StaffEndpoint('assessHousehold')
  @ApiOperation({
    summary: "Assess a household's vulnerability",
    description:
      "The person assessment's factors (docs/vulnerability.md), for the household, with its income a month, what it owes and how many depend on " +
      'its earners. Intake grades it (score and level) and stores the grade with the assessment; the latest assessment stands. ' +
      rolesNote(endpointRoles.assessHousehold),
  })
  @ApiCreatedResponse({ type: RecordedResponse, description: 'id: the assessment id' })
  @ApiNotFoundResponse({ description: noHousehold })
  assess(
    @IdParam('householdId') householdId: string,
    @Body() request: AssessHouseholdRequest,
    @Req() caller: Request,
  ): Promise<RecordedResponse> {
    return this.intake.send('POST', `/households/${householdId}/assessments`, caller, request);
  }
}
