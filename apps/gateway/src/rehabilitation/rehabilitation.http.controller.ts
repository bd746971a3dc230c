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
  AdmitToShelterRequest,
  CounsellingSessionsView,
  DischargeFromShelterRequest,
  endpointRoles,
  EnrolInEducationRequest,
  OpenCarePlanRequest,
  RecordCompensationRequest,
  RecordCounsellingSessionRequest,
  RecordedResponse,
  RecordFollowUpRequest,
  RecordHealthServiceRequest,
  RecordIdentityDocumentRequest,
  RecordRepatriationStepRequest,
  ScheduleFollowUpsRequest,
  SetCarePlanGoalRequest,
  ShelterStaysView,
} from '@mukti/staff-api';
import { rolesNote } from '../openapi';
import { REHABILITATION } from '../upstream/service-client';

const notFound = 'no such person, no care plan for her, or you are not on her case team';
const refused = 'a rule refused it; details name the field and the reason';
const invalid = 'a field is missing or not valid; details name each field and the reason';
const conflict = 'it conflicts with what is already recorded on her care plan';

/**
 * A survivor's care plan and everything done under it, from shelter to reintegration: owned by
 * the rehabilitation service. The gateway validates and authorises; it holds no domain logic.
 */
@ApiTags('rehabilitation')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'no token, or an invalid or expired one' })
@ApiForbiddenResponse({ description: 'the role may not do this, or an admin stated no reason' })
@ApiHeader({ name: 'x-access-reason', required: false, description: "admins: why you open this person's record (required for admins; recorded in the audit trail)" })
@ApiBadRequestResponse({ description: invalid })
@Controller('people/:personId')
export class RehabilitationController {
  constructor(@Inject(REHABILITATION) private readonly rehabilitation: ServiceClient) {}

  @Post('care-plan')
  @HttpCode(204)
  @StaffEndpoint('openCarePlan')
  @ApiOperation({
    summary: 'Open her care plan by hand, with its goals',
    description:
      'For a survivor who came another way than a rescue (a rescue opens the plan by itself). One plan per person; ' +
      `a child (or a person of unknown age) is put on the child-protection path. ${rolesNote(endpointRoles.openCarePlan)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'no such person, or you are not on her case team' })
  @ApiConflictResponse({ description: 'she already has a care plan' })
  @ApiUnprocessableEntityResponse({ description: refused })
  openCarePlan(@IdParam('personId') personId: string, @Body() request: OpenCarePlanRequest, @Req() caller: Request): Promise<void> {
    return this.rehabilitation.send('POST', `/people/${personId}/care-plan`, caller, request);
  }

  @Post('care-plan/goals')
  @HttpCode(204)
  @StaffEndpoint('setCarePlanGoal')
  @ApiOperation({
    summary: 'Set the status of a goal in her care plan',
    description: `A goal is open, achieved or discontinued. ${rolesNote(endpointRoles.setCarePlanGoal)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: notFound })
  @ApiConflictResponse({ description: conflict })
  @ApiUnprocessableEntityResponse({ description: refused })
  setCarePlanGoal(
    @IdParam('personId') personId: string,
    @Body() request: SetCarePlanGoalRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.rehabilitation.send('POST', `/people/${personId}/care-plan/goals`, caller, request);
  }

  @Post('shelter-admissions')
  @HttpCode(204)
  @StaffEndpoint('admitToShelter')
  @ApiOperation({
    summary: 'Admit her to a shelter',
    description:
      'A child (or a person of unknown age) is admitted only to a child care institution. ' +
      `Where she stays is where she can be found: the shelter's name is sealed with her key (by intake) before anything is stored or published, ` +
      `and unreadable everywhere once she is erased; its kind, state and district stay coded. ${rolesNote(endpointRoles.admitToShelter)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: notFound })
  @ApiConflictResponse({ description: conflict })
  @ApiUnprocessableEntityResponse({ description: `${refused} (a child to other than a child care institution: details name shelter.kind)` })
  admitToShelter(
    @IdParam('personId') personId: string,
    @Body() request: AdmitToShelterRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.rehabilitation.send('POST', `/people/${personId}/shelter-admissions`, caller, request);
  }

  @Post('shelter-discharges')
  @HttpCode(204)
  @StaffEndpoint('dischargeFromShelter')
  @ApiOperation({
    summary: 'Discharge her from her shelter',
    description: `From the shelter she was admitted to, with the reason she left. ${rolesNote(endpointRoles.dischargeFromShelter)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: notFound })
  @ApiConflictResponse({ description: `${conflict} (she is not in a shelter)` })
  @ApiUnprocessableEntityResponse({ description: refused })
  dischargeFromShelter(
    @IdParam('personId') personId: string,
    @Body() request: DischargeFromShelterRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.rehabilitation.send('POST', `/people/${personId}/shelter-discharges`, caller, request);
  }

  @Post('counselling-sessions')
  @HttpCode(201)
  @StaffEndpoint('recordCounsellingSession')
  @ApiOperation({
    summary: 'Record a counselling session',
    description:
      'The notes are her personal data: sealed with her key, readable by counsellors only, and erased with her. ' +
      `An admin may record that a session took place but never reads what was said. ${rolesNote(endpointRoles.recordCounsellingSession)}`,
  })
  @ApiCreatedResponse({ type: RecordedResponse, description: 'id: the session id' })
  @ApiNotFoundResponse({ description: notFound })
  @ApiConflictResponse({ description: conflict })
  @ApiUnprocessableEntityResponse({ description: refused })
  recordCounsellingSession(
    @IdParam('personId') personId: string,
    @Body() request: RecordCounsellingSessionRequest,
    @Req() caller: Request,
  ): Promise<RecordedResponse> {
    return this.rehabilitation.send('POST', `/people/${personId}/counselling-sessions`, caller, request);
  }

  @Get('counselling-sessions')
  @StaffEndpoint('readCounsellingSessions')
  @ApiOperation({
    summary: 'Her counselling sessions',
    description:
      'Notes are opened for counsellors only; an admin sees that sessions took place, not what was said. ' +
      `Once her data is erased, no one reads the notes. ${rolesNote(endpointRoles.readCounsellingSessions)}`,
  })
  @ApiOkResponse({ type: CounsellingSessionsView })
  @ApiNotFoundResponse({ description: notFound })
  readCounsellingSessions(@IdParam('personId') personId: string, @Req() caller: Request): Promise<CounsellingSessionsView> {
    return this.rehabilitation.send('GET', `/people/${personId}/counselling-sessions`, caller);
  }

  @Get('shelter-stays')
  @StaffEndpoint('readShelterStays')
  @ApiOperation({
    summary: 'Where she has stayed, and where she is now',
    description:
      "Each admission and the discharge that ended it, oldest first, with the shelter's name (sealed with her key: opened by intake for you). " +
      `Once her data is erased, the names are gone. ${rolesNote(endpointRoles.readShelterStays)}`,
  })
  @ApiOkResponse({ type: ShelterStaysView })
  @ApiNotFoundResponse({ description: notFound })
  readShelterStays(@IdParam('personId') personId: string, @Req() caller: Request): Promise<ShelterStaysView> {
    return this.rehabilitation.send('GET', `/people/${personId}/shelter-stays`, caller);
  }

  @Post('health-services')
  @HttpCode(204)
  @StaffEndpoint('recordHealthService')
  @ApiOperation({ summary: 'Record a health service she received', description: `Coded only: no diagnosis. ${rolesNote(endpointRoles.recordHealthService)}` })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: notFound })
  @ApiConflictResponse({ description: conflict })
  @ApiUnprocessableEntityResponse({ description: refused })
  recordHealthService(
    @IdParam('personId') personId: string,
    @Body() request: RecordHealthServiceRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.rehabilitation.send('POST', `/people/${personId}/health-services`, caller, request);
  }

  @Post('education-enrolments')
  @HttpCode(204)
  @StaffEndpoint('enrolInEducation')
  @ApiOperation({ summary: 'Enrol her in an education programme', description: rolesNote(endpointRoles.enrolInEducation) })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: notFound })
  @ApiConflictResponse({ description: conflict })
  @ApiUnprocessableEntityResponse({ description: refused })
  enrolInEducation(
    @IdParam('personId') personId: string,
    @Body() request: EnrolInEducationRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.rehabilitation.send('POST', `/people/${personId}/education-enrolments`, caller, request);
  }

  @Post('identity-documents')
  @HttpCode(204)
  @StaffEndpoint('recordIdentityDocument')
  @ApiOperation({
    summary: 'Record the status of an identity document',
    description:
      'Applied, obtained or refused. A voter ID obtained is also recorded as voter registration: taking part in democracy ' +
      `is an outcome of its own. ${rolesNote(endpointRoles.recordIdentityDocument)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: notFound })
  @ApiConflictResponse({ description: conflict })
  @ApiUnprocessableEntityResponse({ description: refused })
  recordIdentityDocument(
    @IdParam('personId') personId: string,
    @Body() request: RecordIdentityDocumentRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.rehabilitation.send('POST', `/people/${personId}/identity-documents`, caller, request);
  }

  @Post('repatriation-steps')
  @HttpCode(204)
  @StaffEndpoint('recordRepatriationStep')
  @ApiOperation({
    summary: 'Record a step of her repatriation',
    description:
      'The home investigation report comes first and states its outcome; escort and handover need a favourable home investigation report. ' +
      'A handover names whom she was handed over to: a child is handed over to the Child Welfare Committee of her home district, never straight ' +
      `to the family. Home is her state and district, not her address. ${rolesNote(endpointRoles.recordRepatriationStep)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: notFound })
  @ApiConflictResponse({ description: conflict })
  @ApiUnprocessableEntityResponse({
    description: `${refused} (no favourable home investigation report: details name step; a child handed over to her family: details name handedOverTo)`,
  })
  recordRepatriationStep(
    @IdParam('personId') personId: string,
    @Body() request: RecordRepatriationStepRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.rehabilitation.send('POST', `/people/${personId}/repatriation-steps`, caller, request);
  }

  @Post('follow-up-schedule')
  @HttpCode(204)
  @StaffEndpoint('scheduleFollowUps')
  @ApiOperation({
    summary: 'Schedule her reintegration follow-ups',
    description:
      'A follow-up every so many months for so many months, from a date. A follow-up not held within 14 days of its due date ' +
      `raises an alert, open until it is held. ${rolesNote(endpointRoles.scheduleFollowUps)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: notFound })
  @ApiConflictResponse({ description: conflict })
  @ApiUnprocessableEntityResponse({ description: refused })
  scheduleFollowUps(
    @IdParam('personId') personId: string,
    @Body() request: ScheduleFollowUpsRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.rehabilitation.send('POST', `/people/${personId}/follow-up-schedule`, caller, request);
  }

  @Post('follow-ups')
  @HttpCode(204)
  @StaffEndpoint('recordFollowUp')
  @ApiOperation({
    summary: 'Record a reintegration follow-up as held',
    description:
      'It answers a scheduled follow-up; one not held within 14 days of its due date has raised an alert, which this closes. ' +
      `Records how she is and her risk of being trafficked again. ${rolesNote(endpointRoles.recordFollowUp)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: notFound })
  @ApiConflictResponse({ description: `${conflict} (no follow-up is scheduled and not yet held)` })
  @ApiUnprocessableEntityResponse({ description: refused })
  recordFollowUp(
    @IdParam('personId') personId: string,
    @Body() request: RecordFollowUpRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.rehabilitation.send('POST', `/people/${personId}/follow-ups`, caller, request);
  }

  @Post('compensation')
  @HttpCode(204)
  @StaffEndpoint('recordCompensation')
  @ApiOperation({
    summary: 'Record a stage of her compensation claim',
    description:
      'Applied, awarded or paid, under a scheme; an award or payment gives the amount in rupees. ' +
      `${rolesNote(endpointRoles.recordCompensation)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: notFound })
  @ApiConflictResponse({ description: conflict })
  @ApiUnprocessableEntityResponse({ description: refused })
  recordCompensation(
    @IdParam('personId') personId: string,
    @Body() request: RecordCompensationRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.rehabilitation.send('POST', `/people/${personId}/compensation`, caller, request);
  }
}
