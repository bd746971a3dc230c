import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
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
  CorrectPerpetratorProfileRequest,
  endpointRoles,
  ErasePerpetratorRequest,
  LinkPerpetratorsRequest,
  PerpetratorView,
  ProfilePerpetratorRequest,
  RecordedResponse,
} from '@mukti/staff-api';
import { rolesNote } from '../openapi';
import { LEGAL } from '../upstream/service-client';

const notFound = 'no such perpetrator, or he is not yours to see (the same answer): he is seen by who profiled him and the teams of the cases that name him';
const refused = 'a rule refused it; details name the field and the reason';
const invalid = 'a field is missing or not valid; details name each field and the reason';
const sealed =
  'His name, aliases, phone and address are personal data, sealed with his own key as soon as the legal service receives them: never stored or published in clear.';

/**
 * Perpetrators: everyone who profits from her exploitation, from the trafficker to the buyer and
 * the lodge owner, and the networks they form. Owned by the legal service; the gateway validates
 * and authorises, it holds no domain logic and no data.
 */
@ApiTags('legal: perpetrators')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'no token, or an invalid or expired one' })
@ApiForbiddenResponse({ description: 'the role may not do this, or an admin stated no reason (x-access-reason)' })
@ApiBadRequestResponse({ description: invalid })
@Controller('perpetrators')
export class PerpetratorsController {
  constructor(@Inject(LEGAL) private readonly legal: ServiceClient) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('profilePerpetrator')
  @ApiOperation({
    summary: 'Profile a perpetrator',
    description:
      'Everyone who profits from her exploitation, not only the trafficker: his category says whether he profits directly (trafficker, recruiter, ' +
      'pimp, brothel keeper; the buyer, whose demand drives it) or indirectly (lends the market a room, a bar, a ride or money). ' +
      `${sealed} Where he operates is kept as state and district only. ${rolesNote(endpointRoles.profilePerpetrator)}`,
  })
  @ApiCreatedResponse({ type: RecordedResponse, description: 'id: the perpetrator id' })
  profile(@Body() request: ProfilePerpetratorRequest, @Req() caller: Request): Promise<RecordedResponse> {
    return this.legal.send('POST', '/perpetrators', caller, request);
  }

  @Post(':perpetratorId/links')
  @HttpCode(204)
  @StaffEndpoint('linkPerpetrators')
  @ApiOperation({
    summary: 'Link him to another perpetrator of his network',
    description:
      'Who works for, works with, supplies or finances whom, so that a case can reach past the man caught on the spot. Both must be profiled; ' +
      `the same link twice is recorded once. ${rolesNote(endpointRoles.linkPerpetrators)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: notFound })
  @ApiUnprocessableEntityResponse({ description: `${refused} (the other is not profiled, or is himself: details name otherPerpetratorId)` })
  link(
    @IdParam('perpetratorId') perpetratorId: string,
    @Body() request: LinkPerpetratorsRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.legal.send('POST', `/perpetrators/${perpetratorId}/links`, caller, request);
  }

  @Post(':perpetratorId/corrections')
  @HttpCode(204)
  @StaffEndpoint('correctPerpetratorProfile')
  @ApiOperation({
    summary: "Correct a perpetrator's profile",
    description:
      'His whole profile again, as it should have been recorded (name, aliases, phone, address, category, places), with why, as a code: ' +
      `it replaces what was recorded. ${sealed} For who may see him. ${rolesNote(endpointRoles.correctPerpetratorProfile)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: notFound })
  correct(
    @IdParam('perpetratorId') perpetratorId: string,
    @Body() request: CorrectPerpetratorProfileRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.legal.send('POST', `/perpetrators/${perpetratorId}/corrections`, caller, request);
  }

  @Post(':perpetratorId/erasure')
  @HttpCode(204)
  @StaffEndpoint('erasePerpetrator')
  @ApiOperation({
    summary: "Erase a perpetrator's profile",
    description:
      'His data key is destroyed: every sealed copy of his name, aliases, phone and address, in every topic, database and backup, is unreadable ' +
      'from then on, and he can no longer be read, named in a case or linked (the cases that named him keep his id). A wrongly identified man ' +
      `does not stay on record as a perpetrator. Repeating it answers the same. ${rolesNote(endpointRoles.erasePerpetrator)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: notFound })
  erase(
    @IdParam('perpetratorId') perpetratorId: string,
    @Body() request: ErasePerpetratorRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.legal.send('POST', `/perpetrators/${perpetratorId}/erasure`, caller, request);
  }

  @Get(':perpetratorId')
  @StaffEndpoint('readPerpetrator')
  @ApiOperation({
    summary: "A perpetrator's profile and links",
    description:
      `His category, whether he profits directly or indirectly, where he operates and his links. ${sealed} ` +
      'Here it is opened with his key, for the legal officer who profiled him and the teams of the cases that name him (an admin with a reason). ' +
      rolesNote(endpointRoles.readPerpetrator),
  })
  @ApiOkResponse({ type: PerpetratorView })
  @ApiNotFoundResponse({ description: notFound })
  read(@IdParam('perpetratorId') perpetratorId: string, @Req() caller: Request): Promise<PerpetratorView> {
    return this.legal.send('GET', `/perpetrators/${perpetratorId}`, caller);
  }
}
